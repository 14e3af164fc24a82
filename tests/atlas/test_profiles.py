"""Editing one's own atlas profile."""

from __future__ import annotations

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile
from tests.atlas.atlas_profiles import taxonomy  # noqa: F401
from tests.conftest import make_org

pytestmark = pytest.mark.django_db
EDIT = "/en/atlas/profile/"


def post_data(**overrides):
    data = {
        "offers": ["tech.sensors", "svc.prototyping"],
        "needs": ["tech.ai"],
        "description": "Wij bouwen meetopstellingen.",
        "cooperation_kinds": ["technology", "rd_project"],
        "visibility": "public",
        "contact_email": "info@alice.example",
        "contact_phone": "+31 53 123 4567",
    }
    data.update(overrides)
    return data


def test_a_manager_creates_the_profile(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    form_page = client.get(EDIT)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Sensor technology" in html
    response = client.post(EDIT, post_data())
    org = alice.organisations.get()
    assert response.status_code == 302 and response.url == reverse("atlas:detail", args=[org.slug])
    profile = AtlasProfile.objects.get(organisation=org)
    assert {c.code for c in profile.offers.all()} == {"tech.sensors", "svc.prototyping"}
    assert {c.code for c in profile.needs.all()} == {"tech.ai"}
    assert profile.cooperation_kinds == ["technology", "rd_project"]
    assert profile.contact_email == "info@alice.example"
    page = client.get(response.url).content.decode()
    assert "Sensor technology" in page and "Wij bouwen meetopstellingen." in page


def test_the_checkboxes_are_grouped_by_cluster_services_and_sectors(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    html = client.get("/de/atlas/profile/").content.decode()
    assert "Sensorik und Daten" in html  # the quickscan's cluster name
    assert 'name="offers" value="nace.28"' in html
    assert 'name="needs" value="svc.prototyping"' in html


def test_anonymous_needs_an_intermediary(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    response = client.post("/de/atlas/profile/", post_data(visibility="anonymous"))
    assert response.status_code == 400
    assert not AtlasProfile.objects.exists()
    agency = make_org("Novel-T", kind="intermediary", town_name="Enschede", country="NL")
    response = client.post(EDIT, post_data(visibility="anonymous", contact_intermediary=agency.pk))
    assert response.status_code == 302
    assert response.url == reverse("atlas:detail", args=[alice.organisations.get().slug])  # members: by slug
    assert AtlasProfile.objects.get().contact_intermediary == agency


def test_a_company_cannot_be_the_intermediary(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    other = make_org("Some Firm B.V.", town_name="Enschede", country="NL")
    response = client.post(EDIT, post_data(visibility="anonymous", contact_intermediary=other.pk))
    assert response.status_code == 400
    assert not AtlasProfile.objects.exists()


def test_tampered_codes_change_nothing(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    response = client.post("/nl/atlas/profile/", post_data(offers=["tech.teleportation"]))
    assert response.status_code == 400
    assert response.context["form"].errors["offers"]
    assert not AtlasProfile.objects.exists()


def test_members_who_do_not_manage_and_strangers_get_404(client, alice, dora, taxonomy):  # noqa: F811
    client.force_login(dora)
    alice_org = alice.organisations.get()
    assert client.get(EDIT, {"organisation": alice_org.slug}).status_code == 404
    assert client.post(f"{EDIT}?organisation={alice_org.slug}", post_data()).status_code == 404
    assert not AtlasProfile.objects.filter(organisation=alice_org).exists()


def test_visitors_are_sent_to_log_in(client):
    response = client.get(EDIT)
    assert response.status_code == 302 and "login" in response.url


def test_editing_keeps_the_form_filled_in(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    client.post(EDIT, post_data())
    html = client.get(EDIT).content.decode()
    assert 'value="tech.sensors" id="id_offers_tech_sensors" checked' in html
    assert "Wij bouwen meetopstellingen." in html


def test_only_confirmed_intermediaries_are_offered_for_an_anonymous_profile(client, alice, taxonomy):  # noqa: F811
    """The intermediary learns who the anonymous firm is: one that staff have not confirmed may be anyone."""
    confirmed = make_org("Novel-T", kind="intermediary", town_name="Enschede", country="NL")
    waiting = make_org("Neue Agentur", kind="intermediary", town_name="Gronau", country="DE", confirmed=False)
    client.force_login(alice)
    page = client.get(EDIT).content.decode()
    assert "Novel-T" in page and "Neue Agentur" not in page

    response = client.post(EDIT, post_data(visibility="anonymous", contact_intermediary=waiting.pk))
    assert response.status_code == 400
    assert not AtlasProfile.objects.exists()
    assert client.post(EDIT, post_data(visibility="anonymous", contact_intermediary=confirmed.pk)).status_code == 302


def test_the_visibility_help_says_that_anonymous_leaves_the_public_directory(client, alice, taxonomy):  # noqa: F811
    client.force_login(alice)
    assert "also taken out of the public directory" in client.get(EDIT).content.decode()
