"""The progress page of a job and the small JSON endpoint its script polls."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .selectors import job_for_viewer, job_result_url, job_status

# Seconds between two reloads of the page without script (the script itself polls every second).
REFRESH_SECONDS = 3


@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = job_for_viewer(pk=pk, user=request.user)
    return render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "status": job_status(job=job),
            "result_url": job_result_url(job=job),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@login_required
@require_safe
def status(request: HttpRequest, pk: int) -> JsonResponse:
    job = job_for_viewer(pk=pk, user=request.user)
    return JsonResponse(job_status(job=job), json_dumps_params={"ensure_ascii": False})
