"""The finder, "for my organisation" and an instrument's page cost the same queries for 3 and 30 instruments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from borderless.instruments.matching import snapshot_clear
from tests.query_counts import queries_for

from .finder_data import make_instrument

pytestmark = pytest.mark.django_db

FINDER = "/en/instruments/"
MINE = "/en/instruments/for-my-organisation/"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


def _instruments(start: int, stop: int) -> None:
    soon = date.today() + timedelta(days=30)
    for n in range(start, stop):
        criteria = [
            {"type": "country", "countries": ["NL" if n % 2 else "DE"]},
            {"type": "size_class", "classes": ["small", "medium"]},
        ]
        make_instrument(f"instrument-{n}", criteria=criteria, calls=[(None, soon + timedelta(days=n))])


@pytest.mark.parametrize("params", [{}, {"size_class": "small"}, {"q": "instrument"}], ids=str)
def test_the_finder_costs_the_same_queries_for_3_and_for_30_instruments_signed_in(client, alice, params):
    client.force_login(alice)
    _instruments(0, 3)
    few = queries_for(client, FINDER, params)
    _instruments(3, 30)
    many = queries_for(client, FINDER, params)
    assert len(many) == len(few), "\n".join(many)


def test_for_my_organisation_costs_the_same_queries_for_3_and_for_30_instruments(client, alice):
    client.force_login(alice)
    _instruments(0, 3)
    few = queries_for(client, MINE)
    _instruments(3, 30)
    many = queries_for(client, MINE)
    assert len(many) == len(few), "\n".join(many)
