from __future__ import annotations

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile
from borderless.organisations.models import Membership
from borderless.quickscan.models import Assessment
from tests.atlas.atlas_profiles import profiled_org, taxonomy  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

URL = "/en/atlas/"


@pytest.fixture
def sensor_firms(taxonomy):  # noqa: F811
    """Three firms that offer sensor technology, each profile written in another language."""
    return [
        profiled_org("Messwerk Ahaus GmbH", town_name="Ahaus", country="DE", offers=["tech.sensors"],
                     description="Wir entwickeln Messsysteme für den Maschinenbau."),
        profiled_org("Meettechniek Hengelo B.V.", town_name="Hengelo", country="NL", offers=["tech.sensors"],
                     description="Wij ontwikkelen meetsystemen voor de maakindustrie."),
        profiled_org("Gauge Works Nijmegen B.V.", town_name="Nijmegen", country="NL", needs=["tech.sensors"],
                     description="We build test benches."),
        profiled_org("Roboter Bocholt GmbH", town_name="Bocholt", country="DE", offers=["tech.industrial_robots"],
                     description="Roboterzellen."),
    ]  # fmt: skip


def names(response) -> set[str]:
    return {card.name for card in response.context["cards"]}


@pytest.mark.parametrize("word", ["Sensorik", "sensoren", "sensors"])
def test_sensor_words_in_three_languages_find_the_same_organisations(client, sensor_firms, word):
    response = client.get(URL, {"q": word})
    assert response.status_code == 200
    assert names(response) == {"Messwerk Ahaus GmbH", "Meettechniek Hengelo B.V.", "Gauge Works Nijmegen B.V."}
    assert b'<mark class="competence" data-code="tech.sensors">' in response.content


def test_the_matched_competence_is_shown_in_the_viewers_language(client, sensor_firms):
    response = client.get("/de/atlas/", {"q": "sensors"})
    assert "Sensorik" in response.content.decode()
    response = client.get("/nl/atlas/", {"q": "Sensorik"})
    assert "Sensortechnologie" in response.content.decode()


def test_offered_or_needed(client, sensor_firms):
    offered = client.get(URL, {"q": "sensors", "direction": "offered"})
    assert names(offered) == {"Messwerk Ahaus GmbH", "Meettechniek Hengelo B.V."}
    needed = client.get(URL, {"competence": "tech.sensors", "direction": "needed"})
    assert names(needed) == {"Gauge Works Nijmegen B.V."}


def test_text_also_matches_names_and_descriptions(client, sensor_firms):
    assert names(client.get(URL, {"q": "Bocholt"})) == {"Roboter Bocholt GmbH"}
    assert names(client.get(URL, {"q": "test benches"})) == {"Gauge Works Nijmegen B.V."}


def test_short_words_match_whole_words(client, taxonomy):  # noqa: F811
    profiled_org("Lernende Maschinen GmbH", town_name="Münster", country="DE", offers=["tech.ai"])
    profiled_org("Mail Flow B.V.", town_name="Enschede", country="NL", offers=["svc.training"])
    assert names(client.get(URL, {"q": "KI"})) == {"Lernende Maschinen GmbH"}
    assert names(client.get(URL, {"q": "AI"})) == {"Lernende Maschinen GmbH"}


def test_filters(client, sensor_firms):
    assert names(client.get(URL, {"country": "DE"})) == {"Messwerk Ahaus GmbH", "Roboter Bocholt GmbH"}
    assert names(client.get(URL, {"region": "NL21"})) == {"Meettechniek Hengelo B.V."}  # Overijssel (NUTS-2)
    assert names(client.get(URL, {"region": "DEA34"})) == {"Messwerk Ahaus GmbH", "Roboter Bocholt GmbH"}  # Borken
    assert names(client.get(URL, {"euregio": "euregio-rhein-waal"})) == {"Gauge Works Nijmegen B.V."}
    assert names(client.get(URL, {"kind": "knowledge"})) == set()
    assert names(client.get(URL, {"size_class": "small"})) == names(client.get(URL))


def test_follower_group_from_the_latest_quickscan_of_firms_that_agreed(client, sensor_firms):
    ahaus, hengelo = sensor_firms[0], sensor_firms[1]
    Assessment.objects.create(organisation=ahaus, is_latest=False, follower_group="late_follower", answers={})
    Assessment.objects.create(organisation=ahaus, is_latest=True, follower_group="frontrunner", answers={})
    Assessment.objects.create(organisation=hengelo, is_latest=True, follower_group="late_follower", answers={})
    # A quickscan result is the firm's own: without its consent the filter does not find it.
    assert names(client.get(URL, {"follower_group": "frontrunner"})) == set()
    AtlasProfile.objects.filter(organisation__in=[ahaus, hengelo]).update(show_follower_group=True)
    assert names(client.get(URL, {"follower_group": "frontrunner"})) == {"Messwerk Ahaus GmbH"}
    assert names(client.get(URL, {"follower_group": "late_follower"})) == {"Meettechniek Hengelo B.V."}


@pytest.mark.parametrize(
    "params",
    [{"kind": "spaceship"}, {"country": "FR"}, {"competence": "tech.teleportation"}, {"region": "FR101"},
     {"follower_group": "leader"}, {"direction": "sideways"}, {"euregio": "atlantis"}],
)  # fmt: skip
def test_unknown_filter_values_answer_400_in_the_viewers_language(client, sensor_firms, params):
    response = client.get("/de/atlas/", params)
    assert response.status_code == 400
    assert "Wählen Sie eine gültige Option" in response.content.decode() or "gültig" in response.content.decode()
    assert client.get(reverse("atlas:map_data"), params).status_code == 400


def test_only_organisations_with_a_profile(client, taxonomy):  # noqa: F811
    from tests.conftest import make_org

    make_org("No Profile B.V.", town_name="Enschede", country="NL")
    assert names(client.get(URL)) == set()


def test_the_list_is_paginated(client, taxonomy):  # noqa: F811
    for n in range(25):
        profiled_org(f"Firma {n:02d} GmbH", town_name="Münster", country="DE", offers=["tech.erp"])
    first = client.get(URL)
    assert len(first.context["cards"]) == 20
    assert len(client.get(URL, {"page": 2}).context["cards"]) == 5


def test_map_data_has_a_point_per_result(client, sensor_firms):
    data = client.get(reverse("atlas:map_data"), {"q": "Sensorik"}).json()
    assert {p["label"] for p in data["points"]} == {
        "Messwerk Ahaus GmbH",
        "Meettechniek Hengelo B.V.",
        "Gauge Works Nijmegen B.V.",
    }
    ahaus = next(p for p in data["points"] if p["label"] == "Messwerk Ahaus GmbH")
    assert 51.9 < ahaus["lat"] < 52.2 and 6.9 < ahaus["lon"] < 7.1
    assert ahaus["url"] == reverse("atlas:detail", args=[sensor_firms[0].slug])


def test_the_page_loads_the_vendored_map_and_no_inline_script(client, sensor_firms):
    html = client.get(URL).content.decode()
    assert "vendor/leaflet/leaflet.js" in html and "js/atlas-map.js" in html
    assert "<script>" not in html and " style=" not in html
    assert "http://" not in html.split("<main")[1] and "https://" not in html.split("<main")[1]


def test_members_see_a_link_to_edit(client, sensor_firms):
    user = make_user("owner@example.de")
    Membership.objects.create(user=user, organisation=sensor_firms[0], is_manager=True)
    client.force_login(user)
    assert b"atlas/profile/" in client.get(URL).content
