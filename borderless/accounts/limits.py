"""Limits for the whole platform, kept in the database so that every app server counts the same events.

A limit allows a number of events of one scope per key (an e-mail address, a client address, a
person) within a sliding window; the rule is `borderless.core.throttle`. `limits_reserve` counts the
window and stores the new event in one transaction while it holds the lock row of every key it
checks (SELECT … FOR UPDATE on PostgreSQL, taken in a fixed order; on SQLite every transaction
begins IMMEDIATE, which serialises them). So two requests can never both see room for the last
event: one waits until the other has stored its event or given up.

A request that is refused stores nothing. An event that turns out not to count (a log-in whose
password was right) is removed again with `limits_release`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.utils import timezone

from borderless.core.network_address import Network, client_address, parse_networks
from borderless.core.throttle import ALLOWED, Limit, LimitDecision, strictest, window_decision

from .models import LimitEvent, LimitLock

KEY_LENGTH = LimitEvent._meta.get_field("key").max_length


@dataclass(frozen=True)
class LimitScope:
    """What is limited, and the settings (with their defaults) that say how much per how long."""

    name: str
    count_setting: str
    default_count: int | Callable[[], int]
    window_setting: str
    default_window_seconds: int

    def limit(self) -> Limit:
        default = self.default_count() if callable(self.default_count) else self.default_count
        count = int(getattr(settings, self.count_setting, default))
        seconds = int(getattr(settings, self.window_setting, self.default_window_seconds))
        return Limit(count=count, window=timedelta(seconds=seconds))


def _login_limit() -> int:
    return int(getattr(settings, "LOGIN_FAILURE_LIMIT", 5))


# Failed log-ins per address, and per client (higher: an office shares one address).
LOGIN_ADDRESS = LimitScope("login-address", "LOGIN_FAILURE_LIMIT", 5, "LOGIN_FAILURE_WINDOW_SECONDS", 900)
LOGIN_CLIENT = LimitScope(
    "login-client", "LOGIN_CLIENT_FAILURE_LIMIT", lambda: 4 * _login_limit(), "LOGIN_FAILURE_WINDOW_SECONDS", 900
)
# Password-reset mails per address and requests per client.
RESET_ADDRESS = LimitScope("reset-address", "PASSWORD_RESET_ADDRESS_LIMIT", 3, "PASSWORD_RESET_WINDOW_SECONDS", 3600)
RESET_CLIENT = LimitScope("reset-client", "PASSWORD_RESET_CLIENT_LIMIT", 10, "PASSWORD_RESET_WINDOW_SECONDS", 3600)
# Sign-up and confirmation mails (the link, its resending, the note to an existing account's owner).
ACCOUNT_MAIL_ADDRESS = LimitScope(
    "account-mail-address", "ACCOUNT_MAIL_ADDRESS_LIMIT", 3, "ACCOUNT_MAIL_WINDOW_SECONDS", 3600
)
ACCOUNT_MAIL_CLIENT = LimitScope(
    "account-mail-client", "ACCOUNT_MAIL_CLIENT_LIMIT", 10, "ACCOUNT_MAIL_WINDOW_SECONDS", 3600
)
# PDF reports made (not served from the cache) per person or, for visitors, per client.
PDF_GENERATION = LimitScope("quickscan-pdf", "QUICKSCAN_PDF_LIMIT", 10, "QUICKSCAN_PDF_WINDOW_SECONDS", 600)

SCOPES = (
    LOGIN_ADDRESS,
    LOGIN_CLIENT,
    RESET_ADDRESS,
    RESET_CLIENT,
    ACCOUNT_MAIL_ADDRESS,
    ACCOUNT_MAIL_CLIENT,
    PDF_GENERATION,
)


@dataclass(frozen=True)
class Check:
    scope: LimitScope
    key: str


@dataclass(frozen=True)
class Reservation:
    """The answer of `limits_reserve`: allowed (and the events stored) or refused (nothing stored)."""

    decision: LimitDecision
    refused_by: frozenset[str]  # names of the scopes that were full
    event_ids: tuple[int, ...]

    @property
    def allowed(self) -> bool:
        return self.decision.allowed

    @property
    def retry_after_seconds(self) -> int:
        return self.decision.retry_after_seconds


def stored_key(key: str) -> str:
    """The key as stored: itself, or a digest when it is too long or holds control characters."""
    if len(key) <= KEY_LENGTH and key.isprintable():
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def limits_reserve(*checks: Check) -> Reservation:
    """Count one event for every check, or for none of them if any limit is full.

    Checks with an empty key are left out (there is nothing to count them for).
    """
    wanted = {(c.scope.name, stored_key(c.key)): c.scope for c in checks if c.key}
    if not wanted:
        return Reservation(decision=ALLOWED, refused_by=frozenset(), event_ids=())
    order = sorted(wanted)
    # The lock rows exist before the counting transaction, each committed on its own: creating
    # them inside it could make two transactions wait for each other's new rows.
    for scope, key in order:
        LimitLock.objects.get_or_create(scope=scope, key=key)
    with transaction.atomic():
        _lock(order)
        now = timezone.now()  # after the locks: a request that waited counts from when it may go
        decisions: dict[str, LimitDecision] = {}
        for scope, key in order:
            limit = wanted[(scope, key)].limit()
            events = LimitEvent.objects.filter(scope=scope, key=key)
            events.filter(at__lte=now - limit.window).delete()
            decisions[scope] = window_decision(list(events.values_list("at", flat=True)), now=now, limit=limit)
        overall = strictest(decisions.values())
        if not overall.allowed:
            refused = frozenset(scope for scope, decision in decisions.items() if not decision.allowed)
            return Reservation(decision=overall, refused_by=refused, event_ids=())
        created = [LimitEvent.objects.create(scope=scope, key=key, at=now) for scope, key in order]
    return Reservation(decision=overall, refused_by=frozenset(), event_ids=tuple(e.pk for e in created))


def _lock(order: list[tuple[str, str]]) -> None:
    """Take the lock rows of `order` (sorted) in that order, creating any pruned in the meantime."""
    match = Q()
    for scope, key in order:
        match |= Q(scope=scope, key=key)
    locked = set(
        LimitLock.objects.select_for_update().filter(match).order_by("scope", "key").values_list("scope", "key")
    )
    missing = [pair for pair in order if pair not in locked]
    for scope, key in missing:
        LimitLock.objects.get_or_create(scope=scope, key=key)
    if missing:
        list(LimitLock.objects.select_for_update().filter(match).order_by("scope", "key").values_list("pk"))


def limits_release(*, reservation: Reservation) -> None:
    """Remove the events a reservation stored: what they counted did not happen after all."""
    if reservation.event_ids:
        LimitEvent.objects.filter(pk__in=reservation.event_ids).delete()


def limits_clear(*, scope: LimitScope, key: str) -> None:
    """Forget every event of one key (a successful log-in clears its address's failures)."""
    LimitEvent.objects.filter(scope=scope.name, key=stored_key(key)).delete()


def limits_prune() -> tuple[int, int]:
    """Delete events that no window counts any more and lock rows without events; (events, locks)."""
    now = timezone.now()
    events = 0
    for scope in SCOPES:
        deleted, _ = LimitEvent.objects.filter(scope=scope.name, at__lte=now - scope.limit().window).delete()
        events += deleted
    unknown, _ = LimitEvent.objects.exclude(scope__in=[s.name for s in SCOPES]).delete()
    has_events = LimitEvent.objects.filter(scope=OuterRef("scope"), key=OuterRef("key"))
    locks, _ = LimitLock.objects.exclude(Exists(has_events)).delete()
    return events + unknown, locks


# --- who the client is ---------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


def trusted_proxies() -> tuple[Network, ...]:
    """The networks of settings.TRUSTED_PROXIES (checked at start-up by `checks.trusted_proxies_check`)."""
    return _trusted(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def request_client(request: HttpRequest) -> str:
    """The client's address: the connection's, or behind trusted proxies the one they forwarded."""
    return (
        client_address(
            remote_addr=request.META.get("REMOTE_ADDR"),
            forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR"),
            trusted=trusted_proxies(),
        )
        or ""
    )
