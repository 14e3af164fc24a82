"""Reading the European Commission's CORDIS open-data files for Horizon 2020 and Horizon Europe.

CORDIS publishes each programme as a set of CSV files; the network monitor reads two of them:
`project.csv` (one row per grant) and `organization.csv` (one row per participation of an
organisation in a grant). They are semicolon-separated, fields are quoted where needed (a quote
inside is doubled, a field may hold semicolons and line breaks), UTF-8 with or without a byte-order
mark. Newer releases write amounts with a decimal comma ("123456,78"), older ones with a point;
dates are YYYY-MM-DD, `contentUpdateDate` carries a time as well.

Columns are found by their header, so reordered and extra columns are fine and optional columns may
be missing; a missing required column makes the whole file unreadable. Reading is all or nothing:
the caller gets every record, or the problems (line, column, message) and no records, so a half-read
file never reaches the database.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeVar

from borderless.core.i18n import ListOf, Message, _

T = TypeVar("T")


class Role(StrEnum):
    """The platform's roles of an organisation in a project."""

    LEAD = "lead"
    PARTNER = "partner"
    ASSOCIATED = "associated"
    THIRD_PARTY = "third_party"
    OTHER = "other"


class OrganisationKind(StrEnum):
    """The platform's kinds of organisation, from CORDIS's activity type."""

    KNOWLEDGE_INSTITUTION = "knowledge_institution"
    COMPANY = "company"
    PUBLIC_AUTHORITY = "public_authority"
    OTHER = "other"


# CORDIS's role values, folded to lower case. "partnerOrganization" (MSCA partner organisations,
# spelt with a z by CORDIS) and "internationalPartner" (H2020 partners from third countries that take
# part without signing the grant agreement) stand where Horizon Europe's associated partners stand.
ROLES: Mapping[str, Role] = {
    "coordinator": Role.LEAD,
    "participant": Role.PARTNER,
    "beneficiary": Role.PARTNER,
    "partnerorganization": Role.ASSOCIATED,
    "partnerorganisation": Role.ASSOCIATED,
    "associatedpartner": Role.ASSOCIATED,
    "internationalpartner": Role.ASSOCIATED,
    "thirdparty": Role.THIRD_PARTY,
}

ACTIVITY_TYPES: Mapping[str, OrganisationKind] = {
    "HES": OrganisationKind.KNOWLEDGE_INSTITUTION,  # higher or secondary education
    "REC": OrganisationKind.KNOWLEDGE_INSTITUTION,  # research organisation
    "PRC": OrganisationKind.COMPANY,  # private for-profit
    "PUB": OrganisationKind.PUBLIC_AUTHORITY,  # public body
    "OTH": OrganisationKind.OTHER,
}

# CORDIS writes the EU's own country codes where ISO 3166 differs.
COUNTRY_CODES: Mapping[str, str] = {"EL": "GR", "UK": "GB"}

# A required column must be in the file; its value may still be empty where CORDIS leaves it so (dates
# and amounts of projects not yet signed), except for the identifiers, names and roles.
PROJECT_REQUIRED = ("id", "acronym", "title", "startDate", "endDate", "ecMaxContribution", "frameworkProgramme")
ORGANISATION_REQUIRED = ("projectID", "organisationID", "name", "role", "country")

NOT_UTF8 = _("The file is not UTF-8 text.")
NO_HEADER = _("The file has no header row.")
MISSING_COLUMNS = _("The file lacks the required columns %(columns)s.")
FIELD_COUNT = _("The row has %(found)s fields where the header has %(expected)s.")
REQUIRED = _("This value is required.")
BAD_DATE = _("“%(value)s” is not a date (YYYY-MM-DD).")
BAD_AMOUNT = _("“%(value)s” is not an amount (such as 123456.78 or 123456,78).")
BAD_BOOLEAN = _("“%(value)s” is not true or false.")
BAD_NUMBER = _("“%(value)s” is not a whole number.")
BAD_COUNTRY = _("“%(value)s” is not a two-letter country code.")
BAD_GEOLOCATION = _("“%(value)s” is not a latitude and longitude.")
BAD_NUTS = _("“%(value)s” is not a NUTS code.")
DUPLICATE_PROJECT = _("Project %(id)s appears a second time.")
NOT_CSV = _("The file is not a semicolon-separated CSV file.")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one value or one row could not be read; `line` is the file line where the row starts (1 = header)."""

    line: int
    column: str | None
    message: Message


@dataclass(frozen=True, slots=True)
class ReadResult(Generic[T]):
    """Every record of a file, or (when `problems` is not empty) none."""

    records: tuple[T, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    id: str
    acronym: str
    title: str
    status: str
    start_date: date | None
    end_date: date | None
    total_cost: Decimal | None
    ec_max_contribution: Decimal | None
    legal_basis: str
    topics: str
    ec_signature_date: date | None
    framework_programme: str
    master_call: str
    sub_call: str
    funding_scheme: str
    objective: str
    content_update_date: date | None
    rcn: int | None
    grant_doi: str


@dataclass(frozen=True, slots=True)
class ParticipationRecord:
    project_id: str
    project_acronym: str
    organisation_id: str
    name: str
    short_name: str
    vat_number: str
    sme: bool | None
    activity_type: str  # CORDIS's code, as written
    kind: OrganisationKind | None
    street: str
    post_code: str
    city: str
    country: str  # ISO 3166 alpha-2 ("GR", "GB"), whatever CORDIS wrote
    nuts_code: str
    geolocation: tuple[float, float] | None
    url: str
    order: int | None
    role_code: str  # CORDIS's role, as written
    role: Role
    ec_contribution: Decimal | None
    net_ec_contribution: Decimal | None
    total_cost: Decimal | None
    end_of_participation: bool | None
    active: bool | None
    content_update_date: date | None
    rcn: int | None


class _Invalid(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DMY_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")  # the form of CORDIS's spreadsheet exports
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?")
_NUTS = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")
_COUNTRY = re.compile(r"[A-Z]{2}")


def parse_date(text: str) -> date | None:
    """A CORDIS date ("2023-01-01", "2023-01-01 12:30:00", "01/01/2023"); None when empty."""
    value = text.strip()
    if not value:
        return None
    if match := _DATE.fullmatch(value):
        year, month, day = match.groups()
    elif match := _DMY_DATE.fullmatch(value):
        day, month, year = match.groups()
    else:
        raise _Invalid(BAD_DATE.bind(value=value))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise _Invalid(BAD_DATE.bind(value=value)) from None


def parse_amount(text: str) -> Decimal | None:
    """A CORDIS amount in euro, with a decimal point or a decimal comma; None when empty.

    Thousands separators are refused: "1.234" could be either reading, and CORDIS does not write them.
    """
    value = text.strip()
    if not value:
        return None
    if not _AMOUNT.fullmatch(value):
        raise _Invalid(BAD_AMOUNT.bind(value=value))
    return Decimal(value.replace(",", "."))


def parse_boolean(text: str) -> bool | None:
    """CORDIS's "true"/"false" in any case; None when empty."""
    value = text.strip().lower()
    if not value:
        return None
    if value in ("true", "false"):
        return value == "true"
    raise _Invalid(BAD_BOOLEAN.bind(value=text.strip()))


def parse_int(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    if not value.isdigit():
        raise _Invalid(BAD_NUMBER.bind(value=value))
    return int(value)


def country_code(text: str) -> str:
    """The ISO 3166 code of CORDIS's country code ("EL" is Greece, "UK" the United Kingdom)."""
    value = text.strip().upper()
    if not _COUNTRY.fullmatch(value):
        raise _Invalid(BAD_COUNTRY.bind(value=text.strip()))
    return COUNTRY_CODES.get(value, value)


def role_for(code: str) -> Role:
    """The platform's role for CORDIS's role value; roles CORDIS may add later are "other"."""
    return ROLES.get(code.strip().lower(), Role.OTHER)


def kind_for(activity_type: str) -> OrganisationKind | None:
    """The platform's kind of organisation for CORDIS's activity type; None when CORDIS left it empty."""
    code = activity_type.strip().upper()
    if not code:
        return None
    return ACTIVITY_TYPES.get(code, OrganisationKind.OTHER)


def _geolocation(text: str) -> tuple[float, float] | None:
    value = text.strip()
    if not value:
        return None
    parts = value.split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise _Invalid(BAD_GEOLOCATION.bind(value=value)) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _Invalid(BAD_GEOLOCATION.bind(value=value))
    return (lat, lon)


def _nuts(text: str) -> str:
    value = text.strip().upper()
    if value and not _NUTS.fullmatch(value):
        raise _Invalid(BAD_NUTS.bind(value=text.strip()))
    return value


def _text(text: str) -> str:
    return text.strip()


@dataclass(frozen=True, slots=True)
class _Column:
    """How one field of a record is read: from the column `name`, by `parse`, `default` where it cannot be."""

    name: str
    parse: Callable[[str], object] = _text
    default: object = ""
    required: bool = False


# The record's fields in the order their problems are reported within a row (a row's problems read
# from left to right in the order the columns are checked, whatever the file's column order).
_PROJECT_COLUMNS: tuple[tuple[str, _Column], ...] = (
    ("id", _Column("id", required=True)),
    ("acronym", _Column("acronym", required=True)),
    ("title", _Column("title", required=True)),
    ("status", _Column("status")),
    ("start_date", _Column("startDate", parse_date, None)),
    ("end_date", _Column("endDate", parse_date, None)),
    ("total_cost", _Column("totalCost", parse_amount, None)),
    ("ec_max_contribution", _Column("ecMaxContribution", parse_amount, None)),
    ("legal_basis", _Column("legalBasis")),
    ("topics", _Column("topics")),
    ("ec_signature_date", _Column("ecSignatureDate", parse_date, None)),
    ("framework_programme", _Column("frameworkProgramme", required=True)),
    ("master_call", _Column("masterCall")),
    ("sub_call", _Column("subCall")),
    ("funding_scheme", _Column("fundingScheme")),
    ("objective", _Column("objective")),
    ("content_update_date", _Column("contentUpdateDate", parse_date, None)),
    ("rcn", _Column("rcn", parse_int, None)),
    ("grant_doi", _Column("grantDoi")),
)
_PARTICIPATION_COLUMNS: tuple[tuple[str, _Column], ...] = (
    ("role_code", _Column("role", required=True)),
    ("activity_type", _Column("activityType")),
    ("project_id", _Column("projectID", required=True)),
    ("project_acronym", _Column("projectAcronym")),
    ("organisation_id", _Column("organisationID", required=True)),
    ("name", _Column("name", required=True)),
    ("short_name", _Column("shortName")),
    ("vat_number", _Column("vatNumber")),
    ("sme", _Column("SME", parse_boolean, None)),
    ("street", _Column("street")),
    ("post_code", _Column("postCode")),
    ("city", _Column("city")),
    ("country", _Column("country", country_code, "", required=True)),
    ("nuts_code", _Column("nutsCode", _nuts)),
    ("geolocation", _Column("geolocation", _geolocation, None)),
    ("url", _Column("organizationURL")),
    ("order", _Column("order", parse_int, None)),
    ("ec_contribution", _Column("ecContribution", parse_amount, None)),
    ("net_ec_contribution", _Column("netEcContribution", parse_amount, None)),
    ("total_cost", _Column("totalCost", parse_amount, None)),
    ("end_of_participation", _Column("endOfParticipation", parse_boolean, None)),
    ("active", _Column("active", parse_boolean, None)),
    ("content_update_date", _Column("contentUpdateDate", parse_date, None)),
    ("rcn", _Column("rcn", parse_int, None)),
)
# Fields that follow from another field of the same record: (field, source field, how).
_PARTICIPATION_DERIVED: tuple[tuple[str, str, Callable[[str], object]], ...] = (
    ("kind", "activity_type", kind_for),
    ("role", "role_code", role_for),
)

# Rows are checked a block at a time, column by column: a file of a million rows is then a few
# million parser calls fewer (each distinct value of a block's column is parsed once) and the raw
# fields of only one block are held at a time.
_BLOCK = 20_000


@dataclass(slots=True)
class _Found(Generic[T]):
    """What `_read` found: the records of the rows without problems, their lines, and the problems
    as (line, position of the column's check, problem) so that sorting gives the file's order."""

    records: list[T]
    lines: list[int]
    problems: list[tuple[int, int, Problem]]


def _parse_column(
    raws: Sequence[str], lines: list[int], column: _Column, position: int, problems: list[tuple[int, int, Problem]]
) -> list[object]:
    if column.parse is _text:
        texts = [raw.strip() for raw in raws]
        if not column.required or all(texts):
            return texts  # type: ignore[return-value]
    else:
        try:
            parsed = {raw: column.parse(raw) for raw in set(raws)}
        except _Invalid:
            parsed = None
        if parsed is not None and not (column.required and any(not raw.strip() for raw in parsed)):
            return [parsed[raw] for raw in raws]
    # A problem in this block: value by value, to tell which rows have it.
    values: list[object] = []
    for raw, line in zip(raws, lines, strict=True):
        if column.required and not raw.strip():
            problems.append((line, position, Problem(line, column.name, REQUIRED)))
            values.append(column.default)
            continue
        try:
            values.append(column.parse(raw))
        except _Invalid as invalid:
            problems.append((line, position, Problem(line, column.name, invalid.message)))
            values.append(column.default)
    return values


def _block(
    rows: list[list[str]],
    lines: list[int],
    columns: Mapping[str, int],
    spec: Sequence[tuple[str, _Column]],
    derived: Sequence[tuple[str, str, Callable[[str], object]]],
    record: Callable[..., T],
    found: _Found[T],
) -> None:
    problems: list[tuple[int, int, Problem]] = []
    values: dict[str, list[object]] = {}
    by_column = list(zip(*rows, strict=True))
    for position, (field, column) in enumerate(spec):
        index = columns.get(column.name.lower())
        raws = by_column[index] if index is not None else [""] * len(rows)
        values[field] = _parse_column(raws, lines, column, position, problems)
    for field, source, derive in derived:
        mapping = {value: derive(value) for value in set(values[source])}  # type: ignore[arg-type]
        values[field] = [mapping[value] for value in values[source]]
    ordered = [values[name] for name in record.__dataclass_fields__]  # type: ignore[attr-defined]
    if not problems:
        found.records.extend(map(record, *ordered))
        found.lines.extend(lines)
        return
    found.problems.extend(problems)
    bad = {line for line, _position, _problem in problems}
    for i, line in enumerate(lines):
        if line not in bad:
            found.records.append(record(*(field[i] for field in ordered)))
            found.lines.append(line)


def _lines(data: bytes | str) -> Iterator[str]:
    """The file's lines with their line ends as written; UnicodeDecodeError is the caller's to report."""
    stream = (
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
        if isinstance(data, bytes)
        else io.StringIO(data, newline="")
    )
    first = True
    for line in stream:
        if first:
            line, first = line.removeprefix("\ufeff"), False
        yield line


def _rows(source: Iterator[str]) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, fields) for every row, the header first; blank lines skipped."""
    last = [""]

    def lines() -> Iterator[str]:
        for line in source:
            last[0] = line
            yield line

    reader = csv.reader(lines(), delimiter=";", quotechar='"', doublequote=True, strict=False)
    end = 0
    for fields in reader:
        start, end = end + 1, reader.line_num
        # Only a line that is blank in the file is skipped: a lone quote (a file cut off in a quoted
        # field) or a quoted empty field reads as one empty field too, and is a row of the wrong length.
        # A blank line reads as no field or as one field of spaces; a row of one field of spaces is
        # blank when its line has no quote (a row of several lines always has one).
        if not fields:
            continue
        if len(fields) == 1 and not fields[0].strip() and start == end and not last[0].strip():
            continue
        yield start, fields


def _undecodable(source: Iterator[str]) -> bool:
    """Whether the rest of the file is not UTF-8 (a file that is not is that problem alone)."""
    try:
        for _line in source:
            pass
    except UnicodeDecodeError:
        return True
    return False


def _read(
    data: bytes | str,
    required: Sequence[str],
    spec: Sequence[tuple[str, _Column]],
    record: Callable[..., T],
    derived: Sequence[tuple[str, str, Callable[[str], object]]] = (),
) -> _Found[T]:
    not_utf8 = _Found[T]([], [], [(0, 0, Problem(0, None, NOT_UTF8))])
    found = _Found[T]([], [], [])
    source = _lines(data)
    rows = _rows(source)
    try:
        header_line, header = next(rows)
    except StopIteration:
        found.problems.append((0, 0, Problem(0, None, NO_HEADER)))
        return found
    except csv.Error:
        found.problems.append((1, 0, Problem(1, None, NOT_CSV)))
        return not_utf8 if _undecodable(source) else found
    except UnicodeDecodeError:
        return not_utf8
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(name.strip().removeprefix("\ufeff").lower(), index)
    missing = [name for name in required if name.lower() not in columns]
    if missing:
        problem = Problem(header_line, None, MISSING_COLUMNS.bind(columns=ListOf(missing, "and")))
        found.problems.append((header_line, 0, problem))
        return not_utf8 if _undecodable(source) else found
    block: list[list[str]] = []
    lines: list[int] = []
    try:
        for line, fields in rows:
            if len(fields) != len(header):
                problem = Problem(line, None, FIELD_COUNT.bind(found=len(fields), expected=len(header)))
                found.problems.append((line, -1, problem))
                continue
            block.append(fields)
            lines.append(line)
            if len(block) == _BLOCK:
                _block(block, lines, columns, spec, derived, record, found)
                block, lines = [], []
    except csv.Error:
        found.problems.append((0, 0, Problem(0, None, NOT_CSV)))
        if _undecodable(source):
            return not_utf8
    except UnicodeDecodeError:
        return not_utf8
    if block:
        _block(block, lines, columns, spec, derived, record, found)
    return found


def _all_or_nothing(found: _Found[T], more: Sequence[Problem] = ()) -> ReadResult[T]:
    if found.problems or more:
        ordered = [problem for _line, _position, problem in sorted(found.problems, key=lambda p: (p[0], p[1]))]
        return ReadResult((), tuple(sorted([*ordered, *more], key=lambda problem: problem.line)))
    return ReadResult(tuple(found.records), ())


def read_projects(data: bytes | str) -> ReadResult[ProjectRecord]:
    """The projects of a CORDIS `project.csv` (its bytes, or text already decoded)."""
    found = _read(data, PROJECT_REQUIRED, _PROJECT_COLUMNS, ProjectRecord)
    seen: set[str] = set()
    duplicates = []
    for line, record in zip(found.lines, found.records, strict=True):
        if record.id in seen:
            duplicates.append(Problem(line, "id", DUPLICATE_PROJECT.bind(id=record.id)))
        seen.add(record.id)
    return _all_or_nothing(found, duplicates)


def read_participations(data: bytes | str) -> ReadResult[ParticipationRecord]:
    """The participations of a CORDIS `organization.csv` (its bytes, or text already decoded)."""
    found = _read(data, ORGANISATION_REQUIRED, _PARTICIPATION_COLUMNS, ParticipationRecord, _PARTICIPATION_DERIVED)
    return _all_or_nothing(found)
