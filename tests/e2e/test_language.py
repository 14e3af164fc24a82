"""Which language a person sees, and reaching the content by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..conftest import PASSWORD
from .steps import expect_language, log_in, log_out, switch_language, t

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("locale", "lang"), [("nl-NL", "nl"), ("de-DE", "de"), ("en-US", "en")])
def test_browser_language_decides_the_first_visit(new_context, live_server, screenshot, locale, lang):
    page = new_context(locale=locale).pages[0]
    page.goto(f"{live_server.url}/")
    expect_language(page, live_server.url, lang)
    screenshot(page, lang, f"01-first-visit-{locale}")


def test_signed_in_users_language_is_remembered_in_a_new_browser(new_context, live_server, screenshot, charlie):
    base = live_server.url
    assert charlie.language == "en"

    page = new_context(locale="en-US").pages[0]
    page.goto(f"{base}/")
    expect_language(page, base, "en")
    log_in(page, "en", charlie.email, PASSWORD)
    expect_language(page, base, "en", "/dashboard/")
    switch_language(page, "de")
    expect_language(page, base, "de", "/dashboard/")
    log_out(page, "de")
    expect_language(page, base, "de")
    page.context.close()

    # Another browser (nothing remembered in it) that prefers English ...
    page = new_context(locale="en-US").pages[0]
    page.goto(f"{base}/")
    expect_language(page, base, "en")
    log_in(page, "en", charlie.email, PASSWORD)
    # ... still takes Charlie to German once he is known.
    expect_language(page, base, "de", "/dashboard/")
    expect(page.get_by_test_id("language-de")).to_have_attribute("aria-current", "true")
    screenshot(page, "de", "01-remembered-after-log-in")

    # And the choice sticks in this browser too: the start page now opens in German.
    log_out(page, "de")
    page.goto(f"{base}/")
    expect_language(page, base, "de")


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_the_first_tab_reaches_a_visible_skip_link(page, live_server, screenshot, lang):
    page.goto(f"{live_server.url}/{lang}/")
    skip = page.get_by_role("link", name=t(lang, "Skip to content"))
    expect(skip).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    screenshot(page, lang, "01-skip-link-focused")

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/{lang}/#main")
    expect(page.locator("main")).to_be_focused()
