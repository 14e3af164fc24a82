"""The network's figures, computed from every stored participation and kept for the pages to read.

`figures_compute` runs on the task runner (after an import, nightly via `compute_network`, or on
staff's request): it computes every programme period and every single year, stores one `PeriodFigures`
per period (the report as `network_report` prints it, with the time series' figures) and one
`OrganisationFigures` per organisation and period, and only then marks the computation done, so a
page never reads half a computation.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borderless.core.network import Participation as Tie
from borderless.core.network import Period, PeriodReport, network_reports
from borderless.core.network.periods import PeriodKind
from borderless.core.network.ties import DEFAULT_MAX_PARTICIPANTS
from borderless.organisations.models import NutsRegion

from .models import NetworkRun, OrganisationFigures, Participation, PeriodFigures, RunState, participant_key

BROKER_ROLES = ("coordinator", "itinerant", "boundary_spanner", "liaison")
DIRECTED_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
PHASES = ("pre_cooperation", "bilateral", "networked", "systemic")
TOP = 10
KINDS: tuple[PeriodKind, ...] = ("programme", "year")
BATCH = 5000


def max_participants() -> int:
    return int(getattr(settings, "NETWORK_MAX_PARTICIPANTS", DEFAULT_MAX_PARTICIPANTS))


@dataclass(slots=True)
class Inputs:
    """What the core needs, read once from the participations: ties, start dates and facts per node."""

    ties: list[Tie] = field(default_factory=list)
    starts: dict[str, datetime.date] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)
    organisation_ids: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)


def inputs_read() -> Inputs:
    """Every participation in a project with a known start, as the core's ties and facts per node."""
    data = Inputs()
    rows = (
        Participation.objects.filter(project__start_year__isnull=False)
        .values_list(
            "project_id",
            "project__start_date",
            "project__start_year",
            "project__source",
            "organisation_id",
            "organisation__name",
            "organisation__country",
            "organisation__town__nuts3_id",
            "organisation__kind",
            "organisation__size_class",
            "pic",
            "name",
            "country",
            "nuts_code",
            "kind",
        )
        .order_by("pk")
    )
    seen_projects: set[str] = set()
    for (
        project_id,
        start_date,
        start_year,
        source,
        org_id,
        org_name,
        org_country,
        org_region,
        org_kind,
        org_size,
        pic,
        name,
        country,
        nuts_code,
        kind,
    ) in rows.iterator(chunk_size=BATCH):
        project = str(project_id)
        key = participant_key(organisation_id=org_id, pic=pic, name=name, country=country)
        data.ties.append(Tie(organisation=key, project=project))
        if project not in seen_projects:
            seen_projects.add(project)
            data.starts[project] = start_date or datetime.date(start_year or 1, 1, 1)  # the query asks for a year
            source_key = source.split(":")[0] if source else ""
            data.sources[source_key] = data.sources.get(source_key, 0) + 1
        if key in data.names:
            continue
        if org_id is not None:
            data.organisation_ids[key] = org_id
            data.names[key] = org_name
            data.countries[key] = org_country or country
            data.regions[key] = org_region or (nuts_code if len(nuts_code) == 5 else "")
            data.kinds[key] = org_kind
            data.sizes[key] = org_size or ""
        else:
            data.names[key] = name
            data.countries[key] = country
            data.regions[key] = nuts_code if len(nuts_code) == 5 else ""
            data.kinds[key] = kind
    data.regions = {k: v for k, v in data.regions.items() if v}
    return data


def reports_compute(data: Inputs, kind: PeriodKind, *, only: Period | None = None) -> tuple[PeriodReport, ...]:
    """Every period's report of `kind`, or only that of `only`."""
    if not data.ties:
        return ()
    return network_reports(
        data.ties,
        data.starts,
        data.countries,
        kind,
        regions=data.regions,
        max_participants=max_participants(),
        only=only,
    )


def _brokers(report: PeriodReport, data: Inputs) -> dict[str, list[dict[str, Any]]]:
    brokers: dict[str, list[dict[str, Any]]] = {}
    for role in BROKER_ROLES:
        ranked = sorted(
            ((getattr(counts, role), org) for org, counts in report.brokerage.observed.items()),
            key=lambda item: (-item[0], item[1]),
        )
        brokers[role] = [
            {
                "organisation": org,
                "name": data.names.get(org, org),
                "country": data.countries.get(org),
                "observed": count,
                "expected": getattr(report.brokerage.expected[org], role),
            }
            for count, org in ranked[:TOP]
            if count > 0
        ]
    return brokers


def _change(change) -> dict[str, int] | None:
    return None if change is None else {"previous": change.previous, "current": change.current}


def report_json(report: PeriodReport | None, period: Period, data: Inputs) -> dict[str, Any]:
    """The period's figures as plain data: the keys `network_report --json` promises, and the rest
    the monitor shows (graph figures, turnover, betweenness method, regions, components)."""
    phases = dict.fromkeys(PHASES, 0)
    if report is None:
        return {
            "period": period.label,
            "kind": period.kind,
            "projects": 0,
            "organisations": 0,
            "ties": 0,
            "nl_de_ties": 0,
            "phases": phases,
            "newcomers": None,
            "brokers": {role: [] for role in BROKER_ROLES},
            "max_participants": max_participants(),
        }
    for phase in report.phases.values():
        phases[phase.code] += 1
    graph, metrics, moves, orgs = report.graph, report.metrics, report.turnover, report.organisations
    return {
        "period": period.label,
        "kind": period.kind,
        "projects": graph.projects,
        "organisations": len(graph.organisations),
        "ties": len(graph.ties),
        "nl_de_ties": graph.nl_de_ties,
        "phases": phases,
        "newcomers": moves.newcomers,
        "brokers": _brokers(report, data),
        "max_participants": graph.max_participants,
        "nl_de_organisations": len(report.phases),
        "ei_index": metrics.ei.value,
        "ei_external": metrics.ei.external,
        "ei_internal": metrics.ei.internal,
        "components": metrics.components,
        "giant_component_share": metrics.giant_component_share,
        "transitivity": metrics.transitivity,
        "density": metrics.density,
        "returning": moves.returning,
        "newcomer_share": moves.newcomer_share,
        "newcomer_reason": moves.newcomer_reason,
        "usual_suspects": len(moves.usual_suspects),
        "top_decile_participation_share": moves.top_decile_participation_share,
        "growth": {
            "organisations": _change(moves.organisations_growth),
            "ties": _change(moves.ties_growth),
            "nl_de_ties": _change(moves.nl_de_ties_growth),
            "reason": moves.growth_reason,
        },
        "betweenness": {
            "method": orgs.betweenness_method,
            "pivots": orgs.betweenness_pivots,
            "error_bound": orgs.betweenness_error_bound,
            "confidence": orgs.betweenness_confidence,
        },
        "brokerage_density": report.brokerage.density,
        "brokerage_groups": dict(report.brokerage.group_sizes),
        "regions": [
            {
                "region": r.region,
                "organisations": r.organisations,
                "phases": {phase.code: count for phase, count in r.counts.items()},
                "most_advanced": r.most_advanced.code,
            }
            for r in report.regions
        ],
        "component_list": [
            {"size": len(c.organisations), "phase": c.phase.code if c.phase is not None else None}
            for c in report.components[:TOP]
        ],
    }


def _first_years(data: Inputs) -> dict[str, int]:
    first: dict[str, int] = {}
    for tie in data.ties:
        year = data.starts[tie.project].year
        if year < first.get(tie.organisation, 10_000):
            first[tie.organisation] = year
    return first


def _organisation_rows(
    figures: PeriodFigures, report: PeriodReport, data: Inputs, first_years: Mapping[str, int]
) -> Iterable[OrganisationFigures]:
    component_of: dict[str, int] = {}
    for number, component in enumerate(report.components, start=1):
        for org in component.organisations:
            component_of[org] = number
    suspects = set(report.turnover.usual_suspects)
    first_period = report.turnover.newcomer_reason == "first_period"
    period = report.period
    for metrics in report.organisations.organisations:
        key = metrics.organisation
        counts = report.brokerage.observed.get(key)
        phase = report.phases.get(key)
        if first_period:
            arrival = ""
        else:
            arrival = "newcomer" if period.first_year <= first_years[key] <= period.last_year else "returning"
        yield OrganisationFigures(
            period=figures,
            node=key[:80],
            organisation_id=data.organisation_ids.get(key),
            name=data.names.get(key, key)[:300],
            country=(data.countries.get(key) or "")[:2],
            nuts3=data.regions.get(key, "")[:5],
            kind=data.kinds.get(key, "")[:16],
            size=data.sizes.get(key, "")[:16],
            participations=report.graph.participations.get(key, 0),
            degree=metrics.degree,
            weighted_degree=metrics.weighted_degree,
            cross_border_partners=metrics.cross_border_partners,
            betweenness=metrics.betweenness_normalised,
            constraint=metrics.constraint,
            component=component_of.get(key),
            phase=phase.code if phase is not None else "",
            coordinator=counts.coordinator if counts else 0,
            itinerant=counts.itinerant if counts else 0,
            boundary_spanner=counts.boundary_spanner if counts else 0,
            liaison=counts.liaison if counts else 0,
            arrival=arrival,
            usual_suspect=key in suspects,
        )


def figures_compute(
    *, reason: str = "manual", job=None, progress: Callable[[int, int], None] | None = None
) -> NetworkRun:
    """Compute and store every period's figures; the run becomes the pages' current one when done."""
    run = NetworkRun.objects.create(reason=reason, max_participants=max_participants(), job=job)
    try:
        data = inputs_read()
        first_years = _first_years(data)
        all_reports = [(kind, reports_compute(data, kind)) for kind in KINDS]
        total = sum(len(reports) for _kind, reports in all_reports)
        done = 0
        with transaction.atomic():
            for _kind, reports in all_reports:
                for report in reports:
                    figures = PeriodFigures.objects.create(
                        run=run,
                        kind=report.period.kind,
                        first_year=report.period.first_year,
                        last_year=report.period.last_year,
                        label=report.period.label,
                        report={**report_json(report, report.period, data), "patterns": patterns_summary(data, report)},
                    )
                    OrganisationFigures.objects.bulk_create(
                        _organisation_rows(figures, report, data, first_years), batch_size=BATCH
                    )
                    done += 1
                    if progress is not None:
                        progress(done, total)
            run.projects = len(data.starts)
            run.participations = len(data.ties)
            run.sources = data.sources
            run.state, run.computed_at = RunState.DONE, timezone.now()
            run.save()
    except Exception:
        NetworkRun.objects.filter(pk=run.pk).update(state=RunState.FAILED)
        raise
    # Older computations are kept only as long as they are the one before the current.
    older = NetworkRun.objects.filter(state=RunState.DONE, pk__lt=run.pk).order_by("-pk").values_list("pk", flat=True)
    NetworkRun.objects.filter(pk__in=list(older[1:])).delete()
    NetworkRun.objects.filter(state=RunState.FAILED, pk__lt=run.pk).delete()
    return run


def current_run() -> NetworkRun | None:
    """The latest finished computation, which the pages show."""
    return NetworkRun.objects.filter(state=RunState.DONE).order_by("-computed_at", "-pk").first()


def nuts3_euregios() -> dict[str, str]:
    """NUTS-3 code → Euregio slug, for the regions of the programme area."""
    return dict(NutsRegion.objects.filter(level=3, euregio__isnull=False).values_list("code", "euregio__slug"))


PATTERN_OCCURRENCES = 50
PATTERNS_MAX_PARTICIPATIONS = 200_000


def patterns_summary(data: Inputs, report: PeriodReport) -> dict[str, Any]:
    """The patterns of growing cooperation in the period (core `patterns`): per pattern how often it
    occurs and its first occurrences, with names as the report's brokers have them.

    Introductions are the intermediaries' introductions on the platform (contact requests of the
    kind "introduction" that were not withdrawn), dated on the day they were made in the platform's
    time zone. Each pattern walks all of the data for who worked with whom before, so the programme
    periods only are listed, and none with more than PATTERNS_MAX_PARTICIPATIONS participations.
    """
    # Imported here: the patterns are this function's business only.
    from django.db.models import F
    from django.utils.translation import gettext_noop

    from borderless.contacts.models import ContactRequest
    from borderless.core.network import Introduction, ambassadors, brokerage_directed, dyads_adding_a_third, group_of
    from borderless.core.network import introductions_that_became_projects as introductions_followed

    period = report.period
    size = sum(report.graph.participations.values())
    if period.kind != "programme":
        return {"skipped": "programme_only", "reason": gettext_noop("Patterns are listed per programme period.")}
    if size > PATTERNS_MAX_PARTICIPATIONS:
        return {"skipped": "too_large", "reason": gettext_noop("too large to list here"), "participations": size}

    names = dict(data.names)

    def named(keys: Iterable[str]) -> list[dict[str, str]]:
        return [{"organisation": key, "name": names.get(key, key)} for key in keys]

    cap = report.graph.max_participants
    dyads = dyads_adding_a_third(data.ties, data.starts, data.countries, max_participants=cap, period=period)
    found_ambassadors = ambassadors(data.ties, data.starts, data.countries, max_participants=cap, period=period)
    introductions: list[Introduction] = []
    rows = (
        ContactRequest.objects.filter(kind=ContactRequest.Kind.INTRODUCTION, broker__isnull=False)
        .exclude(state=ContactRequest.State.WITHDRAWN)
        .exclude(requester_id=F("receiver_id"))
        .values_list(
            "broker_id", "broker__name", "broker__country", "requester_id", "requester__country", "receiver_id",
            "receiver__country", "created_at",
        )
    )  # fmt: skip
    countries: dict[str, str] = {}
    for broker_id, broker_name, broker_country, requester_id, a_country, receiver_id, b_country, created_at in rows:
        names.setdefault(f"org:{broker_id}", broker_name)
        countries.update(
            {f"org:{broker_id}": broker_country, f"org:{requester_id}": a_country, f"org:{receiver_id}": b_country}
        )
        introductions.append(
            Introduction(
                introducer=f"org:{broker_id}",
                a=f"org:{requester_id}",
                b=f"org:{receiver_id}",
                date=timezone.localdate(created_at),
            )
        )
    outcomes = introductions_followed(introductions, data.ties, data.starts, max_participants=cap, period=period)
    # Introductions are directed ties (a → intermediary → b): Gould and Fernandez's five roles.
    made = [i for i in introductions if period.contains(i.date)]
    arcs = [(i.a, i.introducer) for i in made] + [(i.introducer, i.b) for i in made]
    nodes = sorted({n for arc in arcs for n in arc})
    directed = brokerage_directed(nodes, {n: group_of(countries.get(n)) for n in nodes}, arcs)
    introducers = sorted({i.introducer for i in made}, key=lambda v: (-directed.observed[v].total, v))
    return {
        "introduction_brokerage": {
            "introductions": len(made),
            "density": directed.density,
            "introducers": [
                {
                    **named([v])[0],
                    "observed": {role: getattr(directed.observed[v], role) for role in DIRECTED_ROLES},
                    "expected": {role: getattr(directed.expected[v], role) for role in DIRECTED_ROLES},
                }
                for v in introducers[:PATTERN_OCCURRENCES]
            ],
        },
        "dyad_adds_third": {
            "count": len(dyads),
            "first": [
                {
                    "pair": named(d.pair),
                    "first_project": d.first_project,
                    "first_date": d.first_date.isoformat(),
                    "later_project": d.later_project,
                    "date": d.date.isoformat(),
                    "third_partners": named(d.third_partners),
                    "cross_border": d.cross_border,
                }
                for d in dyads[:PATTERN_OCCURRENCES]
            ],
        },
        "ambassador": {
            "count": len(found_ambassadors),
            "first": [
                {
                    "ambassador": named([a.ambassador])[0],
                    "partner": named([a.partner])[0],
                    "introduced": a.count,
                    "introduced_organisations": named(a.introduced),
                    "projects": list(a.projects),
                    "first_date": a.first_date.isoformat(),
                }
                for a in found_ambassadors[:PATTERN_OCCURRENCES]
            ],
        },
        "introduction_became_project": {
            "count": len(outcomes.projects),
            "introductions": sum(r.introductions for r in outcomes.introducers),
            "first": [
                {
                    "introducer": named([p.introducer])[0],
                    "pair": named((p.a, p.b)),
                    "introduced_on": p.introduced_on.isoformat(),
                    "project": p.project,
                    "project_start": p.project_start.isoformat(),
                    "days": p.days,
                    "worked_together_before": p.worked_together_before,
                }
                for p in outcomes.projects[:PATTERN_OCCURRENCES]
            ],
            "introducers": [
                {**named([r.introducer])[0], "introductions": r.introductions, "became_projects": r.became_projects}
                for r in outcomes.introducers
            ],
        },
        "max_participants": report.graph.max_participants,
    }
