"""NACE divisions in the reader's language: labels, order and search."""

from __future__ import annotations

import pytest
from django.utils import translation

from borderless.organisations.models import NaceDivision

pytestmark = pytest.mark.django_db

DIVISIONS = {
    "10": (
        "Manufacture of food products",
        "Herstellung von Nahrungs- und Futtermitteln",
        "Vervaardiging van voedingsmiddelen",
    ),
    "28": (
        "Manufacture of machinery and equipment n.e.c.",
        "Maschinenbau",
        "Vervaardiging van machines en apparaten, n.e.g.",
    ),
    "62": (
        "Computer programming, consultancy and related activities",
        "Erbringung von Dienstleistungen der Informationstechnologie",
        "Ontwikkelen, produceren en uitgeven van software",
    ),
}


@pytest.fixture
def divisions():
    for code, (en, de, nl) in DIVISIONS.items():
        NaceDivision.objects.update_or_create(
            code=code, defaults={"section": "C", "label_en": en, "label_de": de, "label_nl": nl}
        )
    return NaceDivision.objects.filter(code__in=DIVISIONS)


def test_sorted_and_found_by_the_label_in_the_readers_language(divisions):
    with translation.override("de"):
        assert list(divisions.order_by("label").values_list("code", flat=True)) == ["62", "10", "28"]
        assert list(divisions.filter(label__icontains="maschinen").values_list("code", flat=True)) == ["28"]
        assert str(divisions.get(code="28")) == "28 Maschinenbau"
    with translation.override("nl"):
        assert list(divisions.order_by("label").values_list("code", flat=True)) == ["62", "28", "10"]
        assert list(divisions.filter(label__icontains="software").values_list("code", flat=True)) == ["62"]
    with translation.override("en"):
        assert list(divisions.order_by("label").values_list("code", flat=True)) == ["62", "10", "28"]
        assert not divisions.filter(label__icontains="maschinen").exists()


def test_staff_edit_the_three_labels_side_by_side_in_the_admin(client, staff, divisions):
    client.force_login(staff)
    page = client.get("/nl/admin/organisations/nacedivision/28/change/").content.decode()
    for lang, label in (("en", "Label (Engels)"), ("de", "Label (Duits)"), ("nl", "Label (Nederlands)")):
        assert f'name="label_{lang}"' in page and label in page
