"""Writing to the catalogue: everything is checked before anything is saved, and every change is kept."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from borderless.accounts.models import Role
from borderless.core.instruments import Criterion
from borderless.instruments.models import Instrument, InstrumentChange
from borderless.instruments.services import (
    CallInput,
    InstrumentInvalid,
    can_curate,
    instrument_create,
    instrument_delete,
    instrument_update,
    instrument_verify,
)

from ..conftest import make_user

pytestmark = pytest.mark.django_db


def valid_data(identifier: str = "twente-voucher", **changes) -> dict:
    data = {
        "identifier": identifier,
        "name_en": "Twente digitalisation voucher",
        "name_de": "Digitalisierungsgutschein Twente",
        "name_nl": "Digitaliseringsvoucher Twente",
        "description_en": "A voucher for SMEs in Twente.",
        "description_de": "Ein Gutschein für KMU in Twente.",
        "description_nl": "Een voucher voor mkb-bedrijven in Twente.",
        "level": "local",
        "kind": "voucher",
        "status": "open",
        "spatial": ["NL213"],
        "languages": ["nl"],
        "min_amount": Decimal("1000"),
        "max_amount": Decimal("10000"),
        "rate_percent": Decimal("50"),
        "currency": "EUR",
        "website": "https://example.nl/voucher",
        "source": "Leaflet of the region, 2026",
    }
    data.update(changes)
    return data


REGION = Criterion("region", {"codes": ["NL213"]})
SMES = Criterion("size_class", {"classes": ["micro", "small", "medium"]})


def create(user, identifier: str = "twente-voucher", **changes) -> Instrument:
    return instrument_create(data=valid_data(identifier, **changes), criteria=[REGION, SMES], user=user)


def refused(call) -> dict[str, list[str]]:
    before = (Instrument.objects.count(), InstrumentChange.objects.count())
    with pytest.raises(InstrumentInvalid) as caught:
        call()
    assert (Instrument.objects.count(), InstrumentChange.objects.count()) == before, "nothing may be saved"
    return caught.value.message_dict


def test_create_saves_everything_and_records_who_and_what(bob):
    follow_up = create(bob, "feasibility-study", kind="feasibility_study")
    instrument = instrument_create(
        data=valid_data(),
        criteria=[REGION, SMES],
        calls=[CallInput("Spring round", date(2026, 3, 1), date(2026, 4, 30))],
        next_identifiers=[follow_up.identifier],
        user=bob,
    )
    assert instrument.max_amount == Decimal("10000")
    assert [c.type for c in instrument.criteria.all()] == ["region", "size_class"]
    assert instrument.calls.get().closes_on == date(2026, 4, 30)
    assert list(instrument.next_instruments.values_list("identifier", flat=True)) == ["feasibility-study"]
    assert instrument.verified_at is None

    change = InstrumentChange.objects.get(instrument=instrument)
    assert (change.action, change.changed_by, change.identifier) == ("created", bob, "twente-voucher")
    assert change.changes["max_amount"] == [None, "10000.00"]
    assert change.changes["criteria"] == [None, [{"type": "region", "params": {"codes": ["NL213"]}}, SMES_JSON]]
    assert change.changes["next"] == [None, ["feasibility-study"]]
    json.dumps(change.changes)  # stored as plain JSON


SMES_JSON = {"type": "size_class", "params": {"classes": ["micro", "small", "medium"]}}


def test_minimum_above_maximum_is_refused_and_nothing_saved(bob):
    errors = refused(lambda: create(bob, min_amount=Decimal("5000"), max_amount=Decimal("1000")))
    assert errors == {"max_amount": ["The smallest amount (5000.00) is larger than the largest amount (1000.00)."]}


def test_several_problems_are_reported_at_once(bob):
    errors = refused(
        lambda: instrument_create(
            data=valid_data(rate_percent=Decimal("120"), spatial=["NL213", "NL999"], name_nl="", level="galaxy"),
            criteria=[REGION, Criterion("acatech_stage", {"min": 5, "max": 2})],
            calls=[CallInput("", date(2026, 5, 1), date(2026, 4, 1))],
            next_identifiers=["no-such-instrument"],
            user=bob,
        )
    )
    assert errors["rate_percent"] == ["The funding rate is a percentage from 0 to 100."]
    assert errors["spatial"] == ["Unknown region code: NL999."]
    assert errors["name_nl"] == ["This field is required."]
    assert "galaxy" in errors["level"][0]
    assert errors["criteria.1"] == ["The minimum (5) is above the maximum (2)."]
    assert errors["calls.0"] == ["The call cannot close (2026-04-01) before it opens (2026-05-01)."]
    assert errors["next"] == ["Unknown next instrument: no-such-instrument."]


def test_criterion_messages_come_in_the_editors_language(bob):
    with translation.override("de"):
        errors = refused(
            lambda: instrument_create(data=valid_data(), criteria=[Criterion("region", {"codes": ["NL999"]})], user=bob)
        )
    assert errors == {"criteria.0": ["Unbekannte Region: NL999."]}
    with translation.override("nl"):
        errors = refused(lambda: instrument_create(data=valid_data(), criteria=[Criterion("galaxy")], user=bob))
    assert errors == {"criteria.0": ["Onbekend soort criterium: galaxy."]}


def test_an_instrument_cannot_lead_to_itself(bob):
    instrument = create(bob)
    errors = refused(
        lambda: instrument_update(instrument=instrument, data={}, next_identifiers=[instrument.identifier], user=bob)
    )
    assert errors == {"next": ["An instrument cannot lead to itself."]}


def test_identifiers_are_unique_and_fixed(bob):
    instrument = create(bob)
    assert "already exists" in refused(lambda: create(bob))["identifier"][0]
    assert (
        "cannot be changed"
        in refused(lambda: instrument_update(instrument=instrument, data={"identifier": "other"}, user=bob))[
            "identifier"
        ][0]
    )
    assert "reserved" in refused(lambda: create(bob, "curate"))["identifier"][0]


def test_update_records_old_and_new_values(bob, staff):
    instrument = create(bob)
    instrument_update(
        instrument=instrument,
        data={"max_amount": Decimal("20000"), "status": "budget_exhausted"},
        criteria=[REGION],
        user=staff,
    )
    change = InstrumentChange.objects.filter(action="updated").get()
    assert change.changed_by == staff
    assert change.changes == {
        "max_amount": ["10000.00", "20000.00"],
        "status": ["open", "budget_exhausted"],
        "criteria": [[{"type": "region", "params": {"codes": ["NL213"]}}, SMES_JSON], [REGION_JSON]],
    }
    instrument.refresh_from_db()
    assert (instrument.max_amount, instrument.status) == (Decimal("20000"), "budget_exhausted")


REGION_JSON = {"type": "region", "params": {"codes": ["NL213"]}}


def test_an_update_that_changes_nothing_is_neither_saved_nor_recorded(bob):
    instrument = create(bob)
    stamp = Instrument.objects.get(pk=instrument.pk).updated_at
    instrument_update(instrument=instrument, data=valid_data(), criteria=[REGION, SMES], calls=[], user=bob)
    assert InstrumentChange.objects.count() == 1
    assert Instrument.objects.get(pk=instrument.pk).updated_at == stamp


def test_verify_records_who_and_when_without_touching_the_content(bob):
    instrument = create(bob)
    stamp = Instrument.objects.get(pk=instrument.pk).updated_at
    instrument_verify(instrument=instrument, user=bob)
    instrument.refresh_from_db()
    assert instrument.verified_by == bob
    assert instrument.verified_at is not None
    assert instrument.updated_at == stamp
    change = InstrumentChange.objects.get(action="verified")
    assert change.changes["verified_at"][0] is None
    assert change.changes["verified_by"] == [None, "bob@example.de"]


def test_delete_keeps_the_history_under_the_identifier(bob, staff):
    instrument = create(bob)
    instrument_delete(instrument=instrument, user=staff)
    assert not Instrument.objects.exists()
    deleted = InstrumentChange.objects.get(action="deleted")
    assert (deleted.identifier, deleted.changed_by, deleted.instrument) == ("twente-voucher", staff, None)
    assert deleted.changes["name_en"] == ["Twente digitalisation voucher", None]
    assert InstrumentChange.objects.filter(identifier="twente-voucher").count() == 2


def test_who_may_curate(alice, bob, charlie, dora, staff):
    unconfirmed = make_user("ida@example.nl", role=Role.INTERMEDIARY, confirmed=False)
    assert can_curate(bob) and can_curate(staff)
    assert not any(can_curate(user) for user in (alice, charlie, dora, unconfirmed))


def test_next_steps_keep_the_order_the_curator_gave(bob):
    first = create(bob, "feasibility-study", kind="feasibility_study")
    second = create(bob, "innovation-hub", kind="advice")
    instrument = instrument_create(
        data=valid_data(), criteria=[REGION, SMES], next_identifiers=[second.identifier, first.identifier], user=bob
    )
    links = Instrument.next_instruments.through.objects.filter(from_instrument=instrument).order_by("pk")
    assert [link.to_instrument.identifier for link in links] == ["innovation-hub", "feasibility-study"]
