"""Partner suggestions cost the same number of queries for 3 candidate partners as for 30."""

from __future__ import annotations

import pytest

from borderless.atlas.services import atlas_profile_save
from borderless.matching import index as matching_index
from borderless.organisations.models import Organisation
from tests.atlas.atlas_profiles import profiled_org, taxonomy  # noqa: F401
from tests.query_counts import queries_for

pytestmark = pytest.mark.django_db

URL = "/en/atlas/partners/"
TOWNS = (("Bocholt", "DE"), ("Münster", "DE"), ("Borken", "DE"))


@pytest.fixture(autouse=True)
def fresh_index():
    matching_index.index_reset()
    yield
    matching_index.index_reset()


def _partners(start: int, stop: int) -> None:
    for n in range(start, stop):
        town_name, country = TOWNS[n % len(TOWNS)]
        visibility = "anonymous" if n % 3 == 2 else "public"
        profiled_org(f"Partner {n}", town_name=town_name, country=country, visibility=visibility,
                     offers=["tech.sensors"], needs=["tech.cad_cam"])  # fmt: skip


@pytest.mark.parametrize("params", [{}, {"own_country": "1"}], ids=str)
def test_partner_suggestions_cost_the_same_queries_for_3_and_for_30_partners(client, alice, taxonomy, params):  # noqa: F811
    organisation = Organisation.objects.get(memberships__user=alice)
    atlas_profile_save(organisation=organisation, offers=["tech.cad_cam"], needs=["tech.sensors"])
    client.force_login(alice)
    _partners(0, 3)
    few = queries_for(client, URL, params)
    _partners(3, 30)
    many = queries_for(client, URL, params)
    assert len(many) == len(few), "\n".join(many)
