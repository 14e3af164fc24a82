"""Instrument names and descriptions in the reader's language: the finder's and the curators' order and
search, the models' default order, and the admin with the three languages side by side."""

from __future__ import annotations

import pytest
from django.utils import translation

from borderless.instruments.matching import snapshot_clear
from borderless.instruments.models import Instrument

from .finder_data import listed_names, make_instrument

pytestmark = pytest.mark.django_db

# identifier: (English, German, Dutch); the order differs in each language.
NAMES = {
    "feasibility": ("Feasibility study grant", "Zuschuss Machbarkeitsstudie", "Haalbaarheidssubsidie"),
    "innovation": ("Innovation credit", "Innovationskredit", "Innovatiekrediet"),
    "voucher": ("Voucher for digital advice", "Beratungsgutschein Digitalisierung", "Adviesvoucher digitalisering"),
}


@pytest.fixture
def three():
    snapshot_clear()
    for identifier, (en, de, nl) in NAMES.items():
        make_instrument(identifier, name=en, name_de=de, name_nl=nl, description=f"About {en}.")
    yield
    snapshot_clear()


def names_in(lang: str, identifiers) -> list[str]:
    return [NAMES[identifier][("en", "de", "nl").index(lang)] for identifier in identifiers]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", ["feasibility", "innovation", "voucher"]),
        ("de", ["voucher", "innovation", "feasibility"]),
        ("nl", ["voucher", "feasibility", "innovation"]),
    ],
)
def test_the_finder_and_the_default_order_follow_the_readers_language(client, three, lang, expected):
    assert listed_names(client.get(f"/{lang}/instruments/")) == names_in(lang, expected)
    with translation.override(lang):
        assert [i.identifier for i in Instrument.objects.all()] == expected


def test_a_dutch_word_finds_the_instrument_for_a_dutch_reader(client, three):
    result = client.get("/nl/instruments/", {"q": "haalbaarheid"}).context["result"]
    assert [e.identifier for e in result.entries] == ["feasibility"] and not result.all_languages
    with translation.override("nl"):
        assert list(Instrument.objects.filter(name__icontains="haalbaarheid").values_list("identifier", flat=True)) == [
            "feasibility"
        ]
    with translation.override("en"):
        assert not Instrument.objects.filter(name__icontains="haalbaarheid").exists()


def test_the_curators_list_is_sorted_by_the_german_name_for_a_german_reader(client, bob, three):
    client.force_login(bob)
    response = client.get("/de/instruments/curate/")
    assert [i.identifier for i in response.context["page"].object_list] == ["voucher", "innovation", "feasibility"]
    # Curators keep all three languages: their search looks at every one.
    found = client.get("/de/instruments/curate/", {"q": "haalbaarheid"}).context["page"].object_list
    assert [i.identifier for i in found] == ["feasibility"]


def test_staff_edit_the_three_languages_side_by_side_in_the_admin(client, staff, three):
    client.force_login(staff)
    pk = Instrument.objects.get(identifier="voucher").pk
    page = client.get(f"/de/admin/instruments/instrument/{pk}/change/").content.decode()
    for name in ("name_en", "name_de", "name_nl", "description_en", "description_de", "description_nl"):
        assert f'name="{name}"' in page, name
    assert "Name (Niederländisch)" in page and "Beschreibung (Englisch)" in page
    listing = client.get("/de/admin/instruments/instrument/").content.decode()
    assert listing.index("Beratungsgutschein Digitalisierung") < listing.index("Zuschuss Machbarkeitsstudie")
