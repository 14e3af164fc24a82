"""Reading and checking one page of the quickscan.

A page is generated from the core questionnaire. Its form fields are named after the questionnaire's
own identifiers, so the posted values translate one to one into the answer shapes the core validates
(see `borderless.core.quickscan.validation`):

- checkbox questions and T.links: the question id, once per ticked item (T.links: "<tech>|<tech>");
- Q1: the area's item id with "done" and/or "planned"; "none of these" as the question id;
- rows (0–5 scale, no/partly/yes, technology status): the row's item id with the level or choice;
- single choice and codes: the question id with the option id or the code.

A value the page never offered (an unknown field, item, level or option, or two values where one is
expected) is not a mistake a person can make in the browser: `SectionForm.is_valid` raises `Tampered`
and the view answers 400. What a person can get wrong (a question left open, "none of these" ticked
with other answers) becomes a message on the question, in the user's language.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from borderless.content_fields import in_language
from borderless.core.quickscan.questionnaire import AREA_FLAG_LABELS, AREA_FLAGS, QUESTIONNAIRE, Question, QuestionType
from borderless.core.quickscan.validation import (
    AnswerError,
    ErrorCode,
    link_pairs,
    technologies_in_use,
    validate_answers,
)
from borderless.i18n.translation import translate
from borderless.organisations.models import Country, NaceDivision, NutsRegion

from .widgets import ROW_TYPES, Field, Shown, build_field, html_id, pair_value, row_values
from .wizard import Step, in_use_in_order

CONTINUE, BACK, LATER = "continue", "back", "later"
ACTIONS = (CONTINUE, BACK, LATER)
# Fields every page posts besides its answers.
CONTROL_FIELDS = frozenset({"csrfmiddlewaretoken", "action"})
# Codes that only a value the form never offered can cause; a person gets MISSING or EXCLUSIVE_CONFLICT.
TAMPER_CODES = frozenset(
    {
        ErrorCode.UNKNOWN_ITEM,
        ErrorCode.OUT_OF_RANGE,
        ErrorCode.UNKNOWN_QUESTION,
        ErrorCode.INVALID,
        ErrorCode.NOT_IN_USE,
    }
)

MESSAGES = {
    "missing": _("Please answer this question."),
    "missing_single": _("Please choose one of the answers."),
    "missing_code": _("Please choose an entry from the list."),
    "missing_choice": _("Please tick at least one answer. If none applies, tick “%(none)s”."),
    "missing_choice_exclusive": _("Please tick at least one answer, or one of the last two answers on its own."),
    "missing_area": _("Please tick “%(done)s” or “%(planned)s” for at least one area, or tick “%(none)s”."),
    "missing_row": _("Please choose an answer for this row."),
    "exclusive": _("“%(item)s” cannot be combined with other answers: untick it or untick the others."),
    "missing_links": _("Please tick the pairs that exchange data, or tick “%(none)s”."),
    "region_country": _("This region is not in the country you chose."),
}


def _missing_rows_message(count: int) -> str:
    return ngettext(
        "Please choose an answer in every row; %(count)d row is still open.",
        "Please choose an answer in every row; %(count)d rows are still open.",
        count,
    ) % {"count": count}


class Tampered(Exception):
    """The form carries a value that no page of ours offers."""


@dataclass
class Block:
    """Questions under one heading: a DMA dimension, or the whole page."""

    title: str
    fields: list[Field]


class SectionForm:
    """One page of the quickscan, shown from the stored answers or read from a POST."""

    def __init__(self, step: Step, *, lang: str, stored: Mapping[str, Any], data=None):
        self.step = step
        self.lang = lang
        self.stored = stored
        self.data = data
        self.questions = [QUESTIONNAIRE.question(qid) for qid in step.question_ids]
        self.answers: dict[str, Any] = {}  # the page's answers read from the POST
        self.errors: list[AnswerError] = []
        self.extra_errors: dict[str, str] = {}  # question id -> message from checks beside the core's
        self._choices: dict[str, tuple] = {}

    # reading ----------------------------------------------------------------------------------------

    def is_valid(self, *, complete: bool) -> bool:
        """Read and check the POST; raises `Tampered` for values the page never offered.

        `complete` requires every question of the page to be answered ("Save and continue");
        without it the questions answered so far are checked just as strictly ("Back", "Save and
        finish later").
        """
        assert self.data is not None  # noqa: S101 - narrows the type: a bound form has data
        self.answers = self._parse()
        merged = self.merged_answers()
        errors = [e for e in validate_answers(merged, complete=complete) if e.question_id in self.step.question_ids]
        if any(e.code in TAMPER_CODES for e in errors):
            raise Tampered
        self.errors = errors
        self._check_region(merged)
        return not self.errors and not self.extra_errors

    def merged_answers(self) -> dict[str, Any]:
        """The draft as it would be after saving this page."""
        others = {qid: answer for qid, answer in self.stored.items() if qid not in self.step.question_ids}
        merged = {**others, **self.answers}
        if "T.use" in self.step.question_ids and "T.links" in merged:
            merged["T.links"] = _kept_links(merged)
        return merged

    def answers_to_store(self) -> dict[str, Any]:
        """The page's answers, and the data links still possible with the technologies now in use."""
        answers = dict(self.answers)
        if "T.use" in self.step.question_ids and "T.links" in self.stored:
            answers["T.links"] = self.merged_answers()["T.links"]
        return answers

    def _parse(self) -> dict[str, Any]:
        expected = set(CONTROL_FIELDS)
        answers: dict[str, Any] = {}
        for question in self.questions:
            names, answer = _PARSERS[question.type](self, question)
            expected |= names
            if answer is not None:
                answers[question.id] = answer
        if set(self.data.keys()) - expected:
            raise Tampered
        return answers

    def _values(self, name: str, allowed: Collection[str]) -> list[str]:
        values = self.data.getlist(name)
        if any(value not in allowed for value in values) or len(set(values)) != len(values):
            raise Tampered
        return values

    def _value(self, name: str, allowed: Collection[str]) -> str | None:
        values = self._values(name, allowed)
        if len(values) > 1:
            raise Tampered
        return values[0] if values else None

    def _parse_checkbox(self, question: Question) -> tuple[set[str], Any]:
        return {question.id}, self._values(question.id, question.item_ids()) or None

    def _parse_area(self, question: Question) -> tuple[set[str], Any]:
        none = question.none_item
        none_ticked = bool(self._values(question.id, [none.id] if none else []))
        flags: dict[str, Any] = {}
        for item in question.positive_items:
            ticked = self._values(item.id, AREA_FLAGS)
            if ticked:
                flags[item.id] = {flag: flag in ticked for flag in AREA_FLAGS}
        names = {question.id} | {item.id for item in question.positive_items}
        if none_ticked and none is not None:
            # "None of these" with areas ticked is passed on, so that the core reports the conflict.
            return names, ({**flags, none.id: True} if flags else none.id)
        return names, flags or None

    def _parse_rows(self, question: Question) -> tuple[set[str], Any]:
        allowed = row_values(question)
        rows = {}
        for item in question.items:
            value = self._value(item.id, allowed)
            if value is not None:
                rows[item.id] = int(value) if question.type is QuestionType.SCALE_0_5 else value
        return set(question.item_ids()), rows or None

    def _parse_single(self, question: Question) -> tuple[set[str], Any]:
        return {question.id}, self._value(question.id, question.item_ids())

    def _parse_code(self, question: Question) -> tuple[set[str], Any]:
        allowed = {code for _group, codes in self.choices(question) for code, _label in codes}
        return {question.id}, self._value(question.id, allowed | {""}) or None

    def _parse_links(self, question: Question) -> tuple[set[str], Any]:
        none = question.none_item
        pairs = {pair_value(a, b): [a, b] for a, b in combinations(in_use_in_order(self.stored), 2)}
        ticked = self._values(question.id, [*pairs, *([none.id] if none else [])])
        chosen: list[Any] = [pairs[value] for value in ticked if value in pairs]
        if none is not None and none.id in ticked:
            if not chosen:
                return {question.id}, none.id
            chosen.append(none.id)  # passed on, so that the core reports the conflict
        return {question.id}, chosen or None

    def _check_region(self, merged: Mapping[str, Any]) -> None:
        """The region must lie in the country; the core checks only the pattern of the code."""
        region, country = merged.get("C.region"), merged.get("C.country")
        if "C.region" in self.step.question_ids and isinstance(region, str) and isinstance(country, str):
            if not country.endswith("." + region[:2]):
                self.extra_errors["C.region"] = str(MESSAGES["region_country"])

    # choices from reference data --------------------------------------------------------------------

    def choices(self, question: Question) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """The options of a code question, grouped: NACE divisions, or NUTS-3 regions per country."""
        if question.id not in self._choices:
            if question.id == "C.sector":
                divisions = NaceDivision.objects.order_by("code")
                self._choices[question.id] = (
                    ("", tuple((d.code, f"{d.code} {in_language(d, 'label', self.lang)}") for d in divisions)),
                )
            else:
                groups: dict[str, list[tuple[str, str]]] = {}
                # The programme area's regions first: most firms here are in it.
                for region in NutsRegion.objects.filter(level=3).order_by("-in_programme_area", "name"):
                    groups.setdefault(region.country, []).append((region.code, f"{region.name} ({region.code})"))
                self._choices[question.id] = tuple(
                    (str(label), tuple(groups.get(code, []))) for code, label in Country.choices
                )
        return self._choices[question.id]

    # showing ----------------------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        """The page's questions, under the DMA's dimension headings on the DMA page."""
        # After a POST the page shows what was sent; otherwise what is stored.
        shown_answers = self.answers if self.data is not None else self.stored
        fields = [self._field(question, shown_answers.get(question.id)) for question in self.questions]
        if self.step.section.id != "DMA":
            return [Block("", fields)]
        blocks = [
            Block(
                f"{dimension.id} {translate(dimension.title, self.lang)}",
                [f for f in fields if f.question.dimension == dimension.id],
            )
            for dimension in QUESTIONNAIRE.dimensions
        ]
        return [block for block in blocks if block.fields]

    def _field(self, question: Question, answer: Any) -> Field:
        shown = Shown(
            lang=self.lang,
            row_error=str(MESSAGES["missing_row"]),
            missing_rows=frozenset(self._missing_rows(question)),
            in_use=tuple(in_use_in_order(self.stored)) if question.type is QuestionType.TECH_LINKS else (),
            choices=self.choices(question) if question.type is QuestionType.CODE else (),
        )
        return build_field(
            question,
            answer,
            title=translate(question.title, self.lang),
            number=_number(question),
            errors=self._messages(question),
            shown=shown,
        )

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(link target, question, message) of every problem, in page order."""
        return [
            (html_id("q", question.id), self._title(question), message)
            for question in self.questions
            for message in self._messages(question)
        ]

    def _title(self, question: Question) -> str:
        number = _number(question)
        title = translate(question.title, self.lang)
        return f"{number} {title}" if number else title

    def _messages(self, question: Question) -> list[str]:
        messages: list[str] = []
        if question.type in ROW_TYPES and self._missing_rows(question):
            messages.append(_missing_rows_message(len(self._missing_rows(question))))
        for error in self.errors:
            if error.question_id != question.id:
                continue
            if error.code is ErrorCode.MISSING and question.type not in ROW_TYPES:
                messages.append(self._missing_message(question))
            elif error.code is ErrorCode.EXCLUSIVE_CONFLICT and error.item_id:
                item = translate(QUESTIONNAIRE.item(error.item_id).text, self.lang)
                messages.append(str(MESSAGES["exclusive"]) % {"item": item})
        if question.id in self.extra_errors:
            messages.append(self.extra_errors[question.id])
        return list(dict.fromkeys(messages))

    def _missing_rows(self, question: Question) -> set[str]:
        """Rows of a matrix question left open (all of them when the question was not answered at all)."""
        missing = [e for e in self.errors if e.question_id == question.id and e.code is ErrorCode.MISSING]
        if any(e.item_id is None for e in missing):
            return set(question.item_ids())
        return {e.item_id for e in missing if e.item_id}

    def _missing_message(self, question: Question) -> str:
        none = question.none_item
        none_text = translate(none.text, self.lang) if none else ""
        if question.type is QuestionType.AREA_DONE_PLANNED:
            return str(MESSAGES["missing_area"]) % {
                "done": translate(AREA_FLAG_LABELS["done"], self.lang),
                "planned": translate(AREA_FLAG_LABELS["planned"], self.lang),
                "none": none_text,
            }
        if question.type is QuestionType.TECH_LINKS:
            return str(MESSAGES["missing_links"]) % {"none": none_text}
        if question.type is QuestionType.SINGLE_CHOICE:
            return str(MESSAGES["missing_single"])
        if question.type is QuestionType.CODE:
            return str(MESSAGES["missing_code"])
        if len(question.exclusive_items) > 1:
            return str(MESSAGES["missing_choice_exclusive"])
        if none is not None:
            return str(MESSAGES["missing_choice"]) % {"none": none_text}
        return str(MESSAGES["missing"])


def _number(question: Question) -> str:
    """ "Q1" … "Q11" for the DMA's questions."""
    return question.id.split(".")[1] if question.dimension else ""


def _kept_links(merged: Mapping[str, Any]) -> Any:
    """Data links whose technologies are both still in use; the others are asked again."""
    links = merged["T.links"]
    if isinstance(links, str):
        return links
    in_use = technologies_in_use(merged.get("T.use"))
    return [list(pair) for pair in link_pairs(links) if pair[0] in in_use and pair[1] in in_use]


_PARSERS = {
    QuestionType.CHECKBOX: SectionForm._parse_checkbox,
    QuestionType.CHECKBOX_EXCLUSIVE: SectionForm._parse_checkbox,
    QuestionType.AREA_DONE_PLANNED: SectionForm._parse_area,
    QuestionType.SCALE_0_5: SectionForm._parse_rows,
    QuestionType.NO_PARTLY_YES: SectionForm._parse_rows,
    QuestionType.TECH_STATUS: SectionForm._parse_rows,
    QuestionType.SINGLE_CHOICE: SectionForm._parse_single,
    QuestionType.CODE: SectionForm._parse_code,
    QuestionType.TECH_LINKS: SectionForm._parse_links,
}
