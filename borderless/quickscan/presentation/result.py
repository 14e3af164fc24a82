"""The view-model of a completed quickscan: everything the result page and the PDF report show.

Both are rendered from `assessment_view`, so they can never disagree. Every figure comes from the
stored result of the assessment (scored once, when it was completed); only the peer comparison is
read fresh, and it says the date it was read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from borderless.core.quickscan.groups import FollowerGroup, GroupDecision, GroupRules
from borderless.core.quickscan.peers import PeerLevel, PeerSummary
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, TechStatus
from borderless.core.quickscan.scoring import Band, CompanyData, Result, StageResult, StrategyData, band_for
from borderless.core.quickscan.technology import TechnologyProfile
from borderless.i18n.translation import translate
from borderless.organisations.models import Country, NaceDivision, SizeClass

from .. import charts
from ..models import Assessment
from ..selectors import PeerComparison, peer_comparison
from .explain import (
    GroupView,
    StageView,
    StepView,
    TechnologyView,
    group_view,
    roadmap_view,
    stage_view,
    technology_view,
)

Q = QUESTIONNAIRE


@dataclass(frozen=True)
class QuestionRow:
    id: str  # "D1.Q1"
    title: str
    score: float  # 0..10


@dataclass(frozen=True)
class DimensionRow:
    id: str  # "D1"
    title: str
    score: float  # 0..100
    band: str
    questions: tuple[QuestionRow, ...]
    peer: PeerSummary | None
    peer_position: str  # where the score lies in the peer group; "" without peers


@dataclass(frozen=True)
class Overall:
    score: float
    band_id: str
    band: str
    band_rule: str
    peer: PeerSummary | None
    peer_position: str


@dataclass(frozen=True)
class PeerView:
    available: bool
    level: str  # "Companies of the same country and size"
    description: str  # "Netherlands · Small (10–49 employees) · NACE 28 …"
    widened: bool
    n: int
    as_of: datetime
    note: str  # what the figures mean, or why there are none


@dataclass(frozen=True)
class MethodLine:
    text: str
    url: str


@dataclass(frozen=True)
class AssessmentView:
    public_id: str
    organisation_name: str  # "" for a visitor's quickscan
    organisation_slug: str
    completed_at: datetime
    language: str
    questionnaire_version: str
    overall: Overall
    dimensions: tuple[DimensionRow, ...]
    radar: SafeString
    stage: StageView
    group: GroupView
    technology: TechnologyView
    peers: PeerView
    roadmap: tuple[StepView, ...]
    method: MethodLine


def assessment_view(assessment: Assessment, *, lang: str, peers: PeerComparison | None = None) -> AssessmentView:
    """Everything the result page and the PDF show of a completed assessment, in `lang`."""
    if assessment.status != Assessment.Status.COMPLETED:
        raise ValueError("only a completed assessment has a result")
    result = result_from_dict(assessment.result)
    comparison = peers if peers is not None else peer_comparison(assessment=assessment)
    with translation.override(lang):
        overall = _overall(result, comparison, lang)
        dimensions = _dimensions(result, comparison, lang)
        peer_view = _peers(assessment, comparison, lang)
        return AssessmentView(
            public_id=str(assessment.public_id),
            organisation_name=assessment.organisation.name if assessment.organisation else "",
            organisation_slug=assessment.organisation.slug if assessment.organisation else "",
            completed_at=assessment.completed_at,
            language=lang,
            questionnaire_version=assessment.questionnaire_version,
            overall=overall,
            dimensions=dimensions,
            radar=_radar(dimensions, comparison),
            stage=stage_view(result.stage, assessment.answers, lang),
            group=group_view(result.group, lang),
            technology=technology_view(result.technology, lang),
            peers=peer_view,
            roadmap=roadmap_view(result, lang),
            method=_method(assessment, comparison),
        )


def result_from_dict(data: dict[str, Any]) -> Result:
    """The core Result back from its stored JSON form (see `serialise.result_to_dict`)."""
    stage = data["stage"]
    group = data["follower_group"]
    rules = group["rules"]
    tech = data["technology"]
    strategy = data["strategy"]
    return Result(
        question_scores=MappingProxyType(dict(data["questions"])),
        dimension_scores=MappingProxyType(dict(data["dimensions"])),
        overall=data["overall"],
        band=Band(data["band"]),
        stage=StageResult(stage["reached"], stage["progress"], tuple(stage["can_do"]), tuple(stage["next_needs"])),
        group=GroupDecision(
            group=FollowerGroup(group["group"]),
            stage=stage["reached"],
            conditions=MappingProxyType(dict(group["conditions"])),
            i40_evidence=tuple(group["industrie40_evidence"]),
            rules=GroupRules(
                frontrunner_min_stage=rules["frontrunner_min_stage"],
                late_max_stage=rules["late_max_stage"],
                late_min_q4_level=rules["late_min_q4_level"],
            ),
        ),
        technology=TechnologyProfile(
            statuses=MappingProxyType({k: TechStatus(v) for k, v in tech["statuses"].items()}),
            clusters_in_use=tuple(tech["clusters_in_use"]),
            links=tuple(tuple(p) for p in tech["links"]),  # type: ignore[misc]
            cluster_links=tuple(tuple(p) for p in tech["cluster_links"]),  # type: ignore[misc]
            islands=tuple(tech["islands"]),
            island_score=tech["island_score"],
        ),
        company=CompanyData(**data["company"]),
        strategy=StrategyData(
            written_strategy=strategy["written_strategy"],
            rd=strategy["rd"],
            data_services=strategy["data_services"],
            value_sought=tuple(strategy["value_sought"]),
            cross_border=tuple(strategy["cross_border"]),
        ),
    )


def band_rule() -> str:
    return _(
        "The band follows from the unrounded overall score: up to 25 “%(basic)s”, up to 50 “%(average)s”, "
        "up to 75 “%(moderately_advanced)s”, above 75 “%(advanced)s”."
    ) % {band.value: translate(band.title) for band in Band}


def peer_position(score: float, peer: PeerSummary | None) -> str:
    if peer is None:
        return ""
    if score > peer.q3:
        return _("in the top quarter of the group")
    if score >= peer.median:
        return _("at or above the median")
    if score >= peer.q1:
        return _("below the median")
    return _("in the bottom quarter of the group")


def _overall(result: Result, comparison: PeerComparison, lang: str) -> Overall:
    return Overall(
        score=result.overall,
        band_id=result.band.value,
        band=translate(result.band.title, lang),
        band_rule=band_rule(),
        peer=comparison.overall,
        peer_position=peer_position(result.overall, comparison.overall),
    )


def _dimensions(result: Result, comparison: PeerComparison, lang: str) -> tuple[DimensionRow, ...]:
    rows = []
    for dim in Q.dimensions:
        value = result.dimension_scores[dim.id]
        peer = comparison.dimensions.get(dim.id)
        rows.append(
            DimensionRow(
                id=dim.id,
                title=translate(dim.title, lang),
                score=value,
                band=translate(band_for(value).title, lang),
                questions=tuple(
                    QuestionRow(qid, translate(Q.question(qid).title, lang), result.question_scores[qid])
                    for qid in dim.question_ids
                ),
                peer=peer,
                peer_position=peer_position(value, peer),
            )
        )
    return tuple(rows)


def radar_series(dimensions: Sequence[DimensionRow], comparison: PeerComparison | None = None) -> list[charts.Series]:
    series = [charts.Series(_("Your scores"), [row.score for row in dimensions], "series-main")]
    if comparison is not None and comparison.group is not None:
        medians = [p.median if (p := comparison.dimensions.get(row.id)) else None for row in dimensions]
        series.append(charts.Series(_("Median of the peer group"), medians, "series-peer"))
    return series


def _radar(dimensions: Sequence[DimensionRow], comparison: PeerComparison) -> SafeString:
    return charts.radar_svg(
        title=_("Scores of the six dimensions, 0 to 100"),
        axes=[row.title for row in dimensions],
        series=radar_series(dimensions, comparison),
    )


def _peers(assessment: Assessment, comparison: PeerComparison, lang: str) -> PeerView:
    sector = NaceDivision.objects.filter(code=assessment.sector).first() if assessment.sector else None
    parts = {
        "country": Country(assessment.country).label if assessment.country in Country.values else assessment.country,
        "size_class": SizeClass(assessment.size_class).label
        if assessment.size_class in SizeClass.values
        else assessment.size_class,
        "sector": _("NACE %(code)s %(label)s") % {"code": sector.code, "label": sector.label}
        if sector
        else assessment.sector,
    }
    group = comparison.group
    if group is None:
        return PeerView(
            available=False,
            level="",
            description="",
            widened=False,
            n=0,
            as_of=comparison.as_of,
            note=_(
                "Fewer than 5 comparable firms have taken the quickscan so far, so there is no comparison yet: "
                "we never show figures of groups smaller than five."
            ),
        )
    level = PeerLevel(group.level)
    described = " · ".join(str(parts[field]) for field in level.fields) or _("every country, size and sector")
    widened = level is not PeerLevel.COUNTRY_SIZE_SECTOR
    note = _(
        "Median and quartiles of the latest results of %(n)s other firms; half of them score between the "
        "lower and the upper quartile."
    ) % {"n": group.n}
    if widened:
        note += " " + _(
            "Fewer than 5 firms of the same country, size and sector have taken the quickscan, so the group "
            "was widened until it had at least five."
        )
    return PeerView(
        available=True,
        level=translate(level.title, lang),
        description=described,
        widened=widened,
        n=group.n,
        as_of=comparison.as_of,
        note=note,
    )


# Where a kind of instrument or partner can be found today: the organisation directory, filtered.
# (kind of organisation, whether to stay in the firm's own country)
def _method(assessment: Assessment, comparison: PeerComparison) -> MethodLine:
    completed = timezone.localdate(assessment.completed_at).isoformat()
    if comparison.group is not None:
        peers = _("peer group: n = %(n)s firms, their latest results as of %(date)s") % {
            "n": comparison.group.n,
            "date": timezone.localdate(comparison.as_of).isoformat(),
        }
    else:
        peers = _("peer group: fewer than 5 comparable firms as of %(date)s") % {
            "date": timezone.localdate(comparison.as_of).isoformat()
        }
    text = _(
        "Method: EU Digital Maturity Assessment (SME version) scores, acatech Industrie 4.0 stages and the "
        "follower-group rule shown above; questionnaire %(version)s; completed on %(completed)s; %(peers)s. "
        "Source: the company's own answers in the Borderless quickscan."
    ) % {"version": assessment.questionnaire_version, "completed": completed, "peers": peers}
    return MethodLine(text=text, url=reverse("quickscan:method"))
