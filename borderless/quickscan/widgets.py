"""What a quickscan page shows for each question: options, matrix rows and their state.

Built from the core questionnaire in the request language; the templates under
templates/quickscan/take/ render it (one template per kind of question).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from borderless.core.quickscan.questionnaire import (
    AREA_FLAG_LABELS,
    AREA_FLAGS,
    QUESTIONNAIRE,
    SCALE_LABELS,
    TECH_STATUS_LABELS,
    TRI_LABELS,
    Question,
    QuestionType,
    TechStatus,
)
from borderless.core.quickscan.validation import link_pairs
from borderless.i18n.translation import translate

PAIR_SEPARATOR = "|"
ROW_TYPES = frozenset({QuestionType.SCALE_0_5, QuestionType.NO_PARTLY_YES, QuestionType.TECH_STATUS})
TEMPLATES = {
    QuestionType.CHECKBOX: "quickscan/take/checkboxes.html",
    QuestionType.CHECKBOX_EXCLUSIVE: "quickscan/take/checkboxes.html",
    QuestionType.AREA_DONE_PLANNED: "quickscan/take/areas.html",
    QuestionType.SCALE_0_5: "quickscan/take/matrix.html",
    QuestionType.NO_PARTLY_YES: "quickscan/take/matrix.html",
    QuestionType.TECH_STATUS: "quickscan/take/matrix.html",
    QuestionType.SINGLE_CHOICE: "quickscan/take/radios.html",
    QuestionType.CODE: "quickscan/take/select.html",
    QuestionType.TECH_LINKS: "quickscan/take/links.html",
}
_TECH_ORDER = {tech: i for i, tech in enumerate(QUESTIONNAIRE.question("T.use").item_ids())}


def html_id(*parts: str) -> str:
    """An HTML id from questionnaire ids: ("q", "D1.Q2") -> "q-D1-Q2"."""
    return "-".join(re.sub(r"[^A-Za-z0-9_-]", "-", part) for part in parts)


def pair_value(a: str, b: str) -> str:
    """The form value of a data link between two technologies."""
    return f"{a}{PAIR_SEPARATOR}{b}"


def row_values(question: Question) -> list[str]:
    """The values a row of a matrix question can take, in column order."""
    if question.type is QuestionType.SCALE_0_5:
        return [str(level) for level in range(len(SCALE_LABELS))]
    if question.type is QuestionType.NO_PARTLY_YES:
        return list(TRI_LABELS)
    return [status.value for status in TechStatus]


def row_labels(question: Question, lang: str) -> list[str]:
    if question.type is QuestionType.SCALE_0_5:
        return [translate(label, lang) for label in SCALE_LABELS]
    if question.type is QuestionType.NO_PARTLY_YES:
        return [translate(label, lang) for label in TRI_LABELS.values()]
    return [translate(TECH_STATUS_LABELS[status.value], lang) for status in TechStatus]


@dataclass
class Option:
    """A checkbox, radio button or select option."""

    name: str
    value: str
    label: str
    html_id: str = ""
    checked: bool = False
    labelled_by: str = ""  # matrix cells: the ids of the row and column headings


@dataclass
class Row:
    """A row of a matrix question (one radio per column), or an area of Q1 (two checkboxes)."""

    item_id: str
    label: str
    html_id: str
    options: list[Option]
    error: str = ""


@dataclass
class OptionGroup:
    """Options under a heading: a cluster of technologies, a country's regions, a technology's links."""

    title: str
    html_id: str = ""
    options: list[Option] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


@dataclass
class Field:
    question: Question
    title: str
    help: str
    number: str  # "Q1" … "Q11" for DMA questions, "" otherwise
    errors: list[str] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)  # checkboxes and radios
    exclusive: list[Option] = field(default_factory=list)  # "none of these" and Q7's "not collected digitally"
    columns: list[str] = field(default_factory=list)  # matrix and Q1 column headings
    areas: list[Row] = field(default_factory=list)  # Q1
    groups: list[OptionGroup] = field(default_factory=list)  # matrix rows, select <optgroup>s, T.links

    @property
    def html_id(self) -> str:
        return html_id("q", self.question.id)

    @property
    def template(self) -> str:
        return TEMPLATES[self.question.type]

    @property
    def described_by(self) -> str:
        ids = [f"{self.html_id}-help"] if self.help else []
        return " ".join(ids + ([f"{self.html_id}-error"] if self.errors else []))

    @property
    def column_ids(self) -> list[str]:
        return [html_id(self.html_id, "col", str(i)) for i in range(len(self.columns))]


@dataclass(frozen=True)
class Shown:
    """What a page needs beside the answer to show a question."""

    lang: str
    row_error: str = ""  # the message on a matrix row left open
    missing_rows: frozenset[str] = frozenset()
    in_use: tuple[str, ...] = ()  # technologies in use, for T.links
    choices: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # codes: (group, ((code, label), ...))


def build_field(question: Question, answer: Any, *, title: str, number: str, errors: list[str], shown: Shown) -> Field:
    result = Field(question, title=title, help=translate(question.help, shown.lang), number=number, errors=errors)
    _BUILDERS[question.type](result, answer, shown)
    return result


def _checkboxes(result: Field, answer: Any, shown: Shown) -> None:
    ticked = set(answer) if isinstance(answer, list | tuple) else {answer}
    for item in result.question.items:
        option = Option(
            result.question.id, item.id, translate(item.text, shown.lang), html_id("o", item.id), item.id in ticked
        )
        (result.exclusive if item.exclusive else result.options).append(option)


def _radios(result: Field, answer: Any, shown: Shown) -> None:
    result.options = [
        Option(result.question.id, item.id, translate(item.text, shown.lang), html_id("o", item.id), answer == item.id)
        for item in result.question.items
    ]


def _none_option(result: Field, ticked: bool, shown: Shown) -> None:
    none = result.question.none_item
    if none is not None:
        result.exclusive.append(
            Option(result.question.id, none.id, translate(none.text, shown.lang), html_id("o", none.id), ticked)
        )


def _areas(result: Field, answer: Any, shown: Shown) -> None:
    question = result.question
    result.columns = [translate(AREA_FLAG_LABELS[flag], shown.lang) for flag in AREA_FLAGS]
    flags = answer if isinstance(answer, Mapping) else {}
    for item in question.positive_items:
        row_flags = flags.get(item.id) if isinstance(flags.get(item.id), Mapping) else {}
        row_id = html_id("r", item.id)
        options = [
            Option(
                item.id,
                flag,
                translate(AREA_FLAG_LABELS[flag], shown.lang),
                html_id("o", item.id, flag),
                bool(row_flags.get(flag)),
                f"{row_id} {column_id}",
            )
            for flag, column_id in zip(AREA_FLAGS, result.column_ids, strict=True)
        ]
        result.areas.append(Row(item.id, translate(item.text, shown.lang), row_id, options))
    none = question.none_item
    none_ticked = none is not None and (
        answer == none.id or (isinstance(answer, Mapping) and answer.get(none.id) is True)
    )
    _none_option(result, none_ticked, shown)


def _matrix(result: Field, answer: Any, shown: Shown) -> None:
    question = result.question
    result.columns = row_labels(question, shown.lang)
    chosen = answer if isinstance(answer, Mapping) else {}
    # Nothing answered yet: the message on the question says so once, not on every row.
    missing = shown.missing_rows if len(shown.missing_rows) < len(question.items) else frozenset()
    groups: dict[str, list[Row]] = {}
    for item in question.items:
        row_id = html_id("r", item.id)
        options = [
            Option(
                item.id,
                value,
                label,
                html_id("o", item.id, value),
                str(chosen.get(item.id)) == value,
                f"{row_id} {column_id}",
            )
            for value, label, column_id in zip(row_values(question), result.columns, result.column_ids, strict=True)
        ]
        error = shown.row_error if item.id in missing else ""
        cluster = translate(QUESTIONNAIRE.cluster(item.cluster).title, shown.lang) if item.cluster else ""
        groups.setdefault(cluster, []).append(Row(item.id, translate(item.text, shown.lang), row_id, options, error))
    result.groups = [OptionGroup(title, rows=rows) for title, rows in groups.items()]


def _select(result: Field, answer: Any, shown: Shown) -> None:
    result.groups = [
        OptionGroup(
            title, options=[Option(result.question.id, code, label, checked=answer == code) for code, label in codes]
        )
        for title, codes in shown.choices
    ]


def _links(result: Field, answer: Any, shown: Shown) -> None:
    question = result.question
    chosen = {pair_value(*sorted(pair, key=_TECH_ORDER.__getitem__)) for pair in link_pairs(answer)}
    for index, tech in enumerate(shown.in_use[:-1]):
        options = [
            Option(
                question.id,
                pair_value(tech, other),
                translate(QUESTIONNAIRE.item(other).text, shown.lang),
                html_id("o", tech, other),
                pair_value(tech, other) in chosen,
            )
            for other in shown.in_use[index + 1 :]
        ]
        title = translate(QUESTIONNAIRE.item(tech).text, shown.lang)
        result.groups.append(OptionGroup(title, html_id("g", tech), options))
    none = question.none_item
    none_ticked = none is not None and (answer == none.id or (isinstance(answer, list) and none.id in answer))
    _none_option(result, none_ticked, shown)


_BUILDERS = {
    QuestionType.CHECKBOX: _checkboxes,
    QuestionType.CHECKBOX_EXCLUSIVE: _checkboxes,
    QuestionType.AREA_DONE_PLANNED: _areas,
    QuestionType.SCALE_0_5: _matrix,
    QuestionType.NO_PARTLY_YES: _matrix,
    QuestionType.TECH_STATUS: _matrix,
    QuestionType.SINGLE_CHOICE: _radios,
    QuestionType.CODE: _select,
    QuestionType.TECH_LINKS: _links,
}
