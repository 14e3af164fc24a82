"""Saved searches: save, list, delete (owner only), and the e-mail digest in the recipient's language."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from borderless.instruments.digest import digests_send
from borderless.instruments.matching import snapshot_clear
from borderless.instruments.models import Instrument, SavedSearch

from .finder_data import make_instrument, page_text

SAVED = "/en/instruments/saved/"
BASE = "https://borderless.example"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


@pytest.fixture
def vouchers(db):
    make_instrument(
        "nl-voucher", name="Dutch voucher", name_de="Niederländischer Gutschein", name_nl="Nederlandse voucher"
    )
    make_instrument("de-grant", name="German grant", kind="grant")


def subject(lang: str, count: int, name: str) -> str:
    with translation.override(lang):
        return ngettext(
            "Borderless: %(counter)s update for your search “%(name)s”",
            "Borderless: %(counter)s updates for your search “%(name)s”",
            count,
        ) % {"counter": count, "name": name}


def save(client, **data):
    return client.post(SAVED, {"name": "My vouchers", "alerts": "on", **data})


# Saving, listing, deleting


def test_a_signed_in_person_saves_the_current_filter_and_finds_it_in_the_list(client, alice, vouchers):
    client.force_login(alice)
    finder = client.get("/en/instruments/", {"kind": "voucher"})
    assert "Save this search" in page_text(finder)
    assert finder.context["save_form"].initial["name"] == "Voucher"

    response = save(client, kind="voucher")
    assert response.status_code == 302 and response["Location"] == SAVED
    saved = SavedSearch.objects.get(user=alice)
    assert (saved.name, saved.query, saved.alerts) == ("My vouchers", {"kind": "voucher"}, True)
    assert set(saved.last_seen) == {"nl-voucher"}  # what it finds now counts as seen

    listing = client.get(SAVED)
    text = page_text(listing)
    assert "My vouchers" in text and "Kind of support: Voucher" in text
    assert "E-mail alerts on; none sent yet." in text
    assert listing.context["searches"][0]["url"] == "/en/instruments/?kind=voucher"


def test_saving_from_for_my_organisation_keeps_the_organisation(client, alice, vouchers):
    client.force_login(alice)
    slug = alice.organisations.get().slug
    mine = client.get("/en/instruments/for-my-organisation/")
    assert mine.context["save_form"].initial["organisation"] == slug
    save(client, organisation=slug, name="For us")
    saved = SavedSearch.objects.get(user=alice)
    assert saved.query == {"organisation": slug}
    assert (
        client.get(SAVED).context["searches"][0]["url"] == f"/en/instruments/for-my-organisation/?organisation={slug}"
    )


def test_visitors_cannot_save(client, vouchers):
    response = save(client, kind="voucher")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{"kind": "spaceship"}, {"name": ""}, {"name": "x" * 121}],
)
def test_bad_input_saves_nothing_and_says_why(client, alice, vouchers, data):
    client.force_login(alice)
    response = save(client, **data)
    assert response.status_code == 400
    assert "The search was not saved." in page_text(response) or response.context["save_form"].errors
    assert not SavedSearch.objects.exists()


def test_an_organisation_of_someone_else_is_refused(client, alice, dora, vouchers):
    client.force_login(alice)
    response = save(client, organisation=dora.organisations.get().slug)
    assert response.status_code == 400
    assert "You are not a member of this organisation" in page_text(response)
    assert not SavedSearch.objects.exists()


def test_only_the_owner_deletes_a_saved_search(client, alice, bob, vouchers):
    client.force_login(alice)
    save(client, kind="voucher")
    saved = SavedSearch.objects.get()
    client.force_login(bob)
    assert client.post(f"/en/instruments/saved/{saved.pk}/delete/").status_code == 404
    assert "My vouchers" not in page_text(client.get(SAVED))
    client.force_login(alice)
    assert client.get(f"/en/instruments/saved/{saved.pk}/delete/").status_code == 405
    assert client.post(f"/en/instruments/saved/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


# The digest


def test_a_new_instrument_is_mailed_in_the_recipients_german(client, dora, vouchers):
    client.force_login(dora)  # dora's account language is German
    save(client, kind="voucher", name="Gutscheine")
    mail.outbox.clear()
    make_instrument("new-voucher", name="New voucher", name_de="Neuer Gutschein", name_nl="Nieuwe voucher")

    report = digests_send(base_url=BASE)

    assert (report.sent, report.nothing_new) == (1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dora@example.de"]
    assert message.subject == subject("de", 1, "Gutscheine")
    assert "Neuer Gutschein" in message.body and "Niederländischer Gutschein" not in message.body
    assert f"{BASE}/de/instruments/new-voucher/" in message.body
    with translation.override("de"):
        assert gettext("New instruments") in message.body
    saved = SavedSearch.objects.get()
    assert saved.last_sent_at is not None and set(saved.last_seen) == {"nl-voucher", "new-voucher"}

    # Nothing new since: nothing is sent.
    mail.outbox.clear()
    assert digests_send(base_url=BASE).nothing_new == 1
    assert mail.outbox == []


def test_a_changed_instrument_and_a_near_deadline_are_mailed_in_dutch(client, alice, vouchers):
    client.force_login(alice)  # alice's account language is Dutch
    save(client, name="Alles")
    mail.outbox.clear()
    today = timezone.localdate()
    grant = Instrument.objects.get(identifier="de-grant")
    grant.status = "closed"
    grant.save()
    voucher = Instrument.objects.get(identifier="nl-voucher")
    voucher.calls.create(title="Ronde 1", closes_on=today + timedelta(days=10))
    voucher.calls.create(title="Ronde 2", closes_on=today + timedelta(days=90))

    digests_send(base_url=BASE)

    message = mail.outbox[0]
    assert message.subject == subject("nl", 2, "Alles")
    body = message.body
    assert "German grant (NL)" in body and "Nederlandse voucher" in body
    assert "Ronde 1" in body and "Ronde 2" not in body

    # The deadline was announced; the next digest does not repeat it.
    mail.outbox.clear()
    digests_send(base_url=BASE)
    assert mail.outbox == []


def test_a_search_for_an_organisation_only_tells_what_may_fit_it(client, alice, db):
    client.force_login(alice)
    slug = alice.organisations.get().slug
    save(client, organisation=slug, name="Voor ons")
    mail.outbox.clear()
    make_instrument("for-nl", name="For NL", criteria=[{"type": "country", "countries": ["NL"]}])
    make_instrument("for-de", name="For DE", criteria=[{"type": "country", "countries": ["DE"]}])
    digests_send(base_url=BASE)
    body = mail.outbox[0].body
    assert "For NL (NL)" in body and "For DE" not in body
    assert f"{BASE}/nl/instruments/for-my-organisation/?organisation={slug}" in body


def test_searches_without_alerts_get_no_mail_and_the_command_reports(client, alice, vouchers):
    client.force_login(alice)
    client.post(SAVED, {"name": "Quiet"})  # alerts unticked
    make_instrument("another", name="Another")
    out = StringIO()
    call_command("send_instrument_digests", "--base-url", BASE, "--sync", stdout=out)
    assert mail.outbox == []
    assert "0 saved searches with alerts" in out.getvalue()
