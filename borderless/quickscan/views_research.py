"""The analysts' research export: consented quickscan results, de-identified (see `research`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from borderless.accounts.models import Role

from .research import research_csv_write, research_filename, research_rows


def can_export_research(user) -> bool:
    """Confirmed analysts and staff; an unconfirmed analyst counts as an SME member."""
    return user.is_authenticated and (user.is_staff or user.effective_role == Role.ANALYST)


@require_GET
@login_required
def research_csv(request: HttpRequest) -> HttpResponse:
    if not can_export_research(request.user):
        return render(request, "quickscan/research_forbidden.html", status=403)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{research_filename()}"'
    response["Cache-Control"] = "private, no-store"
    research_csv_write(research_rows(), response)
    return response
