"""Partners of partners across the border: a firm sees which of its project partners also worked with a
suggested organisation, never an anonymous one by name, and staff decide how much it counts."""

from __future__ import annotations

import pytest

from borderless.atlas.models import AtlasProfile
from borderless.atlas.services import atlas_profile_save
from borderless.matching import index as matching_index
from borderless.matching.models import MatchingWeights
from borderless.organisations.models import Organisation
from tests.atlas.atlas_profiles import profiled_org, reference_of, taxonomy  # noqa: F401
from tests.factories import joint_project

pytestmark = pytest.mark.django_db

PAGE = "/en/atlas/partners/"
API = "/api/atlas/recommendations"


@pytest.fixture(autouse=True)
def fresh_index():
    matching_index.index_reset()
    yield
    matching_index.index_reset()


def shows_projects(*organisations) -> None:
    AtlasProfile.objects.filter(organisation__in=organisations).update(show_projects=True)


@pytest.fixture
def firms(alice, taxonomy):  # noqa: F811
    """Alice's firm in Enschede needs sensors; a Dutch partner of hers and a German sensor firm."""
    home = Organisation.objects.get(memberships__user=alice)
    atlas_profile_save(organisation=home, offers=["tech.cad_cam"], needs=["tech.sensors"])
    partner = profiled_org("Twente Partner B.V.", town_name="Hengelo", country="NL", offers=["tech.cloud"])
    borken = profiled_org("Borken Sensorik GmbH", town_name="Borken", country="DE", offers=["tech.sensors"])
    shows_projects(partner, borken)
    return {"home": home, "partner": partner, "borken": borken}


def partner_block(html: str, marker: str) -> str:
    return next(b for b in html.split('data-testid="partner"')[1:] if marker in b).split("</li>")[0]


def closure_reason(body: dict, name: str) -> dict:
    result = next(p for p in body["results"] if p["partner"]["display_name"] == name)
    return next(r for r in result["reasons"] if r["component"] == "closure")


def test_new_joint_projects_make_partners_of_partners_a_reason(client, alice, firms):
    client.force_login(alice)
    before = partner_block(client.get(PAGE).content.decode(), "Borken Sensorik GmbH")
    assert "No project partners of yours are known yet" in before

    joint_project("Grensland Digitaal", 2021, firms["home"], firms["partner"])
    joint_project("Sensorik Twente-Münsterland", 2023, firms["partner"], firms["borken"])

    block = partner_block(client.get(PAGE).content.decode(), "Borken Sensorik GmbH")
    assert "Partners of your partners" in block
    assert "Your project partner Twente Partner B.V. has also cooperated with this organisation." in block
    reason = closure_reason(client.get(API).json(), "Borken Sensorik GmbH")
    assert reason["value"] == pytest.approx(0.5)
    assert reason["contribution"] == pytest.approx(0.5 * reason["weight"], abs=1e-3)

    german = closure_reason(client.get(API, HTTP_ACCEPT_LANGUAGE="de").json(), "Borken Sensorik GmbH")
    assert german["title"] == "Partner Ihrer Partner"
    assert german["text"] == "Ihr Projektpartner Twente Partner B.V. hat auch mit dieser Organisation kooperiert."


def test_an_anonymous_partner_of_partners_is_counted_but_never_named(client, alice, firms):
    secret = profiled_org("Geheim Partner B.V.", town_name="Hengelo", country="NL", offers=["tech.cloud"],
                          visibility="anonymous")  # fmt: skip
    shows_projects(secret)
    joint_project("Grensland Digitaal", 2021, firms["home"], firms["partner"], secret)
    joint_project("Sensorik Twente-Münsterland", 2023, firms["partner"], firms["borken"])
    joint_project("Stille Sensoren", 2024, secret, firms["borken"])
    client.force_login(alice)

    html = client.get(PAGE).content.decode()
    block = partner_block(html, "Borken Sensorik GmbH")
    assert "2 of your project partners, among them Twente Partner B.V., have also cooperated" in block
    assert "Geheim" not in html and secret.slug not in html and reference_of(secret) not in html

    body = client.get(API).json()
    reason = closure_reason(body, "Borken Sensorik GmbH")
    assert reason["value"] == pytest.approx(2 / 3, abs=1e-3)
    assert "Geheim" not in str(body) and reference_of(secret) not in str(body)


def test_partners_are_only_counted_when_the_suggested_organisation_hides_its_projects(client, alice, firms):
    AtlasProfile.objects.filter(organisation=firms["borken"]).update(show_projects=False)
    joint_project("Grensland Digitaal", 2021, firms["home"], firms["partner"])
    joint_project("Sensorik Twente-Münsterland", 2023, firms["partner"], firms["borken"])
    client.force_login(alice)

    reason = closure_reason(client.get(API).json(), "Borken Sensorik GmbH")
    assert reason["text"] == "One of your project partners has also cooperated with this organisation."
    assert reason["value"] == pytest.approx(0.5)


def test_an_anonymous_suggestion_shows_no_partners_of_partners(client, alice, firms):
    hidden = profiled_org("Verborgen Sensor GmbH", town_name="Münster", country="DE", offers=["tech.sensors"],
                          visibility="anonymous")  # fmt: skip
    shows_projects(hidden)
    joint_project("Grensland Digitaal", 2021, firms["home"], firms["partner"])
    joint_project("Münsterland Sensorik", 2023, firms["partner"], hidden)
    client.force_login(alice)

    body = client.get(API).json()
    result = next(p for p in body["results"] if p["partner"]["reference"] == reference_of(hidden))
    reason = next(r for r in result["reasons"] if r["component"] == "closure")
    assert reason["value"] is None and reason["contribution"] is None
    assert reason["text"].startswith("Not shown:")
    assert "Twente" not in str(result)


def test_the_staff_weight_form_changes_the_score(client, alice, staff, firms):
    joint_project("Grensland Digitaal", 2021, firms["home"], firms["partner"])
    joint_project("Sensorik Twente-Münsterland", 2023, firms["partner"], firms["borken"])
    client.force_login(alice)
    before = closure_reason(client.get(API).json(), "Borken Sensorik GmbH")

    client.force_login(staff)
    weights = {"complementarity": 0.35, "reciprocity": 0.15, "common_ground": 0.10, "proximity": 0.20,
               "maturity": 0.10, "novelty": 0.10}  # fmt: skip
    add = "/en/admin/matching/matchingweights/add/"
    refused = client.post(add, {**dict.fromkeys(weights, 0), "closure": 0})
    assert refused.status_code == 200 and "at least one must be above zero" in refused.content.decode()
    assert client.post(add, {**weights, "closure": 1.0}).status_code == 302
    assert MatchingWeights.objects.get().closure == 1.0

    client.force_login(alice)
    body = client.get(API).json()
    after = closure_reason(body, "Borken Sensorik GmbH")
    assert before["weight"] == pytest.approx(0.10 / 1.10, abs=1e-3)
    assert after["weight"] == pytest.approx(1.0 / 2.0, abs=1e-3)
    assert after["contribution"] == pytest.approx(0.25, abs=1e-3)
    assert {w["component"]: w["share"] for w in body["data"]["weights"]}["closure"] == pytest.approx(0.5)
    html = client.get(PAGE).content.decode()
    assert '<th scope="row">Partners of your partners</th><td class="number">50 %</td>' in html  # the weights
