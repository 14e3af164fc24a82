"""Criterion types about digital maturity: follower group, acatech stage, technology readiness.

Group and stage come from the firm's latest quickscan; a firm without one is pointed to it.
Firms have no technology readiness level (it belongs to a project), so that criterion informs
and never excludes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from borderless.core.i18n import Message
from borderless.core.quickscan.groups import FollowerGroup as Group
from borderless.core.quickscan.scoring import MAX_STAGE

from . import texts
from .criteria_firm import render_all
from .criteria_place import Choice, lower
from .model import Context, Firm, Link, Outcome, Problem, Reference, Status
from .registry import CriterionType
from .schema import check_choices, check_keys, check_min_max, integer, strings

GROUPS = tuple(group.value for group in Group)
MIN_TRL, MAX_TRL = 1, 9


class FollowerGroupCriterion(CriterionType):
    """params: {"groups": ["fast_follower", "late_follower"]}"""

    key = "follower_group"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["groups"]) or check_choices(
            params, "groups", GROUPS, texts.WHAT_GROUP, lower
        )

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        values = frozenset(lower(g) for g in strings(params, "groups"))
        return Choice(values, texts.join_list([Group(g).title for g in GROUPS if g in values], "or"))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        if firm.follower_group not in GROUPS:
            return self.outcome(Status.UNKNOWN, texts.GROUP_UNKNOWN, {"allowed": prepared.allowed}, Link.TAKE_QUICKSCAN)
        params = {"allowed": prepared.allowed, "group": Group(firm.follower_group).title}
        if firm.follower_group in prepared.values:
            return self.outcome(Status.MET, texts.GROUP_MET, params)
        return self.outcome(Status.NOT_MET, texts.GROUP_NOT_MET, params)

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.GROUP_DESCRIBE, {"allowed": prepared.allowed})


@dataclass(frozen=True, slots=True)
class Range:
    low: int | None
    high: int | None
    text: Message  # "stages 3 to 4", "TRL 6 or higher", ...


def range_of(
    params: Mapping[str, object], between: Message, only: Message, or_higher: Message, or_lower: Message
) -> Range:
    low, high = integer(params, "min"), integer(params, "max")
    if low is not None and high is not None:
        template = only if low == high else between
    else:
        template = or_lower if low is None else or_higher
    return Range(low, high, render_all(template, {"min": low, "max": high}))


class AcatechStageCriterion(CriterionType):
    """params: {"min": 3, "max": 4}, either may be left out; stages 0 (not yet computerised) to 6."""

    key = "acatech_stage"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, optional=["min", "max"]) or check_min_max(params, 0, MAX_STAGE)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Range:
        return range_of(params, texts.STAGES_BETWEEN, texts.STAGE_ONLY, texts.STAGE_OR_HIGHER, texts.STAGE_OR_LOWER)

    def evaluate(self, prepared: Range, firm: Firm, context: Context) -> Outcome:
        stage = firm.stage
        if stage is None:
            return self.outcome(Status.UNKNOWN, texts.STAGE_UNKNOWN, {"range": prepared.text}, Link.TAKE_QUICKSCAN)
        params = {"range": prepared.text, "stage": stage}
        if (prepared.low is None or stage >= prepared.low) and (prepared.high is None or stage <= prepared.high):
            return self.outcome(Status.MET, texts.STAGE_MET, params)
        return self.outcome(Status.NOT_MET, texts.STAGE_NOT_MET, params)

    def describe(self, prepared: Range, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.STAGE_DESCRIBE, {"range": prepared.text})


class TechnologyReadinessCriterion(CriterionType):
    """params: {"min": 4, "max": 7}, either may be left out; TRL 1 to 9. Always INFO."""

    key = "technology_readiness"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, optional=["min", "max"]) or check_min_max(params, MIN_TRL, MAX_TRL)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Range:
        return range_of(params, texts.TRL_BETWEEN, texts.TRL_ONLY, texts.TRL_OR_HIGHER, texts.TRL_OR_LOWER)

    def evaluate(self, prepared: Range, firm: Firm, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.TRL_INFO, {"range": prepared.text})

    def describe(self, prepared: Range, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.TRL_DESCRIBE, {"range": prepared.text})
