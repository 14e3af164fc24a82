"""Peer comparison: the narrowest group of similar firms with at least five members, and its figures.

A firm's scores are compared with firms of the same country, size class and sector. When that
group has fewer than five firms, it is widened step by step: same country and size class, then
same country, then all firms. The result always says which group was used. No figure is ever
given for fewer than five firms (the platform's rule for benchmarks and public aggregates).

The caller counts the firms of each candidate group (it owns the data); this module only decides.
Quartiles use the "inclusive" method of Python's `statistics.quantiles` (linear interpolation
between data points, as in spreadsheet QUARTILE.INC). Minimum and maximum are deliberately not
reported: each is a single firm's value.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from borderless.core.i18n import Message, _

MIN_GROUP = 5


class PeerLevel(StrEnum):
    """Candidate peer groups, narrowest first."""

    COUNTRY_SIZE_SECTOR = "country_size_sector"
    COUNTRY_SIZE = "country_size"
    COUNTRY = "country"
    ALL = "all"

    @property
    def fields(self) -> tuple[str, ...]:
        """The company fields a peer must share with the firm."""
        return LEVEL_FIELDS[self]

    @property
    def title(self) -> Message:  # type: ignore[override]  # the member's name, not str.title
        return LEVEL_TITLES[self]


PEER_LEVELS: tuple[PeerLevel, ...] = tuple(PeerLevel)
LEVEL_FIELDS: dict[PeerLevel, tuple[str, ...]] = {
    PeerLevel.COUNTRY_SIZE_SECTOR: ("country", "size_class", "sector"),
    PeerLevel.COUNTRY_SIZE: ("country", "size_class"),
    PeerLevel.COUNTRY: ("country",),
    PeerLevel.ALL: (),
}
LEVEL_TITLES: dict[PeerLevel, Message] = {
    PeerLevel.COUNTRY_SIZE_SECTOR: _("Companies of the same country, size and sector"),
    PeerLevel.COUNTRY_SIZE: _("Companies of the same country and size"),
    PeerLevel.COUNTRY: _("Companies of the same country"),
    PeerLevel.ALL: _("All companies"),
}


@dataclass(frozen=True)
class PeerGroup:
    level: PeerLevel
    n: int

    @property
    def fields(self) -> tuple[str, ...]:
        return self.level.fields


def choose_peer_group(candidates: Mapping[PeerLevel | str, int]) -> PeerGroup | None:
    """The narrowest candidate group with at least MIN_GROUP firms, or None if even "all" is smaller.

    `candidates` maps a level to the number of firms in that group; levels left out are skipped.
    """
    counts = {PeerLevel(level): n for level, n in candidates.items()}
    if any(n < 0 for n in counts.values()):
        raise ValueError("a group cannot have fewer than zero firms")
    for level in PEER_LEVELS:
        if counts.get(level, 0) >= MIN_GROUP:
            return PeerGroup(level, counts[level])
    return None


def peer_filters(level: PeerLevel, *, country: str, size_class: str, sector: str) -> dict[str, str]:
    """The field values peers must share at `level`, e.g. {"country": "NL", "size_class": "small"}."""
    values = {"country": country, "size_class": size_class, "sector": sector}
    return {name: values[name] for name in level.fields}


@dataclass(frozen=True)
class PeerSummary:
    n: int
    mean: float
    median: float
    q1: float  # lower quartile
    q3: float  # upper quartile


def peer_summary(values: Sequence[float]) -> PeerSummary | None:
    """Mean, median and quartiles of the peers' values; None (refused) for fewer than MIN_GROUP values."""
    if len(values) < MIN_GROUP:
        return None
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return PeerSummary(n=len(values), mean=statistics.fmean(values), median=median, q1=q1, q3=q3)


def percentile_rank(value: float, values: Sequence[float]) -> float | None:
    """Share of peers below `value`, ties counting half (0..1); None for fewer than MIN_GROUP values."""
    if len(values) < MIN_GROUP:
        return None
    below = sum(v < value for v in values)
    equal = sum(v == value for v in values)
    return (below + equal / 2) / len(values)
