"""The core's messages rendered with the standard library's gettext: markers, parameters, lists, plurals."""

from __future__ import annotations

import gettext
import io
import subprocess

import pytest

from borderless.core.i18n import C_, N_, Content, ListOf, Message, _, render
from borderless.core.instruments import texts
from tests.core.translations import catalogue, tr

PLURAL_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "%(n)s partner"
msgid_plural "%(n)s partners"
msgstr[0] "%(n)s Partner"
msgstr[1] "%(n)s Partnern"

msgctxt "cooperation"
msgid "%(n)s project"
msgid_plural "%(n)s projects"
msgstr[0] "%(n)s gemeinsames Projekt"
msgstr[1] "%(n)s gemeinsame Projekte"
"""


def compiled(po: str) -> gettext.GNUTranslations:
    mo = subprocess.run(["msgfmt", "-o", "-", "-"], input=po.encode(), capture_output=True, check=True).stdout
    return gettext.GNUTranslations(io.BytesIO(mo))


def test_the_markers_return_messages_that_name_their_msgid():
    assert _("Digital readiness") == Message("Digital readiness")
    assert C_("kind of value", "Euregio") == Message("Euregio", context="kind of value")
    assert N_("%(n)s partner", "%(n)s partners").plural == "%(n)s partners"


def test_a_message_is_translated_by_the_stdlib_catalogue_of_the_platform():
    assert tr(_("Digital readiness"), "de") == "Digitale Bereitschaft"
    assert tr(_("Digital readiness"), "nl") == "Digitale gereedheid"
    assert tr(_("Digital readiness"), "en") == "Digital readiness"
    assert render(_("Digital readiness"), None, "de") == "Digital readiness"  # no catalogue: the msgid


def test_a_plain_string_passes_through_unchanged():
    assert render("NL213", catalogue("de"), "de") == "NL213"


def test_the_context_tells_two_uses_of_one_english_word_apart():
    assert tr(C_("kind of value", "Euregio"), "nl") == "euregio"  # inside a sentence
    assert tr(_("Euregio"), "nl") == "Euregio"  # as a title


def test_parameters_that_are_messages_are_translated_in_the_same_language():
    reason = texts.COUNTRY_MET.bind(where=texts.IN_COUNTRY["DE"])
    assert tr(reason, "de") == "Sie haben Ihren Sitz in Deutschland."
    assert tr(reason, "nl") == "U bent gevestigd in Duitsland."
    assert tr(reason, "en") == "You are based in Germany."


def test_binding_adds_to_the_parameters_and_leaves_the_message_unchanged():
    template = _("%(a)s and %(b)s")
    first = template.bind(a="x")
    assert template.params is None and first.bind(b="y").params == (("a", "x"), ("b", "y"))
    assert render(first.bind({"b": "y"}), None, "en") == "x and y"


def test_a_per_cent_sign_is_literal_once_parameters_are_bound():
    assert render(_("%(n)s%% of firms").bind(n=40), None, "en") == "40% of firms"


@pytest.mark.parametrize(
    ("lang", "either", "both"),
    [("en", "a, b or c", "a, b and c"), ("de", "a, b oder c", "a, b und c"), ("nl", "a, b of c", "a, b en c")],
)
def test_lists_take_the_words_and_punctuation_of_the_language(lang, either, both):
    assert tr(ListOf(["a", "b", "c"], "or"), lang) == either
    assert tr(ListOf(["a", "b", "c"], "and"), lang) == both
    assert tr(ListOf(["a", "b", "c"]), lang) == "a, b, c"
    assert tr(ListOf(["a"], "or"), lang) == "a"


def test_a_list_of_messages_is_translated_item_by_item_in_one_language():
    places = ListOf([texts.IN_COUNTRY["NL"], texts.IN_COUNTRY["DE"]], "or")
    assert tr(places, "de") == "in den Niederlanden oder in Deutschland"
    assert tr(places, "nl") == "in Nederland of in Duitsland"


def test_a_long_list_shows_its_first_entries_and_a_count():
    shortened = texts.join_list([str(i) for i in range(8)], "or", limit=3)
    assert tr(shortened, "de") == "0, 1, 2 und 5 weitere"
    assert tr(shortened, "nl") == "0, 1, 2 en 5 andere"


def test_content_shows_the_editors_text_in_the_language_and_english_when_it_is_missing():
    name = Content("Innovation voucher", de="Innovationsgutschein")
    assert tr(name, "de") == "Innovationsgutschein"
    assert tr(name, "nl") == "Innovation voucher"
    assert tr(texts.WITH_CODE.bind(name=Content("Twente", nl="Twente"), code="NL213"), "nl") == "Twente (NL213)"


def test_plurals_and_plurals_with_a_context():
    books = compiled(PLURAL_PO)
    partners = N_("%(n)s partner", "%(n)s partners")
    assert render(partners.bind(n=1), books, "de") == "1 Partner"
    assert render(partners.bind(n=3), books, "de") == "3 Partnern"
    assert render(partners.bind(n=3), None, "en") == "3 partners"
    projects = Message("%(n)s project", context="cooperation", plural="%(n)s projects")
    assert render(projects.bind(n=2), books, "de") == "2 gemeinsame Projekte"
    assert render(projects.bind(n=2), gettext.NullTranslations(), "en") == "2 projects"
