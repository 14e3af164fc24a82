"""'For my organisation': the catalogue ranked for the member's organisation, with reasons and links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from borderless.instruments.matching import snapshot_clear
from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add
from tests.conftest import make_org, make_user
from tests.quickscan.completed import complete, fast_follower_answers

from .finder_data import make_instrument, page_text, seed_catalogue

URL = "/nl/instruments/for-my-organisation/"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


@pytest.fixture
def seed(db):
    return seed_catalogue()


def section(response, name: str) -> dict[str, object]:
    """identifier -> match view of one section (fits, might_fit, does_not_fit)."""
    return {view.row.instrument.identifier: view for view in response.context[name]}


def reasons_of(view) -> list[str]:
    return [reason.text for reason in view.reasons]


def test_visitors_are_asked_to_log_in(client, seed):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_sme_sees_what_fits_might_fit_and_does_not_fit_with_reasons_in_dutch(client, alice, seed):
    client.force_login(alice)
    response = client.get(URL)
    assert response.status_code == 200
    fits, might, not_fit = section(response, "fits"), section(response, "might_fit"), section(response, "does_not_fit")

    voucher = fits["overijssel-digitaliseringsvoucher-mkb"]
    assert "U bent gevestigd in Twente (NL213) en dus in Overijssel (NL21)." in reasons_of(voucher)
    assert "Voor bedrijven met maximaal 249 medewerkers; uw bedrijf heeft 10–49 medewerkers." in reasons_of(voucher)

    # Interreg needs a German partner: the firm can still get one, so "might fit", with a link to find one.
    interreg = might["interreg-de-nl-open-formula"]
    partner = next(r for r in interreg.reasons if r.status == "needs_action")
    assert partner.text == "Vereist een partner in Duitsland; als u er nog geen heeft, zoek er dan een."
    assert partner.link_url == "/nl/organisations/?country=DE"
    group = next(r for r in interreg.reasons if r.status == "unknown")
    assert group.link_url == f"/nl/quickscan/?organisation={alice.organisations.get().slug}"

    nrw = not_fit["nrw-mid-analyse"]
    assert any(r.status == "not_met" and "Twente (NL213)" in r.text for r in nrw.reasons)
    assert set(fits) | set(might) | set(not_fit) == set(seed)

    text = page_text(response)
    assert "Alice Precisietechniek B.V." in text
    assert "U bent gevestigd in Twente (NL213) en dus in Overijssel (NL21)." in text
    # The page names what it used and the rule.
    english = page_text(client.get("/en/instruments/for-my-organisation/"))
    assert "Company in Enschede (Twente), Small (10–49 employees), sector Manufacture of machinery" in english
    assert "founded in 1998" in english and "No quickscan yet" in english
    assert "the nearest deadline first" in english


def test_the_same_page_in_german_gives_the_reasons_in_german(client, alice, seed):
    client.force_login(alice)
    response = client.get("/de/instruments/for-my-organisation/")
    voucher = section(response, "fits")["overijssel-digitaliseringsvoucher-mkb"]
    assert "Ihr Standort liegt in Twente (NL213) und damit in Overijssel (NL21)." in reasons_of(voucher)
    assert voucher.row.instrument.name.startswith("Digitaliseringsvoucher MKB – Digitalisierungsgutschein")


def test_the_latest_quickscan_gives_stage_and_group(client, alice, seed):
    organisation = alice.organisations.get()
    assessment = complete(organisation, fast_follower_answers())
    client.force_login(alice)
    response = client.get(URL)
    interreg = section(response, "might_fit")["interreg-de-nl-open-formula"]
    assert any(r.status == "met" and "Fast Follower" in r.text for r in interreg.reasons)
    horizon = section(response, "does_not_fit")["eu-horizon-europe"]
    assert any(r.status == "not_met" and "Frontrunner" in r.text for r in horizon.reasons)
    text = page_text(client.get("/en/instruments/for-my-organisation/"))
    assert "acatech stage 2" in text and "Fast Follower" in text
    assert str(assessment.completed_at.year) in text


def test_open_before_closed_and_nearest_deadline_first_within_fits(client, alice, db):
    today = timezone.localdate()
    make_instrument("closed", name="A closed", status="closed")
    make_instrument("later", name="B later", status="open", calls=[(None, today + timedelta(days=40))])
    make_instrument("sooner", name="C sooner", status="open", calls=[(None, today + timedelta(days=4))])
    client.force_login(alice)
    fits = client.get(URL).context["fits"]
    assert [view.row.instrument.name_en for view in fits] == ["C sooner", "B later", "A closed"]


def test_only_managers_get_the_link_to_edit_the_profile(client, alice, db):
    make_instrument("founded", criteria=[{"type": "max_firm_age", "years": 5}])
    organisation = alice.organisations.get()
    Organisation.objects.filter(pk=organisation.pk).update(founded_year=None)
    colleague = make_user("colleague@example.nl", language="nl")
    membership_add(organisation=organisation, user=colleague, is_manager=False)

    client.force_login(alice)
    reason = client.get(URL).context["might_fit"][0].reasons[0]
    assert reason.link_url == f"/nl/organisations/{organisation.slug}/edit/"
    client.force_login(colleague)
    reason = client.get(URL).context["might_fit"][0].reasons[0]
    assert reason.status == "unknown" and reason.link_url == ""


def test_another_organisation_of_the_member_can_be_chosen_and_a_strangers_cannot(client, alice, dora, seed):
    second = make_org("Alice Duitsland GmbH", town_name="Borken", country="DE")
    membership_add(organisation=second, user=alice, is_manager=True)
    client.force_login(alice)
    response = client.get(URL, {"organisation": second.slug})
    assert response.context["organisation"] == second
    assert "nrw-mid-analyse" in section(response, "fits")
    stranger = dora.organisations.get().slug
    assert client.get(URL, {"organisation": stranger}).status_code == 404


def test_someone_without_an_organisation_is_told_so(client, db, seed):
    lonely = make_user("lonely@example.nl")
    client.force_login(lonely)
    response = client.get("/en/instruments/for-my-organisation/")
    assert response.status_code == 200
    assert "You do not belong to an organisation yet" in page_text(response)


def test_filters_narrow_the_ranked_list_and_bad_ones_answer_400(client, alice, seed):
    client.force_login(alice)
    response = client.get(URL, {"kind": "voucher"})
    shown = [v.row.instrument.kind for name in ("fits", "might_fit", "does_not_fit") for v in response.context[name]]
    assert shown and set(shown) == {"voucher"}
    assert client.get(URL, {"kind": "spaceship"}).status_code == 400
