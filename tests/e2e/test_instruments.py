"""An SME signs in, opens "for my organisation", reads the reasons in Dutch and German, saves the search."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from borderless.instruments.matching import snapshot_clear
from borderless.instruments.models import SavedSearch
from borderless.organisations.services import membership_add
from tests.instruments.finder_data import seed_catalogue

from ..conftest import PASSWORD, make_org, make_user
from .steps import expect_language, label, log_in, switch_language, t

pytestmark = pytest.mark.e2e

VOUCHER = {
    "nl": "Digitaliseringsvoucher MKB (Overijssel)",
    "de": "Digitaliseringsvoucher MKB – Digitalisierungsgutschein für KMU (Overijssel)",
}
REASON = {
    "nl": "U bent gevestigd in Twente (NL213) en dus in Overijssel (NL21).",
    "de": "Ihr Standort liegt in Twente (NL213) und damit in Overijssel (NL21).",
}
PARTNER = {
    "nl": "Vereist een partner in Duitsland; als u er nog geen heeft, zoek er dan een.",
    "de": "Erfordert einen Partner in Deutschland; falls Sie noch keinen haben, finden Sie einen.",
}


@pytest.fixture
def sme(transactional_db):
    snapshot_clear()
    seed_catalogue()
    user = make_user("eva.jansen@example.nl", language="nl")
    organisation = make_org("Jansen Kunststoffen B.V.", town_name="Enschede", country="NL", founded_year=2004)
    membership_add(organisation=organisation, user=user, is_manager=True)
    yield user
    snapshot_clear()


def test_an_sme_finds_fitting_instruments_with_reasons_and_saves_the_search(page, live_server, screenshot, sme):
    base = live_server.url
    page.goto(f"{base}/nl/")
    log_in(page, "nl", sme.email, PASSWORD)

    page.get_by_role("navigation").get_by_role("link", name=t("nl", "Instruments"), exact=True).click()
    expect_language(page, base, "nl", "/instruments/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("nl", "Support instruments"))
    screenshot(page, "nl", "01-finder")
    page.get_by_role("link", name=t("nl", "Which instruments fit my organisation?")).click()

    expect_language(page, base, "nl", "/instruments/for-my-organisation/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("nl", "Instruments for my organisation"))
    expect(page.get_by_test_id("data-used")).to_contain_text("Jansen Kunststoffen B.V.")
    fits = page.get_by_test_id("section-fits")
    voucher = fits.get_by_test_id("match").filter(has=page.get_by_role("link", name=VOUCHER["nl"]))
    expect(voucher).to_contain_text(REASON["nl"])
    expect(voucher).to_contain_text(t("nl", "Fits"))
    interreg = page.get_by_test_id("section-might-fit").get_by_test_id("match").filter(has_text=PARTNER["nl"])
    expect(interreg).to_have_count(2)  # the open formulas and a regular project both need a German partner
    expect(interreg.first.get_by_role("link", name=t("nl", "Find a partner across the border"))).to_have_attribute(
        "href", "/nl/organisations/?country=DE"
    )
    screenshot(page, "nl", "02-for-my-organisation")

    switch_language(page, "de")
    expect_language(page, base, "de", "/instruments/for-my-organisation/")
    fits = page.get_by_test_id("section-fits")
    voucher = fits.get_by_test_id("match").filter(has=page.get_by_role("link", name=VOUCHER["de"]))
    expect(voucher).to_contain_text(REASON["de"])
    expect(voucher).to_contain_text(t("de", "Fits"))
    expect(page.get_by_test_id("section-might-fit")).to_contain_text(PARTNER["de"])
    screenshot(page, "de", "03-for-my-organisation")

    form = page.get_by_test_id("save-search")
    form.get_by_label(label(t("de", "Name of the search"))).fill("Unsere Förderungen")
    form.get_by_role("button", name=t("de", "Save this search")).click()

    expect_language(page, base, "de", "/instruments/saved/")
    expect(page.get_by_role("status")).to_contain_text(t("de", "The search has been saved."))
    expect(page.get_by_test_id("saved-searches")).to_contain_text("Unsere Förderungen")
    screenshot(page, "de", "04-saved")
    saved = SavedSearch.objects.get(user=sme)
    assert saved.query == {"organisation": sme.organisations.get().slug}
    assert saved.alerts is True

    page.get_by_role("link", name="Unsere Förderungen").click()
    expect(page).to_have_url(f"{base}/de/instruments/for-my-organisation/?organisation={saved.query['organisation']}")
    expect(page.get_by_test_id("section-fits")).to_contain_text(REASON["de"])
