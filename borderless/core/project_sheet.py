"""Reading a projects sheet: the lists of projects that programmes keep in a spreadsheet.

Two layouts, in CSV or an Excel workbook (see `borderless.core.spreadsheet`):

- **one row per participation** (an open formula's list of its cascade projects): the project's
  columns and one organisation with its place and role. The rows of a project repeat its columns or
  leave them empty; a row that names no project at all (merged cells read so) continues the one above.
- **one row per project** (the lists the Interreg Deutschland-Nederland programme publishes), told by
  its lead-partner column: the lead partner in one cell, the partners (and associated partners) in
  others, separated by ";" or line breaks. An entry may end with its place in brackets:
  "Saxion (Enschede)", "Hochschule Rhein-Waal (Kleve, DE)", "Novel-T (NL)".

The columns, found by their header in English, German or Dutch (`project_sheet_words` has them all;
case, spaces, hyphens and umlauts do not count; title rows above the header are skipped; other
columns are ignored and named in the result):

- project identifier (Project ID, Projektnummer, Projectnummer, Kenmerk): at most 40 characters;
  without such a column the acronym identifies a project
- acronym (Acronym, Akronym, Acroniem, Project, Projekt); title (Title, Titel, Projectnaam): required
- programme (Programme, Programm, Programma): Interreg IV, V or VI ("Interreg V-A", "Interreg
  Deutschland-Nederland 2014-2020"), open formula, Horizon 2020, Horizon Europe, Eurostars, national,
  other, or the platform's code ("interreg_vi"); a row without it takes the importer's programme
- call (Call, Aufruf, Oproep, Priorität), module (Module, Modul); phase (Phase, Fase): concept,
  feasibility, development
- start and end date (Start, Beginn, Begindatum; End, Ende, Einddatum): 2024-03-31, 31.03.2024,
  31-03-2024, 31/03/2024 or an Excel date
- total cost and funding (Total cost, Gesamtkosten, Begroting; Funding, Förderung, EFRE, Subsidie):
  euro, "12500", "12.500,00", "12,500.00", "€ 12.500"
- organisation (Organisation, Partner, Organisatie, Unternehmen, Name): required in a row per participation
- PIC (nine digits), VAT number (VAT, USt-IdNr., BTW-nummer)
- country (Country, Land): a code (EL and UK too) or a name in English, German or Dutch; where
  empty, the country of the NUTS code or the VAT number
- postcode (Postcode, PLZ), town (Town, City, Ort, Plaats), NUTS code (NUTS, NUTS-3)
- kind (Kind, Art, Typ, Soort): company, knowledge institution, public authority, other
- role (Role, Rolle, Rol): lead partner ("Leadpartner", "Penvoerder"), partner ("Projektpartner"),
  associated, third party ("Drittpartei", "Derde partij"), subcontractor, other; empty is partner
- contribution (Contribution, Beitrag, Bijdrage): an amount; ended early (Vorzeitig beendet,
  Voortijdig beëindigd): yes or no, "x", empty is no
- lead partner (Lead partner, Leadpartner, Penvoerder), partners (Partners, Projektpartner,
  Projectpartners), associated partners: the cells of a row per project

Words (roles, kinds, phases, programmes, yes and no) are read in the three languages too. Reading is
all or nothing, as for CORDIS: every project, or the problems (file line, column as headed in the
file, message) and no project.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from borderless.core.cordis import BAD_NUTS, DUPLICATE_PROJECT, MISSING_COLUMNS, NO_HEADER, REQUIRED, Problem
from borderless.core.i18n import ListOf, Message, _
from borderless.core.names import name_key
from borderless.core.places import fold, place_key
from borderless.core.project_sheet_words import (
    INTERREG_GENERATIONS,
    KIND_WORDS,
    PARTICIPATION_HEADERS,
    PHASE_WORDS,
    PROGRAMME_WORDS,
    PROJECT_HEADERS,
    PROJECT_LIST_HEADERS,
    ROLE_WORDS,
    Kind,
    Phase,
    Programme,
    Role,
)
from borderless.core.spreadsheet import (
    HEADER_SEARCH,
    InvalidValue,
    Row,
    header_key,
    parse_amount,
    parse_country,
    parse_date,
    parse_yes_no,
    read_rows,
    text_of,
)

T = TypeVar("T")


class Layout(StrEnum):
    PARTICIPATIONS = "participations"  # one row per participation
    PROJECTS = "projects"  # one row per project, partners in a cell


NO_KNOWN_HEADER = _("No header row found: the first rows name none of the columns of a projects sheet.")
SAME_COLUMN = _("The columns “%(first)s” and “%(second)s” give the same value: keep one of them.")
NO_PROJECTS = _("The file has no projects.")
EXTRA_CELLS = _("The row has more cells than the header.")
BAD_ROLE = _("“%(value)s” is not a role: write lead partner, partner, associated, third party, subcontractor or other.")
BAD_KIND = _(
    "“%(value)s” is not a kind of organisation: write company, knowledge institution, public authority or other."
)
BAD_PHASE = _("“%(value)s” is not a phase: write concept, feasibility or development.")
BAD_PROGRAMME = _(
    "“%(value)s” is not a programme: write Interreg IV, Interreg V, Interreg VI, open formula, Horizon 2020, "
    "Horizon Europe, Eurostars, national or other."
)
NO_PROGRAMME = _("The programme is not known: name it in a column “Programme” or when importing the file.")
BAD_PIC = _("“%(value)s” is not a PIC (nine digits).")
BAD_VAT = _("“%(value)s” is not a VAT number.")
TOO_LONG = _("“%(value)s” is longer than %(max)s characters.")
CONFLICT = _("“%(value)s” differs from line %(line)s of the same project (“%(other)s”).")
END_BEFORE_START = _("The project ends (%(end)s) before it starts (%(start)s).")
FOLLOWS_NOTHING = _("The row names no project and follows none.")
DUPLICATE_PARTICIPANT = _("%(name)s appears a second time in project %(id)s (first on line %(line)s).")
MORE_THAN_ONE_LEAD = _("The cell names more than one lead partner.")

# Column labels, for the list of missing columns.
LABELS: Mapping[str, Message] = {
    "project_id": _("project identifier"),
    "title": _("project title"),
    "organisation": _("organisation"),
    "lead": _("lead partner"),
}

ID_MAX = 40


def _table(words: Mapping[T, Iterable[str]]) -> dict[str, T]:
    return {header_key(word): value for value, some in words.items() for word in some}


_PROJECT_KEYS = _table(PROJECT_HEADERS)
_PARTICIPATION_KEYS = _table(PARTICIPATION_HEADERS)
_LIST_KEYS = _table(PROJECT_LIST_HEADERS)
_ROLES = _table(ROLE_WORDS)
_KINDS = _table(KIND_WORDS)
_PHASES = _table(PHASE_WORDS)
_PROGRAMMES = _table(PROGRAMME_WORDS) | {header_key(p.value): p for p in Programme}


def _word(table: Mapping[str, T], message: Message) -> Callable[[object], T | None]:
    def parse(value: object) -> T | None:
        text = text_of(value)
        if not text:
            return None
        found = table.get(header_key(text))
        if found is None:
            raise InvalidValue(message.bind(value=text))
        return found

    return parse


role_for = _word(_ROLES, BAD_ROLE)
kind_for = _word(_KINDS, BAD_KIND)
phase_for = _word(_PHASES, BAD_PHASE)


def programme_for(text: str) -> Programme | None:
    """The programme a text names ("Interreg V-A Deutschland-Nederland", "interreg_vi", "Offene Formel")."""
    if found := _PROGRAMMES.get(header_key(text)):
        return found
    words = [word for word in re.split(r"[^a-z0-9]+", fold(text)) if word]
    if "digipro" in words:  # the open-formula umbrella project of Interreg V ("Digipro (Interreg V-A)")
        return Programme.OPEN_FORMULA
    if "interreg" in words:
        for word in words:
            if word in INTERREG_GENERATIONS:
                return INTERREG_GENERATIONS[word]
    return None


def _programme(value: object) -> Programme | None:
    text = text_of(value)
    if not text:
        return None
    found = programme_for(text)
    if found is None:
        raise InvalidValue(BAD_PROGRAMME.bind(value=text))
    return found


_PIC = re.compile(r"\d{9}")
_VAT = re.compile(r"[A-Z]{2}[0-9A-Z+*]{2,13}")
_NUTS = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")


def _pic(value: object) -> str:
    text = text_of(value)
    if text and not _PIC.fullmatch(text):
        raise InvalidValue(BAD_PIC.bind(value=text))
    return text


def _vat(value: object) -> str:
    text = text_of(value)
    code = re.sub(r"[\s.\-]", "", text).upper()
    if code and not _VAT.fullmatch(code):
        raise InvalidValue(BAD_VAT.bind(value=text))
    return code


def _nuts(value: object) -> str:
    code = text_of(value).upper()
    if code and not _NUTS.fullmatch(code):
        raise InvalidValue(BAD_NUTS.bind(value=text_of(value)))
    return code


def _identifier(value: object) -> str:
    text = text_of(value)
    if len(text) > ID_MAX:
        raise InvalidValue(TOO_LONG.bind(value=text, max=ID_MAX))
    return text


def _country_of_codes(*codes: str) -> str:
    """The country a NUTS code or VAT number starts with ("DEA33" → "DE", "EL094…" → "GR"), or ""."""
    for code in codes:
        try:
            country = parse_country(code[:2])
        except InvalidValue:
            continue
        if country:
            return country
    return ""


@dataclass(frozen=True, slots=True)
class SheetParticipant:
    line: int
    name: str
    role: Role
    pic: str = ""
    vat: str = ""
    country: str = ""  # ISO 3166 alpha-2; "" where neither the sheet nor its codes tell
    postcode: str = ""
    town: str = ""
    nuts_code: str = ""
    kind: Kind | None = None
    contribution: Decimal | None = None
    ended_early: bool = False

    @property
    def identity(self) -> str:
        """Who this is within one file: the PIC, else the VAT number, else name, town and country."""
        if self.pic:
            return f"pic:{self.pic}"
        if self.vat:
            return f"vat:{self.vat}"
        return f"name:{name_key(self.name) or fold(self.name)}:{place_key(self.town, self.country) or self.country}"


@dataclass(frozen=True, slots=True)
class SheetProject:
    line: int  # where the project is first named
    id: str
    acronym: str
    title: str
    programme: Programme
    programme_name: str  # as the sheet wrote it ("Interreg V-A Deutschland-Nederland"); "" where not named
    call: str
    module: str  # an open formula's module that funded a cascade project
    phase: Phase | None
    start_date: date | None
    end_date: date | None
    total_cost: Decimal | None
    funding: Decimal | None
    participants: tuple[SheetParticipant, ...]


@dataclass(frozen=True, slots=True)
class SheetResult:
    """Every project of a sheet, or (when `problems` is not empty) none."""

    projects: tuple[SheetProject, ...]
    problems: tuple[Problem, ...]
    layout: Layout | None = None
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class _Row:
    """One data row, read by column; problems are collected, not raised."""

    def __init__(self, line: int, cells: Sequence[object], columns: Mapping[str, int], names: Mapping[str, str]):
        self.line = line
        self.cells = cells
        self.columns = columns
        self.names = names
        self.problems: list[Problem] = []

    def raw(self, key: str) -> object:
        index = self.columns.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def text(self, key: str) -> str:
        return text_of(self.raw(key))

    def get(self, key: str, parse: Callable[[object], T], default: T) -> T:
        try:
            return parse(self.raw(key))
        except InvalidValue as invalid:
            self.problems.append(Problem(self.line, self.names[key], invalid.message))
            return default

    def required(self, key: str) -> str:
        text = self.text(key)
        if not text:
            self.problems.append(Problem(self.line, self.names.get(key), REQUIRED))
        return text


# The project's own columns, read from each of its rows: (column, parse, default).
_PROJECT_VALUES: tuple[tuple[str, Callable[[object], object], object], ...] = (
    ("acronym", text_of, ""),
    ("title", text_of, ""),
    ("programme", _programme, None),
    ("call", text_of, ""),
    ("module", text_of, ""),
    ("phase", phase_for, None),
    ("start_date", parse_date, None),
    ("end_date", parse_date, None),
    ("total_cost", parse_amount, None),
    ("funding", parse_amount, None),
)


@dataclass
class _Draft:
    """A project as its rows tell it so far: each value with the line and the text it was read from."""

    line: int
    id: str
    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, tuple[int, str]] = field(default_factory=dict)
    participants: dict[str, SheetParticipant] = field(default_factory=dict)

    def take(self, row: _Row) -> None:
        for key, parse, default in _PROJECT_VALUES:
            value = row.get(key, parse, default)
            if value in (None, ""):
                continue
            if key not in self.values:
                self.values[key] = value
                self.sources[key] = (row.line, row.text(key))
            elif self.values[key] != value:
                line, text = self.sources[key]
                message = CONFLICT.bind(value=row.text(key), line=line, other=text)
                row.problems.append(Problem(row.line, row.names[key], message))

    def add(self, participant: SheetParticipant, problems: list[Problem], *, repeated_ok: bool) -> None:
        first = self.participants.get(participant.identity)
        if first is None:
            self.participants[participant.identity] = participant
        elif not repeated_ok:
            message = DUPLICATE_PARTICIPANT.bind(name=participant.name, id=self.id, line=first.line)
            problems.append(Problem(participant.line, None, message))


def _participant(row: _Row) -> SheetParticipant:
    nuts = row.get("nuts_code", _nuts, "")
    vat = row.get("vat", _vat, "")
    return SheetParticipant(
        line=row.line,
        name=row.required("organisation"),
        role=row.get("role", role_for, None) or Role.PARTNER,
        pic=row.get("pic", _pic, ""),
        vat=vat,
        country=row.get("country", parse_country, "") or _country_of_codes(nuts, vat),
        postcode=row.text("postcode"),
        town=row.text("town"),
        nuts_code=nuts,
        kind=row.get("kind", kind_for, None),
        contribution=row.get("contribution", parse_amount, None),
        ended_early=row.get("ended_early", parse_yes_no, False),
    )


_BULLET = re.compile(r"^[\s\-–•*·]+")
_PLACED = re.compile(r"(?P<name>.*\S)\s*\((?P<place>[^()]*)\)")


def entries(cell: str) -> list[str]:
    """The organisations of a cell that lists several, one per line or separated by ";"."""
    return [entry for part in re.split(r"[;\r\n]+", cell) if (entry := _BULLET.sub("", part).strip())]


def _entry(line: int, text: str, role: Role) -> SheetParticipant:
    """ "Saxion (Enschede)", "Hochschule Rhein-Waal (Kleve, DE)", "Novel-T (NL)" or just the name."""
    match = _PLACED.fullmatch(text)
    if match is None:
        return SheetParticipant(line, text, role)
    parts = [part.strip() for part in match.group("place").split(",") if part.strip()]
    country = ""
    if parts:
        try:
            country = parse_country(parts[-1])
        except InvalidValue:
            country = ""
        if country:
            parts.pop()
    return SheetParticipant(line, match.group("name"), role, country=country, town=", ".join(parts))


def _header(rows: Sequence[Row]) -> int | None:
    """The index of the header row: the first that names two columns of a projects sheet."""
    known = _PROJECT_KEYS.keys() | _PARTICIPATION_KEYS.keys() | _LIST_KEYS.keys()
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH]):
        if sum(1 for cell in cells if header_key(text_of(cell)) in known) >= 2:
            return index
    return None


def read_projects_sheet(data: bytes | str, *, programme: Programme | None = None) -> SheetResult:
    """The projects of a projects sheet (a workbook's bytes, or CSV bytes or text).

    `programme` is the programme of the projects whose row names none.
    """
    rows, problems = read_rows(data)
    if problems:
        return SheetResult((), tuple(problems))
    index = _header(rows) if rows else None
    if index is None:
        return SheetResult((), (Problem(rows[0][0] if rows else 0, None, NO_KNOWN_HEADER if rows else NO_HEADER),))
    header_line, header = rows[index]
    cells = [text_of(cell) for cell in header]
    layout = Layout.PROJECTS if any(_LIST_KEYS.get(header_key(c)) == "lead" for c in cells) else Layout.PARTICIPATIONS
    keys = _PROJECT_KEYS | (_LIST_KEYS if layout is Layout.PROJECTS else _PARTICIPATION_KEYS)
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    ignored: list[str] = []
    for position, text in enumerate(cells):
        key = keys.get(header_key(text))
        if key is None:
            if text:
                ignored.append(text)
        elif key in columns:
            problems.append(Problem(header_line, text, SAME_COLUMN.bind(first=names[key], second=text)))
        else:
            columns[key], names[key] = position, text
    identified_by = "project_id" if "project_id" in columns else "acronym"
    required = (identified_by, "title", "lead" if layout is Layout.PROJECTS else "organisation")
    missing = [LABELS.get(key, LABELS["project_id"]) for key in required if key not in columns]
    if missing:
        problems.append(Problem(header_line, None, MISSING_COLUMNS.bind(columns=ListOf(missing, "and"))))
    body = rows[index + 1 :]
    if not body and not problems:
        problems.append(Problem(header_line + 1, None, NO_PROJECTS))
    if problems:
        return SheetResult((), tuple(problems), layout, tuple(ignored))
    width = max((position + 1 for position, text in enumerate(cells) if text), default=0)
    drafts: dict[str, _Draft] = {}
    read = _projects if layout is Layout.PROJECTS else _participations
    for line, row_cells in body:
        row = _Row(line, row_cells, columns, names)
        if any(text_of(cell) for cell in row_cells[width:]):
            problems.append(Problem(line, None, EXTRA_CELLS))
            continue
        read(row, drafts, identified_by, problems)
        problems.extend(row.problems)
    projects = [project for draft in drafts.values() if (project := _project(draft, names, programme, problems))]
    if problems:
        return SheetResult((), tuple(sorted(problems, key=lambda p: p.line)), layout, tuple(ignored))
    return SheetResult(tuple(projects), (), layout, tuple(ignored))


def _participations(row: _Row, drafts: dict[str, _Draft], identified_by: str, problems: list[Problem]) -> None:
    """A row of a list with one row per participation; a row naming no project continues the one above."""
    identifier = row.get(identified_by, _identifier, "")
    if not identifier and not row.text("acronym") and not row.text("title"):
        if not drafts:
            problems.append(Problem(row.line, row.names[identified_by], FOLLOWS_NOTHING))
            return
        identifier = next(reversed(drafts))
    elif not identifier:
        row.required(identified_by)
        return
    draft = drafts.get(identifier)
    if draft is None:
        draft = drafts[identifier] = _Draft(row.line, identifier)
    else:
        drafts[identifier] = drafts.pop(identifier)  # the project above, for the rows that follow
    draft.take(row)
    participant = _participant(row)
    if participant.name:
        draft.add(participant, row.problems, repeated_ok=False)


def _projects(row: _Row, drafts: dict[str, _Draft], identified_by: str, problems: list[Problem]) -> None:
    """A row of a list with one row per project, its lead partner and partners in cells."""
    identifier = row.get(identified_by, _identifier, "")
    if not identifier:
        if not row.problems:
            row.required(identified_by)
        return
    if identifier in drafts:
        problems.append(Problem(row.line, row.names[identified_by], DUPLICATE_PROJECT.bind(id=identifier)))
        return
    draft = drafts[identifier] = _Draft(row.line, identifier)
    draft.take(row)
    leads = entries(row.required("lead"))
    if len(leads) > 1:
        row.problems.append(Problem(row.line, row.names["lead"], MORE_THAN_ONE_LEAD))
    for key, role in (("lead", Role.LEAD), ("partners", Role.PARTNER), ("associated", Role.ASSOCIATED)):
        for text in entries(row.text(key)):
            draft.add(_entry(row.line, text, role), row.problems, repeated_ok=True)


def _project(
    draft: _Draft, names: Mapping[str, str], default: Programme | None, problems: list[Problem]
) -> SheetProject | None:
    values = draft.values
    title = str(values.get("title", ""))
    if not title:
        problems.append(Problem(draft.line, names["title"], REQUIRED))
    programme = values.get("programme") or default
    if not isinstance(programme, Programme):
        problems.append(Problem(draft.line, names.get("programme"), NO_PROGRAMME))
    start, end = values.get("start_date"), values.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        line = draft.sources["end_date"][0]
        problems.append(Problem(line, names["end_date"], END_BEFORE_START.bind(end=end, start=start)))
    if not title or not isinstance(programme, Programme):
        return None
    return SheetProject(
        line=draft.line,
        id=draft.id,
        acronym=str(values.get("acronym", "")),
        title=title,
        programme=programme,
        programme_name=draft.sources.get("programme", (0, ""))[1],
        call=str(values.get("call", "")),
        module=str(values.get("module", "")),
        phase=phase if isinstance(phase := values.get("phase"), Phase) else None,
        start_date=start if isinstance(start, date) else None,
        end_date=end if isinstance(end, date) else None,
        total_cost=_decimal(values.get("total_cost")),
        funding=_decimal(values.get("funding")),
        participants=tuple(draft.participants.values()),
    )


def _decimal(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None
