"""Brokerage roles after Gould & Fernandez (1989), with the groups NL, DE and other.

A node v brokers a pair of its partners a and b that are not tied to each other. Undirected, the pair
{a, b} is unordered and there are four roles: coordinator (a, b and v in one group), itinerant (a and
b share a group, v is in another), boundary spanner (a and b differ and v shares a group with one of
them: the undirected merge of gatekeeper and representative) and liaison (all three differ). Directed,
v brokers a → v → b without an arc a → b (an arc b → a does not matter) and the boundary spanner splits
into gatekeeper (v shares b's group, a differs) and representative (v shares a's group, b differs).

Expected counts (Gould & Fernandez's chance model): every tie is present with the network's density
d independently, so v brokers a given pair with probability p = d²(1 − d). For v in group i, with N_j
organisations in group j and n in all, the expected count of a role is p times the number of pairs of
other nodes whose groups give that role:

    undirected (unordered pairs, d = 2m / (n(n − 1)))
        coordinator        p · C(N_i − 1, 2)
        itinerant          p · Σ_{j≠i} C(N_j, 2)
        boundary spanner   p · (N_i − 1)(n − N_i)
        liaison            p · Σ_{j<k; j,k≠i} N_j N_k
    directed (ordered pairs (a, b), d = m / (n(n − 1)))
        coordinator        p · (N_i − 1)(N_i − 2)
        itinerant          p · Σ_{j≠i} N_j (N_j − 1)
        gatekeeper         p · (n − N_i)(N_i − 1)
        representative     p · (N_i − 1)(n − N_i)
        liaison            p · Σ_{j≠i} N_j (n − N_i − N_j)

The pair counts of each version add up to all pairs of other nodes, C(n − 1, 2) or (n − 1)(n − 2).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from math import comb

import numpy as np

from borderless.core.network.ties import DE, NL
from borderless.core.network.triads import PartnerPairs, combination_index, partner_pairs

OTHER = "other"


def group_of(country: str | None) -> str:
    """The brokerage group of a country code: "NL", "DE" or "other"."""
    return country if country in (NL, DE) else OTHER


@dataclass(frozen=True, slots=True)
class BrokerageCounts:
    """Undirected roles; observed counts are whole numbers, expected ones fractions."""

    coordinator: float = 0
    itinerant: float = 0
    boundary_spanner: float = 0
    liaison: float = 0

    @property
    def total(self) -> float:
        return self.coordinator + self.itinerant + self.boundary_spanner + self.liaison


@dataclass(frozen=True, slots=True)
class DirectedBrokerageCounts:
    coordinator: float = 0
    itinerant: float = 0
    gatekeeper: float = 0
    representative: float = 0
    liaison: float = 0

    @property
    def total(self) -> float:
        return self.coordinator + self.itinerant + self.gatekeeper + self.representative + self.liaison


@dataclass(frozen=True, slots=True)
class BrokerageReport:
    """Observed and expected counts per node; `expected` depends only on the node's group."""

    density: float
    group_sizes: Mapping[str, int]
    observed: Mapping[str, BrokerageCounts]
    expected: Mapping[str, BrokerageCounts]


@dataclass(frozen=True, slots=True)
class DirectedBrokerageReport:
    density: float
    group_sizes: Mapping[str, int]
    observed: Mapping[str, DirectedBrokerageCounts]
    expected: Mapping[str, DirectedBrokerageCounts]


def _undirected_role(ga: str, gb: str, gv: str) -> str:
    if ga == gb:
        return "coordinator" if gv == ga else "itinerant"
    return "boundary_spanner" if gv in (ga, gb) else "liaison"


def _directed_role(ga: str, gb: str, gv: str) -> str:
    if ga == gb:
        return "coordinator" if gv == ga else "itinerant"
    if gv == gb:
        return "gatekeeper"
    return "representative" if gv == ga else "liaison"


GROUP_CODES = {NL: 0, DE: 1, OTHER: 2}


# For a broker of group gv (row): the combination of its own group, and of the two other groups.
_OWN = np.array([combination_index(g, g) for g in range(3)])
_LIAISON = np.array([combination_index(*[j for j in range(3) if j != g]) for g in range(3)])
_SPANNED = np.array([[combination_index(g, j) for j in range(3) if j != g] for g in range(3)])
_SAME = np.array([combination_index(j, j) for j in range(3)])


def _undirected_observed(open_pairs: np.ndarray, codes: np.ndarray) -> list[BrokerageCounts]:
    """Roles of each node from its open partner pairs per group combination (see `triads`)."""
    rows = np.arange(len(codes))
    coordinator = open_pairs[rows, _OWN[codes]]
    itinerant = open_pairs[:, _SAME].sum(axis=1) - coordinator
    spanner = open_pairs[rows, _SPANNED[codes, 0]] + open_pairs[rows, _SPANNED[codes, 1]]
    liaison = open_pairs[rows, _LIAISON[codes]]
    return [
        BrokerageCounts(coordinator=c, itinerant=i, boundary_spanner=b, liaison=lia)
        for c, i, b, lia in zip(
            coordinator.tolist(), itinerant.tolist(), spanner.tolist(), liaison.tolist(), strict=True
        )
    ]


def brokerage_undirected(
    nodes: Sequence[str],
    groups: Mapping[str, str],
    edges: Iterable[tuple[str, str]],
    *,
    pairs: PartnerPairs | None = None,
) -> BrokerageReport:
    """Undirected brokerage; `pairs` (from `triads.partner_pairs` over the same nodes, groups and
    edges) saves counting them again."""
    if pairs is None:
        pairs = partner_pairs(nodes, {v: GROUP_CODES[groups[v]] for v in nodes}, edges)
    n = len(nodes)
    m = pairs.ties
    d = 2 * m / (n * (n - 1)) if n > 1 else 0.0
    observed = dict(zip(nodes, _undirected_observed(pairs.open, pairs.groups), strict=True))
    sizes = Counter(groups[v] for v in nodes)
    p = d * d * (1 - d)
    by_group = {}
    for i in sizes:
        others = [sizes[g] for g in sizes if g != i]
        by_group[i] = BrokerageCounts(
            coordinator=p * comb(sizes[i] - 1, 2),
            itinerant=p * sum(comb(nj, 2) for nj in others),
            boundary_spanner=p * (sizes[i] - 1) * (n - sizes[i]),
            liaison=p * sum(nj * nk for nj, nk in combinations(others, 2)),
        )
    expected = {v: by_group[groups[v]] for v in nodes}
    return BrokerageReport(d, dict(sizes), observed, expected)


def brokerage_directed(
    nodes: Sequence[str], groups: Mapping[str, str], arcs: Iterable[tuple[str, str]]
) -> DirectedBrokerageReport:
    """Brokerage over arcs a → b (for instance from a project's lead partner to its partners)."""
    out: dict[str, set[str]] = defaultdict(set)
    into: dict[str, set[str]] = defaultdict(set)
    for a, b in arcs:
        if a != b:
            out[a].add(b)
            into[b].add(a)
    n = len(nodes)
    m = sum(len(s) for s in out.values())
    d = m / (n * (n - 1)) if n > 1 else 0.0
    observed = {}
    for v in nodes:
        counts: Counter[str] = Counter()
        for a in into[v]:
            for b in out[v]:
                if a != b and b not in out[a]:
                    counts[_directed_role(groups[a], groups[b], groups[v])] += 1
        observed[v] = DirectedBrokerageCounts(**counts)
    sizes = Counter(groups[v] for v in nodes)
    p = d * d * (1 - d)
    expected = {}
    for v in nodes:
        i = groups[v]
        ni = sizes[i]
        others = [sizes[g] for g in sizes if g != i]
        expected[v] = DirectedBrokerageCounts(
            coordinator=p * (ni - 1) * (ni - 2),
            itinerant=p * sum(nj * (nj - 1) for nj in others),
            gatekeeper=p * (n - ni) * (ni - 1),
            representative=p * (ni - 1) * (n - ni),
            liaison=p * sum(nj * (n - ni - nj) for nj in others),
        )
    return DirectedBrokerageReport(d, dict(sizes), observed, expected)
