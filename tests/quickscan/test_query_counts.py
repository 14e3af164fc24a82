"""The result page costs the same number of queries for few and for many results around it."""

from __future__ import annotations

import pytest

from borderless.organisations.models import Organisation
from tests.query_counts import queries_for

from .completed import complete, fast_follower_answers, peer_firms

pytestmark = pytest.mark.django_db


def _url(assessment) -> str:
    return f"/en/quickscan/results/{assessment.public_id}/"


def test_the_result_page_costs_the_same_queries_with_5_and_with_30_peer_firms(client, alice):
    result = complete(Organisation.objects.get(memberships__user=alice), fast_follower_answers())
    client.force_login(alice)
    peer_firms(5, d1_items=2)  # five peers: the comparison is shown
    few = queries_for(client, _url(result))
    peer_firms(25, d1_items=3)
    many = queries_for(client, _url(result))
    assert len(many) == len(few), "\n".join(many)


def test_the_result_page_costs_the_same_queries_after_3_and_after_30_earlier_quickscans(client, alice):
    organisation = Organisation.objects.get(memberships__user=alice)
    for days_ago in range(3, 0, -1):
        complete(organisation, fast_follower_answers(), days_ago=days_ago * 10)
    latest = complete(organisation, fast_follower_answers())
    client.force_login(alice)
    few = queries_for(client, _url(latest))
    for days_ago in range(30, 3, -1):
        complete(organisation, fast_follower_answers(), days_ago=days_ago * 10)
    many = queries_for(client, _url(latest))
    assert len(many) == len(few), "\n".join(many)
