"""Periods of the monitor: the EU programme periods and single calendar years, by project start date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

PeriodKind = Literal["programme", "year"]

# Programme periods of Interreg and Horizon: (first year, last year).
PROGRAMME_YEARS: tuple[tuple[int, int], ...] = ((2007, 2013), (2014, 2020), (2021, 2027))


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A closed range of start years; `label` is "2014–2020" or "2019"."""

    first_year: int
    last_year: int
    kind: PeriodKind

    @property
    def label(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    def contains(self, day: datetime.date) -> bool:
        return self.first_year <= day.year <= self.last_year


def programme_periods() -> tuple[Period, ...]:
    return tuple(Period(first, last, "programme") for first, last in PROGRAMME_YEARS)


def period_of(day: datetime.date, kind: PeriodKind) -> Period | None:
    """The period of `kind` a project starting on `day` belongs to; None outside the programme periods."""
    if kind == "year":
        return Period(day.year, day.year, "year")
    for period in programme_periods():
        if period.contains(day):
            return period
    return None


def periods_between(days: list[datetime.date], kind: PeriodKind) -> tuple[Period, ...]:
    """Every period of `kind` from the first to the last one holding one of `days`, empty ones included.

    Empty years in between are kept so that "the previous period" is always the preceding year.
    """
    found = {p for p in (period_of(day, kind) for day in days) if p is not None}
    if not found:
        return ()
    first, last = min(found), max(found)
    if kind == "year":
        return tuple(Period(y, y, "year") for y in range(first.first_year, last.first_year + 1))
    return tuple(p for p in programme_periods() if first <= p <= last)
