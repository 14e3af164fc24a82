"""Reading the rows of an exchange file: JSON objects and CSV rows into `InstrumentInput`s.

A row is read as far as it goes: every problem of form (a text where a list belongs, a date that
is no date) is noted with the field it concerns, and the rest of the row is still read, so the
import report lists everything at once. Whether the values make sense is checked afterwards, for
all rows together (`checks.catalogue_check`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from borderless.core.i18n import LANGUAGES
from borderless.core.instruments import Criterion
from borderless.organisations.models import Organisation

from .checks import CallInput, InstrumentInput

CSV_COLUMNS = (
    "identifier",
    *(f"{name}_{lang}" for name in ("name", "description") for lang in LANGUAGES),
    "level",
    "kind",
    "status",
    "provider",
    "provider_slug",
    "provider_country",
    "contact_points",
    "languages",
    "spatial",
    "min_amount",
    "max_amount",
    "rate_percent",
    "currency",
    "website",
    "source",
    "verified_at",
    "next",
    "criteria",
    "calls",
)
AMOUNTS = ("min_amount", "max_amount", "rate_percent")
# Spreadsheets run a cell that starts with one of these as a formula; exports quote it with "'".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATORS = re.compile(r"[\s,;]+")
MISSING = object()


class RowReader:
    """The messages about one row while it is read."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []

    def error(self, name: str, message: str) -> None:
        self.errors.append((name, message))

    def text(self, value: Any, name: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(name, _("Expected a text."))
            return ""
        return value

    def texts(self, value: Any, name: str) -> dict[str, str]:
        if value is None:
            return {lang: "" for lang in LANGUAGES}
        if not isinstance(value, Mapping):
            self.error(name, _("Expected the text in English, German and Dutch (keys en, de and nl)."))
            return {}
        return {lang: self.text(value.get(lang), f"{name}.{lang}") for lang in LANGUAGES}

    def strings(self, value: Any, name: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.error(name, _("Expected a list."))
            return []
        items = []
        for item in value:
            if not isinstance(item, str):
                self.error(name, _("Expected a list of texts."))
                return []
            items.append(item)
        return items

    def decimal(self, value: Any, name: str) -> Decimal | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.error(name, _("Not a number: %(value)s.") % {"value": value})
            return None
        text = str(value).strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a decimal comma, as German and Dutch spreadsheets write it
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(name, _("Not a number: %(value)s.") % {"value": value})
            return None
        return number

    def date(self, value: Any, name: str) -> date | None:
        if value is None or value == "":
            return None
        try:
            return date.fromisoformat(value.strip()) if isinstance(value, str) else _not_a_date()
        except ValueError:
            self.error(name, _("Not a date in the form YYYY-MM-DD: %(value)s.") % {"value": value})
            return None

    def moment(self, value: Any, name: str) -> datetime | None:
        if value is None or value == "":
            return None
        try:
            moment = datetime.fromisoformat(value.strip()) if isinstance(value, str) else _not_a_date()
        except ValueError:
            self.error(name, _("Not a date in the form YYYY-MM-DD (a time may follow): %(value)s.") % {"value": value})
            return None
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=UTC)
        if moment > timezone.now():
            self.error(name, _("The date lies in the future."))
            return None
        return moment

    def criteria(self, value: Any, name: str) -> list[Criterion]:
        if value is None:
            return []
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.error(name, _("Expected a list."))
            return []
        found = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, Mapping) or not isinstance(item.get("type"), str):
                self.error(f"{name} #{index}", _("Each criterion is an object with a “type” and its settings."))
                continue
            found.append(Criterion(type=item["type"], params={k: v for k, v in item.items() if k != "type"}))
        return found

    def calls(self, value: Any, name: str) -> list[CallInput]:
        if value is None:
            return []
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.error(name, _("Expected a list."))
            return []
        found = []
        for index, item in enumerate(value, start=1):
            where = f"{name} #{index}"
            if not isinstance(item, Mapping):
                self.error(where, _("Each call is an object with “title”, “opens” and “closes”."))
                continue
            title = item.get("title")
            if isinstance(title, Mapping):  # a title in several languages: the platform keeps one
                title = title.get("en") or next((t for t in title.values() if isinstance(t, str) and t), "")
            opens, closes = self.date(item.get("opens"), where), self.date(item.get("closes"), where)
            found.append(CallInput(title=self.text(title, where), opens_on=opens, closes_on=closes))
        return found


def _not_a_date():
    raise ValueError


@dataclass
class ParsedRow:
    identifier: str
    item: InstrumentInput | None
    row: RowReader
    verified_at: Any = MISSING  # a datetime, None ("not verified") or MISSING (left out)


def json_slugs(raw: Any) -> Iterator[str]:
    if not isinstance(raw, Mapping):
        return
    authority = raw.get("hasCompetentAuthority")
    if isinstance(authority, Mapping) and isinstance(authority.get("slug"), str):
        yield authority["slug"]
    providers = raw.get("providers")
    if isinstance(providers, list):
        yield from (p["slug"] for p in providers if isinstance(p, Mapping) and isinstance(p.get("slug"), str))


def _not_on_platform(row: RowReader, name: str, label: str) -> None:
    row.notes.append((name, _("“%(name)s” is not on the platform and was left out.") % {"name": label}))


def read_json_row(raw: Any, orgs: Mapping[str, Organisation]) -> ParsedRow:
    row = RowReader()
    if not isinstance(raw, Mapping):
        row.error("", _("Each instrument is an object with named fields."))
        return ParsedRow("", None, row)
    identifier = row.text(raw.get("identifier"), "identifier").strip()
    data: dict[str, Any] = {}
    for name in ("name", "description"):
        if name in raw:
            for lang, text in row.texts(raw[name], name).items():
                data[f"{name}_{lang}"] = text
    if "hasCompetentAuthority" in raw:
        authority = raw["hasCompetentAuthority"]
        if authority is not None and not isinstance(authority, Mapping):
            row.error("hasCompetentAuthority", _("Expected an object with name, country and slug."))
        else:
            authority = authority or {}
            slug = row.text(authority.get("slug"), "hasCompetentAuthority.slug")
            data["provider_name"] = row.text(authority.get("name"), "hasCompetentAuthority.name")
            data["provider_country"] = row.text(authority.get("country"), "hasCompetentAuthority.country")
            data["provider"] = orgs.get(slug) if slug else None
            if slug and slug not in orgs:
                _not_on_platform(row, "hasCompetentAuthority.slug", slug)
    if "providers" in raw:
        data["contact_points"] = _json_contact_points(row, raw["providers"], orgs)
    for name in ("level", "kind", "source", "website"):
        if name in raw:
            data[name] = row.text(raw[name], name)
    if "status" in raw:
        data["status"] = row.text(raw["status"], "status")
    if "spatial" in raw:
        data["spatial"] = row.strings(raw["spatial"], "spatial")
    if "language" in raw:
        data["languages"] = row.strings(raw["language"], "language")
    if "funding" in raw:
        funding = raw["funding"]
        if funding is not None and not isinstance(funding, Mapping):
            row.error("funding", _("Expected an object with min_amount, max_amount, rate_percent and currency."))
        else:
            funding = funding or {}
            for name in AMOUNTS:
                data[name] = row.decimal(funding.get(name), f"funding.{name}")
            data["currency"] = row.text(funding.get("currency"), "funding.currency")
    criteria = (
        row.criteria(raw["hasCriterionRequirement"], "hasCriterionRequirement")
        if "hasCriterionRequirement" in raw
        else None
    )
    calls = row.calls(raw["calls"], "calls") if "calls" in raw else None
    next_ids = row.strings(raw["next"], "next") if "next" in raw else None
    verified_at = row.moment(raw["verified_at"], "verified_at") if "verified_at" in raw else MISSING
    if "verified" in raw:
        verified = raw["verified"]
        if not isinstance(verified, bool):
            row.error("verified", _("Expected true or false."))
        elif verified and verified_at in (None, MISSING) and not any(n == "verified_at" for n, _m in row.errors):
            row.error("verified", _("The entry is marked verified, but “verified_at” does not say when."))
        elif not verified and verified_at not in (None, MISSING):
            row.error("verified", _("The entry is marked not verified, but “verified_at” gives a date."))
    item = InstrumentInput(identifier, data, criteria, calls, next_ids)
    return ParsedRow(identifier, item, row, verified_at)


def _json_contact_points(row: RowReader, value: Any, orgs: Mapping[str, Organisation]) -> list[Organisation]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Sequence):
        row.error("providers", _("Expected a list."))
        return []
    found = []
    for index, provider in enumerate(value, start=1):
        if not isinstance(provider, Mapping):
            row.error(f"providers #{index}", _("Expected an object with name, country and slug."))
            continue
        slug = provider.get("slug")
        if isinstance(slug, str) and slug in orgs:
            found.append(orgs[slug])
        else:
            _not_on_platform(row, f"providers #{index}", str(slug or provider.get("name") or "?"))
    return found


def split_list(value: str) -> list[str]:
    return [part for part in LIST_SEPARATORS.split(value.strip()) if part]


def _uncell(value: str | None) -> str:
    value = value or ""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _csv_json(row: RowReader, value: str, name: str) -> Any:
    if not value.strip():
        return []
    try:
        return json.loads(value)
    except json.JSONDecodeError as error:
        row.error(name, _("Not valid JSON: %(error)s.") % {"error": error.msg})
        return []


def read_csv_row(raw: Mapping[str, str | None], orgs: Mapping[str, Organisation]) -> ParsedRow:
    row = RowReader()
    cells = {name: _uncell(value) for name, value in raw.items() if name in CSV_COLUMNS}
    identifier = cells.get("identifier", "").strip()
    data: dict[str, Any] = {}
    for name in (*(f"{n}_{lang}" for n in ("name", "description") for lang in LANGUAGES), "level", "kind", "status"):
        if name in cells:
            data[name] = cells[name]
    for name in ("currency", "website", "source", "provider_country"):
        if name in cells:
            data[name] = cells[name]
    if "provider" in cells:
        data["provider_name"] = cells["provider"]
    if "provider_slug" in cells:
        slug = cells["provider_slug"].strip()
        data["provider"] = orgs.get(slug) if slug else None
        if slug and slug not in orgs:
            _not_on_platform(row, "provider_slug", slug)
    if "contact_points" in cells:
        slugs = split_list(cells["contact_points"])
        data["contact_points"] = [orgs[s] for s in slugs if s in orgs]
        for slug in slugs:
            if slug not in orgs:
                _not_on_platform(row, "contact_points", slug)
    for name, column in (("languages", "languages"), ("spatial", "spatial")):
        if column in cells:
            data[name] = split_list(cells[column])
    for name in AMOUNTS:
        if name in cells:
            data[name] = row.decimal(cells[name], name)
    criteria = row.criteria(_csv_json(row, cells["criteria"], "criteria"), "criteria") if "criteria" in cells else None
    calls = row.calls(_csv_json(row, cells["calls"], "calls"), "calls") if "calls" in cells else None
    next_ids = split_list(cells["next"]) if "next" in cells else None
    verified_at = row.moment(cells["verified_at"].strip(), "verified_at") if "verified_at" in cells else MISSING
    return ParsedRow(identifier, InstrumentInput(identifier, data, criteria, calls, next_ids), row, verified_at)
