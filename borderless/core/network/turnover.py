"""Newcomers, returning organisations and usual suspects per period, and growth against the previous one."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from borderless.core.network.periods import Period
from borderless.core.network.ties import Participation, TieGraph

USUAL_SUSPECT_PERIODS = 3
TOP_SHARE = 0.1

# Why a figure is missing: in the first period of the data everyone would count as a newcomer, and
# there is nothing to grow from.
Reason = Literal["first_period"]


@dataclass(frozen=True, slots=True)
class Change:
    previous: int
    current: int

    @property
    def absolute(self) -> int:
        return self.current - self.previous

    @property
    def relative(self) -> float | None:
        """(current − previous) / previous; None when there was nothing before."""
        return self.absolute / self.previous if self.previous else None


@dataclass(frozen=True, slots=True)
class Turnover:
    """Who is new and who is always there in one period.

    newcomer: the organisation's first project in the data starts in this period; returning: it had a
    project that started before the period. usual suspect: active in at least three periods up to and
    including this one, or among the top 10% of this period's organisations by participations (the
    top ceil(n / 10) counts, ties at the cut included). The newcomer and growth figures are None, with
    a reason, in the first period of the data (growth also in the first period reported).
    """

    period: Period
    organisations: int
    newcomers: int | None
    returning: int | None
    newcomer_share: float | None
    usual_suspects: tuple[str, ...]
    top_decile_participation_share: float | None
    organisations_growth: Change | None
    ties_growth: Change | None
    nl_de_ties_growth: Change | None
    newcomer_reason: Reason | None
    growth_reason: Reason | None


def _first_starts(
    participations: Iterable[Participation], starts: Mapping[str, datetime.date]
) -> dict[str, datetime.date]:
    first: dict[str, datetime.date] = {}
    for p in participations:
        day = starts[p.project]
        if p.organisation not in first or day < first[p.organisation]:
            first[p.organisation] = day
    return first


def _top_decile(counts: Mapping[str, int]) -> tuple[set[str], float | None]:
    if not counts:
        return set(), None
    ranked = sorted(counts.values(), reverse=True)
    k = math.ceil(len(ranked) * TOP_SHARE)
    cut = ranked[k - 1]
    return {org for org, c in counts.items() if c >= cut}, sum(ranked[:k]) / sum(ranked)


def turnover(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    graphs: Sequence[TieGraph],
) -> tuple[Turnover, ...]:
    """Turnover of consecutive periods of one kind (`graphs` as built for `periods_between`).

    `participations` are all of the data, so that a project before the first graph's period still
    makes its organisations returning.
    """
    participations = list(participations)
    first = _first_starts(participations, starts)
    earliest = min(first.values(), default=None)
    active_periods: dict[str, int] = {}
    result = []
    previous: TieGraph | None = None
    for graph in graphs:
        orgs = graph.organisations
        for org in orgs:
            active_periods[org] = active_periods.get(org, 0) + 1
        top, top_share = _top_decile(graph.participations)
        suspects = tuple(o for o in orgs if active_periods[o] >= USUAL_SUSPECT_PERIODS or o in top)
        is_first = earliest is None or graph.period.contains(earliest)
        if is_first:
            newcomers = returning = None
            newcomer_share = None
        else:
            newcomers = sum(1 for o in orgs if graph.period.contains(first[o]))
            returning = len(orgs) - newcomers
            newcomer_share = newcomers / len(orgs) if orgs else None
        result.append(
            Turnover(
                period=graph.period,
                organisations=len(orgs),
                newcomers=newcomers,
                returning=returning,
                newcomer_share=newcomer_share,
                usual_suspects=suspects,
                top_decile_participation_share=top_share,
                organisations_growth=Change(len(previous.organisations), len(orgs)) if previous else None,
                ties_growth=Change(len(previous.ties), len(graph.ties)) if previous else None,
                nl_de_ties_growth=Change(previous.nl_de_ties, graph.nl_de_ties) if previous else None,
                newcomer_reason="first_period" if is_first else None,
                growth_reason="first_period" if previous is None else None,
            )
        )
        previous = graph
    return tuple(result)
