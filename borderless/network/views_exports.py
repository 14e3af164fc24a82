"""Downloads of the network for analysts, and the public page of its aggregates."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from borderless.core.network.texts import NEWCOMER_REASONS, PHASE_TITLES
from borderless.i18n.translation import translate

from .access import can_use_monitor
from .exports import FORMATS, NetworkRequestError, export_file
from .public import MIN_GROUP, public_figures


@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """A GEXF, GraphML or CSV file of a part of the network (or the table of organisations)."""
    if not can_use_monitor(request.user):
        raise PermissionDenied
    if fmt not in FORMATS:
        raise Http404
    try:
        file = export_file(fmt=fmt, params=request.GET)
    except NetworkRequestError as error:
        if error.status == 404:
            raise Http404(error.detail) from None
        return HttpResponse(error.detail, status=error.status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    """Aggregates of the current computation for everyone: no names, no group under MIN_GROUP."""
    context = {
        "figures": public_figures(),
        "min_group": MIN_GROUP,
        "phase_titles": [translate(title) for title in PHASE_TITLES.values()],
        "newcomer_reasons": {code: translate(text) for code, text in NEWCOMER_REASONS.items()},
    }
    return render(request, "network/public.html", context)
