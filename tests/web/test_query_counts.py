"""The dashboard costs the same number of queries for a member of 3 organisations as of 30."""

from __future__ import annotations

import pytest

from tests.conftest import make_org
from tests.factories import MembershipFactory
from tests.query_counts import queries_for
from tests.quickscan.completed import complete

pytestmark = pytest.mark.django_db

URL = "/en/dashboard/"
TOWNS = (("Enschede", "NL"), ("Bocholt", "DE"), ("Hengelo", "NL"))


def _memberships(user, start: int, stop: int) -> None:
    for n in range(start, stop):
        town_name, country = TOWNS[n % len(TOWNS)]
        organisation = make_org(f"Member Firm {n}", town_name=town_name, country=country)
        MembershipFactory(organisation=organisation, user=user, is_manager=n % 2 == 0)
        if n % 3:
            complete(organisation)


def test_the_dashboard_costs_the_same_queries_for_3_and_for_30_organisations(client, alice):
    client.force_login(alice)
    _memberships(alice, 0, 3)
    few = queries_for(client, URL)
    _memberships(alice, 3, 30)
    many = queries_for(client, URL)
    assert len(many) == len(few), "\n".join(many)


def test_the_dashboard_of_staff_costs_the_same_queries_for_3_and_for_30_organisations(client, staff):
    client.force_login(staff)
    _memberships(staff, 0, 3)
    few = queries_for(client, URL)
    _memberships(staff, 3, 30)
    many = queries_for(client, URL)
    assert len(many) == len(few), "\n".join(many)
