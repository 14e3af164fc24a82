"""The personal roadmap: three to five next steps, each with the reason it was chosen.

Steps come from the building blocks of the cross-border strategy: a digital strategy aimed at value
creation, culture and competences, connecting application-oriented technologies (solving the island
problem), and lighthouse examples that fit the firm's stage; plus foundations such as data
management, cybersecurity, AI pilots and green digitalisation.

How the steps are chosen (rules applied in this order; a step chosen twice keeps its first place
and collects both reasons):

1. Follower group. Late Follower: get to know Industrie 4.0 and the value of data. Fast Follower:
   a digital strategy aimed at value creation (they struggle to turn technology into profit).
   Frontrunner: a cross-border R&D project.
2. Island problem: two or more technology clusters in use and at least one of them exchanges no
   data with another cluster: connect the technologies.
3. The two weakest DMA dimensions (lowest score; ties in the order D1 … D6), each with its step:
   D1 strategy, D2 an advanced-technology pilot in a field lab, D3 culture and skills, D4 data
   management (cybersecurity instead when the data-security score Q8 is below the data score Q7),
   D5 an AI or automation pilot (data management instead below stage 3, where the data an AI
   pilot needs are rarely there), D6 digital technology for sustainability.
4. No written digital strategy, or no decision on the value sought: the strategy step.
5. The culture statement of the next acatech stage is not yet "yes": culture and skills.
6. Always last: lighthouse examples of the next stage (at stage 6: become a lighthouse yourself).

At most four steps from rules 1–5 are kept, then the lighthouse step: three to five steps in all
(rules 1, 3 and 6 alone always give three different steps). Each step names the kinds of
instrument or partner that help; large companies (250 staff or more) are not offered vouchers,
which are for SMEs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from borderless.core.i18n import Message
from borderless.core.quickscan import roadmap_texts
from borderless.core.quickscan.groups import FollowerGroup
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, Questionnaire, StructuralArea
from borderless.core.quickscan.scoring import CompanyData, Result

MIN_STEPS = 3
MAX_STEPS = 5


@dataclass(frozen=True)
class Block:
    """A kind of step the roadmap can propose."""

    id: str
    building_block: str  # "strategy" | "culture" | "connect" | "lighthouse" | "foundations"
    instruments: tuple[str, ...]  # codes, most fitting first

    @property
    def title(self) -> Message:
        return roadmap_texts.STEPS[self.id][0]

    @property
    def action(self) -> Message:
        return roadmap_texts.STEPS[self.id][1]


BLOCKS: Mapping[str, Block] = MappingProxyType(
    {
        block.id: block
        for block in (
            Block("i40_basics", "culture", ("edih", "training", "field_lab")),
            Block("strategy_value", "strategy", ("coaching", "voucher", "edih")),
            Block("rd_cross_border", "strategy", ("rd_project", "partner_technology", "feasibility_study")),
            Block(
                "connect_technologies", "connect", ("partner_technology", "feasibility_study", "voucher", "field_lab")
            ),
            Block("culture_competences", "culture", ("training", "coaching", "edih")),
            Block("technology_pilot", "connect", ("field_lab", "feasibility_study", "voucher")),
            Block("data_basics", "foundations", ("training", "voucher", "partner_technology")),
            Block("cybersecurity", "foundations", ("edih", "training", "voucher")),
            Block("automation_ai", "connect", ("feasibility_study", "field_lab", "partner_technology", "edih")),
            Block("green", "foundations", ("voucher", "coaching", "partner_technology")),
            Block("lighthouse", "lighthouse", ("field_lab", "edih")),
        )
    }
)
INSTRUMENT_TITLES: Mapping[str, Message] = MappingProxyType(roadmap_texts.INSTRUMENTS)
REASON_TEXTS: Mapping[str, Message] = MappingProxyType(roadmap_texts.REASONS)

GROUP_STEPS = {
    FollowerGroup.LATE_FOLLOWER: ("i40_basics", "group_late"),
    FollowerGroup.FAST_FOLLOWER: ("strategy_value", "group_fast"),
    FollowerGroup.FRONTRUNNER: ("rd_cross_border", "group_frontrunner"),
}
DIMENSION_STEPS = {
    "D1": "strategy_value",
    "D2": "technology_pilot",
    "D3": "culture_competences",
    "D4": "data_basics",
    "D5": "automation_ai",
    "D6": "green",
}
FALLBACK_STEPS = ("culture_competences", "strategy_value", "data_basics")
NO_VOUCHER_SIZE_CLASSES = frozenset({"large"})
AI_MIN_STAGE = 3  # below "visibility" there are rarely the data an AI pilot needs


@dataclass(frozen=True)
class Reason:
    code: str  # "group_fast", "islands", "weak_dimension", …
    text: Message  # template
    params: Mapping[str, object]  # numbers, or Message (rendered in the same language)

    @property
    def message(self) -> Message:
        """The reason with its parameters bound, for the app to translate."""
        return self.text.bind(self.params)


@dataclass(frozen=True)
class Step:
    id: str
    building_block: str
    title: Message
    action: Message  # what to do, concretely
    why: Message  # template of the first reason; render with `params`
    params: Mapping[str, object]
    reasons: tuple[Reason, ...]  # every rule that chose the step, first one first
    instruments: tuple[str, ...]  # instrument and partner codes, most fitting first

    @property
    def why_message(self) -> Message:
        """The first reason with its parameters bound, for the app to translate."""
        return self.why.bind(self.params)

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)


@dataclass
class _Choice:
    step_id: str
    reasons: list[tuple[str, dict[str, object]]]


def roadmap(
    result: Result, profile: CompanyData | None = None, *, questionnaire: Questionnaire = QUESTIONNAIRE
) -> list[Step]:
    """Three to five next steps for a scored quickscan; `profile` defaults to the company data of the result."""
    profile = profile or result.company
    chosen: dict[str, _Choice] = {}

    def choose(step_id: str, reason: str, **params: object) -> None:
        chosen.setdefault(step_id, _Choice(step_id, [])).reasons.append((reason, params))

    # 1. follower group
    step_id, reason = GROUP_STEPS[result.group.group]
    choose(step_id, reason)

    # 2. island problem
    tech = result.technology
    if len(tech.clusters_in_use) >= 2 and tech.islands:
        choose(
            "connect_technologies",
            "islands",
            islands=len(tech.islands),
            clusters=len(tech.clusters_in_use),
            island_percent=_whole(100 * (tech.island_score or 0)),
        )

    # 3. the two weakest dimensions
    for dim in result.weakest_dimensions()[:2]:
        params = {"dimension": questionnaire.dimension(dim).title, "score": _whole(result.dimension_scores[dim])}
        scores = result.question_scores
        if dim == "D4" and scores["D4.Q8"] < scores["D4.Q7"]:
            choose("cybersecurity", "weak_security", **params)
        elif dim == "D5" and result.stage.reached < AI_MIN_STAGE:
            choose("data_basics", "weak_ai_needs_data", **params)
        else:
            choose(DIMENSION_STEPS[dim], "weak_dimension", **params)

    # 4. strategy and value
    if result.strategy.written_strategy != "yes":
        choose("strategy_value", "no_strategy")
    if not result.strategy.value_sought:
        choose("strategy_value", "no_value_focus")

    # 5. culture needed for the next stage
    next_stage = result.stage.next_stage
    stage_params: dict[str, object] = {}
    if next_stage is not None:
        stage_params = {"next_stage": next_stage, "stage_name": questionnaire.stage(next_stage).name}
        culture = f"{questionnaire.stage(next_stage).question_id}.{StructuralArea.CULTURE}"
        if culture in result.stage.next_needs:
            choose("culture_competences", "culture_gap", **stage_params)

    selected = list(chosen.values())[: MAX_STEPS - 1]
    for fallback in FALLBACK_STEPS:  # rules 1, 3 and 6 already give three; kept as a safety net
        if len(selected) >= MIN_STEPS - 1:
            break
        if fallback not in {c.step_id for c in selected}:
            selected.append(_Choice(fallback, [("fallback", {})]))

    # 6. lighthouse examples that fit the stage
    if next_stage is None:
        selected.append(_Choice("lighthouse", [("stage_top", {})]))
    else:
        selected.append(_Choice("lighthouse", [("stage_examples", stage_params)]))
    return [_step(choice, profile) for choice in selected]


def _whole(value: float) -> int:
    """Rounded half up, as people round (Python's round() would make 32.5 into 32)."""
    return math.floor(value + 0.5)


def _step(choice: _Choice, profile: CompanyData | None) -> Step:
    block = BLOCKS[choice.step_id]
    reasons = tuple(Reason(code, REASON_TEXTS[code], MappingProxyType(dict(params))) for code, params in choice.reasons)
    instruments = block.instruments
    if profile is not None and profile.size_class in NO_VOUCHER_SIZE_CLASSES:
        instruments = tuple(code for code in instruments if code != "voucher")
    return Step(
        id=block.id,
        building_block=block.building_block,
        title=block.title,
        action=block.action,
        why=reasons[0].text,
        params=reasons[0].params,
        reasons=reasons,
        instruments=instruments,
    )
