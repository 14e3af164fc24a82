"""The limits mechanism itself: reserve, refuse without storing, release, prune."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from borderless.accounts.limits import (
    LOGIN_ADDRESS,
    LOGIN_CLIENT,
    PDF_GENERATION,
    Check,
    limits_clear,
    limits_release,
    limits_reserve,
    stored_key,
)
from borderless.accounts.models import LimitEvent, LimitLock

pytestmark = pytest.mark.django_db


def events(scope=None) -> int:
    rows = LimitEvent.objects.all()
    return (rows.filter(scope=scope.name) if scope else rows).count()


def test_events_are_counted_until_the_limit_then_refused_without_storing(settings):
    settings.QUICKSCAN_PDF_LIMIT = 2
    first, second, third = (limits_reserve(Check(PDF_GENERATION, "user:1")) for _ in range(3))
    assert first.allowed and second.allowed and not third.allowed
    assert third.refused_by == {PDF_GENERATION.name}
    assert 0 < third.retry_after_seconds <= 600
    assert events(PDF_GENERATION) == 2
    # Another key has its own allowance.
    assert limits_reserve(Check(PDF_GENERATION, "user:2")).allowed


def test_one_full_key_refuses_the_whole_reservation(settings):
    settings.LOGIN_FAILURE_LIMIT = 1
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 10
    limits_reserve(Check(LOGIN_ADDRESS, "a@example.org"), Check(LOGIN_CLIENT, "192.0.2.1"))
    refused = limits_reserve(Check(LOGIN_ADDRESS, "a@example.org"), Check(LOGIN_CLIENT, "192.0.2.1"))
    assert not refused.allowed and refused.refused_by == {LOGIN_ADDRESS.name}
    assert events(LOGIN_CLIENT) == 1  # the refused attempt did not count for the client either


def test_released_and_cleared_events_no_longer_count(settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    kept = limits_reserve(Check(LOGIN_ADDRESS, "a@example.org"))
    released = limits_reserve(Check(LOGIN_ADDRESS, "a@example.org"))
    limits_release(reservation=released)
    assert events(LOGIN_ADDRESS) == 1 and kept.allowed
    assert limits_reserve(Check(LOGIN_ADDRESS, "a@example.org")).allowed
    limits_clear(scope=LOGIN_ADDRESS, key="a@example.org")
    assert events(LOGIN_ADDRESS) == 0


def test_an_empty_key_counts_nothing():
    assert limits_reserve(Check(LOGIN_ADDRESS, ""), Check(LOGIN_CLIENT, "")).allowed
    assert events() == 0


def test_long_or_odd_keys_are_stored_as_a_digest():
    assert stored_key("a@example.org") == "a@example.org"
    long_key = stored_key("x" * 1000)
    assert long_key.startswith("sha256:") and len(long_key) <= 255
    assert stored_key("a\nb") != stored_key("a\rb")


def test_pruning_removes_what_no_window_counts_and_unused_locks(settings):
    limits_reserve(Check(LOGIN_ADDRESS, "old@example.org"))
    limits_reserve(Check(LOGIN_ADDRESS, "new@example.org"))
    LimitEvent.objects.filter(key="old@example.org").update(at=timezone.now() - timedelta(days=2))
    call_command("prune_limit_events", stdout=open("/dev/null", "w"))
    assert list(LimitEvent.objects.values_list("key", flat=True)) == ["new@example.org"]
    assert list(LimitLock.objects.values_list("key", flat=True)) == ["new@example.org"]
    # A pruned key is counted again from scratch.
    assert limits_reserve(Check(LOGIN_ADDRESS, "old@example.org")).allowed
