"""The atlas in the API: search and profile with the atlas's visibility, recommendations with reasons."""

from __future__ import annotations

import pytest

from borderless.atlas.forms import AtlasSearchForm
from borderless.atlas.services import atlas_profile_save
from borderless.matching import index as matching_index
from borderless.organisations.models import Organisation
from tests.atlas.atlas_profiles import profiled_org, reference_of, taxonomy  # noqa: F401

pytestmark = pytest.mark.django_db

SEARCH = "/api/atlas/organisations"
RECOMMENDATIONS = "/api/atlas/recommendations"


@pytest.fixture(autouse=True)
def fresh_index():
    matching_index.index_reset()
    yield
    matching_index.index_reset()


@pytest.fixture
def firms(taxonomy):  # noqa: F811
    return {
        "public": profiled_org("Open Sensors B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"],
                               website="https://open-sensors.example"),
        "registered": profiled_org("Members Only GmbH", town_name="Münster", country="DE", offers=["tech.sensors"],
                                   visibility="registered"),
        "anonymous": profiled_org("Secret Sensing GmbH", town_name="Borken", country="DE", offers=["tech.sensors"],
                                  visibility="anonymous", website="https://secret-sensing.example"),
        "cloud": profiled_org("Wolken GmbH", town_name="Gronau", country="DE", offers=["tech.cloud"]),
    }  # fmt: skip


def names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["display_name"] for item in response.json()["results"]}


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code and body["detail"]
    return body


# --- search ---------------------------------------------------------------------------------------------


def test_search_finds_the_same_organisations_in_any_language_and_respects_visibility(client, firms):
    for word in ("Sensorik", "sensoren", "sensors"):
        found = names(client.get(SEARCH, {"q": word}))
        assert "Open Sensors B.V." in found
        assert "Members Only GmbH" not in found  # registered users only
        assert "Wolken GmbH" not in found
        assert not any("Secret Sensing" in name for name in found)
        assert "Company in Borken (DE)" in found


def test_signed_in_callers_also_find_profiles_for_registered_users(client, alice, firms):
    client.force_login(alice)
    assert "Members Only GmbH" in names(client.get(SEARCH, {"q": "sensors"}))


def test_search_filters_are_those_of_the_search_page(client, firms):
    parameters = client.get("/api/openapi.json").json()["paths"][SEARCH]["get"]["parameters"]
    assert {p["name"] for p in parameters} == set(AtlasSearchForm().fields) | {"page", "page_size"}

    found = names(client.get(SEARCH, {"competence": "tech.sensors", "country": "DE"}))
    assert found == {"Company in Borken (DE)"}


def test_anonymous_results_carry_no_identity(client, firms):
    item = next(i for i in client.get(SEARCH, {"country": "DE"}).json()["results"] if i["anonymous"])
    text = str(item)
    assert item["name"] is None and item["website"] is None
    assert item["reference"] == reference_of(firms["anonymous"])
    assert "Secret" not in text and "secret-sensing" not in text and "Borken," not in item["place"]
    assert item["contact_via"] == "Regional Agency Borken"


def test_invalid_filters_answer_400_with_the_field_and_nothing_else(client, firms):
    body = assert_json_error(client.get(SEARCH, {"kind": "spaceship"}), 400, "invalid")
    assert body["errors"][0]["field"] == "kind"
    assert_json_error(client.get(SEARCH, {"colour": "blue"}), 400, "unknown_parameter")
    assert_json_error(client.get(SEARCH, {"page_size": "1000"}), 400, "invalid")
    assert_json_error(client.get(SEARCH, {"page": "9"}), 404, "page_not_found")


def test_search_errors_follow_the_accept_language_header(client, firms):
    body = client.get(SEARCH, {"colour": "blue"}, HTTP_ACCEPT_LANGUAGE="de").json()
    assert "Unbekannt" in body["detail"] or "unbekannt" in body["detail"]


# --- one profile ----------------------------------------------------------------------------------------


def test_a_public_profile_by_its_slug(client, firms):
    response = client.get(f"{SEARCH}/{firms['public'].slug}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Open Sensors B.V."
    assert body["website"] == "https://open-sensors.example"
    assert [c["code"] for c in body["offers"]] == ["tech.sensors"]
    assert "contact_email" not in body and "info@" not in str(body)  # contact only after an accepted request


def test_an_anonymous_profile_only_by_its_reference_and_without_name(client, firms):
    assert_json_error(client.get(f"{SEARCH}/{firms['anonymous'].slug}"), 404, "not_found")
    body = client.get(f"{SEARCH}/{reference_of(firms['anonymous'])}").json()
    assert body["anonymous"] is True
    assert body["name"] is None and body["website"] is None and body["projects"] is None
    assert "Secret" not in str(body)


def test_a_profile_for_registered_users_is_not_found_without_a_session(client, alice, firms):
    assert_json_error(client.get(f"{SEARCH}/{firms['registered'].slug}"), 404, "not_found")
    client.force_login(alice)
    assert client.get(f"{SEARCH}/{firms['registered'].slug}").json()["name"] == "Members Only GmbH"


# --- recommendations ------------------------------------------------------------------------------------


def test_recommendations_need_a_session(client, firms):
    assert_json_error(client.get(RECOMMENDATIONS), 401, "not_authenticated")


def test_recommendations_only_for_ones_own_organisation(client, alice, dora, firms):
    client.force_login(alice)
    dora_org = Organisation.objects.get(memberships__user=dora)
    assert_json_error(client.get(RECOMMENDATIONS, {"organisation": dora_org.slug}), 404, "not_found")
    assert_json_error(client.get(RECOMMENDATIONS, {"organisation": "no/slug"}), 400, "invalid")
    assert_json_error(client.get(RECOMMENDATIONS, {"k": "3"}), 400, "unknown_parameter")


def test_recommendations_explained_in_the_language_of_the_request(client, alice, firms):
    atlas_profile_save(
        organisation=Organisation.objects.get(memberships__user=alice), needs=["tech.sensors"], offers=[]
    )
    client.force_login(alice)

    body = client.get(RECOMMENDATIONS, HTTP_ACCEPT_LANGUAGE="de").json()

    assert body["language"] == "de" and body["across_border"] is True and body["has_profile"] is True
    first = body["results"][0]
    assert first["rank"] == 1
    assert first["partner"]["country"] == "DE"
    assert {r["component"] for r in first["reasons"]} == {
        "complementarity", "reciprocity", "common_ground", "proximity", "maturity", "novelty", "closure"
    }  # fmt: skip
    need = next(r for r in first["reasons"] if r["component"] == "complementarity")
    assert need["title"] == "Was Sie brauchen" and "Sensorik" in need["text"]
    assert first["score"] == pytest.approx(sum(r["contribution"] for r in first["reasons"]), abs=1e-3)
    assert all(p["partner"]["country"] == "DE" for p in body["results"])
    assert "Secret Sensing" not in str(body)
    assert body["data"]["profiles"] == 5
    assert sum(w["share"] for w in body["data"]["weights"]) == pytest.approx(1, abs=1e-3)

    home = client.get(RECOMMENDATIONS, {"own_country": "true"}).json()
    assert "Open Sensors B.V." in {p["partner"]["display_name"] for p in home["results"]}


def test_the_atlas_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {SEARCH, f"{SEARCH}/{{reference}}", RECOMMENDATIONS} <= set(paths)
