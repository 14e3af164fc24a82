"""The network in the API: report (public or full), one organisation's figures, subgraphs."""

from __future__ import annotations

import pytest

from tests.network.test_exports import build_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return build_network()


def test_everyone_gets_the_public_report_with_small_groups_hidden(client, network):
    body = client.get("/api/network/report", {"period": "2014-2020"}).json()
    assert body["public"] is True and body["organisations"] == 9 and body["meta"]["period"] == "2014–2020"
    enschede = next(r for r in body["regions"] if r["key"] == "NL213")
    assert enschede["organisations"] == 6
    assert all(v is None or v == 0 or v >= 5 for v in enschede["phases"].values())
    small = [r for r in body["regions"] if r["fewer_than_minimum"]]
    assert small and all(r["organisations"] is None for r in small)
    assert "brokers" not in body and "Münster Maschinen" not in str(body)


def test_analysts_get_the_full_report_without_the_name_of_an_anonymous_profile(client, charlie, network):
    client.force_login(charlie)
    body = client.get("/api/network/report").json()
    assert body["public"] is False and body["report"]["projects"] == 4
    assert "brokers" in body["report"] and "patterns" in body["report"]
    assert "Stille Sensoren" not in str(body)


def test_a_member_reads_their_own_organisations_figures_only(client, alice, network):
    _run, orgs = network
    own = alice.memberships.get().organisation
    client.force_login(alice)
    mine = client.get(f"/api/network/organisations/org:{own.pk}/metrics")
    assert mine.status_code == 404  # her firm took part in no project
    other = client.get(f"/api/network/organisations/org:{orgs['m'].pk}/metrics")
    assert other.status_code == 403 and other.json()["code"] == "forbidden"


def test_analysts_read_any_organisations_figures(client, charlie, network):
    _run, orgs = network
    client.force_login(charlie)
    body = client.get(f"/api/network/organisations/org:{orgs['m'].pk}/metrics", {"period": "2014-2020"}).json()
    assert body["label"] == "Münster Maschinen" and body["attributes"]["degree"] == 4
    assert client.get(f"/api/network/organisations/org:{orgs['quiet'].pk}/metrics").status_code == 404
    bad = client.get(f"/api/network/organisations/org:{orgs['m'].pk}/metrics", {"period": "1800"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_period"


def test_a_subgraph_for_analysts(client, charlie, alice, network):
    _run, orgs = network
    params = {"scope": "ego", "node": f"org:{orgs['m'].pk}", "period": "2014-2020"}
    assert client.get("/api/network/subgraph", params).status_code == 401
    client.force_login(alice)
    assert client.get("/api/network/subgraph", params).status_code == 403
    client.force_login(charlie)
    body = client.get("/api/network/subgraph", params).json()
    labels = {n["label"] for n in body["nodes"]}
    assert "Anonymous organisation" in labels and "Stille Sensoren" not in labels
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"]) and body["truncated"] is False
    cut = client.get("/api/network/subgraph", {**params, "limit": 2}).json()
    assert len(cut["nodes"]) == 2 and cut["truncated"] is True
    wrong = client.get("/api/network/subgraph", {**params, "scope": "world"})
    assert wrong.status_code == 400 and wrong.json()["code"] == "invalid_scope"
    assert client.get("/api/network/subgraph", {**params, "node": "org:0"}).status_code == 404


def test_errors_follow_the_language_of_the_request(client, charlie, network):
    client.force_login(charlie)
    response = client.get("/api/network/report", {"period": "1800"}, headers={"accept-language": "de"})
    assert response.status_code == 400 and "1800" in response.json()["detail"]
    assert response.json()["detail"] != client.get("/api/network/report", {"period": "1800"}).json()["detail"]


def test_the_schema_documents_the_network_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/network/report", "/api/network/organisations/{node}/metrics", "/api/network/subgraph"} <= set(paths)
    assert "403" in paths["/api/network/subgraph"]["get"]["responses"]
