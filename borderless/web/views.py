from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from borderless.accounts.language import redirect_in_language
from borderless.accounts.selectors import confirmation_pending
from borderless.accounts.services import user_set_language
from borderless.network.access import can_use_monitor
from borderless.network.own import my_networks
from borderless.organisations.selectors import user_organisations
from borderless.quickscan.selectors import latest_assessments

from .selectors import platform_figures


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"figures": platform_figures()})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    organisations = list(user_organisations(user=request.user))
    latest = latest_assessments(organisations=organisations)
    networks = my_networks(organisations=organisations)
    for organisation in organisations:
        organisation.latest_assessment = latest.get(organisation.pk)
        organisation.own_network = networks.get(organisation.pk)
    return render(
        request,
        "web/dashboard.html",
        {
            "organisations": organisations,
            "confirmation_pending": confirmation_pending(user=request.user),
            "network_monitor": can_use_monitor(request.user),
        },
    )


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch to another language and stay on the same page; remembered for signed-in users."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    next_url = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    response = redirect_in_language(next_url, language)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language)
    return response
