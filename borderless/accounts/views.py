from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from borderless.core.throttle import LimitDecision, retry_after_minutes

from . import selectors, services
from .forms import ConfirmationResendForm, EmailAuthenticationForm, ProfileForm, SignUpForm
from .language import redirect_in_language
from .limits import request_client

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def _redirect_in_language(request: HttpRequest, url: str, language: str) -> HttpResponse:
    """Redirect to `url` in the user's language and remember it in the language cookie."""
    translation.activate(language)
    return redirect_in_language(url, language)


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _retry_message(decision: LimitDecision) -> str:
    minutes = retry_after_minutes(decision)
    return ngettext(
        "You have asked for this too often. Please try again in %(minutes)d minute.",
        "You have asked for this too often. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def too_many_requests(request: HttpRequest, decision: LimitDecision, *, message: str = "") -> HttpResponse:
    """429 with Retry-After and a page that says how long to wait, in the page's language."""
    response = render(
        request, "accounts/too_many_requests.html", {"message": message or _retry_message(decision)}, status=429
    )
    response["Retry-After"] = str(decision.retry_after_seconds)
    return response


# --- sign-up and confirmation of the address ----------------------------------------------------


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = SignUpForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.sign_up_request(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                language=data["language"],
                role=data["role"],
                organisation=form.profile_data(),
                site_url=_site_url(request),
                client=request_client(request),
            )
        except services.TooManyRequests as limit:
            return too_many_requests(request, limit.decision)
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/check_mail.html", {"sent": "signup", "valid_days": services.confirmation_max_age() // 86400}
    )


@require_safe
def confirm_address(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the sign-up mail: confirms the address, logs the person in, lands on the overview."""
    link = selectors.confirmation_link_read(
        token=token, max_age=services.confirmation_max_age(), salt=services.CONFIRMATION_SALT
    )
    if not link.valid:
        form = ConfirmationResendForm()
        return render(request, "accounts/confirm_invalid.html", {"form": form, "expired": link.expired}, status=400)
    user = link.user
    if user.email_verified:
        # A link works once; after that the person logs in with their password.
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect("web:dashboard")
        return render(request, "accounts/confirm_done_before.html")
    services.user_email_verify(user=user)
    login(request, user, backend=BACKEND)
    with translation.override(user.language):
        messages.success(request, _("Welcome to Borderless. Your account and your organisation's profile are ready."))
    return _redirect_in_language(request, reverse("web:dashboard"), user.language)


@require_http_methods(["GET", "POST"])
def confirmation_resend(request: HttpRequest) -> HttpResponse:
    form = ConfirmationResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confirmation_resend(
                email=form.cleaned_data["email"], site_url=_site_url(request), client=request_client(request)
            )
        except services.TooManyRequests as limit:
            return too_many_requests(request, limit.decision)
        return redirect("accounts:confirmation_sent")
    return render(request, "accounts/confirmation_resend.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def confirmation_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/check_mail.html", {"sent": "resend", "valid_days": services.confirmation_max_age() // 86400}
    )


# --- log-in --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = EmailAuthenticationForm(request, data=request.POST or None)
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    if request.method != "POST":
        return render(request, "accounts/login.html", context)
    # The attempt is counted before the password is checked, in one step with the count: however
    # many arrive at once, no more than the limit are ever checked against the password.
    reservation = services.login_attempt_reserve(email=request.POST.get("username", ""), client=request_client(request))
    if not reservation.allowed:
        minutes = retry_after_minutes(reservation.decision)
        form.refuse(
            ngettext(
                "Too many failed log-ins. Please try again in %(minutes)d minute or reset your password.",
                "Too many failed log-ins. Please try again in %(minutes)d minutes or reset your password.",
                minutes,
            )
            % {"minutes": minutes},
        )
        response = render(request, "accounts/login.html", context, status=429)
        response["Retry-After"] = str(reservation.retry_after_seconds)
        return response
    if form.is_valid():
        user = form.get_user()
        services.login_succeeded(reservation=reservation, user=user)
        login(request, user)
        return _redirect_in_language(request, _safe_next(request, reverse("web:dashboard")), user.language)
    if form.needs_confirmation:
        services.login_attempt_release(reservation=reservation)
    return render(request, "accounts/login.html", context, status=400)


# --- password reset ------------------------------------------------------------------------------


class PasswordResetRequestView(auth_views.PasswordResetView):
    """Django's reset page with limits: per client (429) and per address (the same answer, no mail)."""

    def form_valid(self, form):
        try:
            allowed = services.password_reset_allowed(
                email=form.cleaned_data["email"], client=request_client(self.request)
            )
        except services.TooManyRequests as limit:
            return too_many_requests(self.request, limit.decision)
        if not allowed:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password set through the mailed link also confirms the address it was mailed to."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_email_verify(user=form.user)
        return response


# --- settings ------------------------------------------------------------------------------------


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
