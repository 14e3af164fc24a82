"""Answer sets for the quickscan tests: a complete "nothing yet" firm, changed per test."""

from __future__ import annotations

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, QuestionType

Q = QUESTIONNAIRE


def items(question_id: str, *keys: str) -> list[str]:
    return [f"{question_id}.{key}" for key in keys]


def nothing_yet() -> dict[str, object]:
    """Complete, valid answers of a small Dutch machine builder that has done nothing yet."""
    answers: dict[str, object] = {
        "C.size_class": "C.size_class.small",
        "C.sector": "28",
        "C.country": "C.country.NL",
        "C.region": "NL213",
        "S.strategy": "S.strategy.no",
        "S.rd": "S.rd.no",
        "S.data_services": "S.data_services.none",
        "S.value": ["S.value.none"],
        "S.cross_border": ["S.cross_border.none"],
        "T.links": "T.links.none",
    }
    for question in Q.questions:
        if question.type in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
            answers.setdefault(question.id, [f"{question.id}.none"])
        elif question.type is QuestionType.AREA_DONE_PLANNED:
            answers[question.id] = f"{question.id}.none"
        elif question.type is QuestionType.SCALE_0_5:
            answers[question.id] = {item: 0 for item in question.item_ids()}
        elif question.type is QuestionType.NO_PARTLY_YES:
            answers[question.id] = {item: "no" for item in question.item_ids()}
        elif question.type is QuestionType.TECH_STATUS:
            answers[question.id] = {item: "none" for item in question.item_ids()}
    return answers


def stages_yes(answers: dict[str, object], up_to: int, value: str = "yes") -> dict[str, object]:
    """Answer every statement of stages 1..up_to with `value`."""
    for stage in range(1, up_to + 1):
        qid = f"A.S{stage}"
        answers[qid] = {item: value for item in Q.question(qid).item_ids()}
    return answers


def all_ticked(question_id: str) -> list[str]:
    return [item.id for item in Q.question(question_id).positive_items]


def use(answers: dict[str, object], status: str = "in_use", *techs: str) -> dict[str, object]:
    statuses = dict(answers["T.use"])  # type: ignore[call-overload]
    statuses.update({f"T.use.{tech}": status for tech in techs})
    answers["T.use"] = statuses
    return answers
