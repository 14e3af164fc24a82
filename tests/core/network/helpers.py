"""Tie graphs built straight from edges, for tests that do not need projects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from borderless.core.network import Period, TieGraph

PERIOD = Period(2014, 2020, "programme")


def tie_graph_of(
    edges: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int],
    countries: Mapping[str, str] | None = None,
    isolates: Iterable[str] = (),
    period: Period = PERIOD,
) -> TieGraph:
    weights = dict(edges) if isinstance(edges, Mapping) else {e: 1 for e in edges}
    ties = {tuple(sorted(e)): w for e, w in weights.items()}
    orgs = sorted({o for e in ties for o in e} | set(isolates))
    countries = countries or {}
    return TieGraph(
        period=period,
        organisations=tuple(orgs),
        countries={o: countries.get(o) for o in orgs},
        projects=len(ties),
        participations={o: 1 for o in orgs},
        ties=ties,
        max_participants=50,
    )


def tie_graph_of_nx(graph: nx.Graph, countries: Mapping[str, str] | None = None) -> TieGraph:
    """Nodes become strings; edge attribute "weight" (default 1) becomes the tie weight."""
    edges = {(str(a), str(b)): int(d.get("weight", 1)) for a, b, d in graph.edges(data=True)}
    return tie_graph_of(edges, countries, isolates=[str(n) for n in graph.nodes])
