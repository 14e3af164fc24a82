"""Whole-network and per-organisation measures of a `TieGraph`, computed with igraph."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import igraph
import networkit
import numpy as np

from borderless.core.network.ties import DE, NL, EIIndex, TieGraph, ei_index

# Exact betweenness costs O(n·m); above this many organisations it is estimated (KADABRA) to within
# BETWEENNESS_EPSILON of the exact normalised value.
EXACT_BETWEENNESS_LIMIT = 5000
BETWEENNESS_EPSILON = 0.005


def to_igraph(graph: TieGraph) -> igraph.Graph:
    """The undirected igraph of `graph`: vertex i is `graph.organisations[i]`, edge attribute "weight"."""
    index = {org: i for i, org in enumerate(graph.organisations)}
    g = igraph.Graph(n=len(index), edges=[(index[a], index[b]) for a, b in graph.ties])
    g.es["weight"] = [float(w) for w in graph.ties.values()]
    return g


@dataclass(frozen=True, slots=True)
class GraphMetrics:
    """Figures of one period's network; `transitivity` is None without any connected triple."""

    organisations: int
    projects: int
    ties: int
    nl_de_ties: int
    ei: EIIndex
    components: int
    giant_component_share: float | None
    transitivity: float | None
    density: float | None


def graph_metrics(graph: TieGraph, g: igraph.Graph | None = None) -> GraphMetrics:
    """Whole-network figures; `g` is `to_igraph(graph)` where the caller has it already."""
    g = to_igraph(graph) if g is None else g
    n = g.vcount()
    sizes = [len(c) for c in g.connected_components()] if n else []
    transitivity = float(g.transitivity_undirected()) if n else math.nan
    return GraphMetrics(
        organisations=n,
        projects=graph.projects,
        ties=g.ecount(),
        nl_de_ties=graph.nl_de_ties,
        ei=ei_index(graph),
        components=len(sizes),
        giant_component_share=max(sizes) / n if n else None,
        transitivity=None if math.isnan(transitivity) else transitivity,
        density=g.ecount() / (n * (n - 1) / 2) if n > 1 else None,
    )


@dataclass(frozen=True, slots=True)
class BetweennessEstimate:
    """Betweenness per vertex, raw (pairs counted once) and normalised by (n − 1)(n − 2) / 2.

    method "exact" is Brandes' algorithm over all sources. method "sampled" is KADABRA (Borassi &
    Natale 2016, as networkit implements it): shortest paths between random pairs are sampled until,
    with probability at least `confidence`, every vertex's share of all shortest paths is within ε of
    the exact share; `pivots` is the number of sampled paths. networkit's scores count ordered pairs
    over n(n − 1) / 2 (measured against igraph's exact values on a test graph), twice our normalised
    share over the (n − 1)(n − 2) / 2 pairs without v, so `error_bound` = ε · n / (2(n − 2)).
    """

    raw: tuple[float, ...]
    normalised: tuple[float, ...]
    method: Literal["exact", "sampled"]
    pivots: int | None
    error_bound: float | None
    confidence: float | None


def betweenness(
    g: igraph.Graph,
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    epsilon: float = BETWEENNESS_EPSILON,
    seed: int = 0,
    confidence: float = 0.95,
) -> BetweennessEstimate:
    """Unweighted betweenness of an undirected igraph graph, exact up to `exact_limit` vertices."""
    n = int(g.vcount())
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    if n <= exact_limit:
        raw = [float(x) for x in g.betweenness(directed=False)] if n else []
        return BetweennessEstimate(tuple(raw), tuple(x * scale for x in raw), "exact", None, None, None)
    graph = networkit.Graph(n, weighted=False, directed=False)
    ends = np.array(g.get_edgelist(), dtype=np.uint64).reshape(-1, 2)
    if len(ends):
        graph.addEdges((ends[:, 0], ends[:, 1]))
    networkit.engineering.setSeed(seed, True)  # reproducible samples: a sample, not a secret
    kadabra = networkit.centrality.KadabraBetweenness(graph, epsilon, 1 - confidence)
    kadabra.run()
    shares = kadabra.scores()
    normalised = tuple(float(x) * n / (2 * (n - 2)) for x in shares)
    counted = tuple(x / scale for x in normalised)
    return BetweennessEstimate(
        counted, normalised, "sampled", int(kadabra.getNumberOfIterations()), epsilon * n / (2 * (n - 2)), confidence
    )


@dataclass(frozen=True, slots=True)
class OrganisationMetrics:
    """One organisation in one period; `constraint` (Burt, weighted by tie weight) is None for isolates."""

    organisation: str
    country: str | None
    degree: int
    weighted_degree: int
    cross_border_partners: int
    betweenness: float
    betweenness_normalised: float
    constraint: float | None


@dataclass(frozen=True, slots=True)
class OrganisationMetricsReport:
    organisations: tuple[OrganisationMetrics, ...]
    betweenness_method: Literal["exact", "sampled"]
    betweenness_pivots: int | None
    betweenness_error_bound: float | None
    betweenness_confidence: float | None


def organisation_metrics(
    graph: TieGraph,
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    epsilon: float = BETWEENNESS_EPSILON,
    seed: int = 0,
    g: igraph.Graph | None = None,
) -> OrganisationMetricsReport:
    """Per-organisation figures; `g` is `to_igraph(graph)` where the caller has it already."""
    g = to_igraph(graph) if g is None else g
    between = betweenness(g, exact_limit=exact_limit, epsilon=epsilon, seed=seed)
    n = g.vcount()
    constraint: Sequence[float] = g.constraint(weights="weight") if n else []
    weighted: Sequence[float] = g.strength(weights="weight") if n else []
    degree: Sequence[int] = g.degree() if n else []
    # Partners across the NL–DE border: ties whose ends are one Dutch and one German organisation.
    side = np.array([{NL: 1, DE: 2}.get(graph.country(org) or "", 0) for org in graph.organisations], dtype=np.int64)
    ends = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    crossing = ends[side[ends[:, 0]] * side[ends[:, 1]] == 2]
    cross = np.bincount(crossing.ravel(), minlength=n).tolist() if n else []
    rows = []
    for i, org in enumerate(graph.organisations):
        c = float(constraint[i])
        rows.append(
            OrganisationMetrics(
                organisation=org,
                country=graph.country(org),
                degree=int(degree[i]),
                weighted_degree=round(weighted[i]),
                cross_border_partners=int(cross[i]),
                betweenness=between.raw[i],
                betweenness_normalised=between.normalised[i],
                constraint=None if math.isnan(c) else c,
            )
        )
    return OrganisationMetricsReport(
        tuple(rows), between.method, between.pivots, between.error_bound, between.confidence
    )
