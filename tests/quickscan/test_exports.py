"""Downloads: the PDF report and the JSON export of one assessment."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.template.defaultfilters import floatformat
from django.utils import formats, timezone, translation

from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add, organisation_update
from borderless.quickscan import exports
from borderless.quickscan.models import ReportPdf
from borderless.quickscan.presentation import assessment_view
from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY, advisor_access_grant, advisor_access_revoke
from tests.conftest import make_user
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


# --- the stored PDF and the limit ----------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_states_the_day_it_was_made(client, alice, result):
    client.force_login(alice)
    content = client.get(pdf_url(result)).content
    with translation.override("en"):
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Report made on {today}." in " ".join(pdf_text(content).split())


def test_the_same_pdf_is_sent_again_from_the_store(client, alice, result):
    client.force_login(alice)
    first = client.get(pdf_url(result))
    second = client.get(pdf_url(result))
    assert second.status_code == 200 and second.content == first.content
    [stored] = ReportPdf.objects.all()
    assert bytes(stored.content) == first.content and stored.language == "en"
    # Another language is another report.
    german = client.get(pdf_url(result, "de"))
    assert german.content != first.content
    assert sorted(ReportPdf.objects.values_list("language", flat=True)) == ["de", "en"]


def test_a_pdf_older_than_a_day_is_made_again(client, alice, result):
    client.force_login(alice)
    client.get(pdf_url(result))
    ReportPdf.objects.update(created_at=timezone.now() - timedelta(days=1, minutes=1), content=b"%PDF-old")
    response = client.get(pdf_url(result))
    assert response.content != b"%PDF-old" and response.content.startswith(b"%PDF-")
    assert ReportPdf.objects.get().created_at > timezone.now() - timedelta(minutes=1)


def test_a_pdf_is_made_again_when_the_organisation_changes(client, alice, result):
    client.force_login(alice)
    client.get(pdf_url(result))
    organisation_update(organisation=result.organisation, name="Alice Precision B.V.")
    result.refresh_from_db()
    response = client.get(pdf_url(result))
    assert "Alice Precision B.V." in pdf_text(response.content)
    assert ReportPdf.objects.count() == 1


def test_making_pdfs_is_limited_per_person_but_stored_ones_are_not(client, alice, result, settings):
    settings.QUICKSCAN_PDF_LIMIT = 2
    client.force_login(alice)
    for _ in range(4):
        assert client.get(pdf_url(result)).status_code == 200  # made once, then from the store
    assert client.get(pdf_url(result, "de")).status_code == 200  # made: the second
    response = client.get(pdf_url(result, "nl"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    with translation.override("nl"):
        expected = translation.ngettext(
            "You have asked for many PDF reports in a short time. Please try again in %(minutes)d minute.",
            "You have asked for many PDF reports in a short time. Please try again in %(minutes)d minutes.",
            10,
        ) % {"minutes": 10}
    assert expected in response.content.decode()
    assert not ReportPdf.objects.filter(language="nl").exists()
    # Stored reports are still sent.
    assert client.get(pdf_url(result, "de")).status_code == 200
    # Another person has an allowance of their own.
    colleague = make_user("colleague@example.nl")
    membership_add(organisation=result.organisation, user=colleague)
    client.force_login(colleague)
    assert client.get(pdf_url(result, "nl")).status_code == 200


def test_a_right_to_left_override_in_the_firm_name_shows_as_a_mark_in_the_pdf(alice, result):
    organisation = result.organisation
    organisation.name = "Alice \u202egpj.exe B.V."
    organisation.save(update_fields=["name"])
    result.refresh_from_db()
    view = assessment_view(result, lang="en")
    text = document_text(exports.report_document(view, base_url="http://testserver/"))
    assert "\u202e" not in text
    assert "[U+202E]" in text
