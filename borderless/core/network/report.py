"""Everything the monitor shows for a period, from participations, start dates and countries."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from borderless.core.network.brokerage import GROUP_CODES, BrokerageReport, brokerage_undirected, group_of
from borderless.core.network.metrics import (
    BETWEENNESS_EPSILON,
    EXACT_BETWEENNESS_LIMIT,
    GraphMetrics,
    OrganisationMetricsReport,
    graph_metrics,
    organisation_metrics,
    to_igraph,
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
from borderless.core.network.triads import PartnerPairs, partner_pairs
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


def brokerage_of(graph: TieGraph, pairs: PartnerPairs | None = None) -> BrokerageReport:
    groups = {org: group_of(graph.country(org)) for org in graph.organisations}
    return brokerage_undirected(graph.organisations, groups, graph.ties, pairs=pairs)


def pairs_of(graph: TieGraph) -> PartnerPairs:
    """The partner pairs by group of every organisation, shared by brokerage and phases."""
    codes = {org: GROUP_CODES[group_of(graph.country(org))] for org in graph.organisations}
    return partner_pairs(graph.organisations, codes, graph.ties)


def network_reports(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    countries: Mapping[str, str],
    kind: PeriodKind,
    *,
    regions: Mapping[str, str] | None = None,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    epsilon: float = BETWEENNESS_EPSILON,
    seed: int = 0,
    only: Period | None = None,
) -> tuple[PeriodReport, ...]:
    """One report per period of `kind`, from the first to the last period with a project start; with
    `only`, the report of that period alone (the periods before it are still built as graphs: the
    phases and the newcomers compare with them)."""
    participations = list(participations)
    days = [starts[p.project] for p in participations]
    graphs = [
        tie_graph(participations, starts, countries, period, max_participants=max_participants)
        for period in periods_between(days, kind)
        if only is None or period <= only
    ]
    turnovers = turnover(participations, starts, graphs)
    reports = []
    previous: TieGraph | None = None
    for graph, moves in zip(graphs, turnovers, strict=True):
        if only is not None and graph.period != only:
            previous = graph
            continue
        pairs = pairs_of(graph)
        g = to_igraph(graph)
        phases = organisation_phases(graph, previous, pairs=pairs)
        reports.append(
            PeriodReport(
                period=graph.period,
                graph=graph,
                metrics=graph_metrics(graph, g),
                organisations=organisation_metrics(graph, exact_limit=exact_limit, epsilon=epsilon, seed=seed, g=g),
                brokerage=brokerage_of(graph, pairs),
                phases=phases,
                components=component_phases(graph, phases, membership=g.connected_components().membership),
                regions=region_phases(phases, regions or {}),
                turnover=moves,
            )
        )
        previous = graph
    return tuple(reports)
