"""Properties that hold for every valid set of answers (hypothesis)."""

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from borderless.core.i18n import LANGUAGES
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, SCALE_MAX, QuestionType
from borderless.core.quickscan.roadmap import roadmap
from borderless.core.quickscan.scoring import score
from borderless.core.quickscan.validation import validate_answers
from tests.core.translations import tr

from .builders import nothing_yet

Q = QUESTIONNAIRE
TRI = ("no", "partly", "yes")
AREA_STATES = ({}, {"planned": True}, {"done": True}, {"done": True, "planned": True})


@st.composite
def answer_to(draw, question):
    kind = question.type
    if kind in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
        ticked = draw(st.sets(st.sampled_from([i.id for i in question.positive_items])))
        if ticked:
            return sorted(ticked)
        return [draw(st.sampled_from([i.id for i in question.exclusive_items]))]
    if kind is QuestionType.AREA_DONE_PLANNED:
        areas = {i.id: draw(st.sampled_from(AREA_STATES)) for i in question.positive_items}
        return {k: v for k, v in areas.items() if v} or question.none_item.id
    if kind is QuestionType.SCALE_0_5:
        return {i: draw(st.integers(0, SCALE_MAX)) for i in question.item_ids()}
    if kind is QuestionType.NO_PARTLY_YES:
        return {i: draw(st.sampled_from(TRI)) for i in question.item_ids()}
    if kind is QuestionType.TECH_STATUS:
        return {i: draw(st.sampled_from(["in_use", "piloting", "planned", "none"])) for i in question.item_ids()}
    if kind is QuestionType.SINGLE_CHOICE:
        return draw(st.sampled_from(question.item_ids()))
    raise AssertionError(kind)


@st.composite
def valid_answers(draw):
    answers = nothing_yet()
    for question in Q.questions:
        if question.type not in (QuestionType.CODE, QuestionType.TECH_LINKS):
            answers[question.id] = draw(answer_to(question))
    in_use = sorted(t for t, status in answers["T.use"].items() if status == "in_use")
    pairs = draw(st.sets(st.sampled_from(list(combinations(in_use, 2))))) if len(in_use) >= 2 else set()
    answers["T.links"] = [list(p) for p in sorted(pairs)] or "T.links.none"
    return answers


def raises(answers):
    """Every change that ticks one more item, raises one level or moves one row towards "yes"."""
    changes = []
    for question in Q.questions:
        answer = answers[question.id]
        if question.type in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
            ticked = [i for i in answer if not Q.item(i).exclusive]
            for item in question.positive_items:
                if item.id not in ticked:
                    changes.append((question.id, [*ticked, item.id]))
        elif question.type is QuestionType.AREA_DONE_PLANNED:
            areas = answer if isinstance(answer, dict) else {}
            for item in question.positive_items:
                state = areas.get(item.id, {})
                for flag in ("done", "planned"):
                    if not state.get(flag):
                        changes.append((question.id, {**areas, item.id: {**state, flag: True}}))
        elif question.type is QuestionType.SCALE_0_5:
            for row, level in answer.items():
                if level < SCALE_MAX:
                    changes.append((question.id, {**answer, row: level + 1}))
        elif question.type is QuestionType.NO_PARTLY_YES:
            for row, value in answer.items():
                if value != "yes":
                    changes.append((question.id, {**answer, row: TRI[TRI.index(value) + 1]}))
    return changes


def every_score(result):
    return {**result.question_scores, **{d: s for d, s in result.dimension_scores.items()}, "overall": result.overall}


def stage_level(result):
    return result.stage.reached + (result.stage.progress or 0)


@settings(max_examples=120, deadline=None)
@given(valid_answers())
def test_every_score_stays_within_its_range(answers):
    assert validate_answers(answers) == []
    result = score(answers)
    assert all(0 <= s <= 10 for s in result.question_scores.values())
    assert all(0 <= s <= 100 for s in result.dimension_scores.values())
    assert 0 <= result.overall <= 100
    assert 0 <= result.stage.reached <= 6
    assert result.stage.progress is None or 0 <= result.stage.progress < 1
    assert result.technology.island_score is None or 0 <= result.technology.island_score <= 1


@settings(max_examples=120, deadline=None)
@given(valid_answers(), st.data())
def test_ticking_more_or_answering_higher_never_lowers_a_score(answers, data):
    changes = raises(answers)
    if not changes:
        return  # every answer already at its top
    question_id, raised = data.draw(st.sampled_from(changes))
    before = score(answers)
    after = score({**answers, question_id: raised})
    old, new = every_score(before), every_score(after)
    assert all(new[key] >= old[key] for key in old), (question_id, raised)
    assert after.stage.reached >= before.stage.reached
    assert stage_level(after) >= stage_level(before)


@settings(max_examples=60, deadline=None)
@given(valid_answers())
def test_every_roadmap_has_three_to_five_explained_steps(answers):
    steps = roadmap(score(answers))
    assert 3 <= len(steps) <= 5
    assert len({s.id for s in steps}) == len(steps)
    assert steps[-1].id == "lighthouse"
    for step in steps:
        assert step.instruments
        assert all(tr(step.why_message, lang) and "%(" not in tr(step.why_message, lang) for lang in LANGUAGES)
