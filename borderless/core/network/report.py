"""Everything the monitor shows for a period, from participations, start dates and countries."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from borderless.core.network.brokerage import BrokerageReport, brokerage_undirected, group_of
from borderless.core.network.metrics import (
    BETWEENNESS_PIVOTS,
    EXACT_BETWEENNESS_LIMIT,
    GraphMetrics,
    OrganisationMetricsReport,
    graph_metrics,
    organisation_metrics,
)
from borderless.core.network.periods import Period, PeriodKind, periods_between
from borderless.core.network.phases import (
    ComponentPhase,
    Phase,
    RegionPhases,
    component_phases,
    organisation_phases,
    region_phases,
)
from borderless.core.network.ties import DEFAULT_MAX_PARTICIPANTS, Participation, TieGraph, tie_graph
from borderless.core.network.turnover import Turnover, turnover


@dataclass(frozen=True, slots=True)
class PeriodReport:
    period: Period
    graph: TieGraph
    metrics: GraphMetrics
    organisations: OrganisationMetricsReport
    brokerage: BrokerageReport
    phases: Mapping[str, Phase]
    components: tuple[ComponentPhase, ...]
    regions: tuple[RegionPhases, ...]
    turnover: Turnover


def brokerage_of(graph: TieGraph) -> BrokerageReport:
    groups = {org: group_of(graph.country(org)) for org in graph.organisations}
    return brokerage_undirected(graph.organisations, groups, graph.ties)


def network_reports(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    countries: Mapping[str, str],
    kind: PeriodKind,
    *,
    regions: Mapping[str, str] | None = None,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    pivots: int = BETWEENNESS_PIVOTS,
    seed: int = 0,
) -> tuple[PeriodReport, ...]:
    """One report per period of `kind`, from the first to the last period with a project start."""
    participations = list(participations)
    days = [starts[p.project] for p in participations]
    graphs = [
        tie_graph(participations, starts, countries, period, max_participants=max_participants)
        for period in periods_between(days, kind)
    ]
    turnovers = turnover(participations, starts, graphs)
    reports = []
    previous: TieGraph | None = None
    for graph, moves in zip(graphs, turnovers, strict=True):
        phases = organisation_phases(graph, previous)
        reports.append(
            PeriodReport(
                period=graph.period,
                graph=graph,
                metrics=graph_metrics(graph),
                organisations=organisation_metrics(graph, exact_limit=exact_limit, pivots=pivots, seed=seed),
                brokerage=brokerage_of(graph),
                phases=phases,
                components=component_phases(graph, phases),
                regions=region_phases(phases, regions or {}),
                turnover=moves,
            )
        )
        previous = graph
    return tuple(reports)
