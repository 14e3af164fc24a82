"""The public page of the network: aggregates only, no names, no group under five organisations."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from borderless.network.public import TOTAL, Row, suppress
from tests.network.test_exports import build_network

PHASES = ("pre_cooperation", "bilateral", "networked", "systemic")


def row(key, counts, parent=""):
    values = dict(zip(PHASES, counts, strict=True))
    return Row(key, key, {**values, TOTAL: sum(counts)}, parent=parent)


def test_a_small_phase_is_hidden_with_a_second_one_so_it_cannot_be_worked_out():
    line = row("r", [7, 2, 0, 6])
    suppress([line])
    assert line.cells() == [7, None, 0, None]  # the 2, and the smallest other organisations' figure


def test_a_region_under_five_is_hidden_and_so_is_a_second_region_of_its_euregio():
    small, big, bigger = row("a", [1, 2, 0, 0], "eu"), row("b", [5, 5, 0, 0], "eu"), row("c", [9, 6, 0, 0], "eu")
    euregio = row("eu", [15, 13, 0, 0])
    suppress([small, big, bigger], [euregio])
    assert small.suppressed and big.suppressed and not bigger.suppressed
    assert euregio.cells() == [15, 13, 0, 0]


def test_nothing_is_hidden_where_every_figure_is_large_enough():
    line = row("r", [5, 0, 8, 0])
    suppress([line])
    assert line.cells() == [5, 0, 8, 0]


@pytest.mark.django_db
def test_the_public_page_shows_totals_and_no_names(client):
    build_network()
    response = client.get(reverse("network:public"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "2014–2020" in page and "Twente" in page
    assert "fewer than 5 organisations" in page  # Münster and Bocholt have one organisation each
    for name in ("Enschede Firma", "Münster Maschinen", "Bocholt Werke", "Stille Sensoren", "999000111"):
        assert name not in page


@pytest.mark.django_db
def test_the_public_page_before_any_computation_and_in_dutch(client):
    with translation.override("nl"):
        response = client.get(reverse("network:public"))
    assert response.status_code == 200
    assert "De cijfers zijn nog niet berekend." in response.content.decode()
    assert reverse("network:public") in client.get(reverse("web:home")).content.decode()
