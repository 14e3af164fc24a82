"""Translated content fields: read in the reader's language with English as the fallback, stored per
language, and each language's column named in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from borderless.atlas.models import Competence
from borderless.content_fields import in_language, translations
from borderless.instruments.models import Instrument

pytestmark = pytest.mark.django_db


def exoskeletons(**labels) -> Competence:
    return Competence.objects.create(
        code="tech.exoskeletons", group="technology", cluster="robotics", version="staff",
        **({"label_en": "Exoskeletons", "label_de": "Exoskelette", "label_nl": "Exoskeletten"} | labels),
    )  # fmt: skip


def test_the_label_is_read_in_the_active_language_and_in_english_where_it_is_empty():
    entry = exoskeletons(label_nl="")
    with translation.override("de"):
        assert entry.label == "Exoskelette" and str(entry) == "Exoskelette"
    with translation.override("nl"):
        assert entry.label == "Exoskeletons"
    assert in_language(entry, "label", "de") == "Exoskelette"
    assert in_language(entry, "label", "nl") == "Exoskeletons"


def test_all_stored_values_without_fallback():
    entry = exoskeletons(label_nl=None)
    assert translations(entry, "label") == {"en": "Exoskeletons", "de": "Exoskelette", "nl": ""}


def test_each_languages_column_is_named_in_the_readers_language():
    field = Instrument._meta.get_field
    with translation.override("de"):
        assert str(field("name_nl").verbose_name) == "Name (Niederländisch)"
        assert str(field("description_en").verbose_name) == "Beschreibung (Englisch)"
        assert str(Competence._meta.get_field("label_de").verbose_name) == "Bezeichnung (Deutsch)"
    with translation.override("nl"):
        assert str(field("name_de").verbose_name) == "naam (Duits)"
    with translation.override("en"):
        assert str(field("description_nl").verbose_name) == "description (Dutch)"


def test_all_three_languages_are_required_in_forms():
    for name in ("name_en", "name_de", "name_nl", "description_en", "description_de", "description_nl"):
        assert Instrument._meta.get_field(name).formfield().required, name
