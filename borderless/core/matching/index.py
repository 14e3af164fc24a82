"""The matching index: every profile as numpy arrays, scored against a requester in one pass.

Layout (see `store`). Profiles are kept in one *shard* per country, so the default query (partners
across the border) touches only the other country's rows. A shard holds per row: id, location,
sector, maturity class, visibility, the "never cooperated" flag, and for each relation (offers,
needs, technologies) the row's codes as a bitset; per competence code it holds the sorted rows that
offer, need or work with it (posting lists, CSR-like), and per location its coordinates as a unit
vector. Scoring (see `ranking`) adds a code's weight to the rows of its posting list, so that work
grows with the matches, not with rows × codes; the rest is two table lookups per row.

Rarity. A competence weighs 1 + ln((1 + N) / (1 + n_c)), with N the number of profiles and n_c the
number of profiles that offer c: a competence offered by everyone weighs 1, a rare one up to about
1 + ln(N). The weights are kept in fixed point (units of 2^-16) as the difference of two integers,
A(N) - L(n_c), so that every sum of weights is exact and independent of the order of additions:
an index changed by `add`, `update` and `remove` ranks exactly like one built from scratch.

Components, each in [0, 1], for requester r and candidate c:

- complementarity: the weight of r's needs that c offers / the weight of all of r's needs;
- reciprocity: the weight of c's needs that r offers / the weight of all of c's needs;
- common ground: the share of r's technologies that c works with, and whether both are in the same
  sector, averaged (only the parts r can have: without technologies it is the sector alone);
- proximity: exp(-detour × great-circle distance / scale) (see `Proximity`); the border costs nothing;
- maturity fit: the `MaturityTable` value of r's and c's maturity classes;
- novelty: 1 if c has never cooperated in a project, else 0;
- closure (partners of partners): with n the number of r's project partners that have cooperated
  with c too, n / (n + 1) (`closure_score`): one shared partner scores 1/2, two 2/3, three 3/4. It
  is 0 when r and c have cooperated themselves (novelty and the note "worked together" cover them)
  and when c is in r's own country: it looks for new ties across the border.

Cooperation is a tie between two organisations: either one listing the other in `cooperated_with`
is enough. The index keeps each row's own list (`Shard.partners`) and, per id, the profiles that
list it (`_listed_by`), so that the ties of any id, in the index or not, are two lookups. For every
id with ties it also keeps the positions of the profiles it is tied to, as one sorted numpy array
(`_tie_positions`), kept up to date by `add`, `update` and `remove`. A query concatenates the arrays
of the requester's partners and counts each position's repeats: the work grows with the partners'
ties, not with the number of profiles, and needs no Python loop over the candidates.

Score = the sum of weight × component, with the weights divided by their sum. Candidates: by default
only other countries (`across_border=False` lifts this), never the requester itself, never a
profile visible to registered users only when the viewer is not registered; anonymous profiles are
returned flagged. The top k come from `np.argpartition`; ties are broken by ascending id.

Queries only read, so any number may run at once; `add`, `update` and `remove` must not run while
another call is under way (an app refreshes a copy, or serialises the calls with a lock). Removed
profiles leave empty rows behind until the index is rebuilt, e.g. `MatchIndex.build(index.profiles())`.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Sequence

import numpy as np

from borderless.core.organisations import SizeClass

from .maturity import CLASS_NUMBER, CLASSES, DEFAULT_MATURITY, MaturityTable, kind_and_group, maturity_class
from .model import (
    DEFAULT_PROXIMITY,
    DEFAULT_WEIGHTS,
    Profile,
    Proximity,
    Recommendation,
    Weights,
    is_technology_code,
)
from .ranking import VISIBILITIES
from .ranking import recommend as _recommend
from .store import RELATIONS, SCALE, Shard, cols_of_bits, log_units, offset_units

SIZES: tuple[str, ...] = tuple(s.value for s in SizeClass)


class MatchIndex:
    """Profiles of many organisations, ready to be matched; see the module docstring for the rules."""

    def __init__(self, *, technologies: Callable[[str], bool] | Collection[str] = is_technology_code) -> None:
        self._is_technology = technologies if callable(technologies) else frozenset(technologies).__contains__
        self._codes: list[str] = []
        self._col: dict[str, int] = {}
        self._offered = np.zeros(0, np.int64)  # per column: active profiles offering it
        self._log = np.zeros(0, np.int64)  # per column: L(n_c) in fixed point
        self._sectors: list[str] = []
        self._sector_no: dict[str, int] = {}
        self._shards: list[Shard] = []
        self._shard_no: dict[str, int] = {}
        self._where: dict[int, int] = {}  # id -> shard number << 32 | row
        self._class_cache: dict[tuple[str, str | None], int] = {}
        self._listed_by: dict[int, set[int]] = {}  # id -> ids of the profiles whose cooperated_with lists it
        self._tie_positions: dict[int, np.ndarray] = {}  # id -> sorted positions of the profiles tied to it

    # --- building ----------------------------------------------------------------------------------

    @classmethod
    def build(
        cls, profiles: Iterable[Profile], *, technologies: Callable[[str], bool] | Collection[str] = is_technology_code
    ) -> MatchIndex:
        """The index of all `profiles` (read once, so a generator of profiles is fine)."""
        index = cls(technologies=technologies)
        index._bulk_load(profiles)
        return index

    def _bulk_load(self, profiles: Iterable[Profile]) -> None:
        shard_of, ids, lat, lon = array("i"), array("q"), array("d"), array("d")
        klass, size, sector, novel, visibility = array("b"), array("b"), array("i"), array("b"), array("b")
        pairs = {rel: (array("i"), array("i")) for rel in RELATIONS}
        partners: dict[int, frozenset[int]] = {}
        for g, profile in enumerate(profiles):
            if profile.id in self._where:
                raise ValueError(f"profile {profile.id} appears twice")
            self._where[profile.id] = g  # global position for now; rows are assigned per shard below
            shard_of.append(self._shard(profile.country))
            ids.append(profile.id)
            lat.append(profile.lat)
            lon.append(profile.lon)
            klass.append(self._class_number(profile))
            size.append(SIZES.index(profile.size_class) if profile.size_class else -1)
            sector.append(self._sector(profile.sector))
            novel.append(profile.never_cooperated)
            visibility.append(VISIBILITIES.index(profile.visibility))
            if profile.cooperated_with:
                partners[g] = profile.cooperated_with
                self._link(profile.id, profile.cooperated_with)
            for rel, codes in self._relations(profile).items():
                rows, cols = pairs[rel]
                for code in sorted(codes):
                    rows.append(g)
                    cols.append(self._column(code))
        total = len(ids)
        n_cols = len(self._codes)
        shard_np = np.frombuffer(shard_of, np.int32) if total else np.zeros(0, np.int32)
        pair_np = {
            rel: (np.frombuffer(r, np.int32) if len(r) else np.zeros(0, np.int32), np.frombuffer(c, np.int32))
            for rel, (r, c) in pairs.items()
        }
        self._offered = np.bincount(pair_np["offers"][1], minlength=n_cols).astype(np.int64)
        self._log = np.array([log_units(int(n)) for n in self._offered], dtype=np.int64)
        need_rows, need_cols = pair_np["needs"]
        need_count = np.bincount(need_rows, minlength=total).astype(np.int64)
        # Sums of integers below 2**53 are exact in float64, whatever the order.
        need_log = np.bincount(need_rows, weights=self._log[need_cols].astype(np.float64), minlength=total)
        columns: dict[str, np.ndarray] = {
            "ids": np.frombuffer(ids, np.int64) if total else np.zeros(0, np.int64),
            "lat": np.frombuffer(lat, np.float64) if total else np.zeros(0),
            "lon": np.frombuffer(lon, np.float64) if total else np.zeros(0),
            "klass": np.frombuffer(klass, np.int8) if total else np.zeros(0, np.int8),
            "size": np.frombuffer(size, np.int8) if total else np.zeros(0, np.int8),
            "sector": np.frombuffer(sector, np.int32) if total else np.zeros(0, np.int32),
            "novel": np.frombuffer(novel, np.int8).astype(np.bool_) if total else np.zeros(0, np.bool_),
            "visibility": np.frombuffer(visibility, np.int8) if total else np.zeros(0, np.int8),
            "need_count": need_count,
            "need_log": need_log.astype(np.int64),
        }
        local = np.zeros(total, np.int64)
        for number, shard in enumerate(self._shards):
            members = np.flatnonzero(shard_np == number)
            local[members] = np.arange(members.size)
            shard_pairs = {}
            for rel, (pair_rows, pair_cols) in pair_np.items():
                keep = shard_np[pair_rows] == number
                shard_pairs[rel] = (local[pair_rows[keep]], pair_cols[keep])
            shard.load({name: values[members] for name, values in columns.items()}, shard_pairs, n_cols)
            for g in members.tolist():
                if g in partners:
                    shard.partners[int(local[g])] = partners[g]
        for profile_id, g in self._where.items():
            self._where[profile_id] = int(shard_np[g]) << 32 | int(local[g])
        self._refresh_ties({*self._listed_by, *(int(ids[g]) for g in partners)})

    # --- vocabulary and small lookups ----------------------------------------------------------------

    def _relations(self, profile: Profile) -> dict[str, frozenset[str]]:
        return {
            "offers": profile.offers,
            "needs": profile.needs,
            "tech": profile.technologies_with(self._is_technology),
        }

    def _column(self, code: str) -> int:
        col = self._col.get(code)
        if col is None:
            col = self._col[code] = len(self._codes)
            self._codes.append(code)
            self._offered = np.append(self._offered, np.int64(0))
            self._log = np.append(self._log, np.int64(0))
            for shard in self._shards:
                shard.ensure_columns(len(self._codes))
        return col

    def _sector(self, sector: str | None) -> int:
        if not sector:
            return -1
        number = self._sector_no.get(sector)
        if number is None:
            number = self._sector_no[sector] = len(self._sectors)
            self._sectors.append(sector)
        return number

    def _shard(self, country: str) -> int:
        number = self._shard_no.get(country)
        if number is None:
            number = self._shard_no[country] = len(self._shards)
            self._shards.append(Shard(country, len(self._codes)))
        return number

    def _class_number(self, profile: Profile) -> int:
        key = (profile.kind, profile.follower_group)
        number = self._class_cache.get(key)
        if number is None:
            number = self._class_cache[key] = CLASS_NUMBER[maturity_class(*key)]
        return number

    def _locate(self, profile_id: int) -> tuple[Shard, int]:
        where = self._where.get(profile_id)
        if where is None:
            raise KeyError(profile_id)
        return self._shards[where >> 32], where & 0xFFFFFFFF

    def _link(self, profile_id: int, partners: Iterable[int]) -> None:
        for partner in partners:
            self._listed_by.setdefault(partner, set()).add(profile_id)

    def _unlink(self, profile_id: int, partners: Iterable[int]) -> None:
        for partner in partners:
            listing = self._listed_by.get(partner)
            if listing is not None:
                listing.discard(profile_id)
                if not listing:
                    del self._listed_by[partner]

    def _refresh_ties(self, profile_ids: Iterable[int]) -> None:
        """Recompute the tie positions of these ids (after their ties or the positions of those changed)."""
        where = self._where
        for profile_id in profile_ids:
            positions = sorted(where[i] for i in self.ties(profile_id) if i in where)
            if positions:
                self._tie_positions[profile_id] = np.array(positions, dtype=np.int64)
            else:
                self._tie_positions.pop(profile_id, None)

    def _set_offered(self, col: int, count: int) -> None:
        """Change how many profiles offer a code, and every need total that depends on its weight."""
        old, new = int(self._log[col]), log_units(count)
        self._offered[col] = count
        self._log[col] = new
        if new != old:
            for shard in self._shards:
                shard.shift_need_log(col, new - old)

    # --- incremental refresh -------------------------------------------------------------------------

    def add(self, profile: Profile) -> None:
        """Add a profile that is not in the index yet."""
        if profile.id in self._where:
            raise ValueError(f"profile {profile.id} is already in the index; use update()")
        number = self._shard(profile.country)
        shard = self._shards[number]
        row = shard.new_row()
        self._where[profile.id] = number << 32 | row
        cols = {rel: sorted(self._column(code) for code in codes) for rel, codes in self._relations(profile).items()}
        for rel, rel_cols in cols.items():
            shard.add_codes(rel, row, rel_cols)
        for col in cols["offers"]:
            self._set_offered(col, int(self._offered[col]) + 1)
        self._write_row(shard, row, profile, cols["needs"])
        self._link(profile.id, profile.cooperated_with)
        self._refresh_ties({profile.id, *self.ties(profile.id)})

    def remove(self, profile_id: int) -> None:
        """Take a profile out of the index (its row stays empty until the index is rebuilt)."""
        shard, row = self._locate(profile_id)
        offers = cols_of_bits(shard.bits["offers"][row])
        for rel in RELATIONS:
            shard.remove_codes(rel, row, cols_of_bits(shard.bits[rel][row]))
        for col in offers.tolist():
            self._set_offered(col, int(self._offered[col]) - 1)
        tied = self.ties(profile_id)
        self._unlink(profile_id, shard.partners.get(row, frozenset()))
        shard.clear_row(row)
        del self._where[profile_id]
        self._refresh_ties({profile_id, *tied})

    def update(self, profile: Profile) -> None:
        """Replace the profile with the same id, in place; only the codes that changed are touched."""
        shard, row = self._locate(profile.id)
        if shard.country != profile.country:
            self.remove(profile.id)
            self.add(profile)
            return
        new = {rel: {self._column(code) for code in codes} for rel, codes in self._relations(profile).items()}
        old = {rel: set(cols_of_bits(shard.bits[rel][row]).tolist()) for rel in RELATIONS}
        for rel in RELATIONS:
            shard.remove_codes(rel, row, sorted(old[rel] - new[rel]))
            shard.add_codes(rel, row, sorted(new[rel] - old[rel]))
        for col in sorted(old["offers"] - new["offers"]):
            self._set_offered(col, int(self._offered[col]) - 1)
        for col in sorted(new["offers"] - old["offers"]):
            self._set_offered(col, int(self._offered[col]) + 1)
        old_partners = shard.partners.get(row, frozenset())
        tied = self.ties(profile.id)
        self._unlink(profile.id, old_partners - profile.cooperated_with)
        self._link(profile.id, profile.cooperated_with - old_partners)
        self._write_row(shard, row, profile, sorted(new["needs"]))
        if profile.cooperated_with != old_partners:
            self._refresh_ties({profile.id, *tied, *self.ties(profile.id)})

    def upsert(self, profile: Profile) -> None:
        """`update` when the id is known, else `add`."""
        if profile.id in self._where:
            self.update(profile)
        else:
            self.add(profile)

    def _write_row(self, shard: Shard, row: int, profile: Profile, need_cols: Sequence[int]) -> None:
        shard.write_row(
            row,
            profile_id=profile.id,
            lat=profile.lat,
            lon=profile.lon,
            klass=self._class_number(profile),
            size=SIZES.index(profile.size_class) if profile.size_class else -1,
            sector=self._sector(profile.sector),
            novel=profile.never_cooperated,
            visibility=VISIBILITIES.index(profile.visibility),
            need_count=len(need_cols),
            need_log=int(sum(int(self._log[c]) for c in need_cols)),
            partners=profile.cooperated_with,
        )

    # --- reading -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, profile_id: object) -> bool:
        return profile_id in self._where

    @property
    def codes(self) -> tuple[str, ...]:
        """Every competence code the index has seen, in column order."""
        return tuple(self._codes)

    def ids(self) -> list[int]:
        return sorted(self._where)

    def code_at(self, col: int) -> str:
        """The competence code of a column."""
        return self._codes[col]

    def columns_of(self, codes: Iterable[str]) -> np.ndarray:
        """The columns of the codes the index knows, in the order given; unknown codes are left out."""
        col = self._col
        return np.array([col[c] for c in codes if c in col], dtype=np.int64)

    def weight_units(self) -> np.ndarray:
        """Per column, the competence's weight A(N) - L(n_c) in fixed point (see `rarity`); a fresh array."""
        return offset_units(len(self)) - self._log

    def is_technology(self, code: str) -> bool:
        """Whether the code counts as a technology (common ground) rather than a competence."""
        return bool(self._is_technology(code))

    def sector_number(self, sector: str) -> int | None:
        """The number the index gives a sector, or None if no profile has it."""
        return self._sector_no.get(sector)

    def sector_name(self, number: int) -> str:
        return self._sectors[number]

    @property
    def shards(self) -> tuple[Shard, ...]:
        """The shards, one per country, in shard-number order."""
        return tuple(self._shards)

    def position(self, profile_id: int) -> tuple[int, int] | None:
        """(shard number, row) of a profile in the index, or None if it is not in it."""
        where = self._where.get(profile_id)
        return None if where is None else (where >> 32, where & 0xFFFFFFFF)

    def ties(self, profile_id: int) -> frozenset[int]:
        """The ids an organisation has cooperated with: those its profile lists and those whose profiles
        list it (known for an id that is not in the index too, through the profiles that list it)."""
        listing = self._listed_by.get(profile_id, ())
        where = self._where.get(profile_id)
        if where is None:
            return frozenset(listing)
        own = self._shards[where >> 32].partners.get(where & 0xFFFFFFFF, frozenset())
        return own.union(listing) if listing else own

    def tie_positions(self, profile_id: int) -> np.ndarray | None:
        """The positions (shard number << 32 | row) of the profiles tied to an id, sorted; None without any."""
        return self._tie_positions.get(profile_id)

    def partners_of(self, requester: Profile) -> frozenset[int]:
        """The requester's project partners: those it lists (as given, not as the index holds it) and
        the profiles in the index that list it."""
        listing = self._listed_by.get(requester.id)
        partners = requester.cooperated_with.union(listing) if listing else requester.cooperated_with
        return partners - {requester.id}

    def offered_by(self, code: str) -> int:
        """How many profiles offer the code."""
        col = self._col.get(code)
        return 0 if col is None else int(self._offered[col])

    def rarity(self, code: str) -> float:
        """The weight of a competence: 1 + ln((1 + profiles) / (1 + profiles offering it))."""
        col = self._col.get(code)
        units = offset_units(len(self)) - (0 if col is None else int(self._log[col]))
        return units / SCALE

    def get(self, profile_id: int) -> Profile:
        """The profile as the index holds it (technologies resolved; raises KeyError if unknown)."""
        shard, row = self._locate(profile_id)
        kind, group = kind_and_group(CLASSES[shard.klass[row]])
        lat, lon = shard.lat_lon(row)
        size = int(shard.size[row])
        sector = int(shard.sector[row])
        codes = {rel: frozenset(self._codes[c] for c in cols_of_bits(shard.bits[rel][row])) for rel in RELATIONS}
        return Profile(
            id=profile_id,
            country=shard.country,
            lat=lat,
            lon=lon,
            kind=kind,
            size_class=SIZES[size] if size >= 0 else None,
            sector=self._sectors[sector] if sector >= 0 else None,
            offers=codes["offers"],
            needs=codes["needs"],
            technologies=codes["tech"],
            follower_group=group,
            cooperated_with=shard.partners.get(row, frozenset()),
            visibility=VISIBILITIES[shard.visibility[row]],
            has_cooperated=not shard.novel[row],
        )

    def profiles(self) -> Iterable[Profile]:
        """Every profile as the index holds it, by id."""
        return (self.get(profile_id) for profile_id in self.ids())

    def nbytes(self) -> int:
        """Memory held in numpy arrays (without Python object overhead)."""
        ties = sum(positions.nbytes for positions in self._tie_positions.values())
        return sum(shard.nbytes() for shard in self._shards) + self._offered.nbytes + self._log.nbytes + ties

    # --- scoring -------------------------------------------------------------------------------------

    def recommend(
        self,
        requester: Profile,
        *,
        k: int = 10,
        weights: Weights = DEFAULT_WEIGHTS,
        proximity: Proximity = DEFAULT_PROXIMITY,
        maturity: MaturityTable = DEFAULT_MATURITY,
        across_border: bool = True,
        viewer_registered: bool = True,
    ) -> list[Recommendation]:
        """The k best partners for `requester` (which need not be in the index), best first.

        across_border: only organisations in another country than the requester's (the default).
        viewer_registered: whether the person asking is signed in; if not, profiles visible to
        registered users only are left out. Anonymous profiles come back with `anonymous` set.
        """
        return _recommend(
            self,
            requester,
            k=k,
            weights=weights,
            proximity=proximity,
            maturity=maturity,
            across_border=across_border,
            viewer_registered=viewer_registered,
        )
