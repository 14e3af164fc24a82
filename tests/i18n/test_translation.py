"""`translate`: the core's messages through Django's catalogues, in the active or a given language."""

from __future__ import annotations

from types import SimpleNamespace

from django.template import Context, Template
from django.utils import translation

from borderless.core.i18n import C_, N_, Content, ListOf, _
from borderless.core.instruments import texts
from borderless.i18n.translation import language, language_of, translate


def test_a_message_in_a_given_language():
    assert translate(_("Digital readiness"), "de") == "Digitale Bereitschaft"
    assert translate(_("Digital readiness"), "nl-NL") == "Digitale gereedheid"
    assert translate(_("Digital readiness"), "fr") == "Digital readiness"


def test_a_message_in_the_active_language():
    with translation.override("nl"):
        assert language() == "nl"
        assert translate(_("Digital readiness")) == "Digitale gereedheid"
    with translation.override("de"):
        assert translate(texts.COUNTRY_MET.bind(where=texts.IN_COUNTRY["NL"])) == (
            "Sie haben Ihren Sitz in den Niederlanden."
        )


def test_english_shows_the_msgid_even_while_another_language_is_active():
    with translation.override("de"):
        assert translate(_("Digital readiness"), "en") == "Digital readiness"


def test_a_context_chooses_the_translation():
    assert translate(C_("kind of value", "Euregio"), "nl") == "euregio"
    assert translate(_("Euregio"), "nl") == "Euregio"
    assert translate(C_("no such context", "Euregio"), "nl") == "Euregio"  # unknown: the English msgid


def test_a_plural_without_a_translation_shows_the_english_form():
    message = N_("%(n)s untranslated widget", "%(n)s untranslated widgets").bind(n=2)
    assert translate(message, "de") == "2 untranslated widgets"


def test_lists_are_joined_by_babel_in_the_language():
    items = [texts.IN_COUNTRY["NL"], texts.IN_COUNTRY["DE"], "EU"]
    assert translate(ListOf(items, "or"), "en") == "in the Netherlands, in Germany or EU"
    assert translate(ListOf(items, "or"), "de") == "in den Niederlanden, in Deutschland oder EU"
    assert translate(ListOf(items, "or"), "nl") == "in Nederland, in Duitsland of EU"


def test_plain_strings_and_content_need_no_catalogue():
    assert translate("NL213", "de") == "NL213"
    assert translate(Content("Voucher", "Gutschein", "Voucher"), "de") == "Gutschein"


def test_the_language_of_a_user():
    assert language_of(SimpleNamespace(language="de")) == "de"
    assert language_of(SimpleNamespace(language="fr")) == "en"
    assert language_of(SimpleNamespace(language="")) == "en"


def test_templates_translate_a_message_with_the_filter():
    template = Template("{% load translated %}{{ title|translated }}|{{ missing|translated }}")
    with translation.override("de"):
        assert template.render(Context({"title": _("Digital readiness"), "missing": None})) == (
            "Digitale Bereitschaft|"
        )
