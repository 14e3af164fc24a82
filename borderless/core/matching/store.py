"""The arrays behind the matching index: one `Shard` per country.

A shard's rows are organisations; its arrays grow by doubling, so adding a profile is amortised
constant time. Removed rows stay as empty rows (their key says so) until the next build.

Organisations share locations (many sit in the same town), so coordinates are kept once per
location and each row points to its location: a query computes one distance per location.

Each row has a *key* that combines its maturity class, whether it has never cooperated and its
visibility; a query turns the few possible keys into one table of scores, so maturity fit, novelty
and the visibility rule together cost one lookup per row. While there are few locations, a row's
*combo* (location × key) lets one lookup add proximity as well.

Per relation ("offers", "needs", "tech") a shard keeps two views of the same facts:

- per row a bitset of column numbers (uint64 words), to read a row's codes back;
- per column a sorted int32 array of rows (a posting list), to score by adding weights to the rows
  that offer, need or work with a code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from borderless.core.organisations import EARTH_RADIUS_KM

SCALE = 1 << 16  # fixed-point units per rarity weight
RELATIONS: tuple[str, ...] = ("offers", "needs", "tech")
WORD = 64
EMPTY_ROWS = np.zeros(0, np.int32)
EMPTY_ROWS.setflags(write=False)
N_VISIBILITIES = 3
KEYS_PER_CLASS = 2 * N_VISIBILITIES
REMOVED = 127  # the key of an empty row, above every real key
KEYS = REMOVED + 1

# name -> (dtype, value of an unused row)
ROW_ARRAYS: dict[str, tuple[type, object]] = {
    "ids": (np.int64, 0),
    "loc": (np.intp, 0),  # intp: numpy gathers with native indices fastest
    "klass": (np.int8, 0),
    "size": (np.int8, -1),
    "sector": (np.int32, -1),
    "novel": (np.bool_, False),
    "visibility": (np.int8, 0),
    "key": (np.intp, REMOVED),
    "combo": (np.intp, REMOVED),  # loc * KEYS + key
    "need_count": (np.int64, 0),
    "need_log": (np.int64, 0),
}


def log_units(count: int) -> int:
    """L(n) = ln(1 + n) in fixed point.

    math.log1p, not numpy: one scalar function everywhere, so a rebuilt index gets the very same
    integers as one changed profile by profile.
    """
    return round(SCALE * math.log1p(count))


def offset_units(n_profiles: int) -> int:
    """A(N) = 1 + ln(1 + N) in fixed point; a code offered by n profiles weighs A(N) - L(n)."""
    return round(SCALE * (1.0 + math.log1p(n_profiles)))


def row_key(klass: int, novel: bool, visibility: int) -> int:
    """The key of a row: maturity class, never cooperated, visibility (see `Shard.key`)."""
    return klass * KEYS_PER_CLASS + int(novel) * N_VISIBILITIES + visibility


def unit_vectors(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    """Points on the unit sphere, shape (3, n), from latitudes and longitudes in degrees."""
    phi, lam = np.radians(lat_deg), np.radians(lon_deg)
    cos_phi = np.cos(phi)
    return np.stack([cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)])


def words_for(n_cols: int) -> int:
    return max(1, -(-n_cols // WORD))


def cols_of_bits(words: np.ndarray) -> np.ndarray:
    """The column numbers set in one row's bitset."""
    return np.flatnonzero(np.unpackbits(words.astype("<u8", copy=False).view(np.uint8), bitorder="little"))


def _bit(col: int) -> tuple[int, np.uint64]:
    return col // WORD, np.uint64(1 << (col % WORD))


class Shard:
    """The organisations of one country."""

    # One array per ROW_ARRAYS entry, set in __init__ and _reserve.
    ids: np.ndarray
    loc: np.ndarray
    klass: np.ndarray
    size: np.ndarray
    sector: np.ndarray
    novel: np.ndarray
    visibility: np.ndarray
    key: np.ndarray
    combo: np.ndarray
    need_count: np.ndarray
    need_log: np.ndarray

    def __init__(self, country: str, n_cols: int, capacity: int = 16) -> None:
        self.country = country
        self.n = 0  # rows in use (live or removed)
        self.capacity = capacity
        self.words = words_for(n_cols)
        for name, (dtype, fill) in ROW_ARRAYS.items():
            setattr(self, name, np.full(capacity, fill, dtype=dtype))
        self.bits = {rel: np.zeros((capacity, self.words), np.uint64) for rel in RELATIONS}
        self.postings: dict[str, list[np.ndarray]] = {rel: [EMPTY_ROWS] * n_cols for rel in RELATIONS}
        self.partners: dict[int, frozenset[int]] = {}  # row -> ids it cooperated with (non-empty only)
        self.places: dict[tuple[float, float], int] = {}  # (lat, lon) -> location number
        self.place_lat: list[float] = []
        self.place_lon: list[float] = []
        self.xyz = np.zeros((3, 0))  # unit vectors of the locations
        self.sector_rows: dict[int, np.ndarray] = {}  # sector number -> sorted rows

    # --- growing -----------------------------------------------------------------------------------

    def _reserve(self, capacity: int) -> None:
        if capacity <= self.capacity:
            return
        for name, (dtype, fill) in ROW_ARRAYS.items():
            grown: np.ndarray = np.full(capacity, fill, dtype=dtype)
            grown[: self.n] = getattr(self, name)[: self.n]
            setattr(self, name, grown)
        for rel in RELATIONS:
            bits = np.zeros((capacity, self.words), np.uint64)
            bits[: self.n] = self.bits[rel][: self.n]
            self.bits[rel] = bits
        self.capacity = capacity

    def ensure_columns(self, n_cols: int) -> None:
        for rel in RELATIONS:
            lists = self.postings[rel]
            lists.extend([EMPTY_ROWS] * (n_cols - len(lists)))
        words = words_for(n_cols)
        if words > self.words:
            for rel in RELATIONS:
                wider = np.zeros((self.capacity, words), np.uint64)
                wider[:, : self.words] = self.bits[rel]
                self.bits[rel] = wider
            self.words = words

    def new_row(self) -> int:
        if self.n == self.capacity:
            self._reserve(2 * self.capacity)
        self.n += 1
        return self.n - 1

    def place(self, lat: float, lon: float) -> int:
        """The location number of a point; a new location if no row was there yet."""
        number = self.places.get((lat, lon))
        if number is None:
            number = self.places[(lat, lon)] = len(self.place_lat)
            self.place_lat.append(lat)
            self.place_lon.append(lon)
            self.xyz = np.concatenate([self.xyz, unit_vectors(np.array([lat]), np.array([lon]))], axis=1)
        return number

    # --- bulk load ---------------------------------------------------------------------------------

    def load(
        self,
        columns: Mapping[str, np.ndarray],
        pairs: Mapping[str, tuple[np.ndarray, np.ndarray]],
        n_cols: int,
    ) -> None:
        """Fill an empty shard: per-row columns and, per relation, (rows, cols) pairs."""
        n = columns["ids"].size
        self.words = words_for(n_cols)
        self.capacity = 0
        self._reserve(max(16, n + n // 16))
        self.n = n
        for name in ("ids", "klass", "size", "sector", "novel", "visibility", "need_count", "need_log"):
            getattr(self, name)[:n] = columns[name]
        self.key[:n] = self.klass[:n] * KEYS_PER_CLASS + self.novel[:n] * N_VISIBILITIES + self.visibility[:n]
        points = np.stack([columns["lat"], columns["lon"]], axis=1)
        unique, inverse = np.unique(points, axis=0, return_inverse=True)
        self.loc[:n] = inverse.reshape(-1)
        self.place_lat, self.place_lon = unique[:, 0].tolist(), unique[:, 1].tolist()
        self.places = {point: i for i, point in enumerate(zip(self.place_lat, self.place_lon, strict=True))}
        self.xyz = unit_vectors(unique[:, 0], unique[:, 1])
        self.combo[:n] = self.loc[:n] * KEYS + self.key[:n]
        by_sector = np.argsort(self.sector[:n], kind="stable").astype(np.int32)
        sectors, starts = np.unique(self.sector[:n][by_sector], return_index=True)
        ends = [*starts[1:].tolist(), n]
        self.sector_rows = {
            int(sector): by_sector[start:end]
            for sector, start, end in zip(sectors.tolist(), starts.tolist(), ends, strict=True)
            if sector >= 0
        }
        for rel, (rows, cols) in pairs.items():
            rows = rows.astype(np.int32)
            cols = cols.astype(np.int64)
            order = np.lexsort((rows, cols))
            rows, cols = rows[order], cols[order]
            bounds = np.searchsorted(cols, np.arange(n_cols + 1))
            self.postings[rel] = [rows[bounds[c] : bounds[c + 1]] for c in range(n_cols)]
            masks = np.left_shift(np.uint64(1), (cols % WORD).astype(np.uint64))
            np.bitwise_or.at(self.bits[rel], (rows, cols // WORD), masks)

    # --- changing one row --------------------------------------------------------------------------

    def add_codes(self, rel: str, row: int, cols: Sequence[int]) -> None:
        lists, bits = self.postings[rel], self.bits[rel]
        for col in cols:
            rows = lists[col]
            lists[col] = np.insert(rows, int(np.searchsorted(rows, row)), np.int32(row))
            word, mask = _bit(col)
            bits[row, word] |= mask

    def remove_codes(self, rel: str, row: int, cols: Iterable[int]) -> None:
        lists, bits = self.postings[rel], self.bits[rel]
        for col in cols:
            rows = lists[col]
            lists[col] = np.delete(rows, int(np.searchsorted(rows, row)))
            word, mask = _bit(col)
            bits[row, word] &= ~mask

    def shift_need_log(self, col: int, delta: int) -> None:
        """A code's weight changed: so did the need total of every row that needs it."""
        rows = self.postings["needs"][col]
        if rows.size:
            self.need_log[rows] += delta

    def write_row(
        self,
        row: int,
        *,
        profile_id: int,
        lat: float,
        lon: float,
        klass: int,
        size: int,
        sector: int,
        novel: bool,
        visibility: int,
        need_count: int,
        need_log: int,
        partners: frozenset[int],
    ) -> None:
        old_sector = int(self.sector[row]) if self.key[row] != REMOVED else -1
        if sector != old_sector:
            self._move_sector(row, old_sector, sector)
        self.ids[row] = profile_id
        self.loc[row] = self.place(lat, lon)
        self.klass[row], self.size[row], self.sector[row] = klass, size, sector
        self.novel[row] = novel
        self.visibility[row] = visibility
        self.key[row] = row_key(klass, novel, visibility)
        self.combo[row] = self.loc[row] * KEYS + self.key[row]
        self.need_count[row], self.need_log[row] = need_count, need_log
        if partners:
            self.partners[row] = partners
        else:
            self.partners.pop(row, None)

    def _move_sector(self, row: int, old: int, new: int) -> None:
        if old >= 0:
            rows = self.sector_rows[old]
            self.sector_rows[old] = np.delete(rows, int(np.searchsorted(rows, row)))
        if new >= 0:
            rows = self.sector_rows.get(new, EMPTY_ROWS)
            self.sector_rows[new] = np.insert(rows, int(np.searchsorted(rows, row)), np.int32(row))

    def clear_row(self, row: int) -> None:
        if self.key[row] != REMOVED:
            self._move_sector(row, int(self.sector[row]), -1)
        for name, (_dtype, fill) in ROW_ARRAYS.items():
            getattr(self, name)[row] = fill
        self.partners.pop(row, None)

    # --- reading -----------------------------------------------------------------------------------

    def lat_lon(self, row: int) -> tuple[float, float]:
        loc = int(self.loc[row])
        return self.place_lat[loc], self.place_lon[loc]

    def distance_km(self, xyz: np.ndarray) -> np.ndarray:
        """Great-circle distance from one point to every location of the shard.

        2R·asin(chord / 2) is the haversine formula (the haversine of the angle is (chord / 2)²),
        with the trigonometry of each location done once, when it is added.
        """
        x, y, z = self.xyz
        squared = (x - xyz[0]) ** 2 + (y - xyz[1]) ** 2 + (z - xyz[2]) ** 2
        distances: np.ndarray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.sqrt(squared) * 0.5, 1.0))
        return distances

    def nbytes(self) -> int:
        arrays = sum(int(getattr(self, name).nbytes) for name in ROW_ARRAYS) + self.xyz.nbytes
        bits = sum(b.nbytes for b in self.bits.values())
        postings = sum(rows.nbytes for lists in self.postings.values() for rows in lists)
        postings += sum(rows.nbytes for rows in self.sector_rows.values())
        return arrays + bits + postings
