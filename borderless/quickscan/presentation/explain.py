"""The explained parts of a result: acatech stage, follower group, technology profile and roadmap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from borderless.core.quickscan.groups import (
    CONDITION_TEXTS,
    FRONTRUNNER_CONDITIONS,
    LATE_CONDITIONS,
    FollowerGroup,
    GroupDecision,
)
from borderless.core.quickscan.questionnaire import AREA_TITLES, QUESTIONNAIRE, SCALE_LABELS, TRI_LABELS, TechStatus
from borderless.core.quickscan.roadmap import INSTRUMENT_TITLES, roadmap
from borderless.core.quickscan.scoring import Result, StageResult
from borderless.core.quickscan.technology import TechnologyProfile
from borderless.i18n.translation import translate
from borderless.organisations.models import Country, OrganisationKind

Q = QUESTIONNAIRE


@dataclass(frozen=True)
class Statement:
    stage: int
    area: str
    text: str
    answer: str  # "Yes", "Partly", "No" in the page's language


@dataclass(frozen=True)
class StageView:
    reached: int  # 0..6
    name: str  # "No stage reached yet" for stage 0
    description: str
    can_do: tuple[Statement, ...]  # statements answered "yes", every stage
    next_stage: int | None
    next_name: str
    next_description: str
    next_needs: tuple[Statement, ...]  # statements of the next stage not yet "yes"
    progress_percent: int | None  # towards the next stage
    ladder: tuple[tuple[int, str, bool], ...]  # (stage, name, reached)


@dataclass(frozen=True)
class Condition:
    text: str
    met: bool


@dataclass(frozen=True)
class GroupView:
    id: str
    title: str
    rule: str  # the rule of the firm's group
    explanation: str
    rules: tuple[tuple[str, str], ...]  # (group title, rule) of every group
    frontrunner_conditions: tuple[Condition, ...]
    late_conditions: tuple[Condition, ...]
    evidence: tuple[str, ...]  # Industrie 4.0 technologies in use or pilot


@dataclass(frozen=True)
class ClusterView:
    id: str
    number: int
    title: str
    in_use: tuple[str, ...]
    piloting: tuple[str, ...]
    planned: tuple[str, ...]
    status: str  # "connected" | "island" | "not_in_use"
    status_label: str
    connected_to: tuple[str, ...]  # titles of the clusters it exchanges data with


@dataclass(frozen=True)
class TechnologyView:
    clusters: tuple[ClusterView, ...]
    island_score: float | None  # 0..1: share of clusters in use connected to another
    island_percent: int | None
    explanation: str
    links: tuple[tuple[str, str], ...]  # technology names that exchange data


@dataclass(frozen=True)
class Helper:
    code: str
    title: str
    directory_url: str
    directory_label: str
    finder_url: str = ""


@dataclass(frozen=True)
class StepView:
    number: int
    id: str
    title: str
    action: str
    why: str
    more_reasons: tuple[str, ...]
    helpers: tuple[Helper, ...]


def _statement(item_id: str, answers: dict[str, Any], lang: str) -> Statement:
    item = Q.item(item_id)
    question_id = item_id.rsplit(".", 1)[0]
    value = (answers.get(question_id) or {}).get(item_id, "no")
    return Statement(
        stage=item.stage or 0,
        area=translate(AREA_TITLES[item.area.value], lang) if item.area else "",
        text=translate(item.text, lang),
        answer=translate(TRI_LABELS[value], lang) if value in TRI_LABELS else "",
    )


def stage_view(stage: StageResult, answers: dict[str, Any], lang: str) -> StageView:
    reached = Q.stage(stage.reached) if stage.reached else None
    following = Q.stage(stage.next_stage) if stage.next_stage else None
    return StageView(
        reached=stage.reached,
        name=translate(reached.name, lang) if reached else _("No stage reached yet"),
        description=translate(reached.description, lang)
        if reached
        else _("Not every statement of stage 1 is fully true for your company yet."),
        can_do=tuple(_statement(sid, answers, lang) for sid in stage.can_do),
        next_stage=stage.next_stage,
        next_name=translate(following.name, lang) if following else "",
        next_description=translate(following.description, lang) if following else "",
        next_needs=tuple(_statement(sid, answers, lang) for sid in stage.next_needs),
        progress_percent=None if stage.progress is None else round(100 * stage.progress),
        ladder=tuple((s.number, translate(s.name, lang), s.number <= stage.reached) for s in Q.stages),
    )


def group_view(decision: GroupDecision, lang: str) -> GroupView:
    rules = decision.rules
    params = {**rules.params(), "late_min_q4_level": SCALE_LABELS[rules.late_min_q4_level]}

    def conditions(codes: Sequence[str]) -> tuple[Condition, ...]:
        return tuple(
            Condition(translate(CONDITION_TEXTS[c].bind(params), lang), bool(decision.conditions[c])) for c in codes
        )

    if decision.group is FollowerGroup.FRONTRUNNER:
        explanation = _("Every Frontrunner condition is met.")
    elif decision.group is FollowerGroup.LATE_FOLLOWER:
        explanation = _("Every Late Follower condition is met, and not every Frontrunner condition.")
    else:
        explanation = _("Neither every Frontrunner condition nor every Late Follower condition is met.")
    return GroupView(
        id=decision.group.value,
        title=translate(decision.group.title, lang),
        rule=translate(decision.group.rule.bind(params), lang),
        explanation=explanation,
        rules=tuple((translate(g.title, lang), translate(g.rule.bind(params), lang)) for g in FollowerGroup),
        frontrunner_conditions=conditions(FRONTRUNNER_CONDITIONS),
        late_conditions=conditions(LATE_CONDITIONS),
        evidence=tuple(translate(Q.item(item_id).text, lang) for item_id in decision.i40_evidence),
    )


def technology_view(tech: TechnologyProfile, lang: str) -> TechnologyView:
    clusters = []
    for cluster in Q.clusters:

        def named(status: TechStatus, cluster=cluster) -> tuple[str, ...]:
            return tuple(
                translate(Q.item(t).text, lang) for t in cluster.technology_ids if tech.statuses.get(t) is status
            )

        partners = tuple(
            translate(Q.cluster(b if a == cluster.id else a).title, lang)
            for a, b in tech.cluster_links
            if cluster.id in (a, b)
        )
        if cluster.id not in tech.clusters_in_use:
            status, label = "not_in_use", _("not in use")
        elif cluster.id in tech.islands:
            status, label = "island", _("island: exchanges no data with another cluster")
        else:
            status, label = "connected", _("connected")
        clusters.append(
            ClusterView(
                id=cluster.id,
                number=cluster.number,
                title=translate(cluster.title, lang),
                in_use=named(TechStatus.IN_USE),
                piloting=named(TechStatus.PILOTING),
                planned=named(TechStatus.PLANNED),
                status=status,
                status_label=label,
                connected_to=partners,
            )
        )
    in_use = len(tech.clusters_in_use)
    connected = in_use - len(tech.islands)
    percent = None if tech.island_score is None else round(100 * tech.island_score)
    if tech.island_score is None:
        explanation = _("No technology cluster is in use yet, so there is no island score.")
    else:
        explanation = _(
            "Island score %(percent)s%%: %(connected)s of the %(in_use)s technology clusters in use exchange "
            "data automatically with at least one other cluster. 100%% means no cluster is an island; a single "
            "cluster is an island by definition."
        ) % {"percent": percent, "connected": connected, "in_use": in_use}
    return TechnologyView(
        clusters=tuple(clusters),
        island_score=tech.island_score,
        island_percent=percent,
        explanation=explanation,
        links=tuple((translate(Q.item(a).text, lang), translate(Q.item(b).text, lang)) for a, b in tech.links),
    )


HELPER_DIRECTORY: dict[str, tuple[str, bool]] = {
    "voucher": (OrganisationKind.INTERMEDIARY, True),
    "coaching": (OrganisationKind.INTERMEDIARY, True),
    "rd_project": (OrganisationKind.INTERMEDIARY, True),
    "field_lab": (OrganisationKind.FIELDLAB, False),
    "edih": (OrganisationKind.HUB, False),
    "feasibility_study": (OrganisationKind.KNOWLEDGE, False),
    "training": (OrganisationKind.KNOWLEDGE, False),
    "partner_technology": (OrganisationKind.COMPANY, False),
}


def _directory_label(kind: str, own_country: bool) -> str:
    labels = {
        (OrganisationKind.INTERMEDIARY, True): _("Intermediaries in your country"),
        (OrganisationKind.FIELDLAB, False): _("Field labs and lighthouses in the border region"),
        (OrganisationKind.HUB, False): _("Hubs and EDIHs in the border region"),
        (OrganisationKind.KNOWLEDGE, False): _("Knowledge institutions in the border region"),
        (OrganisationKind.COMPANY, False): _("Companies on both sides of the border"),
    }
    return labels[(kind, own_country)]


# Roadmap helper -> kind of instrument in the instrument finder.
HELPER_INSTRUMENT_KIND: dict[str, str] = {
    "voucher": "voucher",
    "coaching": "advice",
    "rd_project": "rd_project",
    "field_lab": "field_lab",
    "edih": "network_hub",
    "feasibility_study": "feasibility_study",
    "training": "training",
}


def _finder_url(code: str, country: str) -> str:
    """The instrument finder filtered to this kind of help, in the firm's country."""
    if code not in HELPER_INSTRUMENT_KIND:
        return ""
    query = {"kind": HELPER_INSTRUMENT_KIND[code]}
    if country in Country.values:
        query["region"] = country
    return reverse("instruments:finder") + "?" + urlencode(query)


def _helper(code: str, country: str, lang: str) -> Helper:
    title = translate(INSTRUMENT_TITLES[code], lang)
    finder_url = _finder_url(code, country)
    if code not in HELPER_DIRECTORY:
        return Helper(code, title, "", "", finder_url)
    kind, own_country = HELPER_DIRECTORY[code]
    query = {"kind": kind, "in_programme_area": "yes"}
    if own_country and country in Country.values:
        query["country"] = country
    url = reverse("organisations:directory") + "?" + urlencode(query)
    return Helper(code, title, url, _directory_label(kind, own_country), finder_url)


def roadmap_view(result: Result, lang: str) -> tuple[StepView, ...]:
    return tuple(
        StepView(
            number=number,
            id=step.id,
            title=translate(step.title, lang),
            action=translate(step.action, lang),
            why=translate(step.why_message, lang),
            more_reasons=tuple(translate(reason.message, lang) for reason in step.reasons[1:]),
            helpers=tuple(_helper(code, result.company.country, lang) for code in step.instruments),
        )
        for number, step in enumerate(roadmap(result), start=1)
    )
