"""Downloads of one assessment: the PDF report (WeasyPrint) and the JSON export.

The PDF is rendered from the same view-model as the result page (`presentation.assessment_view`),
with the charts as inline SVG and the DejaVu fonts that WeasyPrint finds through fontconfig.

Making a PDF takes about a second of an app server, so a report is kept in the database
(`ReportPdf`, per assessment and language) and sent again from there for a day, unless the
assessment or its organisation changed meanwhile. Reports made (not those sent from the store) are
limited per person, or per client for visitors (`accounts.limits.PDF_GENERATION`). Each report
states the day it was made.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from borderless.accounts.limits import PDF_GENERATION, Check, limits_reserve
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE
from borderless.core.text import bidi_controls_marked
from borderless.core.throttle import LimitDecision
from borderless.i18n.translation import translate

from .models import Assessment, ReportPdf
from .presentation import AssessmentView, assessment_view

JSON_FORMAT = "borderless-quickscan/1"
PDF_MAX_AGE = timedelta(days=1)


class PdfLimitReached(Exception):
    """Too many reports made by one person (or client) in a short time."""

    def __init__(self, decision: LimitDecision):
        super().__init__("too many PDF reports made")
        self.decision = decision


def report_html(view: AssessmentView, *, made_at: datetime | None = None) -> str:
    """The HTML of the PDF report; rendered in the view's language."""
    # Names typed by people may carry bidirectional controls; the PDF shows them as marks, as pages do.
    html = render_to_string("quickscan/report_pdf.html", {"view": view, "made_at": made_at or timezone.now()})
    return bidi_controls_marked(html)


def report_document(view: AssessmentView, *, base_url: str, made_at: datetime | None = None):
    """The laid-out WeasyPrint document (pages and boxes) of the report."""
    from weasyprint import HTML, URLFetcher  # imported here: it loads native libraries, which only the PDF needs

    # Everything the report shows is in its HTML (charts as inline SVG); it fetches nothing, from anywhere.
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=report_html(view, made_at=made_at), base_url=base_url, url_fetcher=fetcher).render()


def report_pdf(view: AssessmentView, *, base_url: str, made_at: datetime | None = None) -> bytes:
    return report_document(view, base_url=base_url, made_at=made_at).write_pdf()


def report_source(assessment: Assessment) -> str:
    """What a stored report was made from: it is out of date once this changes."""
    parts = [str(assessment.pk), assessment.updated_at.isoformat(), assessment.questionnaire_version]
    if assessment.organisation is not None:
        parts += [assessment.organisation.name, assessment.organisation.updated_at.isoformat()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def report_pdf_for(*, assessment: Assessment, lang: str, base_url: str, made_by: str) -> bytes:
    """The PDF report of `assessment` in `lang`: the stored one if it is current, else a new one.

    `made_by` is who a new report counts for (e.g. "user:12"); PdfLimitReached when they made too
    many lately. A stored report counts for no one.
    """
    now = timezone.now()
    source = report_source(assessment)
    stored = ReportPdf.objects.filter(
        assessment=assessment, language=lang, source=source, created_at__gt=now - PDF_MAX_AGE
    ).first()
    if stored is not None:
        return bytes(stored.content)
    reservation = limits_reserve(Check(PDF_GENERATION, made_by))
    if not reservation.allowed:
        raise PdfLimitReached(reservation.decision)
    made_at = timezone.now()
    pdf = report_pdf(assessment_view(assessment, lang=lang), base_url=base_url, made_at=made_at)
    ReportPdf.objects.update_or_create(
        assessment=assessment, language=lang, defaults={"source": source, "content": pdf, "created_at": made_at}
    )
    return pdf


def download_name(assessment: Assessment, extension: str) -> str:
    """A file name such as "quickscan-alice-precisietechniek-bv-2026-03-01.pdf"."""
    owner = slugify(assessment.organisation.name)[:60] if assessment.organisation else ""
    date = timezone.localdate(assessment.completed_at).isoformat()
    return "-".join(part for part in ("quickscan", owner, date) if part) + "." + extension


def assessment_export(assessment: Assessment, *, lang: str) -> dict[str, Any]:
    """One completed assessment as plain JSON, keyed by the DMA's dimension (D1…D6) and question ids.

    Titles and the method note are in `lang`; identifiers and figures do not depend on it.

    `answers` keeps the stored answers as they are: question ids as keys and item ids as values
    (for example "D1.Q2": ["D1.Q2.funding"]); the shapes are documented with the questionnaire.
    """
    result = assessment.result
    dimensions = {
        dim.id: {
            "title": translate(dim.title, lang),
            "score": result["dimensions"][dim.id],
            "questions": {
                qid: {"title": translate(QUESTIONNAIRE.question(qid).title, lang), "score": result["questions"][qid]}
                for qid in dim.question_ids
            },
        }
        for dim in QUESTIONNAIRE.dimensions
    }
    return {
        "format": JSON_FORMAT,
        "id": str(assessment.public_id),
        "organisation": assessment.organisation.name if assessment.organisation else None,
        "questionnaire_version": assessment.questionnaire_version,
        "language": assessment.language,
        "completed_at": assessment.completed_at.isoformat(),
        "company": result["company"],
        "overall": result["overall"],
        "band": result["band"],
        "dimensions": dimensions,
        "stage": result["stage"],
        "follower_group": result["follower_group"],
        "technology": result["technology"],
        "strategy": result["strategy"],
        "answers": assessment.answers,
        "method": _method_note(lang),
    }


def _method_note(lang: str) -> str:
    with translation.override(lang):
        return _(
            "EU Digital Maturity Assessment (SME version): question scores 0 to 10, dimension scores 0 to 100, "
            "overall score the mean of D1 to D6, all unrounded; acatech Industrie 4.0 stages 1 to 6; follower "
            "group by the rule in follower_group.rules. Source: the company's own answers in the Borderless "
            "quickscan."
        )
