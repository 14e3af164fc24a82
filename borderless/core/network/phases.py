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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import combinations

from borderless.core.network.ties import DE, NL, TieGraph
from borderless.core.network.triads import PartnerPairs, combination_index


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
    get = graph.countries.get
    counts = {org: 0 for org in graph.organisations if get(org) in (NL, DE)}
    for a, b in graph.ties:
        if get(a) != get(b) and get(a) in (NL, DE) and get(b) in (NL, DE):
            counts[a] += 1
            counts[b] += 1
    return counts


def _in_cross_border_triad(graph: TieGraph, partners: Mapping[str, frozenset[str]], org: str) -> bool:
    for x, y in combinations(sorted(partners[org]), 2):
        if y in partners[x] and {NL, DE} <= {graph.country(org), graph.country(x), graph.country(y)}:
            return True
    return False


def _cross_border_triads(pairs: PartnerPairs) -> set[str]:
    """NL and DE organisations with a tied pair of partners of which at least one is across the border."""
    tied = pairs.tied
    dutch = tied[:, [combination_index(0, 1), combination_index(1, 1), combination_index(1, 2)]].sum(axis=1)
    german = tied[:, [combination_index(0, 0), combination_index(0, 1), combination_index(0, 2)]].sum(axis=1)
    found = set()
    for org, code, nl_side, de_side in zip(
        pairs.nodes, pairs.groups.tolist(), dutch.tolist(), german.tolist(), strict=True
    ):
        if (code == 0 and nl_side) or (code == 1 and de_side):
            found.add(org)
    return found


def organisation_phases(
    graph: TieGraph, previous: TieGraph | None = None, *, pairs: PartnerPairs | None = None
) -> dict[str, Phase]:
    """The phase of every NL and DE organisation of `graph`; `previous` is the preceding period's graph.

    `pairs` (`triads.partner_pairs` of `graph` with the groups NL 0, DE 1, other 2) saves walking
    every organisation's pairs of partners to find its closed triads."""
    cross = _cross_partner_counts(graph)
    before = _cross_partner_counts(previous) if previous is not None else {}
    in_triad = _cross_border_triads(pairs) if pairs is not None else None
    partners = graph.partners() if in_triad is None else {}
    phases = {}
    for org, count in cross.items():
        if count == 0:
            phase = Phase.PRE_COOPERATION
        elif count == 1:
            phase = Phase.BILATERAL
        elif before.get(org, 0) >= 2 and (
            org in in_triad if in_triad is not None else _in_cross_border_triad(graph, partners, org)
        ):
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


def component_phases(
    graph: TieGraph, phases: Mapping[str, Phase], *, membership: Sequence[int] | None = None
) -> tuple[ComponentPhase, ...]:
    """Connected components, largest first; `membership` (igraph's component number of each of
    `graph.organisations`) saves walking the partners."""
    if membership is not None:
        groups: dict[int, list[str]] = defaultdict(list)
        for org, number in zip(graph.organisations, membership, strict=True):
            groups[number].append(org)
        found = []
        for members in groups.values():
            ranked = [phases[m] for m in members if m in phases]
            found.append(ComponentPhase(tuple(members), max(ranked) if ranked else None))
        found.sort(key=lambda c: (-len(c.organisations), c.organisations))
        return tuple(found)
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
