"""A new member's first visit, in each language: sign up, confirm the address from the mail, log out,
log in, switch language, log out."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from borderless.accounts.models import User
from borderless.organisations.models import Membership, Organisation

from .steps import (
    NewAccount,
    confirm_sign_up,
    expect_language,
    expect_logged_out,
    fill_sign_up,
    log_in,
    log_out,
    next_language,
    submit_sign_up,
    switch_language,
    t,
)

pytestmark = pytest.mark.e2e

ACCOUNTS = {
    "de": NewAccount(
        "Jonas Becker", "jonas.becker@example.de", "Grenzgänger-Fräse-2031", "Becker Frästechnik GmbH", "Münster"
    ),
    "nl": NewAccount(
        "Eva Jansen", "eva.jansen@example.nl", "Spuitgiet-Twente-Avond-88", "Jansen Kunststoffen B.V.", "Enschede"
    ),
    "en": NewAccount(
        "Sam Taylor", "sam.taylor@example.com", "Borderless-Lathe-Morning-17", "Taylor Sensors B.V.", "Arnhem"
    ),
}


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_sign_up_log_in_switch_language_log_out(page, live_server, screenshot, lang):
    base = live_server.url
    account = ACCOUNTS[lang]
    after = next_language(lang)

    page.goto(f"{base}/{lang}/")
    expect_language(page, base, lang)
    screenshot(page, lang, "01-start")

    page.get_by_role("navigation").get_by_role("link", name=t(lang, "Sign up"), exact=True).click()
    expect_language(page, base, lang, "/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Sign up"))
    fill_sign_up(page, lang, account)
    screenshot(page, lang, "02-sign-up-filled")
    submit_sign_up(page, lang)

    # Sign-up logs nobody in: it mails a link that confirms the address.
    expect_language(page, base, lang, "/accounts/signup/sent/")
    expect(page.get_by_test_id("logout")).to_have_count(0)
    screenshot(page, lang, "03-check-your-mail")
    confirm_sign_up(page, lang, account.email)

    expect_language(page, base, lang, "/dashboard/")
    expect(page.get_by_role("status")).to_contain_text(
        t(lang, "Welcome to Borderless. Your account and your organisation's profile are ready.")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Hello %(name)s") % {"name": account.full_name.split()[0]}
    )
    expect(page.get_by_role("link", name=account.organisation)).to_be_visible()
    screenshot(page, lang, "04-dashboard")

    user = User.objects.get(email=account.email)
    assert user.language == lang and user.email_verified
    assert User.objects.count() == 1
    organisation = Organisation.objects.get()
    assert organisation.name == account.organisation
    assert organisation.town.name == account.town
    assert Membership.objects.get().user == user

    log_out(page, lang)
    expect_language(page, base, lang)
    expect_logged_out(page, lang)
    screenshot(page, lang, "05-logged-out")

    log_in(page, lang, account.email, account.password)
    expect_language(page, base, lang, "/dashboard/")
    expect(page.get_by_test_id("logout")).to_be_visible()
    screenshot(page, lang, "06-logged-in")

    switch_language(page, after)
    expect_language(page, base, after, "/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(after, "Hello %(name)s") % {"name": account.full_name.split()[0]}
    )
    expect(page.get_by_test_id(f"language-{after}")).to_have_attribute("aria-current", "true")
    user.refresh_from_db()
    assert user.language == after
    screenshot(page, lang, f"07-switched-to-{after}")

    log_out(page, after)
    expect_language(page, base, after)
    expect_logged_out(page, after)
    screenshot(page, lang, "08-logged-out")
