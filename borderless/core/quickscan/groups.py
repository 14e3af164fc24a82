"""Follower groups: Frontrunner, Fast Follower, Late Follower.

The rule, shown to the firm with its result (thresholds are staff-configurable `GroupRules`):

- **Frontrunner**: acatech stage ≥ 4, own R&D ("S.rd" = own), and a data-driven service or
  business model in use or in a pilot ("S.data_services").
- **Late Follower**: stage ≤ 2 and no Industrie 4.0 technology piloted or in use. Industrie 4.0
  technologies are those of the clusters sensors & data, real-time logistics and robotics in the
  technology profile (status in use or piloting), and every advanced technology of Q4 at level 2
  ("building a prototype") or beyond.
- **Fast Follower**: everyone else.

The Frontrunner rule is checked first; the rules keep late_max_stage below frontrunner_min_stage,
so no firm meets both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from borderless.core.i18n import Message
from borderless.core.quickscan import texts_more
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, SCALE_LABELS, SCALE_MAX, Questionnaire


class FollowerGroup(StrEnum):
    FRONTRUNNER = "frontrunner"
    FAST_FOLLOWER = "fast_follower"
    LATE_FOLLOWER = "late_follower"

    @property
    def title(self) -> Message:  # type: ignore[override]  # the member's name, not str.title
        return texts_more.GROUPS[self.value]

    @property
    def rule(self) -> Message:
        """The rule as shown to the user; render it with `GroupRules.params()`."""
        return texts_more.GROUP_RULES[self.value]


# Condition codes, in the order they are shown.
FRONTRUNNER_STAGE = "frontrunner_stage"
OWN_RD = "own_rd"
DATA_SERVICE = "data_service"
LATE_STAGE = "late_stage"
NO_I40_TECHNOLOGY = "no_i40_technology"
FRONTRUNNER_CONDITIONS = (FRONTRUNNER_STAGE, OWN_RD, DATA_SERVICE)
LATE_CONDITIONS = (LATE_STAGE, NO_I40_TECHNOLOGY)
CONDITION_TEXTS: MappingProxyType[str, Message] = MappingProxyType(texts_more.GROUP_CONDITIONS)


@dataclass(frozen=True)
class GroupRules:
    """Thresholds of the follower-group rule; staff may change them, the defaults follow the strategy."""

    frontrunner_min_stage: int = 4
    late_max_stage: int = 2
    late_min_q4_level: int = 2  # a Q4 technology at this level or above counts as piloted
    own_rd_options: tuple[str, ...] = ("S.rd.own",)
    data_service_options: tuple[str, ...] = ("S.data_services.in_use", "S.data_services.piloting")
    i40_clusters: tuple[str, ...] = ("sensors_data", "realtime_logistics", "robotics")
    i40_statuses: tuple[str, ...] = ("in_use", "piloting")

    def __post_init__(self) -> None:
        if not 1 <= self.frontrunner_min_stage <= 6 or not 0 <= self.late_max_stage <= 6:
            raise ValueError("stages run from 0 to 6")
        if self.late_max_stage >= self.frontrunner_min_stage:
            raise ValueError("late_max_stage must be below frontrunner_min_stage")
        if not 1 <= self.late_min_q4_level <= SCALE_MAX:
            raise ValueError("late_min_q4_level runs from 1 to 5")

    def params(self) -> dict[str, object]:
        """Parameters for the rule and condition texts."""
        return {
            "frontrunner_min_stage": self.frontrunner_min_stage,
            "late_max_stage": self.late_max_stage,
            "late_min_q4_level": SCALE_LABELS[self.late_min_q4_level],
        }


@dataclass(frozen=True)
class GroupDecision:
    """The group and why: every condition of the rule and whether it held."""

    group: FollowerGroup
    stage: int
    conditions: Mapping[str, bool]  # condition code -> held
    i40_evidence: tuple[str, ...]  # technology and Q4 item ids that count as Industrie 4.0 in use or pilot
    rules: GroupRules

    @property
    def frontrunner_unmet(self) -> tuple[str, ...]:
        """The Frontrunner conditions that did not hold (empty for Frontrunners)."""
        return tuple(c for c in FRONTRUNNER_CONDITIONS if not self.conditions[c])

    @property
    def late_unmet(self) -> tuple[str, ...]:
        """The Late Follower conditions that did not hold (empty for Late Followers)."""
        return tuple(c for c in LATE_CONDITIONS if not self.conditions[c])


def follower_group(
    *,
    stage: int,
    rd_option: str,
    data_service_option: str,
    statuses: Mapping[str, str],
    q4_levels: Mapping[str, int],
    rules: GroupRules | None = None,
    questionnaire: Questionnaire = QUESTIONNAIRE,
) -> GroupDecision:
    """The follower group of a firm from its stage, strategy answers, technology statuses and Q4 levels."""
    rules = rules or GroupRules()
    technologies = tuple(
        tech
        for cluster in questionnaire.clusters
        if cluster.id in rules.i40_clusters
        for tech in cluster.technology_ids
        if statuses.get(tech) in rules.i40_statuses
    )
    advanced = tuple(
        item_id
        for item_id in questionnaire.question("D2.Q4").item_ids()
        if q4_levels.get(item_id, 0) >= rules.late_min_q4_level
    )
    evidence = technologies + advanced
    conditions = {
        FRONTRUNNER_STAGE: stage >= rules.frontrunner_min_stage,
        OWN_RD: rd_option in rules.own_rd_options,
        DATA_SERVICE: data_service_option in rules.data_service_options,
        LATE_STAGE: stage <= rules.late_max_stage,
        NO_I40_TECHNOLOGY: not evidence,
    }
    if all(conditions[c] for c in FRONTRUNNER_CONDITIONS):
        group = FollowerGroup.FRONTRUNNER
    elif all(conditions[c] for c in LATE_CONDITIONS):
        group = FollowerGroup.LATE_FOLLOWER
    else:
        group = FollowerGroup.FAST_FOLLOWER
    return GroupDecision(group, stage, MappingProxyType(conditions), evidence, rules)
