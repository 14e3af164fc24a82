"""Staff keep the catalogue in the admin too: the same checks as the editor, and the same history."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from borderless.instruments.models import Instrument, InstrumentChange, SavedSearch

pytestmark = pytest.mark.django_db

VOUCHER = "overijssel-digitaliseringsvoucher-mkb"


@pytest.fixture
def catalogue():
    call_command("load_instruments", stdout=io.StringIO())


def change_form(instrument: Instrument, **changes) -> dict[str, str]:
    """The admin's change form for an instrument, as a browser would post it back unchanged."""
    data = {
        name: getattr(instrument, name) or ""
        for name in (
            *(f"{n}_{lang}" for n in ("name", "description") for lang in ("en", "de", "nl")),
            "provider_name",
            "provider_country",
            "level",
            "kind",
            "status",
            "currency",
            "website",
            "source",
        )
    }
    data |= {"languages": json.dumps(instrument.languages), "spatial": json.dumps(instrument.spatial)}
    data |= {"min_amount": "", "max_amount": "", "rate_percent": "", "provider": ""}
    data["next_instruments"] = [str(i.pk) for i in instrument.next_instruments.all()]
    criteria = list(instrument.criteria.all())
    data |= {"calls-TOTAL_FORMS": "0", "calls-INITIAL_FORMS": "0", "calls-MIN_NUM_FORMS": "0"}
    data |= {"calls-MAX_NUM_FORMS": "1000", "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "1000"}
    data |= {"criteria-TOTAL_FORMS": str(len(criteria)), "criteria-INITIAL_FORMS": str(len(criteria))}
    for index, criterion in enumerate(criteria):
        data |= {
            f"criteria-{index}-id": str(criterion.pk),
            f"criteria-{index}-instrument": str(instrument.pk),
            f"criteria-{index}-position": str(criterion.position),
            f"criteria-{index}-type": criterion.type,
            f"criteria-{index}-params": json.dumps(criterion.params),
        }
    data.update(changes)
    return data


def test_admin_pages_load_with_filters_and_search(client, staff, catalogue):
    client.force_login(staff)
    listing = client.get("/en/admin/instruments/instrument/?level__exact=interreg&q=Digipro")
    assert listing.status_code == 200
    assert "interreg-de-nl-digipro" in listing.content.decode()
    assert "eurostars" not in listing.content.decode()
    assert client.get("/de/admin/instruments/instrument/?kind__exact=voucher&status__exact=closed").status_code == 200
    voucher = Instrument.objects.get(identifier=VOUCHER)
    detail = client.get(f"/en/admin/instruments/instrument/{voucher.pk}/change/")
    assert detail.status_code == 200
    assert "criteria-0-params" in detail.content.decode() and "calls-TOTAL_FORMS" in detail.content.decode()
    assert client.get("/en/admin/instruments/instrumentchange/").status_code == 200
    assert client.get("/en/admin/instruments/savedsearch/").status_code == 200
    assert client.get("/nl/admin/instruments/instrument/add/").status_code == 200


def test_an_admin_change_is_recorded(client, staff, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    client.force_login(staff)
    response = client.post(
        f"/en/admin/instruments/instrument/{voucher.pk}/change/", change_form(voucher, status="open")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    change = InstrumentChange.objects.get(changed_by=staff)
    assert (change.action, change.changes) == ("updated", {"status": ["", "open"]})
    # Saving again without changes records nothing.
    voucher.refresh_from_db()
    client.post(f"/en/admin/instruments/instrument/{voucher.pk}/change/", change_form(voucher))
    assert InstrumentChange.objects.filter(changed_by=staff).count() == 1


def test_the_admin_refuses_what_the_editor_refuses(client, staff, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    client.force_login(staff)
    url = f"/en/admin/instruments/instrument/{voucher.pk}/change/"
    response = client.post(url, change_form(voucher, min_amount="900", max_amount="100", spatial='["NL21", "NL99"]'))
    assert response.status_code == 200  # the form again, with messages
    text = response.content.decode()
    assert "The smallest amount (900.00) is larger than the largest amount (100.00)." in text
    assert "Unknown region code: NL99." in text
    response = client.post(url, change_form(voucher, **{"criteria-0-params": '{"codes": ["NL99"]}'}))
    assert "Unknown region: NL99." in response.content.decode()
    assert not InstrumentChange.objects.filter(changed_by=staff).exists()
    assert Instrument.objects.get(pk=voucher.pk).criteria.first().params == {"codes": ["NL21"]}


def test_deleting_and_verifying_in_the_admin_are_recorded(client, staff, catalogue):
    client.force_login(staff)
    eurostars = Instrument.objects.get(identifier="eurostars")
    response = client.post(
        "/en/admin/instruments/instrument/",
        {"action": "mark_verified", "_selected_action": [str(eurostars.pk)]},
    )
    assert response.status_code == 302
    eurostars.refresh_from_db()
    assert eurostars.verified_by == staff
    response = client.post(f"/en/admin/instruments/instrument/{eurostars.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Instrument.objects.filter(identifier="eurostars").exists()
    actions = set(InstrumentChange.objects.filter(identifier="eurostars").values_list("action", flat=True))
    assert actions == {"imported", "verified", "deleted"}


def test_the_history_cannot_be_changed_in_the_admin(client, staff, catalogue, alice):
    client.force_login(staff)
    change = InstrumentChange.objects.first()
    assert client.get(f"/en/admin/instruments/instrumentchange/{change.pk}/change/").status_code == 200
    assert (
        client.post(f"/en/admin/instruments/instrumentchange/{change.pk}/change/", {"action": "x"}).status_code == 403
    )
    assert client.get("/en/admin/instruments/instrumentchange/add/").status_code == 403
    assert (
        client.post(f"/en/admin/instruments/instrumentchange/{change.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    SavedSearch.objects.create(user=alice, name="Vouchers", query={"kind": "voucher"})
    assert "Vouchers" in client.get("/en/admin/instruments/savedsearch/").content.decode()
