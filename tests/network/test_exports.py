"""Downloads of the network for Gephi and spreadsheets: analysts only, never naming an anonymous profile."""

from __future__ import annotations

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile, Visibility
from borderless.network import figures
from tests.conftest import make_org
from tests.network.test_network_report import project

pytestmark = pytest.mark.django_db

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def build_network(*extra):
    """Six Enschede firms and two in Münster in 2014–2020; "Stille Sensoren" has an anonymous atlas profile."""
    e = [make_org(f"Enschede Firma {i}", town_name="Enschede", country="NL", size_class="small") for i in range(5)]
    quiet = make_org("Stille Sensoren", town_name="Enschede", country="NL", size_class="micro")
    AtlasProfile.objects.create(organisation=quiet, visibility=Visibility.ANONYMOUS)
    m = make_org("Münster Maschinen", town_name="Münster", country="DE")
    b = make_org("Bocholt Werke", town_name="Bocholt", country="DE")
    project("a", datetime.date(2015, 1, 1), e[0], m, quiet)
    project("b", datetime.date(2016, 3, 1), e[0], e[1], b, *extra)
    project("c", datetime.date(2017, 3, 1), e[2], e[3], m)
    project("d", datetime.date(2018, 3, 1), e[4], ("999000111", "BE"))
    project("old", datetime.date(2011, 3, 1), e[0], m)
    run = figures.figures_compute()
    return run, {"e": e, "quiet": quiet, "m": m, "b": b}


@pytest.fixture
def network():
    return build_network()


def download(client, fmt, **params):
    return client.get(reverse("network:export", args=[fmt]), params)


def test_an_analyst_downloads_an_ego_network_for_gephi_with_its_meta_data(client, charlie, network):
    run, orgs = network
    client.force_login(charlie)
    response = download(client, "gexf", period="2014-2020", scope="ego", node=f"org:{orgs['m'].pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gexf+xml"
    assert 'filename="borderless-network-2014-2020-ego.gexf"' in response["Content-Disposition"]
    root = ET.fromstring(response.content)  # noqa: S314 -- our own export, not outside input
    description = root.find(f"{GEXF}meta/{GEXF}description").text
    assert (
        "2014–2020" in description
        and f"at most {run.max_participants} participants" in description
        and "test (" in description
    )
    labels = {n.get("label") for n in root.iter(f"{GEXF}node")}
    assert {"Münster Maschinen", "Enschede Firma 0", "Enschede Firma 2", "Anonymous organisation"} <= labels


def test_an_anonymous_profile_is_never_named_nor_identifiable_in_any_file(client, charlie, network):
    _run, orgs = network
    client.force_login(charlie)
    quiet = orgs["quiet"]
    files = [
        download(client, "gexf", scope="ego", node=f"org:{orgs['m'].pk}"),
        download(client, "graphml", scope="region", region=quiet.town.nuts3_id),
        download(client, "ties.csv", scope="component", component="1"),
        download(client, "nodes.csv", scope="all-organisations-table"),
    ]
    for response in files:
        assert response.status_code == 200
        body = response.content.decode("utf-8-sig")
        assert "Stille Sensoren" not in body and f"org:{quiet.pk}" not in body
        assert "micro" not in body  # its size is left out; the other firms' "small" stays
    table = list(csv.DictReader(io.StringIO(files[3].content.decode("utf-8-sig"))))
    anonymous = [row for row in table if row["label"] == "Anonymous organisation"]
    assert len(anonymous) == 1 and anonymous[0]["id"].startswith("anon-")
    # Of an anonymous profile only its country.
    assert anonymous[0]["country"] == quiet.country and anonymous[0]["region"] == anonymous[0]["kind"] == ""
    assert "size" not in table[0]  # downloads leave the size class out (the pages show it where profiles do)
    assert any(row["region"] for row in table if row["label"].startswith("Enschede"))
    # The GraphML of the region ties the anonymous firm to its partners under the same opaque id.
    graph = ET.fromstring(files[1].content).find(f"{GRAPHML}graph")  # noqa: S314 -- our own export
    ids = {n.get("id") for n in graph.iter(f"{GRAPHML}node")}
    assert anonymous[0]["id"] in ids
    # Its ties do not list their projects, which would give it away.
    ties = list(csv.DictReader(io.StringIO(files[2].content.decode("utf-8-sig"))))
    assert {t["projects"] for t in ties if anonymous[0]["id"] in (t["source"], t["target"])} == {""}
    assert any(t["projects"] == "Project b" for t in ties)


def test_an_anonymous_profile_is_not_found_by_its_real_key_but_by_its_opaque_id(client, charlie, network):
    _run, orgs = network
    client.force_login(charlie)
    assert download(client, "gexf", scope="ego", node=f"org:{orgs['quiet'].pk}").status_code == 404
    table = download(client, "nodes.csv", scope="all-organisations-table").content.decode("utf-8-sig")
    opaque = next(r["id"] for r in csv.DictReader(io.StringIO(table)) if r["id"].startswith("anon-"))
    response = download(client, "nodes.csv", scope="ego", node=opaque)
    assert response.status_code == 200
    assert "Münster Maschinen" in response.content.decode("utf-8-sig")


def test_the_table_of_organisations_filters_by_country_and_phase(client, staff, network):
    client.force_login(staff)
    response = download(client, "nodes.csv", scope="all-organisations-table", country="DE")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(r["label"] for r in rows) == ["Bocholt Werke", "Münster Maschinen"]
    assert response["Content-Disposition"].endswith('borderless-network-2014-2020-all-organisations-table.nodes.csv"')
    none = download(client, "nodes.csv", scope="all-organisations-table", phase="systemic")
    assert none.content.decode("utf-8-sig").strip() == "id,label"


def test_wrong_requests_are_answered_with_a_reason(client, charlie, network):
    _run, orgs = network
    client.force_login(charlie)
    bad_period = download(client, "gexf", period="1990-1995", scope="ego", node=f"org:{orgs['m'].pk}")
    assert bad_period.status_code == 400 and "1990-1995" in bad_period.content.decode()
    assert download(client, "gexf", scope="everything").status_code == 400
    assert download(client, "ties.csv", scope="all-organisations-table").status_code == 400
    assert download(client, "gexf", scope="ego", node="org:0").status_code == 404
    assert download(client, "gexf", scope="region", region="nowhere").status_code == 404
    assert download(client, "pdf", scope="ego", node=f"org:{orgs['m'].pk}").status_code == 404


def test_only_analysts_and_staff_may_download(client, alice, network):
    _run, orgs = network
    assert download(client, "gexf", scope="ego", node=f"org:{orgs['m'].pk}").status_code == 403
    client.force_login(alice)
    assert download(client, "nodes.csv", scope="all-organisations-table").status_code == 403
