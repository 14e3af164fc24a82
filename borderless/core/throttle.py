"""Log-in throttling rule, kept apart from storage so it can be tested alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class ThrottleDecision:
    locked: bool
    retry_after_seconds: int


def login_throttle(failures: Sequence[datetime], *, now: datetime, limit: int, window: timedelta) -> ThrottleDecision:
    """Lock once `limit` failures fall inside the sliding window; unlock when the oldest leaves it."""
    recent = sorted(f for f in failures if now - f < window)
    if len(recent) < limit:
        return ThrottleDecision(locked=False, retry_after_seconds=0)
    oldest_counted = recent[-limit]
    retry = window - (now - oldest_counted)
    return ThrottleDecision(locked=True, retry_after_seconds=max(1, int(retry.total_seconds()) + 1))
