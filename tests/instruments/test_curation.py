"""The curators' pages: the list of entries to check, the editor, verifying, the history and the import."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from borderless.accounts.models import Role
from borderless.instruments.models import Instrument, InstrumentChange

from ..conftest import make_user

pytestmark = pytest.mark.django_db

VOUCHER = "overijssel-digitaliseringsvoucher-mkb"


@pytest.fixture
def catalogue():
    call_command("load_instruments", stdout=io.StringIO())


def page(response) -> str:
    return response.content.decode()


def form_data(**changes) -> dict[str, str]:
    """A complete POST of the editor for a new instrument, with one criterion and one call."""
    data = {
        "identifier": "twente-voucher",
        "name_en": "Twente digitalisation voucher",
        "name_de": "Digitalisierungsgutschein Twente",
        "name_nl": "Digitaliseringsvoucher Twente",
        "description_en": "A voucher for SMEs in Twente.",
        "description_de": "Ein Gutschein für KMU in Twente.",
        "description_nl": "Een voucher voor mkb-bedrijven in Twente.",
        "level": "local",
        "kind": "voucher",
        "status": "open",
        "provider": "",
        "provider_name": "Regio Twente",
        "provider_country": "NL",
        "languages": ["nl", "de"],
        "spatial": "NL213",
        "min_amount": "1000",
        "max_amount": "10000",
        "rate_percent": "50",
        "currency": "EUR",
        "website": "https://example.nl/voucher",
        "source": "Leaflet of the region, 2026",
        "next_instruments": [],
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "40",
        "criteria-0-type": "region",
        "criteria-0-params": '{"codes": ["NL213"]}',
        "criteria-1-type": "",
        "criteria-1-params": "",
        "calls-TOTAL_FORMS": "1",
        "calls-INITIAL_FORMS": "0",
        "calls-MIN_NUM_FORMS": "0",
        "calls-MAX_NUM_FORMS": "40",
        "calls-0-title": "Spring round",
        "calls-0-opens_on": "2026-03-01",
        "calls-0-closes_on": "2026-04-30",
    }
    data.update(changes)
    return data


# --- who may come in ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/en/instruments/curate/", "/en/instruments/curate/new/", "/en/instruments/curate/import/"]
)
def test_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]


def test_members_and_analysts_are_refused_with_an_explanation(client, alice, charlie, catalogue):
    for user in (alice, charlie):
        client.force_login(user)
        for url in ("/en/instruments/curate/", f"/en/instruments/{VOUCHER}/edit/", "/en/instruments/curate/import/"):
            response = client.get(url)
            assert response.status_code == 403
            assert "kept by intermediaries and staff" in page(response)
        assert client.post(f"/en/instruments/{VOUCHER}/verify/").status_code == 403
    assert not Instrument.objects.filter(verified_at__isnull=False).exists()


def test_an_unconfirmed_intermediary_learns_why(client):
    client.force_login(make_user("ida@example.nl", role=Role.INTERMEDIARY, confirmed=False))
    response = client.get("/en/instruments/curate/")
    assert response.status_code == 403
    assert "has not been confirmed by our staff yet" in page(response)


# --- the list -------------------------------------------------------------------------------------


def test_the_list_shows_every_entry_and_how_many_need_checking(client, bob, catalogue):
    client.force_login(bob)
    response = client.get("/en/instruments/curate/")
    assert response.status_code == 200
    text = page(response)
    assert "21 of 21 entries need checking: never verified, or last verified more than 180 days ago" in text
    assert "Digitaliseringsvoucher MKB" in text
    assert text.count("never") >= 21


def test_the_stale_filter_leaves_out_recently_verified_entries(client, bob, catalogue):
    Instrument.objects.filter(identifier=VOUCHER).update(
        verified_at=timezone.now() - timedelta(days=10), verified_by=bob
    )
    Instrument.objects.filter(identifier="eurostars").update(verified_at=timezone.now() - timedelta(days=400))
    client.force_login(bob)
    text = page(client.get("/en/instruments/curate/?stale=1"))
    assert "20 of 21 entries need checking" in text
    assert "Digitaliseringsvoucher MKB" not in text
    assert "Eurostars" in text
    assert "Digitaliseringsvoucher MKB" in page(client.get("/en/instruments/curate/"))


# --- the editor -----------------------------------------------------------------------------------


def test_an_intermediary_creates_an_instrument(client, bob, catalogue):
    client.force_login(bob)
    assert client.get("/en/instruments/curate/new/").status_code == 200
    data = form_data(next_instruments=["nl-mit-haalbaarheidsproject"])
    response = client.post("/en/instruments/curate/new/", data)
    assert response.status_code == 302, page(response)
    instrument = Instrument.objects.get(identifier="twente-voucher")
    assert instrument.max_amount == Decimal("10000")
    assert instrument.criteria.get().params == {"codes": ["NL213"]}
    assert instrument.calls.get().title == "Spring round"
    assert instrument.next_instruments.get().identifier == "nl-mit-haalbaarheidsproject"
    assert instrument.languages == ["nl", "de"]
    change = InstrumentChange.objects.get(identifier="twente-voucher")
    assert (change.action, change.changed_by) == ("created", bob)
    assert "has been saved" in page(client.get(response["Location"]))


def test_the_editor_shows_an_instrument_as_stored(client, bob, catalogue):
    client.force_login(bob)
    text = page(client.get(f"/de/instruments/{VOUCHER}/edit/"))
    assert "Digitaliseringsvoucher MKB (Overijssel)" in text
    assert "{&quot;codes&quot;: [&quot;NL21&quot;]}" in text  # the criterion's settings as JSON
    assert re.search(r'id="id_spatial">\s*NL21</textarea>', text)


def edit_post(instrument: Instrument, **changes) -> dict[str, str]:
    """The editor's POST for a stored instrument, with its criteria and calls as the page shows them."""
    criteria = list(instrument.criteria.all())
    data = form_data(
        name_en=instrument.name_en,
        name_de=instrument.name_de,
        name_nl=instrument.name_nl,
        spatial=" ".join(instrument.spatial),
        level=instrument.level,
        kind=instrument.kind,
        **{"criteria-TOTAL_FORMS": str(len(criteria)), "criteria-INITIAL_FORMS": str(len(criteria))},
        **{"calls-TOTAL_FORMS": "0", "calls-INITIAL_FORMS": "0"},
    )
    del data["identifier"], data["criteria-1-type"], data["criteria-1-params"]
    for key in ("calls-0-title", "calls-0-opens_on", "calls-0-closes_on"):
        del data[key]
    for index, criterion in enumerate(criteria):
        data[f"criteria-{index}-type"] = criterion.type
        data[f"criteria-{index}-params"] = json.dumps(criterion.params)
    data.update(changes)
    return data


def assert_nothing_saved(instrument: Instrument, changes_before: int) -> None:
    stored = Instrument.objects.get(pk=instrument.pk)
    assert (stored.min_amount, stored.max_amount, stored.updated_at) == (
        instrument.min_amount,
        instrument.max_amount,
        instrument.updated_at,
    )
    assert [(c.type, c.params) for c in stored.criteria.all()] == [
        (c.type, c.params) for c in instrument.criteria.all()
    ]
    assert InstrumentChange.objects.count() == changes_before


def test_a_minimum_above_the_maximum_is_refused_and_nothing_saved(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    changes = InstrumentChange.objects.count()
    client.force_login(bob)
    response = client.post(f"/en/instruments/{VOUCHER}/edit/", edit_post(voucher, min_amount="9000", max_amount="100"))
    assert response.status_code == 400
    text = page(response)
    assert "Nothing was saved" in text
    assert "The smallest amount (9000.00) is larger than the largest amount (100.00)." in text
    assert_nothing_saved(voucher, changes)


def test_an_unknown_region_in_a_criterion_is_shown_on_its_row_in_the_editors_language(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    changes = InstrumentChange.objects.count()
    client.force_login(bob)
    data = edit_post(voucher, **{"criteria-0-params": '{"codes": ["NL99"]}'})
    response = client.post(f"/de/instruments/{VOUCHER}/edit/", data)
    assert response.status_code == 400
    text = page(response)
    assert "Unbekannte Region: NL99." in text
    # on the first criterion's row, after its settings field
    assert text.index("Unbekannte Region") > text.index('name="criteria-0-params"')
    assert text.index("Unbekannte Region") < text.index('name="criteria-1-type"')
    assert_nothing_saved(voucher, changes)

    response = client.post(f"/nl/instruments/{VOUCHER}/edit/", data)
    assert "Onbekende regio: NL99." in page(response)


def test_a_call_closing_before_it_opens_is_refused(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    changes = InstrumentChange.objects.count()
    client.force_login(bob)
    data = edit_post(
        voucher,
        **{
            "calls-TOTAL_FORMS": "1",
            "calls-0-title": "Autumn",
            "calls-0-opens_on": "2026-10-01",
            "calls-0-closes_on": "2026-09-01",
        },
    )
    response = client.post(f"/en/instruments/{VOUCHER}/edit/", data)
    assert response.status_code == 400
    assert "The call cannot close (2026-09-01) before it opens (2026-10-01)." in page(response)
    assert not voucher.calls.exists()
    assert_nothing_saved(voucher, changes)


def test_settings_that_are_not_json_are_refused(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    client.force_login(bob)
    response = client.post(
        f"/en/instruments/{VOUCHER}/edit/", edit_post(voucher, **{"criteria-0-params": "{codes: NL21"})
    )
    assert response.status_code == 400
    assert "Not valid JSON" in page(response)


def test_a_tampered_criterion_type_is_a_bad_request(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    changes = InstrumentChange.objects.count()
    client.force_login(bob)
    response = client.post(f"/en/instruments/{VOUCHER}/edit/", edit_post(voucher, **{"criteria-0-type": "galaxy"}))
    assert response.status_code == 400
    assert_nothing_saved(voucher, changes)
    response = client.post(f"/en/instruments/{VOUCHER}/edit/", {"name_en": "no management form"})
    assert response.status_code == 400


def test_an_edit_is_saved_and_recorded(client, bob, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    client.force_login(bob)
    response = client.post(f"/en/instruments/{VOUCHER}/edit/", edit_post(voucher, max_amount="7500", status="open"))
    assert response.status_code == 302
    voucher.refresh_from_db()
    assert (voucher.max_amount, voucher.status) == (Decimal("7500"), "open")
    change = InstrumentChange.objects.get(action="updated")
    assert change.changed_by == bob
    assert change.changes["max_amount"] == [None, "7500.00"]
    assert change.changes["status"] == ["", "open"]


# --- verifying and the history ----------------------------------------------------------------------


def test_verifying_records_who_and_when(client, bob, catalogue):
    client.force_login(bob)
    assert client.get(f"/en/instruments/{VOUCHER}/verify/").status_code == 405
    response = client.post(f"/en/instruments/{VOUCHER}/verify/", {"next": "/en/instruments/curate/?stale=1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/instruments/curate/?stale=1"
    voucher = Instrument.objects.get(identifier=VOUCHER)
    assert voucher.verified_by == bob
    assert timezone.now() - voucher.verified_at < timedelta(minutes=1)
    assert InstrumentChange.objects.filter(action="verified", changed_by=bob).count() == 1
    text = page(client.get("/en/instruments/curate/"))
    assert "20 of 21 entries need checking" in text
    response = client.post(f"/en/instruments/{VOUCHER}/verify/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == "/en/instruments/curate/"


def test_the_history_is_for_staff_and_shows_older_values(client, bob, staff, catalogue):
    voucher = Instrument.objects.get(identifier=VOUCHER)
    client.force_login(bob)
    client.post(f"/en/instruments/{VOUCHER}/edit/", edit_post(voucher, max_amount="7500", currency="CHF"))
    assert client.get(f"/en/instruments/{VOUCHER}/history/").status_code == 403
    assert client.get("/en/instruments/curate/changes/").status_code == 403

    client.force_login(staff)
    text = page(client.get(f"/en/instruments/{VOUCHER}/history/"))
    assert "Bob" in text and "bob@example.de" in text
    assert "<del>EUR</del>" in text and "<ins>CHF</ins>" in text
    assert "imported" in text and "updated" in text
    text = page(client.get("/en/instruments/curate/changes/"))
    assert "Eurostars" in text and "no account (data load)" in text
    assert client.get("/en/instruments/no-such-thing/history/").status_code == 404


# --- import ----------------------------------------------------------------------------------------


def upload(name: str, content: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode(), content_type="application/octet-stream")


def test_an_intermediary_imports_a_file_and_reads_the_report(client, bob, catalogue):
    client.force_login(bob)
    exported = json.loads(client.get("/en/instruments/catalogue.json").content)
    exported["instruments"][0]["status"] = "open"
    response = client.post("/en/instruments/curate/import/", {"file": upload("catalogue.json", json.dumps(exported))})
    assert response.status_code == 200
    text = page(response)
    assert "Imported" in text and "0 new, 1 changed, 20 unchanged" in text

    exported["instruments"][3]["funding"]["rate_percent"] = 180
    exported["instruments"][0]["status"] = "closed"
    response = client.post("/en/instruments/curate/import/", {"file": upload("catalogue.json", json.dumps(exported))})
    assert response.status_code == 400
    text = page(response)
    assert "Nothing was imported" in text
    assert "1 row has problems" in text
    assert exported["instruments"][3]["identifier"] in text
    assert "funding.rate_percent" in text
    first = Instrument.objects.get(identifier=exported["instruments"][0]["identifier"])
    assert first.status == "open"


def test_an_upload_that_is_too_big_or_missing_is_refused(client, bob):
    client.force_login(bob)
    assert client.post("/en/instruments/curate/import/", {}).status_code == 400
    response = client.post(
        "/en/instruments/curate/import/", {"file": upload("x.csv", "identifier\n" + "a" * (6 << 20))}
    )
    assert response.status_code == 400
    assert "larger than 5 MB" in page(response)
