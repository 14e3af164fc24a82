"""The pages of the quickscan, in order: which questions each page asks, and which pages are done.

Plain functions of the core questionnaire and a draft's answers; the views decide where to go next.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, QuestionType, Section
from borderless.core.quickscan.validation import technologies_in_use, validate_answers

LINKS_PART = "links"


@dataclass(frozen=True)
class Step:
    """One page of the quickscan: a section, or the data-exchange part of the technology section."""

    section: Section
    question_ids: tuple[str, ...]
    part: str = ""

    @property
    def key(self) -> str:
        return f"{self.section.id}-{self.part}" if self.part else self.section.id

    @property
    def order(self) -> tuple[int, int]:
        return position(self.section.id, self.part)


def position(section_id: str, part: str = "") -> tuple[int, int]:
    """Where a page stands in the questionnaire, for "next" and "previous"."""
    ids = [section.id for section in QUESTIONNAIRE.sections]
    return ids.index(section_id), 1 if part else 0


def steps_for(*, answers: Mapping[str, Any], known: Collection[str] = ()) -> list[Step]:
    """The pages a draft goes through, in order.

    The company section asks only what the organisation profile does not answer (`known`) and is
    left out when the profile answers everything. Which technologies exchange data is asked on a
    page of its own after the technology statuses have been saved, and only when at least two
    technologies are in use: the pairs offered are the pairs of technologies in use.
    """
    steps = []
    for section in QUESTIONNAIRE.sections:
        ids = tuple(q.id for q in section.questions if q.id not in known and q.type is not QuestionType.TECH_LINKS)
        if ids:
            steps.append(Step(section, ids))
        if any(q.type is QuestionType.TECH_LINKS for q in section.questions) and len(in_use_in_order(answers)) >= 2:
            steps.append(Step(section, ("T.links",), LINKS_PART))
    return steps


def in_use_in_order(answers: Mapping[str, Any]) -> list[str]:
    """Technologies marked "in use", in questionnaire order."""
    in_use = technologies_in_use(answers.get("T.use"))
    return [tech for tech in QUESTIONNAIRE.question("T.use").item_ids() if tech in in_use]


def step_done(step: Step, answers: Mapping[str, Any]) -> bool:
    """Whether the draft answers every question of the page, validly."""
    return not [e for e in validate_answers(answers, complete=True) if e.question_id in step.question_ids]


def first_open_step(steps: list[Step], answers: Mapping[str, Any]) -> Step | None:
    return next((step for step in steps if not step_done(step, answers)), None)


def section_count(steps: list[Step]) -> int:
    return len(dict.fromkeys(step.section.id for step in steps))


def section_number(steps: list[Step], step: Step) -> int:
    return list(dict.fromkeys(s.section.id for s in steps)).index(step.section.id) + 1
