"""What a person does in the browser, step by step, in any of the three languages.

Texts are looked up with Django's gettext in the page's language, so the assertions hold before
and after the translations arrive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import mail
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from playwright.sync_api import Page, expect

LANGUAGES = ["de", "nl", "en"]


def t(lang: str, message: str) -> str:
    with override(lang):
        return gettext(message)


def label(text: str) -> re.Pattern:
    """Matches a field's whole label, with or without the " *" that marks a required field."""
    return re.compile(rf"^\s*{re.escape(text)}(\s*\*)?\s*$")


def field_label(lang: str, verbose_name: str) -> re.Pattern:
    """A model field's form label: its verbose name, capitalised, as Django's forms show it."""
    return label(capfirst(t(lang, verbose_name)))


def next_language(lang: str) -> str:
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


def expect_language(page: Page, base_url: str, lang: str, path: str = "/") -> None:
    """The page is `path` in `lang`: the URL prefix and <html lang> agree."""
    expect(page).to_have_url(f"{base_url}/{lang}{path}")
    expect(page.locator("html")).to_have_attribute("lang", lang)


@dataclass
class NewAccount:
    full_name: str
    email: str
    password: str
    organisation: str
    town: str  # the start of the town's option text, e.g. "Enschede"


def fill_sign_up(page: Page, lang: str, account: NewAccount, *, password_again: str | None = None) -> None:
    form = page.get_by_test_id("signup-form")
    form.get_by_label(label(t(lang, "Your name"))).fill(account.full_name)
    form.get_by_label(label(t(lang, "E-mail address"))).fill(account.email)
    form.get_by_label(label(t(lang, "Password"))).fill(account.password)
    form.get_by_label(label(t(lang, "Password again"))).fill(password_again or account.password)
    # The account language starts as the language of the page.
    expect(form.get_by_label(label(t(lang, "Language")))).to_have_value(lang)
    expect(form.get_by_label(label(t(lang, "a member of a company (SME)")))).to_be_checked()
    form.get_by_label(label(t(lang, "Name of the organisation"))).fill(account.organisation)
    town = form.get_by_label(label(t(lang, "Town")))
    option = town.locator("option", has_text=re.compile(rf"^{re.escape(account.town)}\b"))
    expect(option).to_have_count(1)
    town.select_option(option.get_attribute("value"))
    form.get_by_label(field_label(lang, "size class")).select_option("small")
    form.get_by_label(field_label(lang, "sector (NACE division)")).select_option("28")
    form.get_by_label(field_label(lang, "founding year")).fill("2004")
    form.get_by_label(label(t(lang, "Website"))).fill("www.example.com")
    form.get_by_label(label(t(lang, "German"))).check()
    form.get_by_label(label(t(lang, "Dutch"))).check()
    form.get_by_label(field_label(lang, "short description")).fill("Precision parts for machine builders.")
    form.get_by_label(field_label(lang, "shown in the public directory")).check()


def submit_sign_up(page: Page, lang: str) -> None:
    page.get_by_test_id("signup-form").get_by_role("button", name=t(lang, "Create account")).click()


def confirmation_link(email: str) -> str:
    """The confirmation link of the newest mail to `email` (the live server's mails land in the outbox)."""
    messages = [m for m in mail.outbox if email in m.to]
    assert messages, f"no mail to {email}"
    return re.search(r"https?://\S+/accounts/confirm/\S+/", messages[-1].body).group(0)


def confirm_sign_up(page: Page, lang: str, email: str) -> None:
    """After sign-up: the "check your e-mail" page, then the link from the mail."""
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Check your e-mail"))
    page.goto(confirmation_link(email))


def log_in(page: Page, lang: str, email: str, password: str) -> None:
    """From any page: follow the header's log-in link and log in."""
    page.get_by_role("navigation").get_by_role("link", name=t(lang, "Log in"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Log in"))
    form = page.get_by_test_id("login-form")
    form.get_by_label(label(t(lang, "E-mail address"))).fill(email)
    form.get_by_label(label(t(lang, "Password"))).fill(password)
    form.get_by_role("button", name=t(lang, "Log in")).click()


def log_out(page: Page, lang: str) -> None:
    logout = page.get_by_test_id("logout")
    expect(logout).to_have_text(t(lang, "Log out"))
    logout.click()


def expect_logged_out(page: Page, lang: str) -> None:
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link", name=t(lang, "Log in"), exact=True)).to_be_visible()
    expect(page.get_by_test_id("logout")).to_have_count(0)


def switch_language(page: Page, lang: str) -> None:
    page.get_by_test_id(f"language-{lang}").click()
