"""The instrument catalogue in the API: list with the finder's filters, one instrument, matching."""

from __future__ import annotations

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from borderless.instruments.matching import snapshot_clear
from tests.instruments.finder_data import seed_catalogue
from tests.quickscan.completed import complete, fast_follower_answers

LIST = "/api/instruments"
MATCH = "/api/instruments/match"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


@pytest.fixture
def seed(db):
    return seed_catalogue()


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def post(client, body, **headers):
    return client.post(MATCH, json.dumps(body), content_type="application/json", **headers)


def identifiers(response) -> list[str]:
    return [item["identifier"] for item in response.json()["results"]]


# The list


def test_lists_the_catalogue_in_the_requested_language_with_its_unknowns_as_null(client, seed):
    response = client.get(LIST, {"region": "NL21", "kind": "voucher"}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "de" and body["count"] == 2
    voucher = next(i for i in body["results"] if i["identifier"] == "overijssel-digitaliseringsvoucher-mkb")
    assert voucher["name"] == "Digitaliseringsvoucher MKB – Digitalisierungsgutschein für KMU (Overijssel)"
    assert voucher["description"].startswith("Ein Gutschein der Provinz Overijssel")
    assert voucher["status"]["code"] is None and voucher["next_deadline"] is None
    assert voucher["funding"]["min_amount"] is None and voucher["verified"] is False
    assert voucher["next"] == ["nl-mit-haalbaarheidsproject", "eu-edih"]
    assert voucher["links"]["page"] == "http://testserver/de/instruments/overijssel-digitaliseringsvoucher-mkb/"


def test_the_filters_are_the_finders(client, seed):
    html = client.get("/en/instruments/", {"cross_border": "required"}).context["result"].entries
    api = client.get(LIST, {"cross_border": "required"})
    assert identifiers(api) == [e.identifier for e in html]
    assert client.get(LIST, {"status": "unknown"}).json()["count"] == 20
    assert client.get(LIST, {"q": "Gutschein"}).json()["count"] >= 1  # falls back to all languages


def test_pages(client, seed):
    body = client.get(LIST, {"page_size": 5, "page": 2}).json()
    assert (body["count"], body["pages"], len(body["results"])) == (21, 5, 5)
    assert body["next"].endswith("page=3") and body["previous"].endswith("page=1")
    assert_json_error(client.get(LIST, {"page": 9}), 404, "page_not_found")


def test_bad_filters_answer_400_in_the_requested_language(client, seed):
    body = assert_json_error(client.get(LIST, {"kind": "spaceship"}, HTTP_ACCEPT_LANGUAGE="nl"), 400, "invalid")
    with translation.override("nl"):
        expected = gettext("“%(value)s” is not one of the choices for this filter.") % {"value": "spaceship"}
        assert body["detail"] == gettext("Some parameters are invalid.")
    assert body["errors"] == [{"field": "kind", "message": expected}]
    assert_json_error(client.get(LIST, {"colour": "red"}), 400, "unknown_parameter")
    assert_json_error(client.get(LIST, {"page_size": 1000}), 400, "invalid")
    assert_json_error(client.get(LIST, {"region": "ZZ9"}), 400, "invalid")


# One instrument


def test_one_instrument_with_criteria_described_and_its_route(client, seed):
    response = client.get(f"{LIST}/nl-mit-haalbaarheidsproject", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    body = response.json()
    assert [c["type"] for c in body["criteria"]] == ["country", "organisation_kind", "size_class", "free_text"]
    assert body["criteria"][0]["text"] == "Voor organisaties gevestigd in Nederland."
    assert "overijssel-digitaliseringsvoucher-mkb" in body["route"]["before"][0]
    assert set(body["route"]["after"][0]) == {"nl-mit-rd-samenwerkingsproject", "interreg-de-nl-open-formula"}
    assert body["calls"] == []
    assert_json_error(client.get(f"{LIST}/no-such-thing"), 404, "not_found")


# Matching


def test_a_sent_profile_is_ranked_with_reasons_in_the_requested_language(client, seed):
    profile = {"country": "NL", "nuts3": "NL213", "kind": "company", "size_class": "small"}
    response = post(client, profile, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "de" and body["organisation"] is None
    assert body["profile"]["in_programme_area"] is True and body["profile"]["euregio"] == "euregio"
    assert sum(body["counts"].values()) == 21
    verdicts = [r["verdict"] for r in body["results"]]
    assert verdicts == sorted(verdicts, key=["fits", "might_fit", "does_not_fit"].index)
    voucher = next(r for r in body["results"] if r["identifier"] == "overijssel-digitaliseringsvoucher-mkb")
    assert voucher["verdict"] == "fits"
    assert "Ihr Standort liegt in Twente (NL213) und damit in Overijssel (NL21)." in [
        r["text"] for r in voucher["reasons"]
    ]
    interreg = next(r for r in body["results"] if r["identifier"] == "interreg-de-nl-open-formula")
    partner = next(r for r in interreg["reasons"] if r["criterion"] == "cross_border_partner")
    assert partner["action"] == "find_partner" and partner["action_url"].endswith("/organisations/?country=DE")


def test_an_empty_profile_might_fit_everything_that_asks_for_a_fact(client, seed):
    body = post(client, {}).json()
    assert body["counts"]["does_not_fit"] == 0


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ({"nuts3": "XX999"}, "nuts3"),
        ({"country": "DE", "nuts3": "NL213"}, "nuts3"),
        ({"country": "FR"}, "country"),
        ({"sector": "04"}, "sector"),
        ({"stage": 9}, "stage"),
        ({"founded_year": 3000}, "founded_year"),
        ({"follower_group": "leader"}, "follower_group"),
        ({"founded_year": "old"}, "founded_year"),
    ],
)
def test_bad_profiles_are_refused_field_by_field(client, seed, profile, field):
    body = assert_json_error(post(client, profile, HTTP_ACCEPT_LANGUAGE="de"), 400, "invalid")
    assert [e["field"] for e in body["errors"]] == [field]


def test_a_body_that_is_not_json_is_refused(client, seed):
    response = client.post(MATCH, "{not json", content_type="application/json")
    assert_json_error(response, 400, "bad_request")


def test_an_organisation_needs_a_session_and_a_membership(client, alice, dora, seed):
    slug = alice.organisations.get().slug
    assert_json_error(post(client, {"organisation": slug}), 401, "not_authenticated")
    client.force_login(dora)
    assert_json_error(post(client, {"organisation": slug}), 404, "not_found")
    client.force_login(alice)
    assert_json_error(post(client, {"organisation": slug, "country": "NL"}), 400, "organisation_or_profile")


def test_a_member_matches_their_organisation_with_its_latest_quickscan(client, alice, seed):
    organisation = alice.organisations.get()
    assessment = complete(organisation, fast_follower_answers())
    client.force_login(alice)
    response = post(client, {"organisation": organisation.slug}, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    body = response.json()
    assert body["organisation"] == organisation.slug
    assert body["profile"]["follower_group"] == "fast_follower" and body["profile"]["stage"] == 2
    assert body["quickscan_completed_at"] is not None
    assert assessment.completed_at.isoformat()[:19] in body["quickscan_completed_at"]
    horizon = next(r for r in body["results"] if r["identifier"] == "eu-horizon-europe")
    assert horizon["verdict"] == "does_not_fit"
    assert any("Uw laatste quickscan: Fast Follower." in r["text"] for r in horizon["reasons"])


def test_the_endpoints_are_in_the_openapi_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths["/api/instruments"]) == {"get"}
    assert set(paths["/api/instruments/{identifier}"]) == {"get"}
    assert set(paths["/api/instruments/match"]) == {"post"}
    kinds = next(p for p in paths["/api/instruments"]["get"]["parameters"] if p["name"] == "kind")
    assert "voucher" in kinds["schema"]["enum"]
