"""The result page: what a firm reads after the quickscan, and who may read it."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation

from borderless.organisations.models import Organisation
from borderless.quickscan.models import AdvisorAccess, Assessment
from borderless.quickscan.presentation import assessment_view
from borderless.quickscan.services import (
    ANONYMOUS_QUICKSCAN_KEY,
    advisor_access_grant,
    advisor_access_revoke,
    assessment_start,
)
from tests.conftest import make_user
from tests.core.quickscan import builders

from .completed import complete, fast_follower_answers, peer_firms

pytestmark = pytest.mark.django_db


def org_of(user) -> Organisation:
    return Organisation.objects.get(memberships__user=user)


def url(assessment: Assessment, lang: str = "en") -> str:
    return f"/{lang}/quickscan/results/{assessment.public_id}/"


@pytest.fixture
def result(alice) -> Assessment:
    return complete(org_of(alice), fast_follower_answers())


def text_of(response) -> str:
    """The page's text without tags, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_a_member_reads_scores_band_chart_stage_group_and_roadmap(client, alice, result):
    client.force_login(alice)
    response = client.get(url(result))
    assert response.status_code == 200
    page = response.content.decode()
    text = text_of(response)
    with translation.override("en"):
        overall = floatformat(result.overall, 1)
    assert "Alice Precisietechniek B.V." in text
    assert f"{overall} of 100" in text
    assert "Band: Basic" in text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and "series-main" in page
    # the table next to the chart names all six dimensions with their scores
    for dim_id, title in [("D1", "Digital business strategy"), ("D6", "Green digitalisation")]:
        assert f"{dim_id} {title}" in text
    assert "Stage 2 of 6 reached: Connectivity" in text
    assert "What stage 3, Visibility, needs" in text
    assert "Fast Follower" in text
    assert "Own research and development — not met" in text
    assert "Island score 0%: 0 of the 2 technology clusters in use" in text
    view = response.context["view"]
    assert 3 <= len(view.roadmap) <= 5
    assert view.roadmap[0].title in text and view.roadmap[0].why in text
    assert "Why this step:" in text


def test_the_page_offers_pdf_json_history_and_a_new_quickscan(client, alice, result):
    client.force_login(alice)
    page = client.get(url(result)).content.decode()
    assert f'href="/en/quickscan/results/{result.public_id}/report.pdf"' in page
    assert f'href="/en/quickscan/results/{result.public_id}/assessment.json"' in page
    assert f'href="/en/quickscan/organisations/{result.organisation.slug}/history/"' in page
    assert 'href="/en/quickscan/"' in page
    assert 'href="/en/quickscan/how-we-score/"' in page


def test_the_method_line_names_data_rule_date_and_source(client, alice, result):
    client.force_login(alice)
    text = text_of(client.get(url(result)))
    assert "questionnaire 2026.1" in text
    assert f"completed on {timezone.localdate(result.completed_at).isoformat()}" in text
    assert "Source: the company's own answers in the Borderless quickscan" in text
    assert "The band follows from the unrounded overall score: up to 25" in text


def test_content_follows_the_page_language(client, alice, result):
    client.force_login(alice)
    text = text_of(client.get(url(result, "nl")))
    assert "D1 Digitale bedrijfsstrategie" in text
    assert "Connectiviteit" in text
    assert round(result.overall, 1) == 20.2
    assert "20,2" in text  # the Dutch decimal comma


def test_roadmap_partners_link_to_the_filtered_directory(alice, result):
    view = assessment_view(result, lang="en")
    helpers = [h for step in view.roadmap for h in step.helpers if h.directory_url]
    assert helpers
    for helper in helpers:
        parsed = urlparse(helper.directory_url)
        assert parsed.path == "/en/organisations/"
        query = parse_qs(parsed.query)
        assert query["in_programme_area"] == ["yes"]
        assert query["kind"][0] in {"intermediary", "fieldlab", "hub", "knowledge", "company"}
    coaching = next(h for step in view.roadmap for h in step.helpers if h.code == "coaching")
    assert parse_qs(urlparse(coaching.directory_url).query) == {
        "kind": ["intermediary"],
        "in_programme_area": ["yes"],
        "country": ["NL"],
    }


def test_roadmap_steps_link_to_the_instrument_finder_filtered_by_kind(client, alice, result):
    view = assessment_view(result, lang="en")
    coaching = next(h for step in view.roadmap for h in step.helpers if h.code == "coaching")
    parsed = urlparse(coaching.finder_url)
    assert parsed.path == "/en/instruments/"
    assert parse_qs(parsed.query) == {"kind": ["advice"], "region": ["NL"]}
    client.force_login(alice)
    assert client.get(coaching.finder_url).status_code == 200  # a filter the finder accepts
    page = client.get(url(result, "en")).content.decode()
    assert html.escape(coaching.finder_url) in page


# --- peers ---------------------------------------------------------------------------------------


def test_with_fewer_than_five_peers_there_is_no_comparison(client, alice, result):
    peer_firms(4)
    client.force_login(alice)
    response = client.get(url(result))
    text = text_of(response)
    assert "Fewer than 5 comparable firms have taken the quickscan so far" in text
    assert "Peer median" not in text
    assert "series-peer" not in response.content.decode()
    assert "peer group: fewer than 5 comparable firms" in text


def test_five_peers_of_the_same_country_size_and_sector_are_named_and_summarised(client, alice, result):
    peer_firms(5, d1_items=2)  # every peer: D1 = 10
    client.force_login(alice)
    response = client.get(url(result))
    text = text_of(response)
    page = response.content.decode()
    assert "Peer group: Companies of the same country, size and sector" in text
    assert "Netherlands · Small (10–49 employees) · NACE 28" in text
    assert "n = 5 firms" in text
    assert "series-peer" in page  # the peer median is the radar's second series
    view = response.context["view"]
    d1 = view.dimensions[0]
    assert (d1.peer.n, d1.peer.median, d1.peer.q1, d1.peer.q3) == (5, 10.0, 10.0, 10.0)
    assert d1.peer_position == "in the top quarter of the group"  # alice: 50 > 10
    assert "peer group: n = 5 firms" in text


def test_the_group_is_widened_when_the_sector_has_fewer_than_five_firms(client, alice, result):
    peer_firms(3)
    peer_firms(2, sector="25")
    peer_firms(5, country="DE")
    client.force_login(alice)
    view = client.get(url(result)).context["view"]
    assert view.peers.available and view.peers.widened
    assert view.peers.level == "Companies of the same country and size"
    assert view.peers.description == "Netherlands · Small (10–49 employees)"
    assert view.peers.n == 5
    assert "Fewer than 5 firms of the same country, size and sector" in view.peers.note


def test_a_firm_is_never_its_own_peer(alice, result):
    complete(org_of(alice), fast_follower_answers())  # the same firm again
    peer_firms(4)
    assert not assessment_view(result, lang="en").peers.available


# --- access --------------------------------------------------------------------------------------


def test_another_firms_member_gets_404(client, dora, result):
    client.force_login(dora)
    assert client.get(url(result)).status_code == 404


def test_a_visitor_without_the_session_gets_404(client, result):
    assert client.get(url(result)).status_code == 404


def test_an_advisor_sees_the_result_only_while_access_is_granted(client, alice, bob, result):
    client.force_login(bob)
    assert client.get(url(result)).status_code == 404
    grant = advisor_access_grant(organisation=result.organisation, advisor=org_of(bob), user=alice)
    assert client.get(url(result)).status_code == 200
    advisor_access_revoke(grant=grant)
    assert client.get(url(result)).status_code == 404
    assert AdvisorAccess.objects.filter(revoked_at__isnull=False).count() == 1


def test_staff_see_every_result(client, staff, result):
    client.force_login(staff)
    assert client.get(url(result)).status_code == 200


def test_a_draft_has_no_result_page(client, alice):
    draft = assessment_start(organisation=org_of(alice), language="en")
    client.force_login(alice)
    assert client.get(url(draft)).status_code == 404


def test_an_unknown_result_is_404(client, alice):
    client.force_login(alice)
    assert client.get("/en/quickscan/results/00000000-0000-0000-0000-000000000000/").status_code == 404


def _visitor_session(client, key: str) -> None:
    session = client.session
    session[ANONYMOUS_QUICKSCAN_KEY] = key
    session.save()


def test_a_visitor_sees_their_own_result_and_is_asked_to_sign_up(client, db):
    result = complete(None, builders.nothing_yet(), anonymous_key="visitor-key-1")
    _visitor_session(client, "visitor-key-1")
    response = client.get(url(result))
    assert response.status_code == 200
    text = text_of(response)
    assert "Keep this result" in text
    assert 'href="/en/accounts/signup/"' in response.content.decode()
    assert "History" not in text  # nothing stored yet to compare with
    assert "Late Follower" in text


def test_another_visitor_session_gets_404(client, db):
    result = complete(None, builders.nothing_yet(), anonymous_key="visitor-key-1")
    _visitor_session(client, "visitor-key-2")
    assert client.get(url(result)).status_code == 404


def test_a_signed_in_member_does_not_see_a_visitors_result(client, db):
    result = complete(None, builders.nothing_yet(), anonymous_key="visitor-key-1")
    client.force_login(make_user("eve@example.nl"))
    assert client.get(url(result)).status_code == 404


def test_a_frontrunner_at_the_top_stage_with_connected_technologies(client, alice):
    answers = builders.stages_yes(builders.nothing_yet(), 6)
    answers.update({"S.rd": "S.rd.own", "S.data_services": "S.data_services.in_use"})
    builders.use(answers, "in_use", "erp", "iot", "rfid")
    answers["T.links"] = [["T.use.erp", "T.use.iot"]]
    result = complete(org_of(alice), answers)
    client.force_login(alice)
    response = client.get(url(result))
    text = text_of(response)
    assert "Stage 6 of 6 reached: Adaptability" in text
    assert "This is the highest stage." in text
    assert "Every Frontrunner condition is met." in text
    assert "Island score 100%: 2 of the 2 technology clusters in use" in text
    assert "connected with Production planning" in text
    assert "Networked sensors and IoT ↔ ERP (enterprise resource planning)" in text
    view = response.context["view"]
    assert view.roadmap[-1].id == "lighthouse"
