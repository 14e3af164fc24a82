"""Reads of the network app: a period's report from the stored projects and participations."""

from __future__ import annotations

import re
from typing import Any

from borderless.core.network import Period
from borderless.core.network.periods import PeriodKind

from .figures import inputs_read, report_json, reports_compute

_PERIOD = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")


def parse_period(text: str) -> Period | None:
    """The period "2014-2020" (a programme period, with a hyphen or a dash) or "2019" (a year)."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    kind: PeriodKind = "programme" if match.group(2) else "year"
    return Period(first, last, kind)


def period_report(*, period: Period) -> dict[str, Any]:
    """The period's figures as plain data (JSON-ready), computed now from the stored participations."""
    data = inputs_read()
    report = next((r for r in reports_compute(data, period.kind) if r.period == period), None)
    return report_json(report, period, data)
