"""Graph maths of the collaboration-network monitor: ties, metrics, brokerage, phases, turnover,
patterns of growing cooperation, and files for Gephi and spreadsheets (`export`).

Services turn projects and participations into `Participation`s, start dates and countries and call
`network_reports`; everything here returns frozen dataclasses of primitives (no igraph objects leak).
"""

from borderless.core.network.brokerage import (
    BrokerageCounts,
    BrokerageReport,
    DirectedBrokerageCounts,
    DirectedBrokerageReport,
    brokerage_directed,
    brokerage_undirected,
    group_of,
)
from borderless.core.network.export import ExportGraph, ExportNode, export_graph
from borderless.core.network.metrics import (
    BetweennessEstimate,
    GraphMetrics,
    OrganisationMetrics,
    OrganisationMetricsReport,
    betweenness,
    graph_metrics,
    organisation_metrics,
)
from borderless.core.network.patterns import (
    Ambassador,
    DyadAddsThird,
    IntroducerRecord,
    Introduction,
    IntroductionOutcomes,
    IntroductionProject,
    ambassadors,
    dyads_adding_a_third,
    introductions_that_became_projects,
)
from borderless.core.network.periods import Period, period_of, periods_between, programme_periods
from borderless.core.network.phases import (
    ComponentPhase,
    Phase,
    RegionPhases,
    component_phases,
    organisation_phases,
    region_phases,
)
from borderless.core.network.report import PeriodReport, brokerage_of, network_reports
from borderless.core.network.ties import EIIndex, Participation, TieGraph, ei_index, tie_graph
from borderless.core.network.turnover import Change, Turnover, turnover

__all__ = [
    "Ambassador",
    "BetweennessEstimate",
    "BrokerageCounts",
    "BrokerageReport",
    "Change",
    "ComponentPhase",
    "DirectedBrokerageCounts",
    "DirectedBrokerageReport",
    "DyadAddsThird",
    "EIIndex",
    "ExportGraph",
    "ExportNode",
    "GraphMetrics",
    "IntroducerRecord",
    "Introduction",
    "IntroductionOutcomes",
    "IntroductionProject",
    "OrganisationMetrics",
    "OrganisationMetricsReport",
    "Participation",
    "Period",
    "PeriodReport",
    "Phase",
    "RegionPhases",
    "TieGraph",
    "Turnover",
    "ambassadors",
    "betweenness",
    "brokerage_directed",
    "brokerage_of",
    "brokerage_undirected",
    "component_phases",
    "dyads_adding_a_third",
    "ei_index",
    "export_graph",
    "graph_metrics",
    "group_of",
    "introductions_that_became_projects",
    "network_reports",
    "organisation_metrics",
    "organisation_phases",
    "period_of",
    "periods_between",
    "programme_periods",
    "region_phases",
    "tie_graph",
    "turnover",
]
