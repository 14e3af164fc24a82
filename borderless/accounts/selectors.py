"""Reads for accounts: confirmation links, pending staff confirmation, names to review."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import signing
from django.db.models import Q
from django.utils.crypto import constant_time_compare, salted_hmac

from borderless.core.names import LEGAL_FORMS, name_key
from borderless.organisations.models import Organisation, OrganisationKind

from .models import Role, User


@dataclass(frozen=True)
class ConfirmationLink:
    """What a confirmation link says: whose address, and whether it can still be used."""

    user: User | None
    expired: bool = False

    @property
    def valid(self) -> bool:
        return self.user is not None and not self.expired


def address_digest(email: str) -> str:
    """Stands for the address in a confirmation link, so that the link names no address (server logs)."""
    return salted_hmac("borderless.accounts.confirmation-address", email).hexdigest()[:24]


def confirmation_link_read(*, token: str, max_age: int, salt: str) -> ConfirmationLink:
    """The account a confirmation link was made for, if the link is genuine, current and still for its address."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        return ConfirmationLink(user=None, expired=True)
    except signing.BadSignature:
        return ConfirmationLink(user=None)
    if not isinstance(data, dict):
        return ConfirmationLink(user=None)
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or not constant_time_compare(str(data.get("address", "")), address_digest(user.email)):
        # Unknown, or made for an address the account no longer has.
        return ConfirmationLink(user=None)
    return ConfirmationLink(user=user)


def unconfirmed_organisations(*, user) -> list[Organisation]:
    """The user's organisations that staff have not confirmed yet, by name."""
    if not user.is_authenticated:
        return []
    return list(Organisation.objects.filter(memberships__user=user, confirmed=False).order_by("name", "pk"))


def confirmation_pending(*, user) -> bool:
    """An intermediary or analyst whose role or organisation staff have not confirmed yet."""
    if not user.is_authenticated or user.is_staff or user.role not in (Role.INTERMEDIARY, Role.ANALYST):
        return False
    return not user.role_confirmed or bool(unconfirmed_organisations(user=user))


def organisations_named_like(*, name: str) -> list[Organisation]:
    """Organisations whose name is `name` written differently (see `core.names`), by name.

    Compared with every organisation that is not a company, and with the companies whose name
    contains the new name's longest word (so that a region of 550,000 firms is not read in full).
    """
    key = name_key(name)
    if not key:
        return []
    words = [w for w in re.findall(r"\w+", name) if name_key(w) not in LEGAL_FORMS]
    candidates = ~Q(kind=OrganisationKind.COMPANY)
    longest = max(words, key=len, default="")
    if len(longest) >= 3:
        candidates |= Q(name__icontains=longest)
    rows = Organisation.objects.filter(candidates).only("pk", "name", "slug").order_by("name", "pk")
    return [org for org in rows if name_key(org.name) == key]
