"""Scoring the quickscan: DMA scores and band, acatech stage, follower group, technology profile.

How we score (the text of the public "how we score" page follows these rules):

Question scores, 0 to 10 (the DMA's own method)
- Checkbox question: 10 × ticked items / items. "None of these" counts as no item ticked.
- Q1, business areas: per area 1 if already digitalised, else 0.5 if planned, else 0;
  Q1 = 10 × sum / 10. Example: 3 areas digitalised and 2 more planned: 10 × (3 + 1) / 10 = 4.0.
- Rows on the 0–5 scale (Q4, Q9): 10 × sum of levels / (5 × rows).
- Rows answered no / partly / yes (Q11): 10 × sum of (0, 0.5, 1) / rows.
- Q7, data: 10 × practices ticked / 7; "data is not collected digitally" excludes every other
  answer and scores 0.

Dimension scores, 0 to 100: 10 × the mean of the dimension's question scores (D5 = 10 × Q9).
Overall score: the mean of the six dimension scores. Band, decided on the unrounded overall score:
up to and including 25 basic, up to 50 average, up to 75 moderately advanced, above 75 advanced.
All arithmetic is exact (fractions); the scores are handed out as floats, unrounded — round only
for display.

acatech stage: the highest stage whose statements, and those of every stage below it, are all
answered "yes" (0 if stage 1 is not complete). A gap lower down caps the stage: stage 3 all "yes"
but one stage-2 statement "partly" gives stage 1. Progress towards the next stage is the share of
its statements answered yes (1) or partly (0.5).

Follower group: see `groups`. Technology profile and island score: see `technology`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from borderless.core.i18n import Message
from borderless.core.quickscan import texts_more
from borderless.core.quickscan.groups import FollowerGroup, GroupDecision, GroupRules, follower_group
from borderless.core.quickscan.questionnaire import (
    QUESTIONNAIRE,
    SCALE_MAX,
    TRI_VALUES,
    Question,
    Questionnaire,
    QuestionType,
)
from borderless.core.quickscan.technology import TechnologyProfile, technology_profile
from borderless.core.quickscan.validation import (
    AnswerError,
    ErrorCode,
    InvalidAnswers,
    area_flags,
    as_id_collection,
    link_pairs,
    validate_answers,
)

__all__ = [
    "AnswerError",
    "Band",
    "CompanyData",
    "ErrorCode",
    "FollowerGroup",
    "GroupRules",
    "InvalidAnswers",
    "Result",
    "StageResult",
    "StrategyData",
    "band_for",
    "question_score",
    "score",
    "validate_answers",
]

MAX_STAGE = 6


class Band(StrEnum):
    BASIC = "basic"
    AVERAGE = "average"
    MODERATELY_ADVANCED = "moderately_advanced"
    ADVANCED = "advanced"

    @property
    def title(self) -> Message:  # type: ignore[override]  # the member's name, not str.title
        return texts_more.BANDS[self.value]


BAND_UPPER_BOUNDS: tuple[tuple[int, Band], ...] = ((25, Band.BASIC), (50, Band.AVERAGE), (75, Band.MODERATELY_ADVANCED))


def band_for(overall: float | Fraction) -> Band:
    """The band of an unrounded overall score: ≤25 basic, ≤50 average, ≤75 moderately advanced, else advanced."""
    for upper, band in BAND_UPPER_BOUNDS:
        if overall <= upper:
            return band
    return Band.ADVANCED


@dataclass(frozen=True)
class StageResult:
    reached: int  # 0..6
    progress: float | None  # share of the next stage's statements met (yes 1, partly 0.5); None at stage 6
    can_do: tuple[str, ...]  # statement ids answered "yes", all stages
    next_needs: tuple[str, ...]  # statement ids of the next stage not yet "yes"

    @property
    def next_stage(self) -> int | None:
        return self.reached + 1 if self.reached < MAX_STAGE else None


@dataclass(frozen=True)
class CompanyData:
    size_class: str  # "micro" | "small" | "medium" | "large"
    sector: str  # NACE division, "28"
    country: str  # "NL" | "DE"
    region: str  # NUTS-3, "NL213"


@dataclass(frozen=True)
class StrategyData:
    written_strategy: str  # "no" | "in_preparation" | "yes"
    rd: str  # "no" | "with_partners" | "own"
    data_services: str  # "none" | "planned" | "piloting" | "in_use"
    value_sought: tuple[str, ...]  # "growth", "productivity"; () if not decided
    cross_border: tuple[str, ...]  # "customers", "suppliers", "innovation_partners", "staff", "site"


@dataclass(frozen=True)
class Result:
    question_scores: Mapping[str, float]  # "D1.Q1" .. "D6.Q11" -> 0..10
    dimension_scores: Mapping[str, float]  # "D1" .. "D6" -> 0..100
    overall: float  # 0..100, unrounded
    band: Band
    stage: StageResult
    group: GroupDecision
    technology: TechnologyProfile
    company: CompanyData
    strategy: StrategyData

    def weakest_dimensions(self) -> tuple[str, ...]:
        """Dimension ids from lowest to highest score; ties keep the order D1 … D6."""
        return tuple(sorted(self.dimension_scores, key=lambda d: self.dimension_scores[d]))


def question_score(question: Question, answer: object) -> Fraction:
    """The 0..10 score of one validated answer to a scored question."""
    positives = question.positive_items
    if question.type in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
        ticked = set(as_id_collection(answer) or ())
        return Fraction(10 * sum(item.id in ticked for item in positives), len(positives))
    if question.type is QuestionType.AREA_DONE_PLANNED:
        flags = area_flags(answer)
        points = sum((Fraction(1) if flags[item.id][0] else Fraction(1, 2)) for item in positives if item.id in flags)
        return 10 * Fraction(points) / len(positives)
    if question.type is QuestionType.SCALE_0_5:
        levels = answer if isinstance(answer, Mapping) else {}
        return Fraction(10 * sum(levels[item.id] for item in positives), SCALE_MAX * len(positives))
    if question.type is QuestionType.NO_PARTLY_YES:
        values = answer if isinstance(answer, Mapping) else {}
        return 10 * sum((TRI_VALUES[values[item.id]] for item in positives), Fraction(0)) / len(positives)
    raise ValueError(f"{question.id} is not a scored question type")


def exact_scores(
    answers: Mapping[str, object], questionnaire: Questionnaire = QUESTIONNAIRE
) -> tuple[dict[str, Fraction], dict[str, Fraction], Fraction]:
    """Question, dimension and overall scores as exact fractions (validated answers)."""
    questions = {
        qid: question_score(questionnaire.question(qid), answers[qid])
        for dim in questionnaire.dimensions
        for qid in dim.question_ids
    }
    dimensions = {
        dim.id: 10 * sum((questions[q] for q in dim.question_ids), Fraction(0)) / len(dim.question_ids)
        for dim in questionnaire.dimensions
    }
    overall = sum(dimensions.values(), Fraction(0)) / len(dimensions)
    return questions, dimensions, overall


def stage_result(answers: Mapping[str, object], questionnaire: Questionnaire = QUESTIONNAIRE) -> StageResult:
    """The acatech stage reached and the progress towards the next one (validated answers)."""
    by_stage: list[list[tuple[str, str]]] = []
    for stage in questionnaire.stages:
        rows = answers[stage.question_id]
        assert isinstance(rows, Mapping)  # noqa: S101 - narrows the type; the answers were validated before
        by_stage.append([(item.id, rows[item.id]) for item in questionnaire.question(stage.question_id).items])
    reached = 0
    for statements in by_stage:
        if any(value != "yes" for _id, value in statements):
            break
        reached += 1
    can_do = tuple(sid for statements in by_stage for sid, value in statements if value == "yes")
    if reached == MAX_STAGE:
        return StageResult(reached, None, can_do, ())
    following = by_stage[reached]
    progress = sum((TRI_VALUES[value] for _id, value in following), Fraction(0)) / len(following)
    return StageResult(reached, float(progress), can_do, tuple(sid for sid, value in following if value != "yes"))


def _key(option_id: object) -> str:
    return str(option_id).rsplit(".", 1)[1]


def _ticked_keys(question: Question, answer: object) -> tuple[str, ...]:
    """Keys of the ticked items in questionnaire order, without "none of these"."""
    ticked = set(as_id_collection(answer) or ())
    return tuple(item.key for item in question.positive_items if item.id in ticked)


def score(
    answers: Mapping[str, object],
    *,
    rules: GroupRules | None = None,
    questionnaire: Questionnaire = QUESTIONNAIRE,
) -> Result:
    """Score complete answers (shapes: see `validation`). Raises `InvalidAnswers` if any answer is bad."""
    errors = validate_answers(answers, questionnaire=questionnaire)
    if errors:
        raise InvalidAnswers(errors)
    questions, dimensions, overall = exact_scores(answers, questionnaire)
    stage = stage_result(answers, questionnaire)
    statuses = answers["T.use"]
    q4_levels = answers["D2.Q4"]
    assert isinstance(statuses, Mapping) and isinstance(q4_levels, Mapping)  # noqa: S101 - narrows the type; the answers were validated before
    group = follower_group(
        stage=stage.reached,
        rd_option=str(answers["S.rd"]),
        data_service_option=str(answers["S.data_services"]),
        statuses=statuses,
        q4_levels=q4_levels,
        rules=rules,
        questionnaire=questionnaire,
    )
    return Result(
        question_scores={qid: float(value) for qid, value in questions.items()},
        dimension_scores={dim: float(value) for dim, value in dimensions.items()},
        overall=float(overall),
        band=band_for(overall),
        stage=stage,
        group=group,
        technology=technology_profile(statuses, link_pairs(answers.get("T.links")), questionnaire=questionnaire),
        company=CompanyData(
            size_class=_key(answers["C.size_class"]),
            sector=str(answers["C.sector"]),
            country=_key(answers["C.country"]),
            region=str(answers["C.region"]),
        ),
        strategy=StrategyData(
            written_strategy=_key(answers["S.strategy"]),
            rd=_key(answers["S.rd"]),
            data_services=_key(answers["S.data_services"]),
            value_sought=_ticked_keys(questionnaire.question("S.value"), answers["S.value"]),
            cross_border=_ticked_keys(questionnaire.question("S.cross_border"), answers["S.cross_border"]),
        ),
    )
