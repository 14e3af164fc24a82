"""Partners for my organisation: the matcher's top ten, each explained component by component."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from .selectors import matching_organisation_get, matching_organisations, partner_recommendations


@login_required
@require_safe
def recommendations(request: HttpRequest) -> HttpResponse:
    organisation = matching_organisation_get(user=request.user, slug=request.GET.get("organisation", ""))
    if organisation is None:
        return render(request, "matching/recommendations.html", {"result": None, "organisations": []})
    # "also my own country" is a checkbox: present (any value) means yes, as a browser sends it.
    across_border = "own_country" not in request.GET
    result = partner_recommendations(
        organisation=organisation, user=request.user, lang=get_language(), across_border=across_border
    )
    return render(
        request,
        "matching/recommendations.html",
        {"result": result, "organisations": matching_organisations(user=request.user)},
    )
