"""Why a partner was recommended: one line per component, as messages the app translates.

The app passes the labels of the taxonomy (code -> Content); a code without a label is shown as it is.
A sector "28" is looked up as "nace.28" first, then as "28".

Partners of partners (closure): the line says how many of the requester's project partners have also
cooperated with the candidate; its value is n / (n + 1) for n such partners (one scores 1/2, two 2/3,
three 3/4). It names those partners the app passes in `partner_names` (id -> name), the ones the
viewer may see; the others are only counted, so an organisation left out is never named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from borderless.core.i18n import Content, ListOf, Message, Translatable
from borderless.core.instruments.texts import join_list

from . import texts
from .maturity import DEFAULT_MATURITY, MaturityClass, MaturityTable
from .model import Evidence, Recommendation

SECTOR_PREFIX = "nace."
NO_LABELS: Mapping[str, Content] = MappingProxyType({})
NO_NAMES: Mapping[int, Translatable] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ExplanationLine:
    component: str  # one of COMPONENTS
    title: Message
    value: float
    weight: float
    contribution: float
    text: Message  # the evidence, one or two whole sentences


@dataclass(frozen=True, slots=True)
class Explanation:
    id: int
    score: float
    anonymous: bool
    lines: tuple[ExplanationLine, ...]
    notes: tuple[Message, ...]  # shown above the lines: a requester without a profile, an earlier cooperation


def _filled(template: Message, params: Mapping[str, object] | None = None) -> Message:
    return template.bind(params)


def _codes(codes: Sequence[str], labels: Mapping[str, Content]) -> Message | ListOf:
    return join_list([labels.get(code, code) for code in codes], style="and")


def sector_label(sector: str, labels: Mapping[str, Content]) -> Content | str:
    return labels.get(SECTOR_PREFIX + sector) or labels.get(sector) or sector


def _complementarity(e: Evidence, labels: Mapping[str, Content]) -> Message:
    if not e.requester_has_needs:
        return texts.NO_NEEDS
    if e.needs_met:
        return _filled(texts.NEEDS_MET, {"codes": _codes(e.needs_met, labels)})
    return texts.NEEDS_NOT_MET


def _reciprocity(e: Evidence, labels: Mapping[str, Content]) -> Message:
    if e.needs_served:
        return _filled(texts.NEEDS_SERVED, {"codes": _codes(e.needs_served, labels)})
    if not e.requester_has_offers:
        return texts.NO_OFFERS
    if not e.candidate_has_needs:
        return texts.THEY_HAVE_NO_NEEDS
    return texts.NEEDS_NOT_SERVED


def _common_ground(e: Evidence, labels: Mapping[str, Content]) -> Message:
    if e.shared_technologies and e.same_sector:
        params = {"codes": _codes(e.shared_technologies, labels), "sector": sector_label(e.same_sector, labels)}
        return _filled(texts.SHARED_TECHNOLOGIES_AND_SECTOR, params)
    if e.shared_technologies:
        return _filled(texts.SHARED_TECHNOLOGIES, {"codes": _codes(e.shared_technologies, labels)})
    if e.same_sector:
        return _filled(texts.SAME_SECTOR, {"sector": sector_label(e.same_sector, labels)})
    return texts.NO_COMMON_GROUND


def _proximity(e: Evidence) -> Message:
    if e.distance_km < 1.0:
        return texts.DISTANCE_NEAR
    return _filled(texts.DISTANCE, {"travel": round(e.travel_km), "km": round(e.distance_km)})


def _maturity(e: Evidence, table: MaturityTable) -> Message:
    rule = table.rule(e.requester_class, e.candidate_class)
    params = {
        "mine": MaturityClass(e.requester_class).title,
        "theirs": MaturityClass(e.candidate_class).title,
        "rule": rule.text,
    }
    return _filled(texts.MATURITY, params)


def _closure(e: Evidence, names: Mapping[int, Translatable]) -> Message:
    if e.same_country:
        return texts.CLOSURE_SAME_COUNTRY
    if e.worked_together:
        return texts.CLOSURE_WORKED_TOGETHER
    if not e.requester_has_partners:
        return texts.CLOSURE_NO_PARTNERS
    n = len(e.shared_partners)
    if n == 0:
        return texts.CLOSURE_NONE
    named = sorted((names[i] for i in e.shared_partners if i in names), key=str)
    if not named:
        return _filled(texts.CLOSURE_COUNTED, {"n": n})
    template = texts.CLOSURE_NAMED if len(named) == n else texts.CLOSURE_SOME_NAMED
    return _filled(template, {"n": n, "names": join_list(named, style="and")})


def explain(
    recommendation: Recommendation,
    *,
    labels: Mapping[str, Content] = NO_LABELS,
    maturity: MaturityTable = DEFAULT_MATURITY,
    partner_names: Mapping[int, Translatable] = NO_NAMES,
) -> Explanation:
    """The reasons for one recommendation, component by component (pass the table it was scored with).

    partner_names: the names of the requester's partners that the viewer may see (see the module's text).
    """
    e = recommendation.evidence
    if e is None:
        raise ValueError("the recommendation carries no evidence")
    evidence_texts = {
        "complementarity": _complementarity(e, labels),
        "reciprocity": _reciprocity(e, labels),
        "common_ground": _common_ground(e, labels),
        "proximity": _proximity(e),
        "maturity": _maturity(e, maturity),
        "novelty": texts.NEVER_COOPERATED if e.never_cooperated else texts.COOPERATED_BEFORE,
        "closure": _closure(e, partner_names),
    }
    lines = tuple(
        ExplanationLine(
            component=c.name,
            title=texts.COMPONENT_TITLES[c.name],
            value=c.value,
            weight=c.weight,
            contribution=c.contribution,
            text=evidence_texts[c.name],
        )
        for c in recommendation.components
    )
    notes = []
    if not (e.requester_has_needs or e.requester_has_offers):
        notes.append(texts.NO_PROFILE)
    if e.worked_together:
        notes.append(texts.WORKED_TOGETHER)
    return Explanation(
        id=recommendation.id,
        score=recommendation.score,
        anonymous=recommendation.anonymous,
        lines=lines,
        notes=tuple(notes),
    )
