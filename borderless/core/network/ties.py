"""Ties between organisations: shared small projects that started in a period."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from borderless.core.network.periods import Period

DEFAULT_MAX_PARTICIPANTS = 50
NL, DE = "NL", "DE"
_ACROSS = frozenset({(NL, DE), (DE, NL)})


@dataclass(frozen=True, slots=True)
class Participation:
    organisation: str
    project: str


@dataclass(frozen=True, slots=True)
class TieGraph:
    """The undirected tie network of one period.

    `organisations` holds everyone with a participation in a project that started in the period,
    sorted; `ties` maps each pair (a, b) with a < b to its weight, the number of shared projects with
    at most `max_participants` participants. `participations` counts projects per organisation.
    """

    period: Period
    organisations: tuple[str, ...]
    countries: Mapping[str, str | None]
    projects: int
    participations: Mapping[str, int]
    ties: Mapping[tuple[str, str], int]
    max_participants: int
    # Derived once on first use (the graph is immutable): partner sets and the NL–DE ties.
    _partners: dict[str, frozenset[str]] | None = field(default=None, compare=False, repr=False)
    _nl_de: int | None = field(default=None, compare=False, repr=False)

    def partners(self) -> Mapping[str, frozenset[str]]:
        """Each organisation's partners, worked out on first use."""
        if self._partners is None:
            result: dict[str, set[str]] = {org: set() for org in self.organisations}
            for a, b in self.ties:
                result[a].add(b)
                result[b].add(a)
            object.__setattr__(self, "_partners", {org: frozenset(p) for org, p in result.items()})
        return self._partners  # type: ignore[return-value]

    def country(self, organisation: str) -> str | None:
        return self.countries.get(organisation)

    def is_nl_de(self, a: str, b: str) -> bool:
        return (self.countries.get(a), self.countries.get(b)) in _ACROSS

    @property
    def nl_de_ties(self) -> int:
        if self._nl_de is None:
            get = self.countries.get
            object.__setattr__(self, "_nl_de", sum(1 for a, b in self.ties if (get(a), get(b)) in _ACROSS))
        return self._nl_de  # type: ignore[return-value]


def tie_graph(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    countries: Mapping[str, str],
    period: Period,
    *,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
) -> TieGraph:
    """Build the ties of `period` (see `TieGraph`); an organisation missing from `countries` has no country.

    Raises KeyError when a project has no start date: silently dropping it would change every figure.
    """
    members: dict[str, set[str]] = defaultdict(set)
    inside: dict[str, bool] = {}
    for participation in participations:
        project = participation.project
        within = inside.get(project)
        if within is None:
            within = inside[project] = period.contains(starts[project])
        if within:
            members[project].add(participation.organisation)
    counts: dict[str, int] = defaultdict(int)
    ties: dict[tuple[str, str], int] = defaultdict(int)
    for orgs in members.values():
        for org in orgs:
            counts[org] += 1
        if len(orgs) <= max_participants:
            for a, b in combinations(sorted(orgs), 2):
                ties[(a, b)] += 1
    organisations = tuple(sorted(counts))
    return TieGraph(
        period=period,
        organisations=organisations,
        countries={org: countries.get(org) for org in organisations},
        projects=len(members),
        participations=dict(counts),
        ties=dict(sorted(ties.items())),
        max_participants=max_participants,
    )


@dataclass(frozen=True, slots=True)
class EIIndex:
    external: int
    internal: int
    value: float | None


def ei_index(graph: TieGraph) -> EIIndex:
    """Krackhardt–Stern E–I index of the NL/DE ties: (E − I) / (E + I), None when E + I = 0.

    E counts ties between an NL and a DE organisation, I ties within NL or within DE; ties that
    involve an organisation of another (or no) country are left out.
    """
    external = internal = 0
    for a, b in graph.ties:
        ca, cb = graph.country(a), graph.country(b)
        if ca not in (NL, DE) or cb not in (NL, DE):
            continue
        if ca == cb:
            internal += 1
        else:
            external += 1
    total = external + internal
    return EIIndex(external, internal, (external - internal) / total if total else None)
