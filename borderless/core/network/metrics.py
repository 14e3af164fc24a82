"""Whole-network and per-organisation measures of a `TieGraph`, computed with igraph."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import igraph

from borderless.core.network.ties import DE, NL, EIIndex, TieGraph, ei_index

# Exact betweenness costs O(n·m); above this many organisations it is estimated from sampled pivots.
EXACT_BETWEENNESS_LIMIT = 5000
BETWEENNESS_PIVOTS = 500


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


def graph_metrics(graph: TieGraph) -> GraphMetrics:
    g = to_igraph(graph)
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

    method "exact" is Brandes' algorithm over all sources. method "sampled" runs it from `pivots`
    sources drawn without replacement and scales by n / pivots (Brandes & Pich 2007), which is unbiased.
    Each pivot s contributes X_s = n·δ_s(v) / ((n − 1)(n − 2)) ∈ [0, n / (n − 1)] to the normalised
    value, so by Hoeffding's inequality and a union bound over the n vertices every normalised value
    is within `error_bound` = n / (n − 1) · sqrt(ln(2n / (1 − confidence)) / (2 · pivots)) of the exact
    one with probability at least `confidence`.
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
    pivots: int = BETWEENNESS_PIVOTS,
    seed: int = 0,
    confidence: float = 0.95,
) -> BetweennessEstimate:
    """Unweighted betweenness of an undirected igraph graph, exact up to `exact_limit` vertices."""
    n = int(g.vcount())
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    if n <= exact_limit or pivots >= n:
        raw = [float(x) for x in g.betweenness(directed=False)] if n else []
        return BetweennessEstimate(tuple(raw), tuple(x * scale for x in raw), "exact", None, None, None)
    # Reproducible pivots from a seed: a sample, not a secret.
    sources = sorted(random.Random(seed).sample(range(n), pivots))  # noqa: S311
    partial = g.betweenness(directed=False, sources=sources)
    raw = [float(x) * n / pivots for x in partial]
    bound = n / (n - 1) * math.sqrt(math.log(2 * n / (1 - confidence)) / (2 * pivots))
    return BetweennessEstimate(tuple(raw), tuple(x * scale for x in raw), "sampled", pivots, bound, confidence)


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


def _other_side(country: str | None) -> str | None:
    return {NL: DE, DE: NL}.get(country) if country else None


def organisation_metrics(
    graph: TieGraph,
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    pivots: int = BETWEENNESS_PIVOTS,
    seed: int = 0,
) -> OrganisationMetricsReport:
    g = to_igraph(graph)
    between = betweenness(g, exact_limit=exact_limit, pivots=pivots, seed=seed)
    constraint: Sequence[float] = g.constraint(weights="weight") if g.vcount() else []
    weighted: Sequence[float] = g.strength(weights="weight") if g.vcount() else []
    partners = graph.partners()
    rows = []
    for i, org in enumerate(graph.organisations):
        other = _other_side(graph.country(org))
        c = float(constraint[i])
        rows.append(
            OrganisationMetrics(
                organisation=org,
                country=graph.country(org),
                degree=len(partners[org]),
                weighted_degree=round(weighted[i]),
                cross_border_partners=sum(1 for p in partners[org] if other and graph.country(p) == other),
                betweenness=between.raw[i],
                betweenness_normalised=between.normalised[i],
                constraint=None if math.isnan(c) else c,
            )
        )
    return OrganisationMetricsReport(
        tuple(rows), between.method, between.pivots, between.error_bound, between.confidence
    )
