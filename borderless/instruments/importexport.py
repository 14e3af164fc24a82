"""The catalogue's exchange format: JSON and CSV, exported whole and imported all or nothing.

JSON is the format of the seed catalogue (`data/catalogue.json`, fields documented in
`data/SOURCE.md` and in the README): field names from the EU's Core Public Service Vocabulary
Application Profile (CPSV-AP) where one fits (`identifier`, `name`, `description`,
`hasCompetentAuthority`, `spatial`, `sector`, `language`, `hasCriterionRequirement`, `status`),
our own names for the rest. CSV has one row per instrument with flat columns (`CSV_COLUMNS`):
lists separated by spaces, criteria and calls as JSON.

Import rules, the same for both formats:
- every row is read and checked (by `services.catalogue_check`) before anything is written; one bad
  row and nothing is written, and the report names every bad row, field and reason in the
  reader's language;
- a row updates the instrument with its identifier or creates a new one; `next` may name
  instruments of the same file;
- a field left out of a row (a missing key, a missing column) keeps its value; an empty one (null,
  an empty cell) means "not known yet";
- organisations (`hasCompetentAuthority`, `providers`) are linked by their slug on the platform;
  one that is not on the platform is reported as a note, and only the authority's name and
  country are kept;
- `verified_at` is kept as given; `verified_by` names a person of the exporting platform, so it
  is shown in exports but not matched to an account here.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from borderless.content_fields import translations
from borderless.core.i18n import LANGUAGES
from borderless.organisations.models import Organisation

from .exchange_rows import (
    AMOUNTS,
    CSV_COLUMNS,
    FORMULA_START,
    MISSING,
    ParsedRow,
    json_slugs,
    read_csv_row,
    read_json_row,
    split_list,
)
from .models import Instrument, InstrumentChange
from .services import CatalogueInvalid, InstrumentInput, catalogue_check, catalogue_write

VOCABULARY = "CPSV-AP 3.x (Core Public Service Vocabulary Application Profile) with Borderless extensions"


@dataclass(frozen=True, slots=True)
class RowMessage:
    row: int  # 1 = the first instrument in the file (a CSV header is not counted); 0 = the whole file
    identifier: str
    field: str
    message: str


@dataclass
class ImportReport:
    format: str  # "json" or "csv"
    rows: int = 0
    errors: list[RowMessage] = field(default_factory=list)
    notes: list[RowMessage] = field(default_factory=list)  # kept out without failing the import
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors if e.row})


# --- export ------------------------------------------------------------------------------------------


def catalogue_queryset() -> QuerySet[Instrument]:
    """Every instrument with what the exports read, in a fixed order (by identifier)."""
    organisations = Organisation.objects.select_related("town").order_by("name")
    return (
        Instrument.objects.select_related("provider__town", "verified_by")
        .prefetch_related(
            Prefetch("contact_points", queryset=organisations),
            "criteria",
            "calls",
            Prefetch("next_instruments", queryset=Instrument.objects.order_by("identifier")),
        )
        .order_by("identifier")
    )


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    # Twelve digits and two decimals fit a float exactly enough for repr() to give them back.
    return int(value) if value == value.to_integral_value() else float(value)


def _organisation(org: Organisation) -> dict[str, Any]:
    return {"name": org.name, "country": org.country, "slug": org.slug, "website": org.website or None}


def _criterion(criterion) -> dict[str, Any]:
    return {"type": criterion.type, **criterion.params}


def _sectors(instrument: Instrument) -> list[str]:
    codes: list[str] = []
    for criterion in instrument.criteria.all():
        if criterion.type == "sector":
            codes += [str(c) for key in ("sections", "divisions") for c in criterion.params.get(key) or ()]
    return list(dict.fromkeys(codes))


def _calls(instrument: Instrument) -> list[dict[str, Any]]:
    return [
        {
            "title": call.title or None,
            "opens": call.opens_on.isoformat() if call.opens_on else None,
            "closes": call.closes_on.isoformat() if call.closes_on else None,
        }
        for call in instrument.calls.all()
    ]


def export_row(instrument: Instrument) -> dict[str, Any]:
    provider = instrument.provider
    return {
        "identifier": instrument.identifier,
        "name": translations(instrument, "name"),
        "description": translations(instrument, "description"),
        "hasCompetentAuthority": {
            "name": instrument.provider_name or None,
            "country": instrument.provider_country or None,
            "slug": provider.slug if provider else None,
            "website": (provider.website or None) if provider else None,
        },
        "providers": [_organisation(org) for org in instrument.contact_points.all()],
        "level": instrument.level,
        "kind": instrument.kind,
        "spatial": list(instrument.spatial),
        "sector": _sectors(instrument),
        "language": list(instrument.languages),
        "hasCriterionRequirement": [_criterion(c) for c in instrument.criteria.all()],
        "funding": {
            "min_amount": _number(instrument.min_amount),
            "max_amount": _number(instrument.max_amount),
            "rate_percent": _number(instrument.rate_percent),
            "currency": instrument.currency or None,
        },
        "status": instrument.status or None,
        "calls": _calls(instrument),
        "website": instrument.website or None,
        "next": [i.identifier for i in instrument.next_instruments.all()],
        "source": instrument.source,
        "verified": instrument.verified_at is not None,
        "verified_at": instrument.verified_at.isoformat() if instrument.verified_at else None,
        "verified_by": instrument.verified_by.full_name if instrument.verified_by else None,
    }


def export_json(queryset: Iterable[Instrument]) -> dict[str, Any]:
    """The catalogue in the exchange format (pass `catalogue_queryset()` or a filtered version of it)."""
    return {
        "vocabulary": VOCABULARY,
        "generated": timezone.localdate().isoformat(),
        "instruments": [export_row(instrument) for instrument in queryset],
    }


def _cell(value: str) -> str:
    # A value that already starts with the quote is quoted again, so the import gives it back unchanged.
    quoted = value.startswith(FORMULA_START) or (value.startswith("'") and value[1:].startswith(FORMULA_START))
    return "'" + value if quoted else value


def csv_row(instrument: Instrument) -> dict[str, str]:
    row = export_row(instrument)
    flat = {
        "identifier": instrument.identifier,
        **{f"{name}_{lang}": row[name][lang] for name in ("name", "description") for lang in LANGUAGES},
        "level": instrument.level,
        "kind": instrument.kind,
        "status": instrument.status,
        "provider": instrument.provider_name,
        "provider_slug": row["hasCompetentAuthority"]["slug"] or "",
        "provider_country": instrument.provider_country,
        "contact_points": " ".join(org["slug"] for org in row["providers"]),
        "languages": " ".join(instrument.languages),
        "spatial": " ".join(instrument.spatial),
        **{name: "" if getattr(instrument, name) is None else str(getattr(instrument, name)) for name in AMOUNTS},
        "currency": instrument.currency,
        "website": instrument.website,
        "source": instrument.source,
        "verified_at": row["verified_at"] or "",
        "next": " ".join(row["next"]),
        "criteria": json.dumps(row["hasCriterionRequirement"], ensure_ascii=False),
        "calls": json.dumps(row["calls"], ensure_ascii=False),
    }
    return {name: _cell(value) for name, value in flat.items()}


def export_csv(queryset: Iterable[Instrument], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for instrument in queryset:
        writer.writerow(csv_row(instrument))


def _organisations(slugs: Iterable[str]) -> dict[str, Organisation]:
    return Organisation.objects.select_related("town").in_bulk({s for s in slugs if s}, field_name="slug")


# --- import ------------------------------------------------------------------------------------------

# Where the checks of `services` put a message, and what the row calls that field, per format.
JSON_FIELD_NAMES = {
    **{f"{name}_{lang}": f"{name}.{lang}" for name in ("name", "description") for lang in LANGUAGES},
    "provider_name": "hasCompetentAuthority.name",
    "provider_country": "hasCompetentAuthority.country",
    "languages": "language",
    **{name: f"funding.{name}" for name in (*AMOUNTS, "currency")},
    "criteria": "hasCriterionRequirement",
}
CSV_FIELD_NAMES = {"provider_name": "provider"}


def _field_name(key: str, names: Mapping[str, str]) -> str:
    base, _dot, index = key.partition(".")
    label = names.get(base, base)
    return f"{label} #{int(index) + 1}" if index.isdigit() else label


def _import(
    parsed: list[ParsedRow], report: ImportReport, *, user, skip: Collection[str], names: Mapping
) -> ImportReport:
    report.rows = len(parsed)
    existing = Instrument.objects.select_related("verified_by").in_bulk(
        [p.identifier for p in parsed if p.identifier], field_name="identifier"
    )
    batch: list[tuple[Instrument | None, InstrumentInput]] = []
    rows: list[tuple[int, ParsedRow]] = []
    for number, entry in enumerate(parsed, start=1):
        for name, message in entry.row.errors:
            report.errors.append(RowMessage(number, entry.identifier, name, message))
        for name, message in entry.row.notes:
            report.notes.append(RowMessage(number, entry.identifier, name, message))
        if entry.item is None:
            continue
        if entry.identifier in skip:
            report.skipped.append(entry.identifier)
            continue
        instrument = existing.get(entry.identifier)
        item = entry.item
        if entry.verified_at is not MISSING and (instrument is None or instrument.verified_at != entry.verified_at):
            item = InstrumentInput(
                item.identifier,
                {**item.data, "verified_at": entry.verified_at, "verified_by": None},
                item.criteria,
                item.calls,
                item.next_identifiers,
            )
        batch.append((instrument, item))
        rows.append((number, entry))
    for position, errors in catalogue_check(batch).items():
        number, entry = rows[position]
        for key, messages in errors.items():
            report.errors.extend(RowMessage(number, entry.identifier, _field_name(key, names), m) for m in messages)
    if report.errors:
        report.errors.sort(key=lambda e: e.row)
        return report
    try:
        written = catalogue_write(batch, user=user, action=InstrumentChange.Action.IMPORTED)
    except CatalogueInvalid as invalid:  # changed by someone else between the check and the write
        for position, errors in invalid.rows.items():
            number, entry = rows[position]
            for key, messages in errors.items():
                report.errors.extend(RowMessage(number, entry.identifier, _field_name(key, names), m) for m in messages)
        return report
    for result in written:
        getattr(report, result.outcome).append(result.instrument.identifier)
    return report


def import_json(data: Any, *, user=None, skip: Collection[str] = ()) -> ImportReport:
    """Import a parsed JSON document (an object with "instruments", or a bare list); all or nothing.

    Rows whose identifier is in `skip` are read but not written (the seed load keeps curated entries).
    """
    report = ImportReport("json")
    instruments = data.get("instruments") if isinstance(data, Mapping) else data
    if isinstance(instruments, str) or not isinstance(instruments, Sequence):
        report.errors.append(RowMessage(0, "", "instruments", _("The file holds no list of instruments.")))
        return report
    orgs = _organisations(slug for raw in instruments for slug in json_slugs(raw))
    parsed = [read_json_row(raw, orgs) for raw in instruments]
    return _import(parsed, report, user=user, skip=skip, names=JSON_FIELD_NAMES)


def import_csv(text: str, *, user=None, skip: Collection[str] = ()) -> ImportReport:
    """Import CSV text with a header row (comma or semicolon separated); all or nothing."""
    report = ImportReport("csv")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or ()]
    reader.fieldnames = header
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if "identifier" not in header:
        report.errors.append(RowMessage(0, "", "identifier", _("The header row has no column “identifier”.")))
    if unknown:
        message = _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}
        report.errors.append(RowMessage(0, "", "", message))
    if report.errors:
        return report
    try:
        raw_rows = [r for r in reader if any((v or "").strip() for k, v in r.items() if k is not None)]
    except csv.Error as error:
        report.errors.append(RowMessage(0, "", "", _("The file is not valid CSV: %(error)s.") % {"error": error}))
        return report
    for number, raw in enumerate(raw_rows, start=1):
        if None in raw:  # more cells than columns
            report.errors.append(
                RowMessage(number, raw.get("identifier") or "", "", _("The row has more cells than the header."))
            )
    if report.errors:
        return report
    orgs = _organisations(
        slug
        for raw in raw_rows
        for column in ("provider_slug", "contact_points")
        for slug in split_list(raw.get(column) or "")
    )
    parsed = [read_csv_row(raw, orgs) for raw in raw_rows]
    return _import(parsed, report, user=user, skip=skip, names=CSV_FIELD_NAMES)


def import_file(name: str, content: bytes, *, user=None) -> ImportReport:
    """Import an uploaded file: JSON or CSV, by its extension or else by its first character."""
    kind = "json" if name.lower().endswith(".json") else "csv" if name.lower().endswith(".csv") else ""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        report = ImportReport(kind or "csv")
        report.errors.append(RowMessage(0, "", "", _("The file is not encoded as UTF-8.")))
        return report
    if not kind:
        kind = "json" if text.lstrip()[:1] in ("{", "[") else "csv"
    if kind == "csv":
        return import_csv(text, user=user)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        report = ImportReport("json")
        message = _("The file is not valid JSON: %(error)s (line %(line)s).") % {
            "error": error.msg,
            "line": error.lineno,
        }
        report.errors.append(RowMessage(0, "", "", message))
        return report
    return import_json(data, user=user)


def curated_identifiers() -> set[str]:
    """Instruments a person has changed or verified: the seed load leaves them as they are."""
    return set(
        InstrumentChange.objects.filter(changed_by__isnull=False, instrument__isnull=False).values_list(
            "instrument__identifier", flat=True
        )
    )
