"""A synthetic population of the region's organisations, for demo data, load tests and the benchmark.

Deterministic: everything comes from one `random.Random(seed)`, organisation after organisation,
so the same towns, seed and size give the same population, and the first m organisations of a
larger population are the population of size m.

How an organisation is drawn (the numbers are in `synthetic_data`):

1. Country: the Netherlands with probability 0.45, else Germany; then a town of that country with a
   probability proportional to its population. The organisation sits at the town's coordinates.
2. Kind: 97.5% companies; the rest knowledge institutions, intermediaries, authorities, field labs
   and hubs.
3. A company's size class (80% micro, 15% small, 4% medium, 1% large), sector (NACE divisions,
   manufacturing over-represented), follower group (70% have one, mixed about 20/50/30, larger firms
   further ahead), and what it offers and needs: drawn from its sector group's typical offers and
   needs, more of them the larger the firm; about half also offer their own sector ("nace.NN").
   8% of the companies have said nothing about offers or needs.
4. Knowledge institutions and field labs offer about seven competences, other support organisations
   fewer; they are all public and have mostly cooperated before.
5. Past cooperation: 15% of Dutch and 8% of German companies; visibility 70% public, 20% registered
   users only, 10% anonymous.

Names are fictional, built from syllables, an activity word and a legal form per country.

CSV layout (UTF-8, comma-separated, a header row, one organisation per row), for the app's bulk import:

| column | content |
|---|---|
| id | integer, unique |
| name | fictional name |
| kind | company, knowledge, intermediary, authority, fieldlab, hub |
| country | NL or DE |
| town_geonameid | GeoNames id of the town (the organisation's coordinates are the town's) |
| nuts3 | NUTS-3 code of the town |
| size_class | micro, small, medium, large |
| sector | NACE division, two digits ("28") |
| offers | competence codes separated by single spaces, sorted; empty if none |
| needs | the same for needs |
| follower_group | frontrunner, fast_follower, late_follower, or empty |
| visibility | public, registered, anonymous |
| cooperated | 1 if it has taken part in a cooperation project, else 0 |
"""

from __future__ import annotations

import csv
import random
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, NamedTuple, TextIO, TypeVar

from . import synthetic_data as data
from .model import Profile

DEFAULT_SIZE = 550_000
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "country",
    "town_geonameid",
    "nuts3",
    "size_class",
    "sector",
    "offers",
    "needs",
    "follower_group",
    "visibility",
    "cooperated",
)
GROUPS = ("frontrunner", "fast_follower", "late_follower")


class Town(NamedTuple):
    """A real town (GeoNames) the population is spread over, weighted by its population."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    nuts3: str


@dataclass(frozen=True, slots=True)
class SyntheticOrganisation:
    """One row of the CSV file, plus the town's coordinates."""

    id: int
    name: str
    kind: str
    country: str
    town_geonameid: int
    nuts3: str
    size_class: str
    sector: str
    offers: tuple[str, ...]
    needs: tuple[str, ...]
    follower_group: str | None
    visibility: str
    cooperated: bool
    lat: float
    lon: float

    def profile(self) -> Profile:
        return Profile(
            id=self.id,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            kind=self.kind,
            size_class=self.size_class,
            sector=self.sector,
            offers=frozenset(self.offers),
            needs=frozenset(self.needs),
            follower_group=self.follower_group,
            visibility=self.visibility,
            has_cooperated=self.cooperated,
        )


T = TypeVar("T")


class _Table(Generic[T]):
    """Weighted choices with precomputed cumulative weights."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, weights: Mapping[T, float]) -> None:
        self.items = tuple(weights)
        self.cum = tuple(accumulate(weights.values()))
        self.total = self.cum[-1] if self.cum else 0.0

    def __bool__(self) -> bool:
        return bool(self.items)

    def one(self, rng: random.Random) -> T:
        # What random.choices does for one item, without its overhead.
        return self.items[bisect_right(self.cum, rng.random() * self.total, 0, len(self.cum) - 1)]

    def distinct(self: _Table[str], rng: random.Random, k: int) -> tuple[str, ...]:
        """Up to k different items (fewer if the table is smaller or the draws keep repeating)."""
        chosen: set[str] = set()
        k = min(k, len(self.items))
        for _ in range(4 * k):
            if len(chosen) == k:
                break
            chosen.add(self.one(rng))
        return tuple(sorted(chosen))


def _known(weights: Mapping[str, float], codes: Collection[str] | None) -> _Table[str]:
    return _Table({c: w for c, w in weights.items() if codes is None or c in codes})


def _count(rng: random.Random, mean: float) -> int:
    """At least one, mean `mean`: one plus a binomial count."""
    trials = round(2 * (mean - 1))
    return 1 + sum(rng.random() < 0.5 for _ in range(trials))


def _name(rng: random.Random, kind: str, country: str, town: Town) -> str:
    first, second = data.NAME_SYLLABLES[country]
    stem = rng.choice(first) + rng.choice(second)
    if kind == "company":
        return f"{stem} {rng.choice(data.NAME_ACTIVITY[country])} {rng.choice(data.LEGAL_FORMS[country])}"
    return data.SUPPORT_NAMES[kind][country] % {"stem": stem, "town": town.name}


def synthetic_population(
    towns: Sequence[Town],
    n: int = DEFAULT_SIZE,
    *,
    seed: int = 0,
    codes: Collection[str] | None = None,
    first_id: int = 1,
) -> Iterator[SyntheticOrganisation]:
    """n organisations in the given towns, one at a time; `codes` limits competences to a taxonomy."""
    by_country = {c: [t for t in towns if t.country == c and t.population > 0] for c in ("NL", "DE")}
    if not any(by_country.values()):
        raise ValueError("no town in NL or DE with a population")
    town_tables = {c: _Table({t: t.population for t in ts}) for c, ts in by_country.items() if ts}
    codes = frozenset(codes) if codes is not None else None
    kinds = _Table(data.KIND_WEIGHTS)
    company_sizes, support_sizes = _Table(data.COMPANY_SIZES), _Table(data.SUPPORT_SIZES)
    sectors = _Table(data.SECTOR_WEIGHTS)
    visibilities = _Table(data.VISIBILITY_WEIGHTS)
    group_tables = {size: _Table(dict(zip(GROUPS, mix, strict=True))) for size, mix in data.GROUP_MIX.items()}
    profiles = {g: (_known(o, codes), _known(nd, codes)) for g, (o, nd) in data.PROFILES.items()}
    support = {k: (s, _known(o, codes), _known(nd, codes)) for k, (s, o, nd) in data.SUPPORT_PROFILES.items()}
    rng = random.Random(seed)

    for number in range(n):
        country = "NL" if rng.random() < data.SHARE_NL else "DE"
        if country not in town_tables:
            country = next(iter(town_tables))
        town = town_tables[country].one(rng)
        kind = kinds.one(rng)
        group = None
        if kind == "company":
            size = company_sizes.one(rng)
            sector = sectors.one(rng)
            offer_table, need_table = profiles[data.SECTOR_GROUP[sector]]
            if rng.random() < data.SHARE_QUICKSCAN:
                group = group_tables[size].one(rng)
            offers: tuple[str, ...] = ()
            needs: tuple[str, ...] = ()
            if rng.random() >= data.SHARE_EMPTY:
                offers = offer_table.distinct(rng, _count(rng, data.MEAN_OFFERS[size]))
                needs = need_table.distinct(rng, _count(rng, data.MEAN_NEEDS[size]))
                own = f"nace.{sector}"
                if rng.random() < data.SHARE_OWN_SECTOR and (codes is None or own in codes):
                    offers = tuple(sorted({*offers, own}))
            visibility = visibilities.one(rng)
            cooperated = rng.random() < data.SHARE_COOPERATED[country]
        else:
            size = support_sizes.one(rng)
            sector_choices, offer_table, need_table = support[kind]
            sector = rng.choice(sector_choices)
            mean = data.SUPPORT_OFFERS if kind in ("knowledge", "fieldlab") else data.SUPPORT_OFFERS / 2
            offers = offer_table.distinct(rng, _count(rng, mean)) if offer_table else ()
            needs = need_table.distinct(rng, _count(rng, 1.5)) if need_table else ()
            visibility = "public"
            cooperated = rng.random() < data.SHARE_COOPERATED_SUPPORT
        yield SyntheticOrganisation(
            id=first_id + number,
            name=_name(rng, kind, country, town),
            kind=kind,
            country=country,
            town_geonameid=town.geonameid,
            nuts3=town.nuts3,
            size_class=size,
            sector=sector,
            offers=offers,
            needs=needs,
            follower_group=group,
            visibility=visibility,
            cooperated=cooperated,
            lat=town.lat,
            lon=town.lon,
        )


def synthetic_codes() -> tuple[str, ...]:
    """Every competence code the generator can use (without a `codes` limit), sorted."""
    found = {code for offers, needs in data.PROFILES.values() for code in (*offers, *needs)}
    found |= {code for _s, offers, needs in data.SUPPORT_PROFILES.values() for code in (*offers, *needs)}
    found |= {f"nace.{sector}" for sector in data.SECTOR_WEIGHTS}
    return tuple(sorted(found))


# --- CSV ------------------------------------------------------------------------------------------


def csv_row(org: SyntheticOrganisation) -> list[str]:
    return [
        str(org.id),
        org.name,
        org.kind,
        org.country,
        str(org.town_geonameid),
        org.nuts3,
        org.size_class,
        org.sector,
        " ".join(org.offers),
        " ".join(org.needs),
        org.follower_group or "",
        org.visibility,
        "1" if org.cooperated else "0",
    ]


def write_csv(organisations: Iterable[SyntheticOrganisation], file: TextIO) -> int:
    """Write the header and one row per organisation as they come (nothing is held); returns the rows."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for org in organisations:
        writer.writerow(csv_row(org))
        rows += 1
    return rows


def read_csv(file: TextIO, towns: Iterable[Town]) -> Iterator[SyntheticOrganisation]:
    """The organisations of a file written by `write_csv`, one at a time (coordinates from `towns`)."""
    town_of = {t.geonameid: t for t in towns}
    reader = csv.reader(file)
    header = next(reader, None)
    if header is None or tuple(header) != CSV_COLUMNS:
        raise ValueError(f"expected the columns {', '.join(CSV_COLUMNS)}")
    for line, row in enumerate(reader, start=2):
        if len(row) != len(CSV_COLUMNS):
            raise ValueError(f"line {line}: expected {len(CSV_COLUMNS)} fields, found {len(row)}")
        values = dict(zip(CSV_COLUMNS, row, strict=True))
        town = town_of.get(int(values["town_geonameid"]))
        if town is None:
            raise ValueError(f"line {line}: unknown town {values['town_geonameid']}")
        yield SyntheticOrganisation(
            id=int(values["id"]),
            name=values["name"],
            kind=values["kind"],
            country=values["country"],
            town_geonameid=town.geonameid,
            nuts3=values["nuts3"],
            size_class=values["size_class"],
            sector=values["sector"],
            offers=tuple(values["offers"].split()),
            needs=tuple(values["needs"].split()),
            follower_group=values["follower_group"] or None,
            visibility=values["visibility"],
            cooperated=values["cooperated"] == "1",
            lat=town.lat,
            lon=town.lon,
        )
