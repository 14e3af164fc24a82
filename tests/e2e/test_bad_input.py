"""Mistakes a person makes in the forms are shown to them, and nothing half-done is stored."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from borderless.accounts.models import User
from borderless.organisations.models import Organisation

from ..conftest import PASSWORD
from .steps import NewAccount, expect_language, fill_sign_up, label, log_in, submit_sign_up, t

pytestmark = pytest.mark.e2e


def test_sign_up_with_differing_passwords_shows_errors_and_creates_nothing(page, live_server, screenshot):
    base = live_server.url
    account = NewAccount("Jonas Becker", "jonas.becker@example.de", "Grenzgänger-Fräse-2031", "Becker GmbH", "Münster")
    page.goto(f"{base}/de/accounts/signup/")
    fill_sign_up(page, "de", account, password_again="Grenzgaenger-Fraese-2031")
    submit_sign_up(page, "de")

    expect_language(page, base, "de", "/accounts/signup/")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(t("de", "Please correct the marked fields."))
    expect(page.get_by_text(t("de", "The two passwords differ."))).to_be_visible()
    # What was typed is kept, except the passwords.
    expect(page.get_by_label(label(t("de", "Your name")))).to_have_value(account.full_name)
    expect(page.get_by_label(label(t("de", "Password")))).to_have_value("")
    screenshot(page, "de", "01-passwords-differ")

    assert not User.objects.exists()
    assert not Organisation.objects.exists()


def test_wrong_password_at_log_in_shows_the_error_and_stays(page, live_server, screenshot, alice):
    base = live_server.url
    page.goto(f"{base}/de/")
    log_in(page, "de", alice.email, PASSWORD + "-typo")

    expect_language(page, base, "de", "/accounts/login/")
    expect(page.get_by_role("alert")).to_have_text(t("de", "The e-mail address or password is not correct."))
    expect(page.get_by_label(label(t("de", "E-mail address")))).to_have_value(alice.email)
    expect(page.get_by_test_id("logout")).to_have_count(0)
    screenshot(page, "de", "01-wrong-password")
