"""Reads of the network app: a period's report from the stored projects and participations."""

from __future__ import annotations

import re
from typing import Any

from borderless.core.network import Participation as Tie
from borderless.core.network import Period, PeriodReport, network_reports
from borderless.core.network.periods import PeriodKind

from .models import Participation, Project

BROKER_ROLES = ("coordinator", "itinerant", "boundary_spanner", "liaison")
TOP = 10

_PERIOD = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")


def parse_period(text: str) -> Period | None:
    """The period "2014-2020" (a programme period, with a hyphen or a dash) or "2019" (a year)."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    kind: PeriodKind = "programme" if match.group(2) else "year"
    return Period(first, last, kind)


def _inputs() -> tuple[list[Tie], dict[str, Any], dict[str, str], dict[str, str], dict[str, str]]:
    ties: list[Tie] = []
    starts: dict[str, Any] = {}
    countries: dict[str, str] = {}
    regions: dict[str, str] = {}
    names: dict[str, str] = {}
    rows = (
        Participation.objects.filter(project__start_date__isnull=False)
        .select_related("project", "organisation", "organisation__town")
        .order_by("pk")
    )
    for row in rows:
        key = row.participant_key
        project = str(row.project_id)
        ties.append(Tie(organisation=key, project=project))
        starts[project] = row.project.start_date
        if row.organisation is not None:
            countries[key] = row.organisation.town.country
            regions[key] = row.organisation.town.nuts3_id
            names[key] = row.organisation.name
        else:
            countries.setdefault(key, row.country)
            if len(row.nuts_code) == 5:
                regions.setdefault(key, row.nuts_code)
            names.setdefault(key, row.name)
    return ties, starts, countries, regions, names


def period_report(*, period: Period) -> dict[str, Any]:
    """The period's figures as plain data (JSON-ready): counts, phases, newcomers and top brokers."""
    ties, starts, countries, regions, names = _inputs()
    report: PeriodReport | None = None
    if ties:
        for candidate in network_reports(ties, starts, countries, period.kind, regions=regions):
            if candidate.period == period:
                report = candidate
    phases = dict.fromkeys(("pre_cooperation", "bilateral", "networked", "systemic"), 0)
    if report is None:
        return {
            "period": period.label,
            "projects": 0,
            "organisations": 0,
            "ties": 0,
            "nl_de_ties": 0,
            "phases": phases,
            "newcomers": None,
            "brokers": {role: [] for role in BROKER_ROLES},
        }
    for phase in report.phases.values():
        phases[phase.code] += 1
    brokers: dict[str, list[dict[str, Any]]] = {}
    for role in BROKER_ROLES:
        ranked = sorted(
            ((getattr(counts, role), org) for org, counts in report.brokerage.observed.items()),
            key=lambda item: (-item[0], item[1]),
        )
        brokers[role] = [
            {
                "organisation": org,
                "name": names.get(org, org),
                "country": countries.get(org),
                "observed": count,
                "expected": getattr(report.brokerage.expected[org], role),
            }
            for count, org in ranked[:TOP]
            if count > 0
        ]
    graph = report.graph
    return {
        "period": period.label,
        "projects": graph.projects,
        "organisations": len(graph.organisations),
        "ties": len(graph.ties),
        "nl_de_ties": graph.nl_de_ties,
        "phases": phases,
        "newcomers": report.turnover.newcomers,
        "brokers": brokers,
    }


def projects_of(*, organisation) -> list[Project]:
    """The projects an organisation of the platform took part in, newest first."""
    return list(
        Project.objects.filter(participations__organisation=organisation)
        .distinct()
        .order_by("-start_year", "-start_date", "title")
    )
