"""Checking quickscan answers before anything is scored or stored.

Answers are a plain dict keyed by question id. The value's shape depends on the question type:

==================== ================================================================================
type                 answer
==================== ================================================================================
CHECKBOX,            a list, tuple or set of item ids, e.g. ``["D1.Q2.funding", "D1.Q2.risks"]``;
CHECKBOX_EXCLUSIVE   "none of these" is its item (``"D1.Q2.none"``), which may also be given alone as
                     a bare string. Q7's ``"D4.Q7.not_digital"`` is exclusive in the same way.
AREA_DONE_PLANNED    (Q1) a dict area id -> ``{"done": bool, "planned": bool}``; a missing flag or area
                     means "no". "None of these" is the bare string ``"D1.Q1.none"`` (or the key
                     ``"D1.Q1.none"`` with the value ``True``).
SCALE_0_5            a dict row id -> int 0..5, every row answered (0 = not used … 5 = operational).
NO_PARTLY_YES        a dict row id -> ``"no"`` | ``"partly"`` | ``"yes"``, every row answered.
SINGLE_CHOICE        one option id, e.g. ``"S.rd.own"`` or ``"C.size_class.small"``.
CODE                 a string matching the question's pattern (``"28"``, ``"NL213"``).
TECH_STATUS          a dict technology id -> ``"in_use"`` | ``"piloting"`` | ``"planned"`` | ``"none"``,
                     every technology answered.
TECH_LINKS           a list of pairs ``[tech id, tech id]`` of two different technologies that are both
                     "in_use", or the bare string ``"T.links.none"``. Asked only when at least two
                     technologies are in use; otherwise it may be left out.
==================== ================================================================================

Every question is required (a "none of these" answer is always possible). `validate_answers`
returns one `AnswerError` per problem, naming the question, an error code and, where it applies,
the item; the caller turns the code into a message in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from borderless.core.quickscan.questionnaire import (
    AREA_FLAGS,
    QUESTIONNAIRE,
    SCALE_MAX,
    TRI_VALUES,
    Question,
    Questionnaire,
    QuestionType,
    TechStatus,
)


class ErrorCode(StrEnum):
    MISSING = "missing"  # question not answered, or a row of a matrix question left out
    OUT_OF_RANGE = "out_of_range"  # a level, choice or status that the question does not offer
    UNKNOWN_ITEM = "unknown_item"  # an item id that does not belong to the question
    EXCLUSIVE_CONFLICT = "exclusive_conflict"  # "none of these" (or Q7's "not digital") with other answers
    UNKNOWN_QUESTION = "unknown_question"  # an answer to a question the questionnaire does not have
    INVALID = "invalid"  # wrong shape (not the list, dict or string the type needs), bad code, self-link
    NOT_IN_USE = "not_in_use"  # a data link names a technology that is not in use


@dataclass(frozen=True)
class AnswerError:
    question_id: str
    code: ErrorCode
    item_id: str | None = None


class InvalidAnswers(ValueError):
    """Raised by `score` for answers that do not validate; carries the errors."""

    def __init__(self, errors: Sequence[AnswerError]):
        super().__init__(f"{len(errors)} invalid answer(s): " + ", ".join(f"{e.question_id} {e.code}" for e in errors))
        self.errors = tuple(errors)


# --- reading answers (shared with scoring; they assume the answer has been validated) ------------


def as_id_collection(answer: object) -> tuple[str, ...] | None:
    """A checkbox-like answer as a tuple of ids; None if it has the wrong shape."""
    if isinstance(answer, str):
        return (answer,)
    if isinstance(answer, Collection) and not isinstance(answer, Mapping):
        return tuple(answer)
    return None


def area_flags(answer: object) -> dict[str, tuple[bool, bool]]:
    """Q1 as area id -> (done, planned) for every area with a flag set; {} for "none of these"."""
    if not isinstance(answer, Mapping):
        return {}
    flags = {}
    for area, value in answer.items():
        if isinstance(value, Mapping):
            done, planned = bool(value.get("done", False)), bool(value.get("planned", False))
            if done or planned:
                flags[area] = (done, planned)
    return flags


def technologies_in_use(status_answer: object) -> frozenset[str]:
    if not isinstance(status_answer, Mapping):
        return frozenset()
    return frozenset(tech for tech, status in status_answer.items() if status == TechStatus.IN_USE)


def link_pairs(answer: object) -> tuple[tuple[str, str], ...]:
    """TECH_LINKS as a tuple of (tech, tech); () for "none of these" or no answer."""
    pairs: list[tuple[str, str]] = []
    for element in as_id_collection(answer) or ():
        if not isinstance(element, str) and isinstance(element, Sequence) and len(element) == 2:
            pairs.append((element[0], element[1]))
    return tuple(pairs)


# --- validation --------------------------------------------------------------------------------


def validate_answers(
    answers: Mapping[str, object],
    *,
    complete: bool = True,
    questionnaire: Questionnaire = QUESTIONNAIRE,
) -> list[AnswerError]:
    """All problems with `answers`, in questionnaire order; an empty list means they can be scored.

    With ``complete=False`` (saving to resume later) questions and rows that are not answered yet
    are not errors; everything that *is* answered is checked as strictly as for scoring.
    """
    errors: list[AnswerError] = []
    errors += [
        AnswerError(qid, ErrorCode.UNKNOWN_QUESTION)
        for qid in answers
        if not (isinstance(qid, str) and questionnaire.has_question(qid))
    ]
    in_use = technologies_in_use(answers.get("T.use"))
    for question in questionnaire.questions:
        answer = answers.get(question.id)
        if question.type is QuestionType.TECH_LINKS and len(in_use) < 2 and answer is None:
            continue  # not asked: fewer than two technologies in use
        if answer is None:
            if complete:
                errors.append(AnswerError(question.id, ErrorCode.MISSING))
            continue
        errors += _CHECKS[question.type](question, answer, complete, in_use)
    return errors


def _check_checkbox(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    ids = as_id_collection(answer)
    if ids is None or not all(isinstance(i, str) for i in ids):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    known = {item.id: item for item in question.items}
    errors = [AnswerError(question.id, ErrorCode.UNKNOWN_ITEM, i) for i in ids if i not in known]
    ticked = [known[i] for i in dict.fromkeys(ids) if i in known]
    errors += _exclusive_conflicts(question, [item.id for item in ticked if item.exclusive], len(ticked))
    if not ids and complete:
        errors.append(AnswerError(question.id, ErrorCode.MISSING))
    return errors


def _exclusive_conflicts(question: Question, exclusive_ids: list[str], n_answers: int) -> list[AnswerError]:
    if exclusive_ids and n_answers > 1:
        return [AnswerError(question.id, ErrorCode.EXCLUSIVE_CONFLICT, i) for i in exclusive_ids]
    return []


def _check_area(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    none_id = question.none_item.id if question.none_item else None
    if isinstance(answer, str):
        answer = {answer: True}
    if not isinstance(answer, Mapping):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    areas = {item.id for item in question.positive_items}
    errors: list[AnswerError] = []
    none_ticked = False
    flagged = 0
    for key, value in answer.items():
        if key == none_id:
            if value is not True and value is not False:
                errors.append(AnswerError(question.id, ErrorCode.INVALID, key))
            none_ticked = value is True
        elif key not in areas:
            errors.append(AnswerError(question.id, ErrorCode.UNKNOWN_ITEM, key))
        elif not isinstance(value, Mapping) or set(value) - set(AREA_FLAGS):
            errors.append(AnswerError(question.id, ErrorCode.INVALID, key))
        elif not all(isinstance(flag, bool) for flag in value.values()):
            errors.append(AnswerError(question.id, ErrorCode.INVALID, key))
        elif any(value.values()):
            flagged += 1
    if none_ticked and flagged:
        errors.append(AnswerError(question.id, ErrorCode.EXCLUSIVE_CONFLICT, none_id))
    if complete and not errors and not none_ticked and not flagged:
        errors.append(AnswerError(question.id, ErrorCode.MISSING))
    return errors


def _check_rows(
    question: Question, answer: object, complete: bool, allowed: Callable[[object], bool]
) -> list[AnswerError]:
    if not isinstance(answer, Mapping):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    rows = [item.id for item in question.items]
    errors = [AnswerError(question.id, ErrorCode.UNKNOWN_ITEM, key) for key in answer if key not in rows]
    for row in rows:
        if row not in answer or answer[row] is None:
            if complete:
                errors.append(AnswerError(question.id, ErrorCode.MISSING, row))
        elif not allowed(answer[row]):
            errors.append(AnswerError(question.id, ErrorCode.OUT_OF_RANGE, row))
    return errors


def _is_level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= SCALE_MAX


def _check_scale(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    return _check_rows(question, answer, complete, _is_level)


def _check_tri(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    return _check_rows(question, answer, complete, lambda v: isinstance(v, str) and v in TRI_VALUES)


def _check_status(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    statuses = {s.value for s in TechStatus}
    return _check_rows(question, answer, complete, lambda v: isinstance(v, str) and v in statuses)


def _check_single(question: Question, answer: object, _complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    if not isinstance(answer, str):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    if answer not in {item.id for item in question.items}:
        return [AnswerError(question.id, ErrorCode.OUT_OF_RANGE, answer)]
    return []


def _check_code(question: Question, answer: object, complete: bool, _in_use: frozenset[str]) -> list[AnswerError]:
    if not isinstance(answer, str):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    if not answer:
        return [AnswerError(question.id, ErrorCode.MISSING)] if complete else []
    if question.pattern and not re.fullmatch(question.pattern, answer):
        return [AnswerError(question.id, ErrorCode.INVALID)]
    return []


def _check_links(question: Question, answer: object, complete: bool, in_use: frozenset[str]) -> list[AnswerError]:
    elements = as_id_collection(answer)
    if elements is None:
        return [AnswerError(question.id, ErrorCode.INVALID)]
    none_id = question.none_item.id if question.none_item else None
    errors: list[AnswerError] = []
    none_ticked = False
    pairs = 0
    for element in elements:
        if isinstance(element, str):
            if element == none_id:
                none_ticked = True
            else:
                errors.append(AnswerError(question.id, ErrorCode.UNKNOWN_ITEM, element))
        elif isinstance(element, Sequence) and len(element) == 2 and all(isinstance(t, str) for t in element):
            pairs += 1
            errors += [
                AnswerError(question.id, ErrorCode.NOT_IN_USE, tech)
                for tech in dict.fromkeys(element)
                if tech not in in_use
            ]
            if element[0] == element[1]:
                errors.append(AnswerError(question.id, ErrorCode.INVALID, element[0]))
        else:
            errors.append(AnswerError(question.id, ErrorCode.INVALID))
    if none_ticked and pairs:
        errors.append(AnswerError(question.id, ErrorCode.EXCLUSIVE_CONFLICT, none_id))
    if complete and not elements and len(in_use) >= 2:
        errors.append(AnswerError(question.id, ErrorCode.MISSING))
    return errors


_CHECKS = {
    QuestionType.CHECKBOX: _check_checkbox,
    QuestionType.CHECKBOX_EXCLUSIVE: _check_checkbox,
    QuestionType.AREA_DONE_PLANNED: _check_area,
    QuestionType.SCALE_0_5: _check_scale,
    QuestionType.NO_PARTLY_YES: _check_tri,
    QuestionType.TECH_STATUS: _check_status,
    QuestionType.SINGLE_CHOICE: _check_single,
    QuestionType.CODE: _check_code,
    QuestionType.TECH_LINKS: _check_links,
}
