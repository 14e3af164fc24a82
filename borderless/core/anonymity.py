"""k-anonymity of anonymous profiles: how much of an organisation's description may be shown.

An anonymous atlas card shows no name, but its kind, region, size and sector would still single a firm
out if no other organisation shared them (a public directory filtered by the same values would name
it). So what the card shows is generalised until at least `K` organisations share it.

The quasi-identifiers of an organisation (`QuasiIdentifiers`): its kind, country, NUTS-3 region with
its NUTS-2 and NUTS-1 parents, size class, and NACE division with its section. `LADDER` lists what
may be shown, from the most specific rung to the least; each rung generalises the one before on one
attribute or more, never the other way round:

| rung | kind | region | size | sector |
|---:|---|---|---|---|
| 0 | kind | NUTS-3 | size class | NACE division |
| 1 | kind | NUTS-3 | size class | NACE section |
| 2 | kind | NUTS-3 | SME or large | NACE section |
| 3 | kind | NUTS-3 | SME or large | – |
| 4 | kind | NUTS-2 | SME or large | – |
| 5 | kind | NUTS-1 | SME or large | – |
| 6 | kind | country | – | – |
| 7 | – | country | – | – |
| 8 | – | – | – | – |

The region is given up last among the attributes that matter for finding a partner nearby: the size
class goes before the NUTS-3 region, and the sector before the NUTS-2 one.

Unknown values (no size class given, no place known) are values of their own: a firm of unknown size
is grouped with the other firms of unknown size, and one without a known place with the others of its
country whose place is unknown (`unknown_region`), so that "not known" never singles a firm out.

Which rung (`rungs`). Choosing for each firm "the first rung whose key at least K organisations share"
is not enough: anyone who knows the population and the rule can tell that a card shown at rung r
belongs to a firm whose group at rung r - 1 was too small, and rule out every organisation of the
same rung-r group that would have been shown more precisely. So the rungs are assigned to the whole
population at once, as groups: at each rung, every organisation not yet placed joins the group of its
key; a group of at least K not-yet-placed organisations is placed at that rung, all of its members
alike; the others go on to the next rung. Every card shown then describes exactly the organisations
of its group, at least K of them, whoever works it out. An organisation still unplaced after the last
rung (fewer than K left over in the whole population) is not shown at all.

Because each rung generalises the one before, the organisations that decide a group at rung r are
exactly those sharing the group's rung-r key: `rungs(histogram, upto=r)` is exact for rungs 0 to r as
long as the histogram holds every organisation of the rung-r groups it is asked about.

Searching (`passes`): a search filter must not match an anonymous card on a value the card does not
show, or filtering by each NUTS-3 region in turn would reveal the NUTS-3 region behind a NUTS-2 card.
A filter matches only when the card shows the attribute at the filter's level or finer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from itertools import pairwise
from operator import attrgetter

K = 5  # the platform's smallest group, as for peer benchmarks and the research export

LARGE = "large"  # the only size class of 250 employees or more (EU definition)


class Size(StrEnum):
    CLASS = "class"  # micro, small, medium or large
    BAND = "band"  # SME (under 250 employees) or large


class Sector(StrEnum):
    DIVISION = "division"  # NACE Rev. 2 division, two digits
    SECTION = "section"  # NACE Rev. 2 section, one letter


class Band(StrEnum):
    SME = "sme"
    LARGE = "large"


_SME_BAND, _LARGE_BAND = Band.SME.value, Band.LARGE.value  # plain strings: compared very often

# Region levels: 3, 2 and 1 are NUTS levels; 0 is the country.
NUTS3, NUTS2, NUTS1, COUNTRY = 3, 2, 1, 0


def band_of(size_class: str) -> str:
    """SME or large, the coarsest size that still says something ("" when the size is unknown)."""
    if not size_class:
        return ""
    return _LARGE_BAND if size_class == LARGE else _SME_BAND


def unknown_region(country: str) -> str:
    """The key of "region not known" within a country: a value of its own, as an unknown size is."""
    return f"{country}?"


@dataclass(frozen=True, slots=True)
class QuasiIdentifiers:
    """What could link an anonymous card to a named organisation. Empty strings for unknown values.

    An unknown value is a value of its own: organisations of unknown size form their own groups, and
    so do those whose place is not known, within their country (an empty region of a German firm must
    not be grouped with that of a Dutch one, or the card's country would tell more than its group).
    """

    kind: str
    country: str
    nuts3: str
    nuts2: str
    nuts1: str
    size_class: str
    nace_division: str
    nace_section: str
    size_band: str = field(init=False, compare=False)
    # The regions as the ladder groups them: the code, or `unknown_region(country)`.
    nuts3_key: str = field(init=False, compare=False, repr=False)
    nuts2_key: str = field(init=False, compare=False, repr=False)
    nuts1_key: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size_band", band_of(self.size_class))
        unknown = unknown_region(self.country)
        object.__setattr__(self, "nuts3_key", self.nuts3 or unknown)
        object.__setattr__(self, "nuts2_key", self.nuts2 or unknown)
        object.__setattr__(self, "nuts1_key", self.nuts1 or unknown)

    def region(self, level: int) -> str:
        return {NUTS3: self.nuts3, NUTS2: self.nuts2, NUTS1: self.nuts1, COUNTRY: self.country}[level]


@dataclass(frozen=True, slots=True)
class Rung:
    """What one rung of the ladder shows: None means the attribute is not shown."""

    kind: bool
    region: int | None  # NUTS3, NUTS2, NUTS1 or COUNTRY
    size: Size | None
    sector: Sector | None

    def key(self, q: QuasiIdentifiers) -> tuple[str, ...]:
        """The values this rung shows: organisations with the same key are indistinguishable here."""
        return _key_of(self)(q)

    def generalises(self, finer: Rung) -> bool:
        """Whether this rung shows nothing that `finer` does not (each attribute as coarse or coarser)."""

        def coarser(mine: object, theirs: object, order: tuple[object, ...]) -> bool:
            return order.index(mine) >= order.index(theirs)

        return (
            (finer.kind or not self.kind)
            and coarser(self.region, finer.region, (NUTS3, NUTS2, NUTS1, COUNTRY, None))
            and coarser(self.size, finer.size, (Size.CLASS, Size.BAND, None))
            and coarser(self.sector, finer.sector, (Sector.DIVISION, Sector.SECTION, None))
        )


_REGION_FIELDS = {NUTS3: "nuts3_key", NUTS2: "nuts2_key", NUTS1: "nuts1_key", COUNTRY: "country"}


@cache
def _key_of(rung: Rung) -> Callable[[QuasiIdentifiers], tuple[str, ...]]:
    """A fast function from a record to its key at this rung (the rungs are few and fixed)."""
    names = [
        "kind" if rung.kind else None,
        _REGION_FIELDS[rung.region] if rung.region is not None else None,
        {Size.CLASS: "size_class", Size.BAND: "size_band", None: None}[rung.size],
        {Sector.DIVISION: "nace_division", Sector.SECTION: "nace_section", None: None}[rung.sector],
    ]
    shown = [name for name in names if name is not None]
    if not shown:
        return lambda q: ()
    if len(shown) == 1:
        get = attrgetter(shown[0])
        return lambda q: (get(q),)
    return attrgetter(*shown)


LADDER: tuple[Rung, ...] = (
    Rung(True, NUTS3, Size.CLASS, Sector.DIVISION),
    Rung(True, NUTS3, Size.CLASS, Sector.SECTION),
    Rung(True, NUTS3, Size.BAND, Sector.SECTION),
    Rung(True, NUTS3, Size.BAND, None),
    Rung(True, NUTS2, Size.BAND, None),
    Rung(True, NUTS1, Size.BAND, None),
    Rung(True, COUNTRY, None, None),
    Rung(False, COUNTRY, None, None),
    Rung(False, None, None, None),
)


def ladder_is_monotone(ladder: tuple[Rung, ...] = LADDER) -> bool:
    return all(later.generalises(earlier) for earlier, later in pairwise(ladder))


@dataclass(frozen=True, slots=True)
class Shown:
    """What an anonymous card shows of its organisation; empty strings for what it does not show."""

    rung: int
    kind: str
    country: str
    region: str  # the code at `region_level` (the country code at level 0), or ""
    region_level: int | None
    size_class: str  # the exact class, when the card shows it (a large firm's band is its class)
    size_band: str  # "sme" or "large" whenever the card shows a size
    nace_division: str
    nace_section: str  # whenever the card shows a sector


def shown(q: QuasiIdentifiers, rung: int, ladder: tuple[Rung, ...] = LADDER) -> Shown:
    """The organisation's description at one rung of the ladder."""
    step = ladder[rung]
    size_class = q.size_class if step.size is Size.CLASS or (step.size is Size.BAND and q.size_class == LARGE) else ""
    return Shown(
        rung=rung,
        kind=q.kind if step.kind else "",
        country=q.country if step.region is not None else "",
        region=q.region(step.region) if step.region is not None else "",
        region_level=step.region,
        size_class=size_class,
        size_band=q.size_band if step.size is not None else "",
        nace_division=q.nace_division if step.sector is Sector.DIVISION else "",
        nace_section=q.nace_section if step.sector is not None else "",
    )


def rungs(
    histogram: Mapping[QuasiIdentifiers, int],
    *,
    k: int = K,
    upto: int | None = None,
    targets: Iterable[QuasiIdentifiers] | None = None,
    ladder: tuple[Rung, ...] = LADDER,
) -> dict[QuasiIdentifiers, int]:
    """The rung of every record of the population, placing whole groups at once (see the module's text).

    `histogram` counts the organisations per combination of quasi-identifiers. Records not in the
    result are not placed: by rung `upto` (then ask again with a histogram of the coarser groups), or
    at all (then the card is not shown). With `targets`, the work stops once all of them are placed
    (the others may then be missing from the result).
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    last = len(ladder) - 1 if upto is None else min(upto, len(ladder) - 1)
    pending = {q: n for q, n in histogram.items() if n > 0}
    waiting = None if targets is None else set(targets)
    placed: dict[QuasiIdentifiers, int] = {}
    for number in range(last + 1):
        key = _key_of(ladder[number])
        keys = {q: key(q) for q in pending}
        sizes: Counter[tuple[str, ...]] = Counter()
        for q, n in pending.items():
            sizes[keys[q]] += n
        for q in [q for q in pending if sizes[keys[q]] >= k]:
            placed[q] = number
            del pending[q]
            if waiting is not None:
                waiting.discard(q)
        if not pending or (waiting is not None and not waiting):
            break
    return placed


@dataclass(frozen=True, slots=True)
class Filter:
    """The attributes a search filters by ("" or None: not filtered)."""

    kind: str = ""
    country: str = ""
    region: str = ""  # a NUTS code of any level; two letters is a country
    euregio_regions: Collection[str] | None = None  # the NUTS-3 codes of the chosen Euregio
    size_class: str = ""
    nace_division: str = ""
    nace_section: str = ""


def region_level(code: str) -> int:
    """The NUTS level of a code: DE is 0, DEA 1, DEA3 2, DEA34 3."""
    return max(0, min(3, len(code) - 2))


def passes(card: Shown, wanted: Filter) -> bool:
    """Whether an anonymous card matches a search on what it SHOWS: a filter finer than the card never matches."""
    if wanted.kind and card.kind != wanted.kind:
        return False
    if wanted.country and card.country != wanted.country:
        return False
    if wanted.region:
        level = region_level(wanted.region)
        if card.region_level is None or card.region_level < level or not card.region.startswith(wanted.region):
            return False
    if wanted.euregio_regions is not None and (card.region_level != NUTS3 or card.region not in wanted.euregio_regions):
        return False
    if wanted.size_class and card.size_class != wanted.size_class:
        return False
    if wanted.nace_division and card.nace_division != wanted.nace_division:
        return False
    if wanted.nace_section and card.nace_section != wanted.nace_section:
        return False
    return True


__all__ = [
    "COUNTRY",
    "LADDER",
    "NUTS1",
    "NUTS2",
    "NUTS3",
    "Band",
    "Filter",
    "K",
    "QuasiIdentifiers",
    "Rung",
    "Sector",
    "Shown",
    "Size",
    "band_of",
    "ladder_is_monotone",
    "passes",
    "region_level",
    "rungs",
    "shown",
    "unknown_region",
]
