"""The atlas search page costs the same number of queries for 3 profiles as for 30."""

from __future__ import annotations

import pytest

from tests.atlas.atlas_profiles import profiled_org, taxonomy  # noqa: F401
from tests.query_counts import queries_for

pytestmark = pytest.mark.django_db

URL = "/en/atlas/"
TOWNS = (("Enschede", "NL"), ("Bocholt", "DE"), ("Hengelo", "NL"), ("Münster", "DE"))


def _profiles(start: int, stop: int) -> None:
    for n in range(start, stop):
        town_name, country = TOWNS[n % len(TOWNS)]
        profiled_org(f"Sensor Partner {n}", town_name=town_name, country=country,
                     offers=["tech.sensors", "tech.cloud"], needs=["tech.cad_cam"])  # fmt: skip


@pytest.mark.parametrize("params", [{}, {"competence": "tech.sensors"}, {"q": "Sensor"}, {"country": "DE"}], ids=str)
def test_the_search_page_costs_the_same_queries_for_3_and_for_30_profiles(client, alice, taxonomy, params):  # noqa: F811
    _profiles(0, 3)
    few = queries_for(client, URL, params)
    _profiles(3, 30)
    many = queries_for(client, URL, params)
    assert len(many) == len(few), "\n".join(many)


def test_a_signed_in_search_costs_the_same_queries_for_3_and_for_30_profiles(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    _profiles(0, 3)
    few = queries_for(client, URL, {"competence": "tech.sensors"})
    _profiles(3, 30)
    many = queries_for(client, URL, {"competence": "tech.sensors"})
    assert len(many) == len(few), "\n".join(many)
