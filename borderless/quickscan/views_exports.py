"""Quickscan downloads: the PDF report and the JSON export (same access rule as the result page)."""

from __future__ import annotations

import json
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from . import exports
from .presentation import assessment_view
from .views_result import viewable_assessment


@require_safe
def report_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    assessment = viewable_assessment(request, public_id)
    view = assessment_view(assessment, lang=get_language())
    pdf = exports.report_pdf(view, base_url=request.build_absolute_uri("/"))
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
