from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY, assessment_attach
from borderless.web.i18n import redirect_in_language

from . import services
from .forms import EmailAuthenticationForm, ProfileForm, SignUpForm


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def _redirect_in_language(request: HttpRequest, url: str, language: str) -> HttpResponse:
    """Redirect to `url` in the user's language and remember it in the language cookie."""
    translation.activate(language)
    return redirect_in_language(url, language)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = SignUpForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.user_sign_up(
            email=data["email"],
            password=data["password1"],
            full_name=data["full_name"],
            language=data["language"],
            role=data["role"],
            organisation=form.profile_data(),
        )
        anonymous_key = request.session.get(ANONYMOUS_QUICKSCAN_KEY, "")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        assessment_attach(anonymous_key=anonymous_key, organisation=user.organisations.get(), user=user)
        messages.success(request, _("Welcome to Borderless. Your account and your organisation's profile are ready."))
        return _redirect_in_language(request, reverse("web:dashboard"), user.language)
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = EmailAuthenticationForm(request, data=request.POST or None)
    status = 200
    if request.method == "POST":
        email = request.POST.get("username", "")
        ip = _client_ip(request)
        throttle = services.login_throttle_status(email=email, ip_address=ip)
        if throttle.locked:
            minutes = max(1, (throttle.retry_after_seconds + 59) // 60)
            form.errors.clear()
            form.add_error(
                None,
                ngettext(
                    "Too many failed log-ins. Please try again in %(minutes)d minute or reset your password.",
                    "Too many failed log-ins. Please try again in %(minutes)d minutes or reset your password.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            response = render(request, "accounts/login.html", {"form": form}, status=429)
            response["Retry-After"] = str(throttle.retry_after_seconds)
            return response
        if form.is_valid():
            user = form.get_user()
            anonymous_key = request.session.get(ANONYMOUS_QUICKSCAN_KEY, "")
            login(request, user)
            organisation = user.organisations.order_by("memberships__created_at").first()
            if organisation is not None:
                assessment_attach(anonymous_key=anonymous_key, organisation=organisation, user=user)
            services.login_failures_clear(email=user.email)
            return _redirect_in_language(request, _safe_next(request, reverse("web:dashboard")), user.language)
        services.login_failure_record(email=email, ip_address=ip)
        status = 400
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update_profile(
            user=request.user, full_name=form.cleaned_data["full_name"], language=form.cleaned_data["language"]
        )
        with translation.override(user.language):
            messages.success(request, _("Your settings have been saved."))
        return _redirect_in_language(request, reverse("accounts:profile"), user.language)
    return render(request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200)
