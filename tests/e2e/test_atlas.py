"""A Dutch SME finds a German partner for its need, reads why, and asks for contact; the German firm
accepts in German; both then see each other's contact details, which neither saw before."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from borderless.atlas.models import Competence
from borderless.atlas.services import atlas_profile_save
from borderless.atlas.taxonomy import taxonomy_load
from borderless.contacts.models import ContactRequest
from borderless.organisations.services import membership_add

from ..conftest import PASSWORD, make_org, make_user
from .steps import expect_language, label, log_in, t

pytestmark = pytest.mark.e2e

SME = "Van Dijk Draaitechniek B.V."
PARTNER = "Sensortechnik Bocholt GmbH"
SME_EMAIL = "verkoop@vandijk-draaitechniek.example"
PARTNER_EMAIL = "vertrieb@sensortechnik-bocholt.example"
MESSAGE = (
    "Goedendag, wij zijn een draaierij in Enschede en zoeken een partner voor sensoren in onze machines. "
    "Wir sprechen auch Deutsch."
)


@pytest.fixture
def firms(transactional_db):
    taxonomy_load()
    sanne = make_user("sanne@vandijk.example", language="nl")
    sme = make_org(SME, town_name="Enschede", country="NL", founded_year=1987)
    membership_add(organisation=sme, user=sanne, is_manager=True)
    atlas_profile_save(
        organisation=sme,
        offers=["svc.prototyping"],
        needs=["tech.sensors"],
        description="Draaiwerk en freeswerk voor de machinebouw.",
        contact_email=SME_EMAIL,
    )
    klaus = make_user("klaus@sensortechnik.example", language="de")
    partner = make_org(PARTNER, town_name="Bocholt", country="DE", working_languages=["de", "nl"])
    membership_add(organisation=partner, user=klaus, is_manager=True)
    atlas_profile_save(
        organisation=partner,
        offers=["tech.sensors"],
        needs=["svc.prototyping"],
        description="Sensorik und Messtechnik für den Maschinenbau.",
        contact_email=PARTNER_EMAIL,
        contact_phone="+49 2871 000000",
    )
    return sanne, klaus


def test_a_dutch_sme_asks_a_german_partner_who_accepts_in_german(new_context, live_server, screenshot, firms):
    sanne, klaus = firms
    base = live_server.url

    # The Dutch SME opens its partner suggestions, in Dutch: the German firm comes first, and why.
    nl = new_context(locale="nl-NL").new_page()
    nl.goto(f"{base}/nl/")
    log_in(nl, "nl", sanne.email, PASSWORD)
    nl.goto(f"{base}/nl/atlas/partners/")
    expect_language(nl, base, "nl", "/atlas/partners/")
    partner = nl.get_by_test_id("partner").first
    expect(partner.get_by_role("link", name=PARTNER, exact=True)).to_be_visible()
    # The reason names the need it meets in Dutch (the taxonomy's Dutch label of tech.sensors).
    sensors_nl = Competence.objects.get(code="tech.sensors").label_nl
    expect(partner.locator(".atlas-reason-complementarity")).to_contain_text(sensors_nl)
    screenshot(nl, "nl", "01-partners")

    # The same firm is found by searching in Dutch, too.
    nl.goto(f"{base}/nl/atlas/?q=sensoren")
    result = nl.get_by_role("link", name=PARTNER, exact=True)
    expect(result).to_be_visible()
    card = nl.locator("li", has=result)
    expect(card.locator('mark[data-code="tech.sensors"]')).to_have_count(1)
    screenshot(nl, "nl", "01b-search")
    result.click()

    expect(nl.get_by_role("heading", level=1)).to_have_text(PARTNER)
    expect(nl.locator("main")).not_to_contain_text(PARTNER_EMAIL)
    nl.get_by_test_id("ask-for-contact").click()

    # The form says what is shared now and what only on acceptance.
    expect(nl.get_by_test_id("what-is-shared")).to_contain_text(
        t("nl", "Only if the request is accepted: both sides see each other's contact e-mail, phone and website.")
    )
    nl.get_by_test_id("contact-form").get_by_label(label(t("nl", "Your message"))).fill(MESSAGE)
    screenshot(nl, "nl", "02-ask-for-contact")
    nl.get_by_role("button", name=t("nl", "Send the request")).click()

    expect(nl.get_by_test_id("contact-state")).to_have_text(t("nl", "waiting for an answer"))
    expect(nl.get_by_test_id("contact-details")).to_contain_text(
        t("nl", "Contact details are shared only when the request is accepted.")
    )
    expect(nl.locator("main")).not_to_contain_text(PARTNER_EMAIL)
    request_pk = ContactRequest.objects.get().pk
    screenshot(nl, "nl", "03-waiting")

    # The German firm's member logs in, in German, and sees the news in the header.
    de = new_context(locale="de-DE").new_page()
    de.goto(f"{base}/de/")
    log_in(de, "de", klaus.email, PASSWORD)
    nav = de.get_by_test_id("nav-notifications")
    expect(nav).to_contain_text(re.compile(r"1"))
    nav.click()
    notice = t("de", "%(requester)s asks %(receiver)s for contact.") % {"requester": SME, "receiver": PARTNER}
    de.get_by_role("link", name=notice).click()
    expect_language(de, base, "de", f"/atlas/contacts/{request_pk}/")
    expect(de.get_by_test_id("contact-message")).to_contain_text("Wir sprechen auch Deutsch.")
    expect(de.locator("main")).not_to_contain_text(SME_EMAIL)
    screenshot(de, "de", "04-request-received")
    de.get_by_role("button", name=t("de", "Accept and share contact details")).click()

    expect(de.get_by_test_id("contact-state")).to_have_text(t("de", "accepted"))
    expect(de.get_by_test_id("contact-details")).to_contain_text(SME_EMAIL)
    expect(de.get_by_test_id("contact-details")).to_contain_text(SME)
    expect(de.get_by_test_id("nav-notifications").locator(".badge")).to_have_count(0)  # read by opening it
    screenshot(de, "de", "05-accepted")

    # Back on the Dutch side: the German firm's details are there now.
    nl.reload()
    expect(nl.get_by_test_id("contact-state")).to_have_text(t("nl", "accepted"))
    details = nl.get_by_test_id("contact-details")
    expect(details).to_contain_text(PARTNER_EMAIL)
    expect(details).to_contain_text("+49 2871 000000")
    expect(nl.get_by_test_id("contact-history")).to_contain_text(t("nl", "accepted"))
    screenshot(nl, "nl", "06-details-revealed")
