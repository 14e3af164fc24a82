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


class _Row:
    """One data row, read by column name; problems are collected, not raised."""

    def __init__(self, fields: Sequence[str], columns: Mapping[str, int], line: int) -> None:
        self.fields = fields
        self.columns = columns
        self.line = line
        self.problems: list[Problem] = []

    def raw(self, column: str) -> str:
        index = self.columns.get(column.lower())
        return self.fields[index] if index is not None and index < len(self.fields) else ""

    def get(self, column: str, parse: Callable[[str], T], default: T, *, required: bool = False) -> T:
        raw = self.raw(column)
        if required and not raw.strip():
            self.problems.append(Problem(self.line, column, REQUIRED))
            return default
        try:
            return parse(raw)
        except _Invalid as invalid:
            self.problems.append(Problem(self.line, column, invalid.message))
            return default


def _decode(data: bytes | str) -> str:
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")  # UnicodeDecodeError is the caller's file-level problem
    return data.removeprefix("\ufeff")


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, fields) for every row, the header first; blank lines skipped."""
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    reader = csv.reader(lines(), delimiter=";", quotechar='"', doublequote=True, strict=False)
    end = 0
    for fields in reader:
        start, end = end + 1, reader.line_num
        raw = "".join(consumed)
        consumed.clear()
        # Only a line that is blank in the file is skipped: a lone quote (a file cut off in a quoted
        # field) or a quoted empty field reads as one empty field too, and is a row of the wrong length.
        if not raw.strip():
            continue
        yield start, fields


def _read(
    data: bytes | str, required: Sequence[str], build: Callable[[_Row], T | None]
) -> tuple[list[tuple[int, T]], list[Problem]]:
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        return [], [Problem(0, None, NOT_UTF8)]
    rows = _rows(text)
    try:
        header_line, header = next(rows)
    except StopIteration:
        return [], [Problem(0, None, NO_HEADER)]
    except csv.Error:
        return [], [Problem(1, None, NOT_CSV)]
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(name.strip().removeprefix("\ufeff").lower(), index)
    missing = [name for name in required if name.lower() not in columns]
    if missing:
        return [], [Problem(header_line, None, MISSING_COLUMNS.bind(columns=ListOf(missing, "and")))]
    records: list[tuple[int, T]] = []
    problems: list[Problem] = []
    try:
        for line, fields in rows:
            if len(fields) != len(header):
                problems.append(Problem(line, None, FIELD_COUNT.bind(found=len(fields), expected=len(header))))
                continue
            row = _Row(fields, columns, line)
            record = build(row)
            problems.extend(row.problems)
            if record is not None and not row.problems:
                records.append((line, record))
    except csv.Error:
        problems.append(Problem(0, None, NOT_CSV))
    return records, problems


def _project(row: _Row) -> ProjectRecord | None:
    return ProjectRecord(
        id=row.get("id", _text, "", required=True),
        acronym=row.get("acronym", _text, "", required=True),
        title=row.get("title", _text, "", required=True),
        status=row.get("status", _text, ""),
        start_date=row.get("startDate", parse_date, None),
        end_date=row.get("endDate", parse_date, None),
        total_cost=row.get("totalCost", parse_amount, None),
        ec_max_contribution=row.get("ecMaxContribution", parse_amount, None),
        legal_basis=row.get("legalBasis", _text, ""),
        topics=row.get("topics", _text, ""),
        ec_signature_date=row.get("ecSignatureDate", parse_date, None),
        framework_programme=row.get("frameworkProgramme", _text, "", required=True),
        master_call=row.get("masterCall", _text, ""),
        sub_call=row.get("subCall", _text, ""),
        funding_scheme=row.get("fundingScheme", _text, ""),
        objective=row.get("objective", _text, ""),
        content_update_date=row.get("contentUpdateDate", parse_date, None),
        rcn=row.get("rcn", parse_int, None),
        grant_doi=row.get("grantDoi", _text, ""),
    )


def _participation(row: _Row) -> ParticipationRecord | None:
    role_code = row.get("role", _text, "", required=True)
    activity_type = row.get("activityType", _text, "")
    return ParticipationRecord(
        project_id=row.get("projectID", _text, "", required=True),
        project_acronym=row.get("projectAcronym", _text, ""),
        organisation_id=row.get("organisationID", _text, "", required=True),
        name=row.get("name", _text, "", required=True),
        short_name=row.get("shortName", _text, ""),
        vat_number=row.get("vatNumber", _text, ""),
        sme=row.get("SME", parse_boolean, None),
        activity_type=activity_type,
        kind=kind_for(activity_type),
        street=row.get("street", _text, ""),
        post_code=row.get("postCode", _text, ""),
        city=row.get("city", _text, ""),
        country=row.get("country", country_code, "", required=True),
        nuts_code=row.get("nutsCode", _nuts, ""),
        geolocation=row.get("geolocation", _geolocation, None),
        url=row.get("organizationURL", _text, ""),
        order=row.get("order", parse_int, None),
        role_code=role_code,
        role=role_for(role_code),
        ec_contribution=row.get("ecContribution", parse_amount, None),
        net_ec_contribution=row.get("netEcContribution", parse_amount, None),
        total_cost=row.get("totalCost", parse_amount, None),
        end_of_participation=row.get("endOfParticipation", parse_boolean, None),
        active=row.get("active", parse_boolean, None),
        content_update_date=row.get("contentUpdateDate", parse_date, None),
        rcn=row.get("rcn", parse_int, None),
    )


def _all_or_nothing(records: list[tuple[int, T]], problems: list[Problem]) -> ReadResult[T]:
    if problems:
        return ReadResult((), tuple(sorted(problems, key=lambda problem: problem.line)))
    return ReadResult(tuple(record for _line, record in records), ())


def read_projects(data: bytes | str) -> ReadResult[ProjectRecord]:
    """The projects of a CORDIS `project.csv` (its bytes, or text already decoded)."""
    records, problems = _read(data, PROJECT_REQUIRED, _project)
    seen: set[str] = set()
    for line, record in records:
        if record.id in seen:
            problems.append(Problem(line, "id", DUPLICATE_PROJECT.bind(id=record.id)))
        seen.add(record.id)
    return _all_or_nothing(records, problems)


def read_participations(data: bytes | str) -> ReadResult[ParticipationRecord]:
    """The participations of a CORDIS `organization.csv` (its bytes, or text already decoded)."""
    records, problems = _read(data, ORGANISATION_REQUIRED, _participation)
    return _all_or_nothing(records, problems)
