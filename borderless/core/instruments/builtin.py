"""The criterion types the platform ships with, and the registry the finder uses by default."""

from __future__ import annotations

from .criteria_firm import (
    CrossBorderPartnerCriterion,
    FreeTextCriterion,
    MaxFirmAgeCriterion,
    OrganisationKindCriterion,
    SectorCriterion,
    SizeClassCriterion,
)
from .criteria_place import CountryCriterion, EuregioCriterion, ProgrammeAreaCriterion, RegionCriterion
from .criteria_quickscan import AcatechStageCriterion, FollowerGroupCriterion, TechnologyReadinessCriterion
from .registry import CriterionType, Registry

BUILTIN_TYPES: tuple[type[CriterionType], ...] = (
    CountryCriterion,
    RegionCriterion,
    ProgrammeAreaCriterion,
    EuregioCriterion,
    OrganisationKindCriterion,
    SizeClassCriterion,
    SectorCriterion,
    FollowerGroupCriterion,
    AcatechStageCriterion,
    TechnologyReadinessCriterion,
    CrossBorderPartnerCriterion,
    MaxFirmAgeCriterion,
    FreeTextCriterion,
)

# The app may register its own types here at start-up; tests extend a copy (`REGISTRY.extended`).
REGISTRY = Registry(BUILTIN_TYPES)
