"""Sliding-window limits, kept apart from storage so the rule can be tested alone.

A limit allows `count` events per `window`: one more event is allowed while fewer than `count`
events lie inside the window that ends now. Once full, the next event is allowed again when the
oldest counted event leaves the window. The same rule limits failed log-ins, password-reset mails,
PDF generation and anything else the platform limits (see `borderless.accounts.limits`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limit:
    count: int
    window: timedelta

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError("a limit allows at least one event")
        if self.window <= timedelta(0):
            raise ValueError("a limit's window is longer than zero")


@dataclass(frozen=True)
class LimitDecision:
    allowed: bool
    retry_after_seconds: int  # 0 when allowed; otherwise whole seconds, at least 1

    @property
    def locked(self) -> bool:
        return not self.allowed


ALLOWED = LimitDecision(allowed=True, retry_after_seconds=0)


def window_decision(events: Sequence[datetime], *, now: datetime, limit: Limit) -> LimitDecision:
    """Whether one more event fits into the sliding window that ends at `now`."""
    recent = sorted(at for at in events if now - limit.window < at <= now)
    if len(recent) < limit.count:
        return ALLOWED
    # The event that must leave the window before the next one fits.
    oldest_counted = recent[-limit.count]
    retry = limit.window - (now - oldest_counted)
    return LimitDecision(allowed=False, retry_after_seconds=max(1, math.ceil(retry.total_seconds())))


def strictest(decisions: Iterable[LimitDecision]) -> LimitDecision:
    """Allowed when every decision allows; otherwise the refusal that lasts longest."""
    refused = [d for d in decisions if not d.allowed]
    if not refused:
        return ALLOWED
    return max(refused, key=lambda d: d.retry_after_seconds)


def retry_after_minutes(decision: LimitDecision) -> int:
    """The wait in whole minutes, rounded up, for messages ("try again in 3 minutes")."""
    return max(1, (decision.retry_after_seconds + 59) // 60)
