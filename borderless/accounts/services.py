"""Writes for accounts: sign-up and address confirmation, log-in limits, password-reset limits,
staff confirmation of roles, language preference."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderless.core.accounts import normalise_email
from borderless.core.throttle import LimitDecision
from borderless.organisations.models import Organisation, OrganisationKind
from borderless.organisations.services import membership_add, organisation_create

from .limits import (
    ACCOUNT_MAIL_ADDRESS,
    ACCOUNT_MAIL_CLIENT,
    LOGIN_ADDRESS,
    LOGIN_CLIENT,
    RESET_ADDRESS,
    RESET_CLIENT,
    Check,
    LimitScope,
    Reservation,
    limits_clear,
    limits_release,
    limits_reserve,
)
from .models import Role, User
from .selectors import address_digest, organisations_named_like

# An SME signs up for its company; other roles sign up for the organisation they work for.
ROLE_ORGANISATION_KINDS = {
    Role.SME: {OrganisationKind.COMPANY},
    Role.INTERMEDIARY: {
        OrganisationKind.INTERMEDIARY,
        OrganisationKind.KNOWLEDGE,
        OrganisationKind.FIELDLAB,
        OrganisationKind.HUB,
        OrganisationKind.OTHER,  # a chamber or an industry association that supports firms
    },
    Role.ANALYST: {OrganisationKind.AUTHORITY, OrganisationKind.KNOWLEDGE, OrganisationKind.INTERMEDIARY},
}
# Roles whose rights staff confirm; their organisation waits for staff too.
CONFIRMED_ROLES = (Role.INTERMEDIARY, Role.ANALYST)

CONFIRMATION_SALT = "borderless.accounts.email-confirmation"


def confirmation_max_age() -> int:
    """Seconds a confirmation link stays valid (three days unless the setting says otherwise)."""
    return int(getattr(settings, "ACCOUNT_CONFIRMATION_MAX_AGE_SECONDS", 3 * 24 * 3600))


class TooManyRequests(Exception):
    """One client asked too often; answer 429 with `retry_after_seconds`."""

    def __init__(self, decision: LimitDecision):
        super().__init__("too many requests")
        self.decision = decision

    @property
    def retry_after_seconds(self) -> int:
        return self.decision.retry_after_seconds


def _mail_allowed(*, address_scope: LimitScope, client_scope: LimitScope, address: str, client: str) -> bool:
    """Whether a mail to `address` may go; TooManyRequests when the client is over its own limit.

    The client's request counts even when the address's limit then stops the mail, so that one
    client cannot try address after address.
    """
    by_client = limits_reserve(Check(client_scope, client))
    if not by_client.allowed:
        raise TooManyRequests(by_client.decision)
    return limits_reserve(Check(address_scope, address)).allowed


# --- sign-up and confirmation of the address ----------------------------------------------------


def sign_up_request(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str,
    role: str = Role.SME,
    organisation: dict[str, Any],
    site_url: str,
    client: str,
) -> User | None:
    """Sign-up as the page offers it: the answer never tells whether the address has an account.

    A new address gets an account with the address unconfirmed and a mail with the confirmation
    link. An address that has an account gets nothing new; its owner gets a note instead. Both mails
    count towards the address's mail limit; over it nothing is created or sent. `site_url` is the
    scheme and host the links in the mail point to ("https://borderless.example").
    """
    address = normalise_email(email)
    allowed = _mail_allowed(
        address_scope=ACCOUNT_MAIL_ADDRESS, client_scope=ACCOUNT_MAIL_CLIENT, address=address, client=client
    )
    existing = User.objects.filter(email=address).first()
    if existing is not None or not allowed:
        make_password(password)  # the same work as for a new account, so the time tells nothing either
        if existing is not None and allowed and existing.is_active:
            _send(existing, "sign_up_existing", site_url=site_url)
        return None
    user = user_sign_up(
        email=address,
        password=password,
        full_name=full_name,
        language=language,
        role=role,
        organisation=organisation,
    )
    _send(user, "confirm_address", site_url=site_url, link=confirmation_link(user=user, site_url=site_url))
    return user


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
    """Create a person (address not yet confirmed) and the organisation they sign up for, as its manager.

    SME members are confirmed at once. Intermediary and analyst roles wait for staff, and so does the
    organisation they sign up for: until then it is not listed, not offered as an adviser and reads
    no client's data. An organisation whose name matches an existing one is flagged for review.
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
        email_verified_at=None,
    )
    needs_staff = role in CONFIRMED_ROLES
    org = organisation_create(
        **organisation,
        confirmed=not needs_staff,
        review_reason=_review_reason(organisation["name"]) if needs_staff else "",
    )
    membership_add(organisation=org, user=user, is_manager=True)
    return user


def _review_reason(name: str) -> str:
    matches = organisations_named_like(name=name)
    if not matches:
        return ""
    shown = ", ".join(f"{o.name} ({o.slug})" for o in matches[:5])
    # Staff read it in the admin; it is stored in the platform's default language.
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("The name matches an existing organisation: %(organisations)s") % {"organisations": shown}
    return reason[:300]


def confirmation_link(*, user: User, site_url: str) -> str:
    """The signed link that confirms `user`'s address, in the person's language."""
    token = signing.dumps({"user": user.pk, "address": address_digest(user.email)}, salt=CONFIRMATION_SALT)
    with translation.override(user.language):
        path = reverse("accounts:confirm_address", args=[token])
    return site_url.rstrip("/") + path


def user_email_verify(*, user: User) -> User:
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


def confirmation_resend(*, email: str, site_url: str, client: str) -> None:
    """Mail a new confirmation link if the address has an account that waits for it; else nothing.

    The caller answers the same in every case; TooManyRequests when the client asked too often.
    """
    address = normalise_email(email)
    allowed = _mail_allowed(
        address_scope=ACCOUNT_MAIL_ADDRESS, client_scope=ACCOUNT_MAIL_CLIENT, address=address, client=client
    )
    user = User.objects.filter(email=address, is_active=True, email_verified_at__isnull=True).first()
    if allowed and user is not None:
        _send(user, "confirm_address", site_url=site_url, link=confirmation_link(user=user, site_url=site_url))


def _send(user: User, template: str, *, site_url: str, **context: Any) -> None:
    """A plain-text mail from templates/accounts/email/<template>{_subject,}.txt in the person's language."""
    with translation.override(user.language):
        context = {
            "user": user,
            "site_url": site_url.rstrip("/"),
            "login_url": site_url.rstrip("/") + reverse("accounts:login"),
            "reset_url": site_url.rstrip("/") + reverse("accounts:password_reset"),
            "valid_days": max(1, confirmation_max_age() // 86400),
            **context,
        }
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()


# --- log-in --------------------------------------------------------------------------------------


def login_attempt_reserve(*, email: str, client: str) -> Reservation:
    """Count a log-in attempt before its password is checked; refused when the address or client is full.

    The event counts as a failure unless `login_succeeded` or `login_attempt_release` removes it.
    """
    return limits_reserve(Check(LOGIN_ADDRESS, normalise_email(email)), Check(LOGIN_CLIENT, client))


def login_succeeded(*, reservation: Reservation, user: User) -> None:
    """The password was right: this attempt and the earlier failures for the address no longer count."""
    limits_release(reservation=reservation)
    limits_clear(scope=LOGIN_ADDRESS, key=user.email)


def login_attempt_release(*, reservation: Reservation) -> None:
    """The attempt was no guess (right password, address not yet confirmed): it does not count."""
    limits_release(reservation=reservation)


# --- password reset ------------------------------------------------------------------------------


def password_reset_allowed(*, email: str, client: str) -> bool:
    """Whether a reset mail may go to `email`; TooManyRequests when the client asked too often."""
    return _mail_allowed(
        address_scope=RESET_ADDRESS, client_scope=RESET_CLIENT, address=normalise_email(email), client=client
    )


# --- staff confirmation --------------------------------------------------------------------------


@transaction.atomic
def confirmation_grant(*, users: Iterable[User] = (), organisations: Iterable[Organisation] = ()) -> tuple[int, int]:
    """Staff confirm people and organisations in one step; (people, organisations) newly confirmed.

    A person's requested role is confirmed together with the unconfirmed organisations they manage;
    an organisation together with the roles its managers requested.
    """
    user_ids = {u.pk for u in users}
    org_ids = {o.pk for o in organisations}
    org_ids |= set(
        Organisation.objects.filter(
            confirmed=False, memberships__user__in=user_ids, memberships__is_manager=True
        ).values_list("pk", flat=True)
    )
    user_ids |= set(
        User.objects.filter(
            memberships__organisation__in=org_ids, memberships__is_manager=True, role__in=CONFIRMED_ROLES
        ).values_list("pk", flat=True)
    )
    people = User.objects.filter(pk__in=user_ids, role_confirmed=False).update(role_confirmed=True)
    orgs = (
        Organisation.objects.filter(pk__in=org_ids)
        .filter(confirmed=False)
        .update(confirmed=True, review_reason="", updated_at=timezone.now())
    )
    return people, orgs


# --- preferences ---------------------------------------------------------------------------------


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
