"""Phases of cross-border cooperation (van den Broek 2018) for Dutch and German organisations.

The numeric rule is the platform's: in a period an organisation is
- pre-cooperation without any NL–DE tie,
- bilateral with NL–DE ties to exactly one organisation on the other side,
- networked with NL–DE ties to at least two organisations on the other side,
- systemic when networked in this period and in the previous one and part of at least one closed
  triad (three mutually tied organisations) that includes both countries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from itertools import combinations

from borderless.core.network.ties import DE, NL, TieGraph


class Phase(IntEnum):
    """Ordered: a later phase compares greater, so `max` is the most advanced."""

    PRE_COOPERATION = 1
    BILATERAL = 2
    NETWORKED = 3
    SYSTEMIC = 4

    @property
    def code(self) -> str:
        return self.name.lower()


def _cross_partner_counts(graph: TieGraph) -> dict[str, int]:
    counts = {org: 0 for org in graph.organisations if graph.country(org) in (NL, DE)}
    for a, b in graph.ties:
        if graph.is_nl_de(a, b):
            counts[a] += 1
            counts[b] += 1
    return counts


def _in_cross_border_triad(graph: TieGraph, partners: Mapping[str, set[str]], org: str) -> bool:
    for x, y in combinations(sorted(partners[org]), 2):
        if y in partners[x] and {NL, DE} <= {graph.country(org), graph.country(x), graph.country(y)}:
            return True
    return False


def organisation_phases(graph: TieGraph, previous: TieGraph | None = None) -> dict[str, Phase]:
    """The phase of every NL and DE organisation of `graph`; `previous` is the preceding period's graph."""
    cross = _cross_partner_counts(graph)
    before = _cross_partner_counts(previous) if previous is not None else {}
    partners = graph.partners()
    phases = {}
    for org, count in cross.items():
        if count == 0:
            phase = Phase.PRE_COOPERATION
        elif count == 1:
            phase = Phase.BILATERAL
        elif before.get(org, 0) >= 2 and _in_cross_border_triad(graph, partners, org):
            phase = Phase.SYSTEMIC
        else:
            phase = Phase.NETWORKED
        phases[org] = phase
    return phases


@dataclass(frozen=True, slots=True)
class ComponentPhase:
    """A connected component, largest first; `phase` is its most advanced NL/DE member's, None without one."""

    organisations: tuple[str, ...]
    phase: Phase | None


def component_phases(graph: TieGraph, phases: Mapping[str, Phase]) -> tuple[ComponentPhase, ...]:
    partners = graph.partners()
    seen: set[str] = set()
    components = []
    for start in graph.organisations:
        if start in seen:
            continue
        seen.add(start)
        stack, members = [start], []
        while stack:
            org = stack.pop()
            members.append(org)
            for p in partners[org] - seen:
                seen.add(p)
                stack.append(p)
        ranked = [phases[m] for m in members if m in phases]
        components.append(ComponentPhase(tuple(sorted(members)), max(ranked) if ranked else None))
    components.sort(key=lambda c: (-len(c.organisations), c.organisations))
    return tuple(components)


@dataclass(frozen=True, slots=True)
class RegionPhases:
    """How many of a region's NL/DE organisations are in each phase, and the most advanced phase."""

    region: str
    organisations: int
    counts: Mapping[Phase, int]
    most_advanced: Phase


def region_phases(phases: Mapping[str, Phase], regions: Mapping[str, str]) -> tuple[RegionPhases, ...]:
    """Aggregate per region key; organisations missing from `regions` are left out. Sorted by region."""
    by_region: dict[str, Counter[Phase]] = defaultdict(Counter)
    for org, phase in phases.items():
        if org in regions:
            by_region[regions[org]][phase] += 1
    return tuple(
        RegionPhases(
            region=region,
            organisations=sum(counts.values()),
            counts={phase: counts[phase] for phase in Phase},
            most_advanced=max(counts),
        )
        for region, counts in sorted(by_region.items())
    )
