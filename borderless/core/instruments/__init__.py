"""The instrument finder's pure core: eligibility criteria, matching, ranking and pathways.

The app builds `Firm`s and `Instrument`s from the database, keeps a `Catalogue`, and shows the
`Match`es it returns; criteria are typed records (`Criterion`) interpreted by the criterion types
of a `Registry`. A new kind of criterion is a `CriterionType` subclass registered there; the
matcher does not change. No Django here: everything takes and returns plain dataclasses.
"""

from .builtin import BUILTIN_TYPES, REGISTRY
from .matching import (
    STATUS_RANK,
    VERDICT_RANK,
    Catalogue,
    Match,
    match_all,
    match_instrument,
    rank,
    rank_key,
    validate_criteria,
    verdict_of,
)
from .model import (
    EMPTY_REFERENCE,
    Context,
    Criterion,
    Firm,
    Instrument,
    InstrumentStatus,
    Link,
    OrganisationKind,
    Outcome,
    Problem,
    Reference,
    Status,
    Verdict,
)
from .pathways import Pathways, Route, route, validate_next_ids
from .registry import Compiled, CriterionType, InvalidCriterion, Registry, UnknownCriterionType

__all__ = [
    "BUILTIN_TYPES",
    "EMPTY_REFERENCE",
    "REGISTRY",
    "STATUS_RANK",
    "VERDICT_RANK",
    "Catalogue",
    "Compiled",
    "Context",
    "Criterion",
    "CriterionType",
    "Firm",
    "Instrument",
    "InstrumentStatus",
    "InvalidCriterion",
    "Link",
    "Match",
    "OrganisationKind",
    "Outcome",
    "Pathways",
    "Problem",
    "Reference",
    "Registry",
    "Route",
    "Status",
    "UnknownCriterionType",
    "Verdict",
    "match_all",
    "match_instrument",
    "rank",
    "rank_key",
    "route",
    "validate_criteria",
    "validate_next_ids",
    "verdict_of",
]
