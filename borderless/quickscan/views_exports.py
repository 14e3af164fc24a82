"""Quickscan downloads: the PDF report and the JSON export (same access rule as the result page)."""

from __future__ import annotations

import json
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_safe

from borderless.accounts.limits import request_client
from borderless.core.throttle import retry_after_minutes

from . import exports
from .views_result import viewable_assessment


def _made_by(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"client:{request_client(request)}"


@require_safe
def report_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    assessment = viewable_assessment(request, public_id)
    try:
        pdf = exports.report_pdf_for(
            assessment=assessment,
            lang=get_language(),
            base_url=request.build_absolute_uri("/"),
            made_by=_made_by(request),
        )
    except exports.PdfLimitReached as limit:
        minutes = retry_after_minutes(limit.decision)
        message = ngettext(
            "You have asked for many PDF reports in a short time. Please try again in %(minutes)d minute.",
            "You have asked for many PDF reports in a short time. Please try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        response = render(
            request, "quickscan/pdf_limited.html", {"assessment": assessment, "message": message}, status=429
        )
        response["Retry-After"] = str(limit.decision.retry_after_seconds)
        return response
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exports.download_name(assessment, "pdf")}"'
    return response


@require_safe
def assessment_json(request: HttpRequest, public_id: UUID) -> HttpResponse:
    assessment = viewable_assessment(request, public_id)
    body = json.dumps(exports.assessment_export(assessment, lang=get_language()), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.download_name(assessment, "json")}"'
    return response
