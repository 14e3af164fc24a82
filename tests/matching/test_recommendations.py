"""Partners for my organisation: who is suggested, why, in which language, and what is never shown."""

from __future__ import annotations

import math

import pytest
from django.urls import reverse

from borderless.atlas.services import atlas_profile_save
from borderless.contacts.models import Block
from borderless.matching import index as matching_index
from borderless.organisations.models import Organisation
from tests.atlas.atlas_profiles import profiled_org, reference_of, taxonomy  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    matching_index.index_reset()
    yield
    matching_index.index_reset()


def alice_org(alice) -> Organisation:
    return Organisation.objects.get(memberships__user=alice)


@pytest.fixture
def region(alice, taxonomy):  # noqa: F811
    """Alice's firm in Enschede needs sensors; firms on both sides of the border offer them."""
    atlas_profile_save(organisation=alice_org(alice), offers=["tech.cad_cam"], needs=["tech.sensors"])
    return {
        "de": profiled_org("Borken Sensorik GmbH", town_name="Borken", country="DE", offers=["tech.sensors"],
                           needs=["tech.cad_cam"]),
        "nl": profiled_org("Hengelo Sensoren B.V.", town_name="Hengelo", country="NL", offers=["tech.sensors"]),
        "far": profiled_org("Bremen Cloud GmbH", town_name="Bremen", country="DE", offers=["tech.cloud"]),
        "secret": profiled_org("Verborgen Sensor GmbH", town_name="Münster", country="DE", offers=["tech.sensors"],
                               visibility="anonymous"),
    }  # fmt: skip


def test_a_dutch_sme_gets_german_partners_explained_in_dutch(client, alice, region):
    client.force_login(alice)
    response = client.get("/nl/atlas/partners/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Borken Sensorik GmbH" in html
    assert "Hengelo Sensoren" not in html  # across the border by default
    assert html.index("Borken Sensorik GmbH") < html.index("Bremen Cloud GmbH")  # sensors first
    assert "Wat u nodig hebt" in html  # component titles in the user's language
    assert "Sensortechnologie" in html  # the evidence names the competence in Dutch
    assert reverse("contacts:new", args=[region["de"].slug]) in html
    assert reverse("atlas:detail", args=[region["de"].slug]) in html


def test_own_country_toggle_adds_partners_at_home(client, alice, region):
    client.force_login(alice)
    html = client.get("/en/atlas/partners/", {"own_country": "1"}).content.decode()
    assert "Hengelo Sensoren B.V." in html
    assert "Borken Sensorik GmbH" in html


def test_anonymous_partners_appear_without_name_and_are_reached_through_their_intermediary(client, alice, region):
    client.force_login(alice)
    html = client.get("/en/atlas/partners/").content.decode()
    assert "Verborgen Sensor" not in html
    assert "Company in Münster" in html
    assert reverse("contacts:new", args=[reference_of(region["secret"])]) in html
    assert "Regional Agency Münster" in html  # who answers on its behalf
    assert region["secret"].slug not in html


def test_the_page_names_its_data_and_method(client, alice, region):
    client.force_login(alice)
    html = client.get("/en/atlas/partners/").content.decode()
    assert "Data and method" in html
    # Alice's firm and the four of the region have a profile (the intermediary has none).
    assert "atlas profiles of 5 organisations" in html
    assert "Weights (the platform's defaults)" in html
    assert "32 %" in html  # complementarity's share: 0.35 of the defaults' 1.10


def test_a_firm_without_a_profile_is_told_to_fill_it_in(client, alice, taxonomy):  # noqa: F811
    profiled_org("Borken Sensorik GmbH", town_name="Borken", country="DE", offers=["tech.sensors"])
    client.force_login(alice)
    html = client.get("/en/atlas/partners/").content.decode()
    assert 'data-testid="empty-profile"' in html
    assert f"{reverse('atlas:profile_edit')}?organisation={alice_org(alice).slug}" in html
    assert "Borken Sensorik GmbH" in html  # distance and maturity still give a suggestion


def test_blocked_organisations_are_not_suggested(client, alice, region):
    Block.objects.create(blocker=region["de"], blocked=alice_org(alice))
    client.force_login(alice)
    html = client.get("/en/atlas/partners/").content.decode()
    assert "Borken Sensorik GmbH" not in html
    assert "Bremen Cloud GmbH" in html


def test_visitors_must_log_in(client, region):
    response = client.get("/en/atlas/partners/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_only_the_users_own_organisations_can_be_chosen(client, alice, dora, region):
    client.force_login(alice)
    dora_org = Organisation.objects.get(memberships__user=dora)
    assert client.get("/en/atlas/partners/", {"organisation": dora_org.slug}).status_code == 404
    assert client.get("/en/atlas/partners/", {"organisation": alice_org(alice).slug}).status_code == 200


def test_a_user_without_an_organisation_gets_a_clear_page(client, db):
    client.force_login(make_user("loner@example.nl"))
    response = client.get("/en/atlas/partners/")
    assert response.status_code == 200
    assert "not a member of one yet" in response.content.decode()


def test_an_anonymous_partner_is_explained_only_by_what_its_card_shows(client, alice, region):
    """Its exact distance, its quickscan result and its past projects would narrow down who it is: the
    reasons use the distance to the centre of the region its card shows and leave the others out."""
    from borderless.core.organisations import distance_km
    from borderless.organisations.models import Town
    from borderless.quickscan.models import Assessment
    from tests.factories import joint_project

    firm = profiled_org("Bocholter Geheimsensor GmbH", town_name="Bocholt", country="DE", offers=["tech.sensors"],
                        needs=["tech.cad_cam"], visibility="anonymous")  # fmt: skip
    Assessment.objects.create(organisation=firm, is_latest=True, follower_group="frontrunner", answers={})
    joint_project("Sensoren im Grenzland", 2021, firm, alice_org(alice))
    home = alice_org(alice).town
    towns = list(Town.objects.filter(nuts3_id="DEA34"))
    centre = (sum(t.latitude for t in towns) / len(towns), sum(t.longitude for t in towns) / len(towns))
    exact, shown = (
        distance_km(home.latitude, home.longitude, firm.town.latitude, firm.town.longitude),
        distance_km(home.latitude, home.longitude, *centre),
    )
    assert round(exact) != round(shown)  # otherwise this test could not tell them apart

    client.force_login(alice)
    html = client.get("/en/atlas/partners/").content.decode()
    block = next(b for b in html.split('data-testid="partner"')[1:] if reference_of(firm) in b).split("</li>")[0]
    assert "Bocholter" not in html and firm.slug not in html
    assert f"{round(exact)} km" not in block and f"{round(shown)} km" in block
    assert "Frontrunner" not in block and "cooperated with this organisation before" not in block
    assert "never taken part" not in block and "cooperated in projects before" not in block

    body = client.get("/api/atlas/recommendations").json()
    partner = next(p for p in body["results"] if p["partner"]["reference"] == reference_of(firm))
    reasons = {r["component"]: r for r in partner["reasons"]}
    assert partner["distance_km"] == pytest.approx(shown, abs=0.1)
    assert reasons["maturity"]["value"] is None and reasons["novelty"]["value"] is None
    assert reasons["proximity"]["value"] == pytest.approx(math.exp(-1.3 * shown / 50), abs=1e-3)
    assert partner["score"] == pytest.approx(sum(r["contribution"] or 0 for r in partner["reasons"]), abs=1e-3)
    assert "Frontrunner" not in str(partner)
    scores = [p["score"] for p in body["results"]]
    assert scores == sorted(scores, reverse=True)  # listed in the order of the scores shown


def test_a_named_partner_keeps_its_full_explanation(client, alice, region):
    from tests.factories import joint_project

    joint_project("Sensoren im Grenzland", 2021, region["de"], alice_org(alice))
    client.force_login(alice)
    body = client.get("/api/atlas/recommendations").json()
    named = next(p for p in body["results"] if p["partner"]["display_name"] == "Borken Sensorik GmbH")
    assert all(r["value"] is not None for r in named["reasons"])
    assert any("cooperated with this organisation before" in note for note in named["notes"])
