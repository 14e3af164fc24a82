"""Answering a query: score every candidate of the eligible shards, take the top k, gather the evidence.

Per shard the score is built in this order, the same for every row, so that equal facts give equal
floats however the index was built:

1. one lookup per row in a table over the row keys: maturity fit and novelty, or -inf for a row the
   viewer may not see or an empty one, plus proximity, computed once per location (with few
   locations, both come from one table over location × key);
2. then, for the rows in the posting lists of the requester's codes and sector only, one addition
   per code they share with the requester: complementarity, reciprocity, shared technologies and
   the same sector, always in the order of the codes' names (`np.add.at`);
3. then, for the rows tied to at least one of the requester's partners only (partners of partners,
   counted once per query in `closure_counts`), one addition of the closure component.

Ties are broken by ascending id: every row tied with the k-th best is kept, then all are sorted by
(score descending, id ascending).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from borderless.core.organisations import distance_km

from .maturity import CLASSES, MaturityTable, maturity_class
from .model import (
    CLOSURE_HALF,
    COMPONENTS,
    Component,
    Evidence,
    Profile,
    Proximity,
    Recommendation,
    Visibility,
    Weights,
    closure_score,
)
from .store import KEYS, N_VISIBILITIES, RELATIONS, REMOVED, Shard, cols_of_bits, offset_units, row_key, unit_vectors

if TYPE_CHECKING:
    from .index import MatchIndex

NO_SECTOR = -2  # a requester without a known sector; never equal to a row's sector (-1 = none)
VISIBILITIES: tuple[str, ...] = tuple(v.value for v in Visibility)
REGISTERED_ONLY = VISIBILITIES.index(Visibility.REGISTERED)
ANONYMOUS = VISIBILITIES.index(Visibility.ANONYMOUS)


@dataclass(frozen=True)
class Query:
    """The requester's side of a query, resolved against the index's vocabulary."""

    profile: Profile
    offset: int  # A(N) in fixed point: the weight of a code nobody offers
    weight_units: np.ndarray  # per column, the current rarity weight in fixed point
    need_cols: np.ndarray  # the columns of the requester's codes, in the order of the codes' names
    need_total: int  # fixed point; needs nobody offers count with the full weight
    offer_cols: np.ndarray
    tech_cols: np.ndarray
    need_set: frozenset[int]
    offer_set: frozenset[int]
    tech_set: frozenset[int]
    n_tech: int
    sector: int
    technology_share: float  # of common ground: 1/2 with a sector, 1 without, 0 without technologies
    sector_share: float  # of common ground: 1/2 with technologies, 1 without, 0 without a sector
    maturity_class: str
    maturity_row: np.ndarray
    xyz: np.ndarray  # unit vector, shape (3,)
    proximity: Proximity
    partners: frozenset[int]  # the requester's project partners (`MatchIndex.partners_of`)


def prepare(index: MatchIndex, requester: Profile, maturity: MaturityTable, proximity: Proximity) -> Query:
    offset = offset_units(len(index))
    units = index.weight_units()
    needs = sorted(requester.needs)
    need_cols = index.columns_of(needs)
    unknown_needs = len(needs) - need_cols.size
    tech = requester.technologies_with(index.is_technology)
    offer_cols = index.columns_of(sorted(requester.offers))
    tech_cols = index.columns_of(sorted(tech))
    known_sector = index.sector_number(requester.sector) if requester.sector else None
    sector = NO_SECTOR if known_sector is None else known_sector
    has_sector, has_tech = bool(requester.sector), bool(tech)
    parts = int(has_sector) + int(has_tech)
    cls = maturity_class(requester.kind, requester.follower_group)
    return Query(
        profile=requester,
        offset=offset,
        weight_units=units,
        need_cols=need_cols,
        need_total=int(units[need_cols].sum()) + unknown_needs * offset,
        offer_cols=offer_cols,
        tech_cols=tech_cols,
        need_set=frozenset(need_cols.tolist()),
        offer_set=frozenset(offer_cols.tolist()),
        tech_set=frozenset(tech_cols.tolist()),
        n_tech=len(tech),
        sector=sector,
        technology_share=1.0 / parts if has_tech else 0.0,
        sector_share=1.0 / parts if has_sector else 0.0,
        maturity_class=cls.value,
        maturity_row=maturity.row(cls),
        xyz=unit_vectors(np.array([requester.lat]), np.array([requester.lon]))[:, 0],
        proximity=proximity,
        partners=index.partners_of(requester),
    )


def closure_counts(index: MatchIndex, q: Query) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per shard number: the rows of the organisations in another country than the requester's that some of
    its partners cooperated with, and how many of its partners did; the requester and its partners left out."""
    arrays = [a for a in (index.tie_positions(p) for p in q.partners) if a is not None]
    if not arrays:
        return {}
    positions, counts = np.unique(np.concatenate(arrays), return_counts=True)
    known = (index.position(i) for i in (q.profile.id, *q.partners))
    left_out = np.array([number << 32 | row for number, row in (w for w in known if w is not None)], dtype=np.int64)
    keep = ~np.isin(positions, left_out)
    positions, counts = positions[keep], counts[keep]
    numbers = positions >> 32
    found = {}
    for number, shard in enumerate(index.shards):
        if shard.country == q.profile.country:
            continue
        mine = numbers == number
        if mine.any():
            found[number] = ((positions[mine] & 0xFFFFFFFF).astype(np.intp), counts[mine].astype(np.int64))
    return found


def _key_table(q: Query, shares: dict[str, float], viewer_registered: bool) -> np.ndarray:
    table = np.full(REMOVED + 1, -np.inf)
    for klass in range(len(CLASSES)):
        fit = shares["maturity"] * float(q.maturity_row[klass])
        for novel in (False, True):
            value = fit + shares["novelty"] * float(novel)
            for visibility in range(N_VISIBILITIES):
                if visibility != REGISTERED_ONLY or viewer_registered:
                    table[row_key(klass, novel, visibility)] = value
    return table


def _proximity(shard: Shard, q: Query) -> np.ndarray:
    """The proximity component of every location of the shard."""
    return np.exp(shard.distance_km(q.xyz) * (-q.proximity.detour_factor / q.proximity.scale_km))


def _base(shard: Shard, q: Query, shares: dict[str, float], table: np.ndarray) -> np.ndarray:
    """Maturity fit, novelty, visibility and proximity of every row."""
    n = shard.n
    score: np.ndarray
    if shares["proximity"] <= 0:
        score = table[shard.key[:n]]
        return score
    near = shares["proximity"] * _proximity(shard, q)
    if near.size * KEYS <= max(n // 4, KEYS):
        score = (near[:, None] + table[None, :]).ravel()[shard.combo[:n]]
        return score
    score = table[shard.key[:n]]
    score += near[shard.loc[:n]]
    return score


def _score(
    shard: Shard,
    q: Query,
    shares: dict[str, float],
    table: np.ndarray,
    closure: tuple[np.ndarray, np.ndarray] | None,
) -> np.ndarray:
    score = _base(shard, q, shares, table)
    rows: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    if shares["complementarity"] > 0 and q.need_total > 0:
        lists = shard.postings["offers"]
        for col in q.need_cols.tolist():
            rows.append(lists[col])
            weights.append(
                np.full(lists[col].size, shares["complementarity"] * int(q.weight_units[col]) / q.need_total)
            )
    if shares["reciprocity"] > 0:
        lists = shard.postings["needs"]
        for col in q.offer_cols.tolist():
            hit = lists[col]
            totals = q.offset * shard.need_count[hit] - shard.need_log[hit]  # > 0: each of them has a need
            rows.append(hit)
            weights.append(shares["reciprocity"] * int(q.weight_units[col]) / totals)
    common = shares["common_ground"]
    if common > 0 and q.n_tech:
        lists = shard.postings["tech"]
        for col in q.tech_cols.tolist():
            rows.append(lists[col])
            weights.append(np.full(lists[col].size, common * q.technology_share / q.n_tech))
    if common > 0 and q.sector >= 0 and q.sector in shard.sector_rows:
        same = shard.sector_rows[q.sector]
        rows.append(same)
        weights.append(np.full(same.size, common * q.sector_share))
    if rows:
        np.add.at(score, np.concatenate(rows), np.concatenate(weights))
    if closure is not None:
        tied, n = closure  # each row once: one addition per row, in any order
        score[tied] += shares["closure"] * (n / (n + CLOSURE_HALF))
    return score


def best_rows(score: np.ndarray, k: int) -> np.ndarray:
    """The rows of the k highest finite scores, plus every row tied with the k-th."""
    n = score.size
    if k < n:
        threshold = score[np.argpartition(score, n - k)[n - k :]].min()
    else:
        threshold = score.min() if n else -np.inf
    if threshold == -np.inf:
        return np.flatnonzero(score > -np.inf)
    return np.flatnonzero(score >= threshold)


def recommend(
    index: MatchIndex,
    requester: Profile,
    *,
    k: int,
    weights: Weights,
    proximity: Proximity,
    maturity: MaturityTable,
    across_border: bool,
    viewer_registered: bool,
) -> list[Recommendation]:
    if k < 1:
        raise ValueError("k must be at least 1")
    shares = weights.normalised()
    q = prepare(index, requester, maturity, proximity)
    table = _key_table(q, shares, viewer_registered)
    closure = closure_counts(index, q) if shares["closure"] > 0 and q.partners else {}
    own = index.position(requester.id)
    shards = index.shards
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for number, shard in enumerate(shards):
        if shard.n == 0 or (across_border and shard.country == requester.country):
            continue
        score = _score(shard, q, shares, table, closure.get(number))
        if own is not None and own[0] == number:
            score[own[1]] = -np.inf
        rows = best_rows(score, k)
        found.append((score[rows], shard.ids[rows], np.full(rows.size, number), rows))
    if not found:
        return []
    scores, ids, numbers, rows = (np.concatenate(parts) for parts in zip(*found, strict=True))
    order = np.lexsort((ids, -scores))[:k]
    return [
        _recommendation(index, rank, float(scores[i]), shards[numbers[i]], int(rows[i]), q, shares, maturity)
        for rank, i in enumerate(order.tolist(), start=1)
    ]


def _recommendation(
    index: MatchIndex,
    rank: int,
    score: float,
    shard: Shard,
    row: int,
    q: Query,
    shares: dict[str, float],
    maturity: MaturityTable,
) -> Recommendation:
    units = q.weight_units
    theirs = {rel: set(cols_of_bits(shard.bits[rel][row]).tolist()) for rel in RELATIONS}
    met = theirs["offers"] & q.need_set
    served = theirs["needs"] & q.offer_set
    shared = theirs["tech"] & q.tech_set
    their_total = q.offset * int(shard.need_count[row]) - int(shard.need_log[row])
    same_sector = q.sector >= 0 and int(shard.sector[row]) == q.sector
    lat, lon = shard.lat_lon(row)
    km = distance_km(q.profile.lat, q.profile.lon, lat, lon)
    klass = int(shard.klass[row])
    requester = q.profile
    candidate_id = int(shard.ids[row])
    worked_together = candidate_id in q.partners or requester.id in shard.partners.get(row, frozenset())
    same_country = shard.country == requester.country
    shared_partners = () if worked_together or same_country else tuple(sorted(q.partners & index.ties(candidate_id)))
    values = {
        "complementarity": sum(int(units[c]) for c in met) / q.need_total if q.need_total else 0.0,
        "reciprocity": sum(int(units[c]) for c in served) / their_total if their_total > 0 else 0.0,
        "common_ground": q.technology_share * (len(shared) / q.n_tech if q.n_tech else 0.0)
        + q.sector_share * float(same_sector),
        "proximity": q.proximity.score(km),
        "maturity": float(q.maturity_row[klass]),
        "novelty": float(shard.novel[row]),
        "closure": closure_score(len(shared_partners)),
    }

    def rarest_first(cols: Iterable[int]) -> tuple[str, ...]:
        return tuple(index.code_at(c) for c in sorted(cols, key=lambda c: (-int(units[c]), index.code_at(c))))

    evidence = Evidence(
        needs_met=rarest_first(met),
        needs_served=rarest_first(served),
        shared_technologies=tuple(sorted(index.code_at(c) for c in shared)),
        same_sector=index.sector_name(q.sector) if same_sector else None,
        distance_km=km,
        travel_km=km * q.proximity.detour_factor,
        requester_class=q.maturity_class,
        candidate_class=CLASSES[klass].value,
        maturity_rule=maturity.rule(q.maturity_class, CLASSES[klass]).key,
        never_cooperated=bool(shard.novel[row]),
        worked_together=worked_together,
        requester_has_needs=bool(requester.needs),
        requester_has_offers=bool(requester.offers),
        requester_has_technologies=q.n_tech > 0,
        candidate_has_needs=bool(theirs["needs"]),
        shared_partners=shared_partners,
        requester_has_partners=bool(q.partners),
        same_country=same_country,
    )
    return Recommendation(
        id=candidate_id,
        rank=rank,
        score=score,
        country=shard.country,
        anonymous=int(shard.visibility[row]) == ANONYMOUS,
        components=tuple(
            Component(name, values[name], shares[name], shares[name] * values[name]) for name in COMPONENTS
        ),
        evidence=evidence,
    )
