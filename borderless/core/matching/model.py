"""The records partner matching works on: profiles, weights, the proximity rule, recommendations.

All plain frozen dataclasses. Codes are plain strings (the StrEnums are strings too), so values read
from the database or a CSV file can be used as they are. Competence codes ("tech.sensors",
"svc.prototyping", "nace.28") come from the taxonomy, which is data kept by the app: the core only
compares codes and never needs their meaning, except for telling technologies apart (see
`is_technology_code`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum

from borderless.core.instruments.model import OrganisationKind
from borderless.core.organisations import SizeClass
from borderless.core.quickscan.groups import FollowerGroup

__all__ = [
    "CLOSURE_HALF",
    "COMPONENTS",
    "DEFAULT_PROXIMITY",
    "DEFAULT_WEIGHTS",
    "TECHNOLOGY_PREFIX",
    "Component",
    "Evidence",
    "FollowerGroup",
    "OrganisationKind",
    "Profile",
    "Proximity",
    "Recommendation",
    "Visibility",
    "Weights",
    "closure_score",
    "is_technology_code",
]

TECHNOLOGY_PREFIX = "tech."


def is_technology_code(code: str) -> bool:
    """The default test for a technology: the taxonomy files digital technologies under "tech."."""
    return code.startswith(TECHNOLOGY_PREFIX)


class Visibility(StrEnum):
    """What an organisation lets others see of its profile (its own choice)."""

    PUBLIC = "public"
    REGISTERED = "registered"  # only signed-in users of the platform see it
    ANONYMOUS = "anonymous"  # shown without name or contact, reachable through an intermediary


def _codes(value: Iterable[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):  # a single code passed by mistake would become a set of letters
        raise ValueError("codes must be a collection of strings, not one string")
    return frozenset(value)


@dataclass(frozen=True, slots=True)
class Profile:
    """What the matcher knows about one organisation.

    `id` is the organisation's key in the app (an integer); the index keeps its own row numbers.
    `technologies` lists the technologies the organisation works with; None means "derive it": the
    index then takes the technologies among its offers and needs. `cooperated_with` holds the ids of
    organisations it has cooperated with in a project; `has_cooperated` says that it has even when the
    partners are not known (an imported flag). With neither, it has never cooperated.
    """

    id: int
    country: str  # "NL" or "DE" (any two-letter code works: the border is wherever countries differ)
    lat: float
    lon: float
    kind: str = OrganisationKind.COMPANY
    size_class: str | None = None  # SizeClass value
    sector: str | None = None  # NACE division, "28"
    offers: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    technologies: frozenset[str] | None = None
    follower_group: str | None = None  # FollowerGroup value, from the latest quickscan
    cooperated_with: frozenset[int] = frozenset()
    visibility: str = Visibility.PUBLIC
    has_cooperated: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.id, int) or isinstance(self.id, bool):
            raise ValueError(f"id must be an integer, not {self.id!r}")
        if not (isinstance(self.country, str) and len(self.country) == 2 and self.country.isupper()):
            raise ValueError(f"country must be a two-letter code such as NL or DE, not {self.country!r}")
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"coordinates out of range: {self.lat}, {self.lon}")
        OrganisationKind(self.kind)
        Visibility(self.visibility)
        if self.size_class is not None:
            SizeClass(self.size_class)
        if self.follower_group is not None:
            FollowerGroup(self.follower_group)
        if self.sector == "":
            object.__setattr__(self, "sector", None)
        object.__setattr__(self, "offers", _codes(self.offers))
        object.__setattr__(self, "needs", _codes(self.needs))
        if self.technologies is not None:
            object.__setattr__(self, "technologies", _codes(self.technologies))
        object.__setattr__(self, "cooperated_with", frozenset(int(i) for i in self.cooperated_with))

    @property
    def never_cooperated(self) -> bool:
        return not (self.has_cooperated or self.cooperated_with)

    @property
    def has_profile(self) -> bool:
        """Whether the organisation has said anything about what it offers or needs."""
        return bool(self.offers or self.needs)

    def technologies_with(self, is_technology: Callable[[str], bool] | Collection[str]) -> frozenset[str]:
        """Its technologies: as given, or those among its offers and needs."""
        if self.technologies is not None:
            return self.technologies
        test = is_technology if callable(is_technology) else is_technology.__contains__
        return frozenset(code for code in self.offers | self.needs if test(code))


COMPONENTS: tuple[str, ...] = (
    "complementarity",
    "reciprocity",
    "common_ground",
    "proximity",
    "maturity",
    "novelty",
    "closure",
)

# Triadic closure: c shared partners score c / (c + CLOSURE_HALF); one shared partner scores one half.
CLOSURE_HALF = 1.0


def closure_score(shared_partners: int) -> float:
    """The closure component for a number of shared partners: 0, 1/2, 2/3, 3/4 … towards 1."""
    return shared_partners / (shared_partners + CLOSURE_HALF)


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each component counts. Only the proportions matter: they are divided by their sum.

    Defaults: what a firm needs comes first (complementarity 0.35), then distance (proximity 0.20),
    what the other side needs from the firm (reciprocity 0.15), and 0.10 each for common ground,
    maturity fit, the boost for organisations that have never cooperated, and partners of the firm's
    partners across the border (closure). The defaults add up to 1.1; a weight of zero switches its
    component off.
    """

    complementarity: float = 0.35
    reciprocity: float = 0.15
    common_ground: float = 0.10
    proximity: float = 0.20
    maturity: float = 0.10
    novelty: float = 0.10
    closure: float = 0.10

    def __post_init__(self) -> None:
        values = [getattr(self, f.name) for f in fields(self)]
        if any(not math.isfinite(v) or v < 0 for v in values):
            raise ValueError("weights must be finite and not negative")
        if sum(values) <= 0:
            raise ValueError("at least one weight must be positive")

    def normalised(self) -> dict[str, float]:
        """Each component's share of the score, in the order of COMPONENTS; the shares add up to 1."""
        total = sum(getattr(self, name) for name in COMPONENTS)
        return {name: getattr(self, name) / total for name in COMPONENTS}


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Proximity:
    """How distance turns into a score: exp(-travel / scale_km), travel = detour_factor × great-circle.

    The detour factor stands for roads not being straight (1.3 is a usual circuity for regional road
    networks). The border costs nothing: 50 km across it score the same as 50 km inland.
    With the defaults, 10 km by road score 0.82, 50 km 0.37, 100 km 0.14.
    """

    detour_factor: float = 1.3
    scale_km: float = 50.0

    def __post_init__(self) -> None:
        if not (self.detour_factor >= 1.0 and math.isfinite(self.detour_factor)):
            raise ValueError("the detour factor is at least 1")
        if not (self.scale_km > 0 and math.isfinite(self.scale_km)):
            raise ValueError("the distance scale must be positive")

    def score(self, great_circle_km: float) -> float:
        return math.exp(-self.detour_factor * great_circle_km / self.scale_km)


DEFAULT_PROXIMITY = Proximity()


@dataclass(frozen=True, slots=True)
class Component:
    """One part of a recommendation's score: contribution = weight × value (weight already normalised)."""

    name: str  # one of COMPONENTS
    value: float  # 0..1
    weight: float  # share of the score, the weights divided by their sum
    contribution: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """The facts behind a recommendation's components, as codes and numbers (the texts come from `explain`)."""

    needs_met: tuple[str, ...]  # the requester's needs the candidate offers, rarest first
    needs_served: tuple[str, ...]  # the candidate's needs the requester offers, rarest first
    shared_technologies: tuple[str, ...]
    same_sector: str | None  # the shared sector, if both are in the same one
    distance_km: float  # great-circle
    travel_km: float  # with the detour factor
    requester_class: str  # MaturityClass values
    candidate_class: str
    maturity_rule: str  # key of the rule applied
    never_cooperated: bool
    worked_together: bool  # the two are known to have cooperated already
    requester_has_needs: bool
    requester_has_offers: bool
    requester_has_technologies: bool
    candidate_has_needs: bool
    # Triadic closure: the requester's project partners that have also cooperated with the candidate
    # (ids, ascending); empty when the two cooperated themselves or are in the same country.
    shared_partners: tuple[int, ...] = ()
    requester_has_partners: bool = False  # any project partner known at all
    same_country: bool = False  # closure counts across the border only


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommended partner. `anonymous`: the app shows neither name nor contact, only the evidence."""

    id: int
    rank: int  # 1 = best
    score: float  # 0..1, the sum of the contributions
    country: str
    anonymous: bool
    components: tuple[Component, ...] = field(default_factory=tuple)
    evidence: Evidence | None = None

    def component(self, name: str) -> Component:
        for component in self.components:
            if component.name == name:
                return component
        raise KeyError(name)
