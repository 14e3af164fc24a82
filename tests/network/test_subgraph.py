"""Parts of the network for drawing and export: ego network, component, region; never more than asked."""

from __future__ import annotations

import datetime

import pytest

from borderless.network import figures
from borderless.network.subgraph import component_network, ego_network, region_network
from tests.conftest import make_org
from tests.network.test_network_report import project

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    e = make_org("Enschede Sensors", town_name="Enschede", country="NL")
    m = make_org("Münster Maschinen", town_name="Münster", country="DE")
    b = make_org("Bocholt Werke", town_name="Bocholt", country="DE")
    h = make_org("Hengelo Hydraulics", town_name="Hengelo", country="NL")
    project("a", datetime.date(2015, 1, 1), e, m)
    project("b", datetime.date(2016, 3, 1), e, b, ("999000111", "BE"))
    project("c", datetime.date(2017, 3, 1), h)  # alone: a component of its own
    project("old", datetime.date(2011, 3, 1), h, m)  # another period: no tie in 2014–2020
    run = figures.figures_compute()
    return run.periods.get(kind="programme", first_year=2014), {"e": e, "m": m, "b": b, "h": h}


def test_an_ego_network_holds_the_organisation_its_partners_and_the_ties_among_them(period):
    figures_2014, orgs = period
    ego = ego_network(figures_2014, f"org:{orgs['m'].pk}")
    assert [n.name for n in ego.nodes] == ["Münster Maschinen", "Enschede Sensors"]
    assert ego.ties == {tuple(sorted((f"org:{orgs['e'].pk}", f"org:{orgs['m'].pk}"))): 1}
    wide = ego_network(figures_2014, f"org:{orgs['e'].pk}")
    assert {n.name for n in wide.nodes} == {"Enschede Sensors", "Münster Maschinen", "Bocholt Werke", "999000111"}
    assert len(wide.ties) == 4  # project b ties its three participants to each other, project a one pair
    assert not wide.truncated
    assert ego_network(figures_2014, "org:0") is None


def test_a_subgraph_is_cut_at_its_limit_and_says_so(period):
    figures_2014, orgs = period
    cut = ego_network(figures_2014, f"org:{orgs['e'].pk}", limit=2)
    assert cut.truncated and len(cut.nodes) == 2 and cut.nodes[0].name == "Enschede Sensors"
    assert all(set(tie) <= {n.node for n in cut.nodes} for tie in cut.ties)


def test_components_and_regions(period):
    figures_2014, orgs = period
    giant = component_network(figures_2014, 1)
    assert len(giant.nodes) == 4
    alone = component_network(figures_2014, 2)
    assert [n.name for n in alone.nodes] == ["Hengelo Hydraulics"] and alone.ties == {}
    region = region_network(figures_2014, [orgs["b"].town.nuts3_id], code=orgs["b"].town.nuts3_id)
    assert "Bocholt Werke" in {n.name for n in region.nodes}
    assert component_network(figures_2014, 99) is None
