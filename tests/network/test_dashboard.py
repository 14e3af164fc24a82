"""An organisation's own network on its members' dashboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.network.test_exports import build_network

pytestmark = pytest.mark.django_db


def test_a_member_sees_their_organisations_phase_and_partners_but_no_anonymous_name(client, alice):
    own = alice.memberships.get().organisation
    build_network(own)  # Alice's firm takes part in project b with Enschede Firma 0 and 1 and Bocholt
    client.force_login(alice)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert "Our collaboration network" in page or "Ons samenwerkingsnetwerk" in page
    assert "2014–2020" in page
    assert "Bocholt Werke" in page and "Enschede Firma 1" in page
    assert "Stille Sensoren" not in page
    assert reverse("network:graph") not in page  # the graph page is for analysts only
    assert ("Source: test: " in page or "Bron: test: " in page) and "participants." in page  # source and rule


def test_an_analyst_member_gets_a_link_to_the_graph_page(client, charlie):
    own = charlie.memberships.get().organisation
    build_network(own)
    client.force_login(charlie)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert f"{reverse('network:graph')}?period=" in page and f"node=org%3A{own.pk}" in page


def test_an_anonymous_partner_is_counted_not_named(client, alice):
    import datetime

    from borderless.network.own import my_network
    from tests.network.test_network_report import project

    own = alice.memberships.get().organisation
    _run, orgs = build_network()
    project("e", datetime.date(2019, 1, 1), own, orgs["quiet"], orgs["m"])
    from borderless.network import figures

    figures.figures_compute()
    network = my_network(organisation=own)
    assert network.partners == ["Münster Maschinen"] and network.anonymous_partners == 1
    assert [p.label for p in network.periods] == ["2014–2020"] and network.periods[0].partners == 2
