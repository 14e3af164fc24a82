"""Maturity fit: who gains from whom, by follower group and kind of organisation.

Every organisation falls into one maturity class: a company by its follower group from the
quickscan (Frontrunner, Fast Follower, Late Follower, or "company" when it has no result), every
other organisation by its kind (knowledge institution, intermediary, authority, field lab, hub).
The fit of a candidate for a requester is the value of the first rule that covers both classes,
read "requester ← candidate":

| rule | requester | candidate | fit |
|---|---|---|---:|
| ahead_for_fast | Fast Follower | Frontrunner, knowledge institution | 1.0 |
| facility_for_fast | Fast Follower | field lab, hub | 0.8 |
| peers_fast | Fast Follower | Fast Follower | 0.6 |
| step_ahead_for_late | Late Follower | Fast Follower, intermediary, field lab, hub | 1.0 |
| far_ahead_for_late | Late Follower | Frontrunner, knowledge institution | 0.5 |
| late_with_late | Late Follower | Late Follower | 0.2 |
| research_for_front | Frontrunner | Frontrunner, knowledge institution | 1.0 |
| transfer_from_front | Frontrunner | Fast Follower, field lab | 0.7 |
| transfer_to_firms | knowledge institution, field lab | Frontrunner, Fast Follower | 1.0 |
| support_for_firms | intermediary, hub | Fast Follower, Late Follower, company | 1.0 |
| first_contact | company (no quickscan) | intermediary, hub, field lab | 0.8 |
| support_network | any non-company | any non-company | 0.6 |
| no_rule | anything else | | 0.4 |

The strategy's reading: a Fast Follower (the main target group) gains from those that are a step
ahead, a Late Follower first needs guidance and examples close to its own stage, a Frontrunner
works with research. Staff can pass their own `MaturityTable`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from borderless.core.i18n import Message
from borderless.core.instruments.model import OrganisationKind

from . import texts


class MaturityClass(StrEnum):
    FRONTRUNNER = "frontrunner"
    FAST_FOLLOWER = "fast_follower"
    LATE_FOLLOWER = "late_follower"
    COMPANY = "company"  # a company without a quickscan result
    KNOWLEDGE = "knowledge"
    INTERMEDIARY = "intermediary"
    AUTHORITY = "authority"
    FIELDLAB = "fieldlab"
    HUB = "hub"
    OTHER = "other"  # no rule names it: the fallback applies

    @property
    def title(self) -> Message:  # type: ignore[override]  # the member's name, not str.title
        return texts.CLASS_TITLES[self.value]


CLASSES: tuple[MaturityClass, ...] = tuple(MaturityClass)
CLASS_NUMBER: dict[str, int] = {c.value: i for i, c in enumerate(CLASSES)}


def maturity_class(kind: str, follower_group: str | None) -> MaturityClass:
    """A company's class is its follower group; any other organisation's class is its kind."""
    if kind == OrganisationKind.COMPANY:
        return MaturityClass(follower_group) if follower_group else MaturityClass.COMPANY
    return MaturityClass(kind)


def kind_and_group(cls: str) -> tuple[str, str | None]:
    """The kind and follower group a class stands for (the inverse of `maturity_class`)."""
    if cls in (MaturityClass.FRONTRUNNER, MaturityClass.FAST_FOLLOWER, MaturityClass.LATE_FOLLOWER):
        return OrganisationKind.COMPANY.value, str(cls)
    if cls == MaturityClass.COMPANY:
        return OrganisationKind.COMPANY.value, None
    return str(OrganisationKind(cls)), None


@dataclass(frozen=True, slots=True)
class MaturityRule:
    key: str
    requesters: frozenset[MaturityClass]
    candidates: frozenset[MaturityClass]
    value: float
    text: Message

    def __post_init__(self) -> None:
        if not 0.0 <= self.value <= 1.0:
            raise ValueError("a maturity fit lies between 0 and 1")


def _rule(
    key: str, requesters: Iterable[MaturityClass], candidates: Iterable[MaturityClass], value: float
) -> MaturityRule:
    return MaturityRule(key, frozenset(requesters), frozenset(candidates), value, texts.MATURITY_RULES[key])


C = MaturityClass
SUPPORT = (C.KNOWLEDGE, C.INTERMEDIARY, C.AUTHORITY, C.FIELDLAB, C.HUB)


@dataclass(frozen=True)
class MaturityTable:
    """Rules checked in order; the first that covers requester and candidate applies, else `fallback`."""

    rules: tuple[MaturityRule, ...]
    fallback: MaturityRule
    _values: np.ndarray = field(init=False, repr=False, compare=False)
    _keys: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = tuple(tuple(self._find(r, c).key for c in CLASSES) for r in CLASSES)
        by_key = {rule.key: rule.value for rule in (*self.rules, self.fallback)}
        values = np.array([[by_key[k] for k in row] for row in keys], dtype=np.float64)
        values.setflags(write=False)
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_keys", keys)

    def _find(self, requester: MaturityClass, candidate: MaturityClass) -> MaturityRule:
        for rule in self.rules:
            if requester in rule.requesters and candidate in rule.candidates:
                return rule
        return self.fallback

    def rule(self, requester: str, candidate: str) -> MaturityRule:
        return self._find(MaturityClass(requester), MaturityClass(candidate))

    def value(self, requester: str, candidate: str) -> float:
        return float(self._values[CLASS_NUMBER[requester], CLASS_NUMBER[candidate]])

    def row(self, requester: str) -> np.ndarray:
        """The fit of every candidate class (in CLASSES order) for one requester class, read-only."""
        row: np.ndarray = self._values[CLASS_NUMBER[requester]]
        return row


DEFAULT_MATURITY = MaturityTable(
    rules=(
        _rule("ahead_for_fast", [C.FAST_FOLLOWER], [C.FRONTRUNNER, C.KNOWLEDGE], 1.0),
        _rule("facility_for_fast", [C.FAST_FOLLOWER], [C.FIELDLAB, C.HUB], 0.8),
        _rule("peers_fast", [C.FAST_FOLLOWER], [C.FAST_FOLLOWER], 0.6),
        _rule("step_ahead_for_late", [C.LATE_FOLLOWER], [C.FAST_FOLLOWER, C.INTERMEDIARY, C.FIELDLAB, C.HUB], 1.0),
        _rule("far_ahead_for_late", [C.LATE_FOLLOWER], [C.FRONTRUNNER, C.KNOWLEDGE], 0.5),
        _rule("late_with_late", [C.LATE_FOLLOWER], [C.LATE_FOLLOWER], 0.2),
        _rule("research_for_front", [C.FRONTRUNNER], [C.FRONTRUNNER, C.KNOWLEDGE], 1.0),
        _rule("transfer_from_front", [C.FRONTRUNNER], [C.FAST_FOLLOWER, C.FIELDLAB], 0.7),
        _rule("transfer_to_firms", [C.KNOWLEDGE, C.FIELDLAB], [C.FRONTRUNNER, C.FAST_FOLLOWER], 1.0),
        _rule("support_for_firms", [C.INTERMEDIARY, C.HUB], [C.FAST_FOLLOWER, C.LATE_FOLLOWER, C.COMPANY], 1.0),
        _rule("first_contact", [C.COMPANY], [C.INTERMEDIARY, C.HUB, C.FIELDLAB], 0.8),
        _rule("support_network", SUPPORT, SUPPORT, 0.6),
    ),
    fallback=_rule("no_rule", [], [], 0.4),
)
