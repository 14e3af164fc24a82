"""Downloads: the PDF report and the JSON export of one assessment."""

from __future__ import annotations

import json
import re

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from borderless.organisations.models import Organisation
from borderless.quickscan import exports
from borderless.quickscan.presentation import assessment_view
from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY, advisor_access_grant, advisor_access_revoke
from tests.core.quickscan import builders

from .completed import complete, fast_follower_answers, peer_firms

pytestmark = pytest.mark.django_db


def org_of(user) -> Organisation:
    return Organisation.objects.get(memberships__user=user)


@pytest.fixture
def result(alice):
    return complete(org_of(alice), fast_follower_answers())


def pdf_url(assessment, lang="en") -> str:
    return f"/{lang}/quickscan/results/{assessment.public_id}/report.pdf"


def json_url(assessment, lang="en") -> str:
    return f"/{lang}/quickscan/results/{assessment.public_id}/assessment.json"


def document_text(document) -> str:
    """The text WeasyPrint laid out on the pages of the report, in reading order."""
    words = [
        box.text
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(getattr(box, "text", None), str)
    ]
    return re.sub(r"\s+", " ", " ".join(words))


# --- PDF -----------------------------------------------------------------------------------------


def test_the_pdf_is_a_named_download(client, alice, result):
    client.force_login(alice)
    response = client.get(pdf_url(result))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert re.search(r'filename="quickscan-alice-precisietechniek-bv-\d{4}-\d{2}-\d{2}\.pdf"', disposition)


@pytest.mark.parametrize(
    ("lang", "dimension", "stage", "method"),
    [
        ("en", "Digital business strategy", "Connectivity", "questionnaire 2026.1"),
        ("de", "Digitale Geschäftsstrategie", "Konnektivität", "Fragebogen 2026.1"),
    ],
)
def test_the_pdf_text_has_the_firm_its_scores_and_roadmap_in_the_language(
    alice, result, lang, dimension, stage, method
):
    with translation.override(lang):
        view = assessment_view(result, lang=lang)
        text = document_text(exports.report_document(view, base_url="http://testserver/"))
        overall = floatformat(result.overall, 1)
    assert "Alice Precisietechniek B.V." in text
    assert overall in text  # "20.2" in English, "20,2" in German
    assert dimension in text and stage in text
    assert view.roadmap[0].title in text
    assert method in text  # the method and source line
    assert "Fast Follower" in text


def test_the_pdf_and_the_page_show_the_same_figures(client, alice, result):
    peer_firms(5, d1_items=4)
    client.force_login(alice)
    page_view = client.get(f"/en/quickscan/results/{result.public_id}/").context["view"]
    text = document_text(exports.report_document(page_view, base_url="http://testserver/"))
    assert "Peer group: Companies of the same country, size and sector" in text
    with translation.override("en"):
        assert floatformat(page_view.dimensions[0].peer.median, 1) in text
    assert "series-peer" in exports.report_html(page_view)  # the radar with the peer median, inline SVG
    assert "<svg" in exports.report_html(page_view)


def test_the_pdf_is_refused_like_the_result_page(client, alice, bob, dora, result):
    client.force_login(dora)
    assert client.get(pdf_url(result)).status_code == 404
    client.force_login(bob)
    assert client.get(pdf_url(result)).status_code == 404
    grant = advisor_access_grant(organisation=result.organisation, advisor=org_of(bob), user=alice)
    assert client.get(pdf_url(result)).status_code == 200
    advisor_access_revoke(grant=grant)
    assert client.get(pdf_url(result)).status_code == 404
    client.logout()
    assert client.get(pdf_url(result)).status_code == 404


def test_a_visitor_downloads_their_own_pdf_but_not_anothers(client, db):
    mine = complete(None, builders.nothing_yet(), anonymous_key="visitor-1")
    theirs = complete(None, builders.nothing_yet(), anonymous_key="visitor-2")
    session = client.session
    session[ANONYMOUS_QUICKSCAN_KEY] = "visitor-1"
    session.save()
    response = client.get(pdf_url(mine))
    assert response.status_code == 200
    assert 'filename="quickscan-' in response["Content-Disposition"]
    assert client.get(pdf_url(theirs)).status_code == 404
    assert client.get(json_url(theirs)).status_code == 404


# --- JSON ----------------------------------------------------------------------------------------


def test_the_json_export_uses_the_dma_identifiers(client, alice, result):
    client.force_login(alice)
    response = client.get(json_url(result, "de"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert re.search(
        r'^attachment; filename="quickscan-alice-precisietechniek-bv-[0-9-]+\.json"$', response["Content-Disposition"]
    )
    data = json.loads(response.content)
    assert data["organisation"] == "Alice Precisietechniek B.V."
    assert data["questionnaire_version"] == "2026.1"
    assert data["language"] == "en"  # the language the quickscan was taken in
    assert data["completed_at"] == result.completed_at.isoformat()
    assert data["overall"] == result.overall and data["band"] == "basic"
    assert list(data["dimensions"]) == ["D1", "D2", "D3", "D4", "D5", "D6"]
    questions = [qid for dim in data["dimensions"].values() for qid in dim["questions"]]
    assert questions == [f"D{d}.Q{q}" for d, q in [(1, 1), (1, 2), (2, 3), (2, 4), (3, 5), (3, 6), (4, 7), (4, 8)]] + [
        "D5.Q9",
        "D6.Q10",
        "D6.Q11",
    ]
    assert data["dimensions"]["D1"]["score"] == result.d1
    assert data["dimensions"]["D1"]["title"] == "Digitale Geschäftsstrategie"  # titles in the request language
    assert data["dimensions"]["D1"]["questions"]["D1.Q2"]["score"] == 10.0
    assert data["answers"]["D1.Q2"] == builders.all_ticked("D1.Q2")  # item ids
    assert data["answers"]["T.use"]["T.use.erp"] == "in_use"
    assert data["stage"]["reached"] == 2
    assert data["follower_group"]["group"] == "fast_follower"
    assert data["company"] == {"size_class": "small", "sector": "28", "country": "NL", "region": "NL213"}


def test_the_json_is_refused_like_the_result_page(client, alice, bob, dora, result):
    client.force_login(dora)
    assert client.get(json_url(result)).status_code == 404
    client.force_login(bob)
    assert client.get(json_url(result)).status_code == 404
    client.logout()
    assert client.get(json_url(result)).status_code == 404
