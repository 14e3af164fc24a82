"""Writes to the instrument catalogue: create, update, verify and delete, each checked first and recorded.

Every write goes through `catalogue_write`, which checks everything before it writes anything and
then writes in one transaction; the editor, the import and the admin share it. Eligibility
criteria are checked by the criterion registry of the pure core against the regions and sectors
in the database, so an unknown region code is refused just like a minimum above a maximum.

What was wrong comes back as `InstrumentInvalid` (one instrument) or `CatalogueInvalid` (a batch);
the checks themselves are in `checks`.

Every change is kept as an `InstrumentChange` with the old and the new value of each field that
changed; a write that changes nothing is not saved and not recorded, so loading the same file
twice leaves the catalogue and its history as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from borderless.accounts.models import Role
from borderless.core.instruments import Criterion, Reference

from .checks import (
    DATA_FIELDS,
    PROVIDER_COUNTRIES,
    SCALAR_FIELDS,
    VERIFICATION_FIELDS,
    CallInput,
    CatalogueInvalid,
    InstrumentInput,
    InstrumentInvalid,
    as_json,
    catalogue_check,
    criterion_errors,
    current_values,
    instrument_field_errors,
    normalised,
)
from .models import Call, Instrument, InstrumentChange
from .models import Criterion as CriterionRow

__all__ = [
    "DATA_FIELDS",
    "PROVIDER_COUNTRIES",
    "CallInput",
    "CatalogueInvalid",
    "InstrumentInput",
    "InstrumentInvalid",
    "Written",
    "can_curate",
    "catalogue_check",
    "catalogue_write",
    "criterion_errors",
    "instrument_create",
    "instrument_delete",
    "instrument_field_errors",
    "instrument_record_admin_change",
    "instrument_snapshot",
    "instrument_snapshot_for",
    "instrument_update",
    "instrument_verify",
]


@dataclass(frozen=True, slots=True)
class Written:
    instrument: Instrument
    outcome: str  # "created", "updated" or "unchanged"


def can_curate(user) -> bool:
    """Staff and confirmed intermediaries keep the catalogue; an unconfirmed role counts as SME member."""
    return bool(user and user.is_authenticated and (user.is_staff or user.effective_role == Role.INTERMEDIARY))


# --- how an instrument looks in the history ---------------------------------------------------------


def _call_json(title: str, opens_on: date | None, closes_on: date | None) -> dict[str, Any]:
    return {"title": title, "opens": as_json(opens_on), "closes": as_json(closes_on)}


def _sorted_calls(calls: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    # The database keeps no order of calls; sort them the same way on both sides of a comparison.
    return sorted(calls, key=lambda c: (c["closes"] or "", c["opens"] or "", c["title"]))


def _user_label(user) -> str | None:
    return None if user is None else str(user)


def instrument_snapshot(instrument: Instrument) -> dict[str, Any]:
    """The instrument as JSON values, as the history compares and keeps it."""
    snapshot = {name: as_json(getattr(instrument, name)) for name in SCALAR_FIELDS}
    snapshot["provider"] = instrument.provider.slug if instrument.provider_id else None
    snapshot["contact_points"] = sorted(o.slug for o in instrument.contact_points.all())
    snapshot["criteria"] = [{"type": c.type, "params": c.params} for c in instrument.criteria.all()]
    snapshot["calls"] = _sorted_calls(_call_json(c.title, c.opens_on, c.closes_on) for c in instrument.calls.all())
    snapshot["next"] = sorted(i.identifier for i in instrument.next_instruments.all())
    snapshot["verified_at"] = as_json(instrument.verified_at)
    snapshot["verified_by"] = _user_label(instrument.verified_by)
    return snapshot


def _snapshot_after(before: Mapping[str, Any], item: InstrumentInput, data: Mapping[str, Any]) -> dict[str, Any]:
    after = dict(before)
    for name in SCALAR_FIELDS:
        if name in data:
            after[name] = as_json(data[name])
    if "provider" in data:
        after["provider"] = data["provider"].slug if data["provider"] else None
    if "contact_points" in data:
        after["contact_points"] = sorted(o.slug for o in data["contact_points"])
    if "verified_at" in data:
        after["verified_at"] = as_json(data["verified_at"])
        after["verified_by"] = _user_label(data.get("verified_by"))
    if item.criteria is not None:
        after["criteria"] = [{"type": c.type, "params": dict(c.params)} for c in item.criteria]
    if item.calls is not None:
        after["calls"] = _sorted_calls(_call_json(c.title, c.opens_on, c.closes_on) for c in item.calls)
    if item.next_identifiers is not None:
        after["next"] = sorted(set(item.next_identifiers))
    return after


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    keys = list(after) + [key for key in before if key not in after]
    changes = {key: [before.get(key), after.get(key)] for key in keys if before.get(key) != after.get(key)}
    return {key: values for key, values in changes.items() if not (_empty(values[0]) and _empty(values[1]))}


def _record(instrument: Instrument | None, identifier: str, action: str, changes: dict, user, at: datetime):
    return InstrumentChange(
        instrument=instrument,
        identifier=identifier,
        action=action,
        changed_by=user if getattr(user, "is_authenticated", False) else None,
        changed_at=at,
        changes=changes,
    )


# --- writes ------------------------------------------------------------------------------------------


def _with_relations(instruments: Iterable[Instrument]) -> list[Instrument]:
    pks = [i.pk for i in instruments]
    return list(
        Instrument.objects.filter(pk__in=pks)
        .select_related("provider", "verified_by")
        .prefetch_related("contact_points", "criteria", "calls", "next_instruments")
    )


def _apply(instrument: Instrument, item: InstrumentInput, data: Mapping[str, Any], before: Mapping, after: Mapping):
    for name in (*SCALAR_FIELDS, "provider", *VERIFICATION_FIELDS):
        if name in data:
            setattr(instrument, name, data[name])
    if instrument.pk is None:
        instrument.identifier = item.identifier.strip()
    instrument.save()
    if "contact_points" in data and before.get("contact_points") != after["contact_points"]:
        instrument.contact_points.set(data["contact_points"])
    if item.criteria is not None and before.get("criteria") != after["criteria"]:
        instrument.criteria.all().delete()
        CriterionRow.objects.bulk_create(
            CriterionRow(instrument=instrument, position=position, type=c.type, params=dict(c.params))
            for position, c in enumerate(item.criteria)
        )
    if item.calls is not None and before.get("calls") != after["calls"]:
        instrument.calls.all().delete()
        Call.objects.bulk_create(
            Call(instrument=instrument, title=c.title.strip(), opens_on=c.opens_on, closes_on=c.closes_on)
            for c in item.calls
        )


@transaction.atomic
def catalogue_write(
    items: Sequence[tuple[Instrument | None, InstrumentInput]],
    *,
    user=None,
    action: str | None = None,
    reference: Reference | None = None,
) -> list[Written]:
    """Check a batch of instruments, then write all of it or nothing; returns what became of each item.

    An item with an instrument updates it, one without creates a new instrument. Raises
    CatalogueInvalid with the messages of every bad item before anything is written. `action`
    names the change in the history (default: created / updated).
    """
    problems = catalogue_check(items, reference=reference)
    if problems:
        raise CatalogueInvalid(problems)
    existing = {i.pk: i for i in _with_relations(instrument for instrument, _item in items if instrument)}
    now = timezone.now()
    pending: list[tuple[Instrument, InstrumentInput, dict, dict]] = []
    results: list[Written] = []
    for instrument, item in items:
        data = normalised(item.data)
        current = existing[instrument.pk] if instrument is not None else None
        before = instrument_snapshot(current) if current is not None else {}
        after = _snapshot_after(before or _new_snapshot(), item, data)
        if current is None:
            after["identifier"] = item.identifier.strip()
        if current is not None and not _diff(before, after):
            results.append(Written(current, "unchanged"))
            continue
        target = current if current is not None else Instrument()
        _apply(target, item, data, before, after)
        pending.append((target, item, before, after))
        results.append(Written(target, "updated" if current is not None else "created"))

    wanted = {n for entry in pending for n in entry[1].next_identifiers or ()}
    by_identifier = Instrument.objects.in_bulk(wanted, field_name="identifier") if wanted else {}
    changes = []
    for instrument, item, before, after in pending:
        if item.next_identifiers is not None:
            _next_instruments_write(instrument, [by_identifier[n] for n in dict.fromkeys(item.next_identifiers)])
        kind = action or (InstrumentChange.Action.UPDATED if before else InstrumentChange.Action.CREATED)
        changes.append(_record(instrument, instrument.identifier, kind, _diff(before, after), user, now))
    InstrumentChange.objects.bulk_create(changes)
    return results


def _new_snapshot() -> dict[str, Any]:
    snapshot = {name: as_json(value) for name, value in current_values(None).items()}
    snapshot.update(
        provider=None, contact_points=[], criteria=[], calls=[], next=[], verified_at=None, verified_by=None
    )
    return snapshot


def _single(instrument: Instrument | None, item: InstrumentInput, user) -> Instrument:
    try:
        (written,) = catalogue_write([(instrument, item)], user=user)
    except CatalogueInvalid as invalid:
        raise InstrumentInvalid(invalid.rows[0]) from None
    return written.instrument


def instrument_create(
    *,
    data: Mapping[str, Any],
    criteria: Sequence[Criterion] = (),
    calls: Sequence[CallInput] = (),
    next_identifiers: Sequence[str] = (),
    user,
) -> Instrument:
    """A new instrument; raises InstrumentInvalid and saves nothing when anything is wrong."""
    item = InstrumentInput(
        identifier=str(data.get("identifier") or ""),
        data={k: v for k, v in data.items() if k != "identifier"},
        criteria=list(criteria),
        calls=list(calls),
        next_identifiers=list(next_identifiers),
    )
    return _single(None, item, user)


def instrument_update(
    *,
    instrument: Instrument,
    data: Mapping[str, Any],
    criteria: Sequence[Criterion] | None = None,
    calls: Sequence[CallInput] | None = None,
    next_identifiers: Sequence[str] | None = None,
    user,
) -> Instrument:
    """Change an instrument; None keeps a list as it is. Raises InstrumentInvalid and saves nothing."""
    item = InstrumentInput(
        identifier=instrument.identifier,
        data=dict(data),
        criteria=None if criteria is None else list(criteria),
        calls=None if calls is None else list(calls),
        next_identifiers=None if next_identifiers is None else list(next_identifiers),
    )
    return _single(instrument, item, user)


@transaction.atomic
def instrument_verify(*, instrument: Instrument, user) -> Instrument:
    """Mark the entry checked against its source today, by this person.

    Verifying does not change the content, so `updated_at` (which the e-mail digests compare)
    stays as it is.
    """
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    before = {"verified_at": as_json(instrument.verified_at), "verified_by": _user_label(instrument.verified_by)}
    instrument.verified_at = timezone.now()
    instrument.verified_by = user
    instrument.save(update_fields=["verified_at", "verified_by"])
    after = {"verified_at": as_json(instrument.verified_at), "verified_by": _user_label(user)}
    changes = {key: [before[key], after[key]] for key in after}
    _record(
        instrument, instrument.identifier, InstrumentChange.Action.VERIFIED, changes, user, instrument.verified_at
    ).save()
    return instrument


@transaction.atomic
def instrument_delete(*, instrument: Instrument, user) -> None:
    """Delete an instrument; the history keeps its last content under its identifier."""
    (current,) = _with_relations([instrument])
    before = instrument_snapshot(current)
    changes = {key: [value, None] for key, value in before.items() if not _empty(value)}
    _record(None, current.identifier, InstrumentChange.Action.DELETED, changes, user, timezone.now()).save()
    current.delete()  # earlier changes stay, unlinked (SET_NULL), under the same identifier


def instrument_record_admin_change(
    *, instrument: Instrument, before: Mapping[str, Any] | None, user
) -> InstrumentChange | None:
    """Record a change made in the admin (which saves through its own forms); nothing when nothing changed."""
    (current,) = _with_relations([instrument])
    after = instrument_snapshot(current)
    changes = _diff(before or {}, after)
    if before is not None and not changes:
        return None
    action = InstrumentChange.Action.UPDATED if before is not None else InstrumentChange.Action.CREATED
    change = _record(current, current.identifier, action, changes, user, timezone.now())
    change.save()
    return change


def instrument_snapshot_for(instrument: Instrument) -> dict[str, Any]:
    """The stored state of an instrument, fetched afresh (before an admin form changes it)."""
    (current,) = _with_relations([instrument])
    return instrument_snapshot(current)


def _next_instruments_write(instrument: Instrument, targets: list[Instrument]) -> None:
    """Store the next steps in the order the source gives them (the first is the usual next step).

    The links are read back in the order they were written (`instruments.matching`), so they are
    written one by one in that order; `set()` would write them in the order of a Python set.
    """
    links = Instrument.next_instruments.through
    stored = list(
        links.objects.filter(from_instrument=instrument).order_by("pk").values_list("to_instrument_id", flat=True)
    )
    if stored == [target.pk for target in targets]:
        return
    links.objects.filter(from_instrument=instrument).delete()
    links.objects.bulk_create([links(from_instrument=instrument, to_instrument=target) for target in targets])
