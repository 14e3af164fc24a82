"""Pairs of an organisation's partners, counted by the groups of the two partners, in sparse matrix form.

Brokerage (who connects partners that are not tied) and the systemic phase (a closed triad with both
countries) both ask, for every organisation v, how many pairs {a, b} of its partners fall into each
combination of groups, and how many of those pairs are tied to each other. Counting pair by pair is
quadratic in the degree; here the tied pairs come from two sparse products instead: with A the
adjacency matrix and D_j the diagonal mask of group j, the number of ties between a partner in group j
and a partner in group k around v is diag(A D_j A D_k A)[v] (halved for j = k, where each tie is met
from both ends).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

# Group codes 0, 1, 2 and the six unordered combinations of two partners' groups.
COMBINATIONS: tuple[tuple[int, int], ...] = ((0, 0), (1, 1), (2, 2), (0, 1), (0, 2), (1, 2))


def combination_index(j: int, k: int) -> int:
    return COMBINATIONS.index((min(j, k), max(j, k)))


@dataclass(frozen=True, slots=True)
class PartnerPairs:
    """Per organisation (rows in `nodes` order) and combination (columns in `COMBINATIONS` order):
    `pairs` of partners, and of those the pairs `tied` to each other."""

    nodes: tuple[str, ...]
    ties: int
    groups: np.ndarray  # group code per node
    pairs: np.ndarray  # int64, shape (n, 6)
    tied: np.ndarray  # int64, shape (n, 6)

    @property
    def open(self) -> np.ndarray:
        result: np.ndarray = self.pairs - self.tied
        return result


def partner_pairs(
    nodes: Sequence[str], group_codes: Mapping[str, int], edges: Iterable[tuple[str, str]]
) -> PartnerPairs:
    """Count partner pairs by group combination; `group_codes` maps each node to 0, 1 or 2."""
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    groups = np.fromiter((group_codes[v] for v in nodes), dtype=np.int64, count=n)
    ends = np.array([(index[a], index[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    low, high = ends.min(axis=1), ends.max(axis=1)
    keys = np.unique((low * n + high)[low != high])  # each tie once, whatever its order or repetition
    src, dst = keys // n, keys % n
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    adjacency = sparse.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))
    # Partners per group, then all pairs per combination.
    per_group = np.zeros((n, 3), dtype=np.int64)
    for k in range(3):
        per_group[:, k] = np.bincount(rows[groups[cols] == k], minlength=n)
    pairs = np.zeros((n, len(COMBINATIONS)), dtype=np.int64)
    for c, (j, k) in enumerate(COMBINATIONS):
        if j == k:
            pairs[:, c] = per_group[:, j] * (per_group[:, j] - 1) // 2
        else:
            pairs[:, c] = per_group[:, j] * per_group[:, k]
    tied = np.zeros_like(pairs)
    masks = [sparse.diags_array((groups == k).astype(np.int64), dtype=np.int64) for k in range(3)]
    for j in range(3):
        # Walks v → a (group j) → b; keep those that close back to v, then split by b's group.
        walks = (adjacency @ masks[j] @ adjacency).multiply(adjacency).tocsr()
        by_end = np.zeros((n, 3), dtype=np.int64)
        for k in range(3):
            by_end[:, k] = np.asarray((walks @ masks[k]).sum(axis=1)).ravel()
        for k in range(j, 3):
            c = combination_index(j, k)
            tied[:, c] += by_end[:, k] // 2 if j == k else by_end[:, k]
    return PartnerPairs(tuple(nodes), len(keys), groups, pairs, tied)
