"""Reads of the network app: a period's report from the stored projects and participations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from borderless.atlas.models import AtlasProfile, Visibility
from borderless.core.network import Period
from borderless.core.network.periods import PeriodKind

from .figures import BROKER_ROLES, inputs_read, report_json, reports_compute
from .models import NetworkRun, OrganisationFigures, PeriodFigures

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


def period_report(*, period: Period) -> dict[str, Any]:
    """The period's figures as plain data (JSON-ready), computed now from the stored participations."""
    data = inputs_read()
    report = next((r for r in reports_compute(data, period.kind, only=period) if r.period == period), None)
    return report_json(report, period, data)


# --- what the monitor's pages may show of an organisation -------------------------------------------------


@dataclass(frozen=True, slots=True)
class NodeShown:
    """How a node of the network may be shown to an analyst.

    An organisation of the platform whose atlas profile is anonymous is shown as "Anonymous
    organisation" with its country only: no name, no size, no link to its ego network. Its size is
    shown only where its profile is public or for registered users; project partners that are not
    organisations of the platform are named as the project data name them.
    """

    node: str
    label: str
    anonymous: bool
    size: str  # a SizeClass value, or ""


def _org_id(node: str) -> int | None:
    kind, _sep, value = node.partition(":")
    return int(value) if kind == "org" and value.isdigit() else None


def anonymous_organisation_ids(*, organisation_ids: Iterable[int] | None = None) -> frozenset[int]:
    """The platform organisations whose atlas profile is anonymous (of `organisation_ids`, if given).

    The one privacy rule of the network's pages, drawings, exports and API: such an organisation is
    shown as "Anonymous organisation" with its country only."""
    profiles = AtlasProfile.objects.filter(visibility=Visibility.ANONYMOUS)
    if organisation_ids is not None:
        ids = {i for i in organisation_ids if i is not None}
        if not ids:
            return frozenset()
        profiles = profiles.filter(organisation_id__in=ids)
    return frozenset(profiles.values_list("organisation_id", flat=True))


def nodes_shown(*, nodes: Iterable[tuple[str, str, str]]) -> dict[str, NodeShown]:
    """What may be shown of each (node, name, size), by node: one query for all of them."""
    nodes = list(nodes)
    ids = {i for node, _name, _size in nodes if (i := _org_id(node)) is not None}
    visibility = (
        dict(AtlasProfile.objects.filter(organisation_id__in=ids).values_list("organisation_id", "visibility"))
        if ids
        else {}
    )
    anonymous_label = gettext("Anonymous organisation")
    shown: dict[str, NodeShown] = {}
    for node, name, size in nodes:
        org_id = _org_id(node)
        seen = visibility.get(org_id) if org_id is not None else None
        if seen == Visibility.ANONYMOUS:
            shown[node] = NodeShown(node, anonymous_label, True, "")
        else:
            visible_size = size if seen in (Visibility.PUBLIC, Visibility.REGISTERED) else ""
            shown[node] = NodeShown(node, name, False, visible_size)
    return shown


def figures_shown(*, rows: Iterable[OrganisationFigures]) -> dict[str, NodeShown]:
    """`nodes_shown` for stored figures."""
    return nodes_shown(nodes=((r.node, r.name, r.size) for r in rows))


# --- the current computation's periods and organisations --------------------------------------------------


def period_param(period: PeriodFigures) -> str:
    """The period as a query parameter ("2014-2020", "2019"), which `parse_period` reads back."""
    if period.first_year == period.last_year:
        return str(period.first_year)
    return f"{period.first_year}-{period.last_year}"


def run_periods(*, run: NetworkRun, kind: str) -> list[PeriodFigures]:
    return list(run.periods.filter(kind=kind).order_by("first_year"))


def run_period(*, run: NetworkRun, text: str | None, kind: str | None = None) -> PeriodFigures | None:
    """The computation's period named by `text` ("2014-2020", "2019"); else the latest with organisations
    of `kind` (programme periods unless told), else the latest of that kind."""
    parsed = parse_period(text) if text else None
    if parsed is not None:
        found = run.periods.filter(kind=parsed.kind, first_year=parsed.first_year, last_year=parsed.last_year).first()
        if found is not None:
            return found
    periods = run_periods(run=run, kind=kind or "programme")
    with_data = [p for p in periods if p.report.get("organisations")]
    candidates = with_data or periods
    return candidates[-1] if candidates else None


@dataclass(frozen=True, slots=True)
class OrganisationFilters:
    """The organisations table's filters; empty strings filter nothing."""

    country: str = ""
    regions: tuple[str, ...] = ()  # NUTS-3 codes (one region, or a Euregio's)
    kind: str = ""
    size: str = ""
    phase: str = ""
    arrival: str = ""  # "newcomer", "returning" or "usual_suspect"
    role: str = ""  # a broker role: rows with at least one brokerage of it
    q: str = ""
    sort: str = "degree"


SORTS = {
    "degree": ("-degree", "-weighted_degree", "name"),
    "betweenness": ("-betweenness", "-degree", "name"),
    "cross_border_partners": ("-cross_border_partners", "-degree", "name"),
}
OTHER_COUNTRIES = "other"


def organisation_figures_filter(*, period: PeriodFigures, filters: OrganisationFilters) -> QuerySet:
    """The period's organisations matching `filters`, sorted.

    A name search never finds an organisation with an anonymous profile, and the size filter counts
    only sizes that may be shown, so neither tells anything about an anonymous organisation.
    """
    rows = period.organisations.all()
    if filters.country == OTHER_COUNTRIES:
        rows = rows.exclude(country__in=("NL", "DE"))
    elif filters.country:
        rows = rows.filter(country=filters.country)
    if filters.regions:
        rows = rows.filter(nuts3__in=filters.regions)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.phase:
        rows = rows.filter(phase=filters.phase)
    if filters.arrival == "usual_suspect":
        rows = rows.filter(usual_suspect=True)
    elif filters.arrival:
        rows = rows.filter(arrival=filters.arrival)
    if filters.role in BROKER_ROLES:
        rows = rows.filter(**{f"{filters.role}__gt": 0})
    anonymous = AtlasProfile.objects.filter(visibility=Visibility.ANONYMOUS).values("organisation_id")
    if filters.size:
        shown = AtlasProfile.objects.filter(visibility__in=(Visibility.PUBLIC, Visibility.REGISTERED))
        rows = rows.filter(size=filters.size, organisation_id__in=shown.values("organisation_id"))
    if filters.q:
        rows = rows.filter(name__icontains=filters.q).exclude(organisation_id__in=anonymous)
    return rows.order_by(*SORTS.get(filters.sort, SORTS["degree"]))
