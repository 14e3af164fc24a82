"""The checks every write to the catalogue passes first, and the shapes of what is written.

One instrument or a whole import file: everything is checked before anything is written, and all
problems are reported at once, in the active language, keyed by the model's field names,
"criteria.<n>" and "calls.<n>" (positions counted from 0) and "next". Eligibility criteria and
pathways are checked by the pure core (`REGISTRY.validate`, `validate_next_ids`) against the
regions and sectors in the database, so an unknown region code is refused like a minimum above a
maximum.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from borderless.core.i18n import LANGUAGES
from borderless.core.instruments import REGISTRY, Criterion, Reference, validate_next_ids
from borderless.i18n.translation import translate
from borderless.organisations.models import WorkingLanguage

from .models import Instrument, Kind, Level, Status
from .reference import core_reference

TEXT_FIELDS = tuple(f"{name}_{lang}" for name in ("name", "description") for lang in LANGUAGES)
# The plain fields an editor or an import sets; `provider` and `contact_points` are organisations.
SCALAR_FIELDS = (
    "identifier",
    *TEXT_FIELDS,
    "provider_name",
    "provider_country",
    "languages",
    "level",
    "kind",
    "status",
    "spatial",
    "min_amount",
    "max_amount",
    "rate_percent",
    "currency",
    "website",
    "source",
)
RELATED_FIELDS = ("provider", "contact_points")
# Set by imports only: the editor marks an entry verified with `instrument_verify`.
VERIFICATION_FIELDS = ("verified_at", "verified_by")
DATA_FIELDS = frozenset((*SCALAR_FIELDS, *RELATED_FIELDS, *VERIFICATION_FIELDS))

PROVIDER_COUNTRIES = ("NL", "DE", "EU")
# Paths of the finder under /<lang>/instruments/ that an identifier would hide.
RESERVED_IDENTIFIERS = frozenset({"curate", "saved", "for-my-organisation"})
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_-]*")
CURRENCY = re.compile(r"[A-Z]{3}")
MAX_LENGTHS = {
    "identifier": 120,
    **{f"name_{lang}": 250 for lang in LANGUAGES},
    "provider_name": 200,
    "website": 500,
}
MAX_CALL_TITLE = 200
# DecimalField(max_digits=14, decimal_places=2) for amounts, (5, 2) for the rate.
MAX_AMOUNT = Decimal("1e12")
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class CallInput:
    title: str = ""
    opens_on: date | None = None
    closes_on: date | None = None


@dataclass(frozen=True, slots=True)
class InstrumentInput:
    """What to write to one instrument.

    `data` holds only the fields to set (keys from DATA_FIELDS); a field left out keeps its value
    (or its default, for a new instrument). `criteria`, `calls` and `next_identifiers` replace the
    instrument's lists; None leaves them as they are.
    """

    identifier: str
    data: Mapping[str, Any] = field(default_factory=dict)
    criteria: Sequence[Criterion] | None = None
    calls: Sequence[CallInput] | None = None
    next_identifiers: Sequence[str] | None = None


class InstrumentInvalid(ValidationError):
    """One instrument that cannot be saved; `message_dict` holds the messages per field."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        super().__init__({key: list(messages) for key, messages in errors.items()})


class CatalogueInvalid(ValidationError):
    """A batch that cannot be saved; `rows` maps the position of each bad item to its messages."""

    def __init__(self, rows: Mapping[int, Mapping[str, list[str]]]) -> None:
        self.rows = {index: dict(errors) for index, errors in rows.items()}
        super().__init__(
            [message for errors in self.rows.values() for messages in errors.values() for message in messages]
        )


def as_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value.quantize(CENT))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [as_json(v) for v in value]
    return value


def normalised(data: Mapping[str, Any]) -> dict[str, Any]:
    """Strip texts, upper-case codes, drop repeated list entries; fill the provider's name and country."""
    unknown = set(data) - DATA_FIELDS
    if unknown:
        raise TypeError(f"unknown instrument fields: {', '.join(sorted(unknown))}")
    clean = dict(data)
    for name in (*TEXT_FIELDS, "identifier", "provider_name", "website", "source"):
        if name in clean:
            clean[name] = (clean[name] or "").strip()
    for name in ("provider_country", "currency"):
        if name in clean:
            clean[name] = (clean[name] or "").strip().upper()
    for name in ("level", "kind", "status"):
        if name in clean:
            clean[name] = (clean[name] or "").strip()
    if "spatial" in clean:
        clean["spatial"] = list(dict.fromkeys(str(code).strip().upper() for code in clean["spatial"] or ()))
    if "languages" in clean:
        clean["languages"] = list(dict.fromkeys(str(code).strip().lower() for code in clean["languages"] or ()))
    if "contact_points" in clean:
        clean["contact_points"] = list(dict.fromkeys(clean["contact_points"] or ()))
    provider = clean.get("provider")
    if provider is not None:
        # The name travels with the exchange file; keep it even when the organisation is on the platform.
        if not clean.get("provider_name"):
            clean["provider_name"] = provider.name
        if not clean.get("provider_country"):
            clean["provider_country"] = provider.country
    return clean


def current_values(instrument: Instrument | None) -> dict[str, Any]:
    if instrument is None:
        return {name: Instrument._meta.get_field(name).get_default() for name in SCALAR_FIELDS}
    return {name: getattr(instrument, name) for name in SCALAR_FIELDS}


def _choice_error(value: str, choices: Collection[str]) -> str | None:
    if value in choices:
        return None
    return _("Choose one of the listed values; “%(value)s” is not one of them.") % {"value": value}


def _amount_errors(values: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name in ("min_amount", "max_amount", "rate_percent"):
        value = values.get(name)
        if value is None:
            continue
        if not isinstance(value, Decimal) or not value.is_finite():
            errors[name] = [_("Enter a number.")]
        elif value < 0:
            errors[name] = [_("The amount cannot be negative.")]
        elif value >= MAX_AMOUNT or value != value.quantize(CENT):
            errors[name] = [
                _("Enter a number with at most two decimal places and at most twelve digits before the point.")
            ]
    rate = values.get("rate_percent")
    if "rate_percent" not in errors and rate is not None and rate > 100:
        errors["rate_percent"] = [_("The funding rate is a percentage from 0 to 100.")]
    low, high = values.get("min_amount"), values.get("max_amount")
    if low is not None and high is not None and not errors.keys() & {"min_amount", "max_amount"} and low > high:
        errors["max_amount"] = [
            _("The smallest amount (%(min)s) is larger than the largest amount (%(max)s).")
            % {"min": as_json(low), "max": as_json(high)}
        ]
    return errors


def _field_errors(values: Mapping[str, Any], existing: Instrument | None, reference: Reference) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str | None) -> None:
        if message:
            errors.setdefault(name, []).append(message)

    identifier = values["identifier"]
    if existing is not None and identifier != existing.identifier:
        add("identifier", _("The identifier of an instrument cannot be changed."))
    elif not identifier:
        add("identifier", _("This field is required."))
    elif not IDENTIFIER.fullmatch(identifier):
        add("identifier", _("Use only lower-case letters, digits, hyphens and underscores."))
    elif identifier in RESERVED_IDENTIFIERS:
        add("identifier", _("This identifier is reserved for a page of the finder; choose another."))
    elif existing is None and Instrument.objects.filter(identifier=identifier).exists():
        add("identifier", _("An instrument with this identifier already exists."))

    for name in (*TEXT_FIELDS, "source"):
        if not values[name]:
            add(name, _("This field is required."))
    for name, limit in MAX_LENGTHS.items():
        if len(values[name] or "") > limit:
            add(name, _("Use at most %(limit)s characters.") % {"limit": limit})

    for name, choices in (("level", Level.values), ("kind", Kind.values)):
        if not values[name]:
            add(name, _("This field is required."))
        else:
            add(name, _choice_error(values[name], choices))
    if values["status"]:
        add("status", _choice_error(values["status"], Status.values))
    if values["provider_country"]:
        add("provider_country", _choice_error(values["provider_country"], PROVIDER_COUNTRIES))
    for code in values["languages"]:
        add("languages", _choice_error(code, WorkingLanguage.values))
    for code in values["spatial"]:
        if code not in reference.regions:
            add("spatial", _("Unknown region code: %(code)s.") % {"code": code})
    if values["currency"] and not CURRENCY.fullmatch(values["currency"]):
        add("currency", _("Enter a currency as a three-letter code such as EUR."))
    if values["website"]:
        try:
            URLValidator(schemes=["http", "https"])(values["website"])
        except ValidationError:
            add("website", _("Enter a valid URL."))
    for name, messages in _amount_errors(values).items():
        errors.setdefault(name, []).extend(messages)
    return errors


def instrument_field_errors(
    *, data: Mapping[str, Any], instrument: Instrument | None, reference: Reference | None = None
) -> dict[str, list[str]]:
    """What is wrong with the plain fields of one instrument (for forms that save on their own: the admin)."""
    values = {**current_values(instrument), **{k: v for k, v in normalised(data).items() if k in SCALAR_FIELDS}}
    return _field_errors(values, instrument, reference if reference is not None else core_reference())


def criterion_errors(criterion: Criterion, *, reference: Reference | None = None) -> list[str]:
    """What is wrong with one criterion, in the active language."""
    found = REGISTRY.validate(criterion, reference if reference is not None else core_reference())
    return [translate(problem.message) for problem in found]


def _list_errors(item: InstrumentInput, known: Collection[str], reference: Reference) -> dict[str, list[str]]:
    lang = get_language()
    errors: dict[str, list[str]] = {}
    for index, criterion in enumerate(item.criteria or ()):
        for found in REGISTRY.validate(criterion, reference):
            errors.setdefault(f"criteria.{index}", []).append(translate(found.message, lang))
    for index, call in enumerate(item.calls or ()):
        messages = []
        if len(call.title) > MAX_CALL_TITLE:
            messages.append(_("Use at most %(limit)s characters.") % {"limit": MAX_CALL_TITLE})
        if call.opens_on and call.closes_on and call.closes_on < call.opens_on:
            messages.append(
                _("The call cannot close (%(closes)s) before it opens (%(opens)s).")
                % {"closes": call.closes_on.isoformat(), "opens": call.opens_on.isoformat()}
            )
        if messages:
            errors[f"calls.{index}"] = messages
    if item.next_identifiers is not None:
        problems = validate_next_ids(item.identifier, list(dict.fromkeys(item.next_identifiers)), known)
        if problems:
            errors["next"] = [translate(found.message, lang) for found in problems]
    return errors


def catalogue_check(
    items: Sequence[tuple[Instrument | None, InstrumentInput]], *, reference: Reference | None = None
) -> dict[int, dict[str, list[str]]]:
    """Everything wrong with a batch, by position in the batch; empty when it can be written.

    `next` may name instruments already in the catalogue or any instrument of the same batch.
    """
    reference = reference if reference is not None else core_reference()
    identifiers = [existing.identifier if existing else item.identifier for existing, item in items]
    known = set(Instrument.objects.values_list("identifier", flat=True)) | set(identifiers)
    rows: dict[int, dict[str, list[str]]] = {}
    seen: set[str] = set()
    for index, (existing, item) in enumerate(items):
        values = {**current_values(existing), **{k: v for k, v in normalised(item.data).items() if k in SCALAR_FIELDS}}
        if existing is None:
            values["identifier"] = item.identifier.strip()
        errors = _field_errors(values, existing, reference)
        if identifiers[index] in seen:
            errors.setdefault("identifier", []).append(_("This identifier appears more than once."))
        seen.add(identifiers[index])
        for key, messages in _list_errors(item, known, reference).items():
            errors.setdefault(key, []).extend(messages)
        if errors:
            rows[index] = errors
    return rows
