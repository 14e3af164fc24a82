"""Pathways: the route through instruments that typically leads to one and away from it.

An instrument names its natural next ones (`next_ids`: a voucher leads to a feasibility study,
that to a development project). The route of an instrument lists, level by level, what comes
before it (instruments pointing to it, then those pointing to them, ...) and what comes after.

Breadth-first, so each instrument appears once per direction at its shortest distance; cycles
end where an instrument was already seen. The order is fixed by the input: "after" follows the
order of each instrument's `next_ids`, "before" the order of the instruments given. In a cycle an
instrument can come both before and after the one in the middle; the middle one never appears.
Links to instruments that are not given (unpublished, deleted) and links to oneself are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from borderless.core.i18n import _

from .model import Instrument, Problem
from .schema import problem

DEFAULT_DEPTH = 3

SELF_LINK = _("An instrument cannot lead to itself.")
UNKNOWN_NEXT = _("Unknown next instrument: %(value)s.")


@dataclass(frozen=True, slots=True)
class Route:
    instrument_id: Hashable
    before: tuple[tuple[Hashable, ...], ...]  # before[0]: directly before; before[1]: two steps before ...
    after: tuple[tuple[Hashable, ...], ...]  # after[0]: directly after ...
    edges: tuple[tuple[Hashable, Hashable], ...]  # the links among the route's instruments, for drawing

    @property
    def ids(self) -> tuple[Hashable, ...]:
        """Every instrument on the route once, from the earliest before to the latest after."""
        seen: dict[Hashable, None] = {}
        for level in (*reversed(self.before), (self.instrument_id,), *self.after):
            seen.update(dict.fromkeys(level))
        return tuple(seen)

    def __bool__(self) -> bool:
        return bool(self.before or self.after)


def _levels(
    start: Hashable, links: Mapping[Hashable, Sequence[Hashable]], depth: int
) -> tuple[tuple[Hashable, ...], ...]:
    seen = {start}
    levels: list[tuple[Hashable, ...]] = []
    frontier: Sequence[Hashable] = (start,)
    for _level in range(depth):
        found: list[Hashable] = []
        for node in frontier:
            for neighbour in links.get(node, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    found.append(neighbour)
        if not found:
            break
        levels.append(tuple(found))
        frontier = found
    return tuple(levels)


class Pathways:
    """The links between instruments, both ways, built once for many routes."""

    def __init__(self, instruments: Iterable[Instrument]) -> None:
        instruments = list(instruments)
        known = {instrument.id for instrument in instruments}
        self.next: dict[Hashable, tuple[Hashable, ...]] = {}
        previous: dict[Hashable, list[Hashable]] = {instrument.id: [] for instrument in instruments}
        for instrument in instruments:
            targets = dict.fromkeys(i for i in instrument.next_ids if i in known and i != instrument.id)
            self.next[instrument.id] = tuple(targets)
            for target in targets:
                previous[target].append(instrument.id)
        self.previous: dict[Hashable, tuple[Hashable, ...]] = {key: tuple(ids) for key, ids in previous.items()}

    def route(self, instrument_id: Hashable, max_depth: int = DEFAULT_DEPTH) -> Route:
        """The route of one instrument, `max_depth` steps each way; KeyError for an unknown id."""
        if instrument_id not in self.next:
            raise KeyError(instrument_id)
        before = _levels(instrument_id, self.previous, max_depth)
        after = _levels(instrument_id, self.next, max_depth)
        route = Route(instrument_id, before, after, ())
        on_route = set(route.ids)
        edges = tuple((a, b) for a in route.ids for b in self.next[a] if b in on_route)
        return Route(instrument_id, before, after, edges)


def route(instruments: Iterable[Instrument], instrument_id: Hashable, max_depth: int = DEFAULT_DEPTH) -> Route:
    return Pathways(instruments).route(instrument_id, max_depth)


def validate_next_ids(
    instrument_id: Hashable | None, next_ids: Iterable[Hashable], known_ids: Collection[Hashable]
) -> list[Problem]:
    """Links an editor may not save: to the instrument itself, or to an instrument that does not exist."""
    problems = []
    for target in next_ids:
        if instrument_id is not None and target == instrument_id:
            problems.append(problem("self_link", SELF_LINK, "next_ids"))
        elif target not in known_ids:
            problems.append(problem("unknown_next", UNKNOWN_NEXT, "next_ids", value=str(target)))
    return problems
