"""Writes for accounts: sign-up, log-in throttling, language preference."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borderless.core.throttle import ThrottleDecision, login_throttle
from borderless.organisations.models import OrganisationKind
from borderless.organisations.services import membership_add, organisation_create

from .models import LoginFailure, Role, User

# An SME signs up for its company; other roles sign up for the organisation they work for.
ROLE_ORGANISATION_KINDS = {
    Role.SME: {OrganisationKind.COMPANY},
    Role.INTERMEDIARY: {
        OrganisationKind.INTERMEDIARY,
        OrganisationKind.KNOWLEDGE,
        OrganisationKind.FIELDLAB,
        OrganisationKind.HUB,
    },
    Role.ANALYST: {OrganisationKind.AUTHORITY, OrganisationKind.KNOWLEDGE, OrganisationKind.INTERMEDIARY},
}


@transaction.atomic
def user_sign_up(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str,
    role: str = Role.SME,
    organisation: dict[str, Any],
) -> User:
    """Create a person and the organisation they sign up for, with them as its manager.

    SME members are confirmed at once; intermediary and analyst roles wait for staff.
    """
    if role not in ROLE_ORGANISATION_KINDS:
        raise ValueError(f"role {role!r} cannot be chosen at sign-up")
    if organisation["kind"] not in ROLE_ORGANISATION_KINDS[role]:
        raise ValueError(f"role {role!r} does not sign up for a {organisation['kind']!r}")
    user = User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name.strip(),
        language=language,
        role=role,
        role_confirmed=(role == Role.SME),
    )
    org = organisation_create(**organisation)
    membership_add(organisation=org, user=user, is_manager=True)
    return user


def user_set_language(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def user_update_profile(*, user: User, full_name: str, language: str) -> User:
    user.full_name = full_name.strip()
    user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "language"])
    return user


def _window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def login_throttle_status(*, email: str, ip_address: str | None) -> ThrottleDecision:
    """Whether log-ins for this address (or from this client) are paused after repeated failures."""
    now = timezone.now()
    since = now - _window()
    decisions = []
    by_email = LoginFailure.objects.filter(email=email.strip().lower(), at__gt=since).values_list("at", flat=True)
    decisions.append(login_throttle(list(by_email), now=now, limit=settings.LOGIN_FAILURE_LIMIT, window=_window()))
    if ip_address:
        # A client trying many addresses is paused too, with a higher allowance for shared offices.
        by_ip = LoginFailure.objects.filter(ip_address=ip_address, at__gt=since).values_list("at", flat=True)
        decisions.append(login_throttle(list(by_ip), now=now, limit=settings.LOGIN_FAILURE_LIMIT * 4, window=_window()))
    locked = [d for d in decisions if d.locked]
    if not locked:
        return ThrottleDecision(locked=False, retry_after_seconds=0)
    return max(locked, key=lambda d: d.retry_after_seconds)


def login_failure_record(*, email: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(email=email.strip().lower()[:254], ip_address=ip_address or None)
    # Old failures no longer count; drop them so the table stays small.
    LoginFailure.objects.filter(at__lt=timezone.now() - 2 * _window()).delete()


def login_failures_clear(*, email: str) -> None:
    LoginFailure.objects.filter(email=email.strip().lower()).delete()
