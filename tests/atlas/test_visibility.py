"""What a viewer may see of a profile: public, registered users only, anonymous; never contact details."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile
from borderless.atlas.selectors import profile_for_viewer, visible_profiles
from borderless.organisations.models import Membership
from tests.atlas.atlas_profiles import profiled_org, reference_of, taxonomy  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
URL = "/en/atlas/"


@pytest.fixture
def firms(taxonomy):  # noqa: F811
    return {
        "public": profiled_org("Open Sensors B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"],
                               website="https://open-sensors.example"),
        "registered": profiled_org("Members Only GmbH", town_name="Münster", country="DE", offers=["tech.sensors"],
                                   visibility="registered", website="https://members-only.example"),
        "anonymous": profiled_org("Secret Sensing GmbH", town_name="Borken", country="DE", offers=["tech.sensors"],
                                  visibility="anonymous", website="https://secret-sensing.example",
                                  description="Sensoren für Landmaschinen."),
    }  # fmt: skip


def test_anonymous_visitors_see_public_and_anonymous_profiles(client, firms):
    html = client.get(URL, {"q": "Sensorik"}).content.decode()
    assert "Open Sensors B.V." in html
    assert "Members Only GmbH" not in html
    assert "Secret Sensing" not in html
    assert "Company in Borken (DE)" in html  # kind and NUTS-3 region instead of the name


def test_signed_in_users_also_see_registered_profiles(client, firms):
    client.force_login(make_user("someone@example.nl"))
    html = client.get(URL, {"q": "Sensorik"}).content.decode()
    assert "Members Only GmbH" in html and "Open Sensors B.V." in html
    assert "Secret Sensing" not in html


def test_an_anonymous_profile_shows_no_name_town_website_or_contact(client, firms):
    org = firms["anonymous"]
    ref = reference_of(org)
    assert org.slug not in ref and ref != f"anon-{org.pk:016x}"
    response = client.get(reverse("atlas:detail", args=[ref]))
    assert response.status_code == 200
    html = response.content.decode()
    for secret in ("Secret Sensing", org.slug, "secret-sensing.example", "info@", "+31 53", "<dt>Town</dt>"):
        assert secret not in html
    assert "<dt>Region</dt><dd>Borken, Germany</dd>" in html  # the NUTS-3 region (DEA34 Borken)
    assert "Sensoren für Landmaschinen." in html
    assert reverse("contacts:new", args=[ref]) in html
    assert "Regional Agency Borken" in html  # the intermediary that answers for it


def test_an_anonymous_profile_is_not_reachable_by_its_slug(client, firms):
    assert client.get(reverse("atlas:detail", args=[firms["anonymous"].slug])).status_code == 404


def test_searching_the_name_of_an_anonymous_organisation_finds_nothing(client, firms):
    assert client.get(URL, {"q": "Secret"}).context["cards"] == []
    data = client.get(reverse("atlas:map_data"), {"q": "Secret"}).json()
    assert data["points"] == []


def test_anonymous_map_points_sit_at_the_region_centre_with_kind_and_region(client, firms):
    data = client.get(reverse("atlas:map_data"), {"q": "sensors"}).json()
    point = next(p for p in data["points"] if p["anonymous"])
    assert point["label"] == "Company in Borken (DE)"
    town = firms["anonymous"].town
    assert (point["lat"], point["lon"]) != (round(town.latitude, 4), round(town.longitude, 4))
    assert firms["anonymous"].slug not in point["url"]


def test_registered_profiles_are_404_for_visitors(client, firms):
    url = reverse("atlas:detail", args=[firms["registered"].slug])
    assert client.get(url).status_code == 404
    client.force_login(make_user("someone@example.nl"))
    assert client.get(url).status_code == 200


def test_contact_details_are_never_on_the_profile_page(client, firms):
    html = client.get(reverse("atlas:detail", args=[firms["public"].slug])).content.decode()
    assert "Open Sensors B.V." in html and "open-sensors.example" in html  # the website is public
    assert "info@open-sensors" not in html and "+31 53" not in html


def test_members_see_their_own_anonymous_profile_in_full_with_an_edit_link(client, firms):
    user = make_user("boss@example.de")
    Membership.objects.create(user=user, organisation=firms["anonymous"], is_manager=True)
    client.force_login(user)
    html = client.get(reverse("atlas:detail", args=[firms["anonymous"].slug])).content.decode()
    assert "Secret Sensing GmbH" in html
    assert reverse("atlas:profile_edit") in html


def test_organisations_without_a_profile_are_not_in_the_atlas(client, taxonomy):  # noqa: F811
    from tests.conftest import make_org

    org = make_org("Just Listed B.V.", town_name="Enschede", country="NL")
    assert client.get(reverse("atlas:detail", args=[org.slug])).status_code == 404


def test_references_are_random_and_unique_and_garbage_is_not_found(client, firms):
    references = set(AtlasProfile.objects.values_list("public_reference", flat=True))
    assert len(references) == AtlasProfile.objects.count()
    assert all(re.fullmatch(r"anon-[0-9a-f]{16}", r) for r in references)
    for garbage in ("anon-xyz", "anon-0000000000000000", "some-slug"):
        assert client.get(reverse("atlas:detail", args=[garbage])).status_code == 404


def test_selector_rules(firms):
    class Visitor:
        is_authenticated = False

    visible = {p.organisation.name for p in visible_profiles(user=Visitor())}
    assert visible == {"Open Sensors B.V.", "Secret Sensing GmbH"}
    card = profile_for_viewer(slug=reference_of(firms["anonymous"]), user=Visitor())
    assert card.anonymous and card.website == "" and card.place == "Borken" and card.region_code == "DEA34"
    assert not hasattr(card, "contact_email")
