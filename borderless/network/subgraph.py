"""A part of the network for drawing and exporting: an organisation's ego network, a component, a region.

Never the whole network: every subgraph is capped at `limit` organisations (the best connected first)
and says when it was cut. Nodes carry the stored figures of the current computation; ties are counted
from the participations of the period's projects, with the same rule as the figures (projects of at
most the computation's largest consortium).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from .models import OrganisationFigures, Participation, PeriodFigures, participant_key

DEFAULT_LIMIT = 150
MAX_LIMIT = 500


@dataclass(slots=True)
class Subgraph:
    period: PeriodFigures
    nodes: list[OrganisationFigures]
    ties: dict[tuple[str, str], int]
    truncated: bool
    scope: str  # "ego", "component" or "region"
    centre: str = ""  # the ego's node, the component's number or the region's code
    projects: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def _projects_of_period(period: PeriodFigures, max_participants: int):
    return (
        Participation.objects.filter(
            project__start_year__gte=period.first_year, project__start_year__lte=period.last_year
        )
        .values("project_id")
        .annotate(n=Count("pk"))
        .filter(n__lte=max_participants)
        .values("project_id")
    )


def _node_filter(keys: Iterable[str]) -> Q:
    orgs, pics, names = [], [], []
    for key in keys:
        kind, _sep, value = key.partition(":")
        if kind == "org":
            orgs.append(int(value))
        elif kind == "pic":
            pics.append(value)
        else:
            names.append(value.partition(":")[2])
    query = Q(organisation_id__in=orgs) | Q(organisation__isnull=True, pic__in=pics)
    if names:
        query |= Q(organisation__isnull=True, pic="", name__in=names)
    return query


def _members(period: PeriodFigures, keys: set[str]) -> tuple[dict[int, list[str]], dict[int, str]]:
    """Project → its participants' nodes (and project → its acronym), for the period's tie-making
    projects that involve `keys`."""
    eligible = _projects_of_period(period, period.run.max_participants)
    involved = Participation.objects.filter(_node_filter(keys), project_id__in=eligible).values("project_id")
    rows = Participation.objects.filter(project_id__in=involved).values_list(
        "project_id", "organisation_id", "pic", "name", "country", "project__acronym", "project__title"
    )
    members: dict[int, list[str]] = defaultdict(list)
    labels: dict[int, str] = {}
    for project_id, org_id, pic, name, country, acronym, title in rows:
        members[project_id].append(participant_key(organisation_id=org_id, pic=pic, name=name, country=country))
        labels[project_id] = acronym or title
    return members, labels


def _ties(found: tuple[dict[int, list[str]], dict[int, str]], keep: set[str]) -> tuple[dict, dict]:
    members, labels = found
    ties: dict[tuple[str, str], int] = defaultdict(int)
    projects: dict[tuple[str, str], list[str]] = defaultdict(list)
    for project_id, nodes in members.items():
        inside = sorted({n for n in nodes if n in keep})
        for i, a in enumerate(inside):
            for b in inside[i + 1 :]:
                ties[(a, b)] += 1
                projects[(a, b)].append(labels.get(project_id, ""))
    return dict(ties), dict(projects)


def _capped(rows, limit: int, must: str | None = None) -> tuple[list[OrganisationFigures], bool]:
    rows = list(rows.order_by("-degree", "-weighted_degree", "name")[: limit + 1])
    truncated = len(rows) > limit
    rows = rows[:limit]
    if must is not None and all(r.node != must for r in rows):
        rows = rows[:-1]
    return rows, truncated


def ego_network(period: PeriodFigures, node: str, *, limit: int = DEFAULT_LIMIT) -> Subgraph | None:
    """The organisation and its partners in the period, with the ties among them."""
    ego = period.organisations.filter(node=node).first()
    if ego is None:
        return None
    members, _labels = _members(period, {node})
    partners = {n for nodes in members.values() if node in nodes for n in nodes}
    rows = period.organisations.filter(node__in=partners - {node})
    others, truncated = _capped(rows, limit - 1)
    nodes = [ego, *others]
    keep = {n.node for n in nodes}
    ties, projects = _ties(_members(period, keep), keep)
    return Subgraph(period, nodes, ties, truncated, "ego", node, projects)


def component_network(period: PeriodFigures, component: int, *, limit: int = DEFAULT_LIMIT) -> Subgraph | None:
    rows = period.organisations.filter(component=component)
    if not rows.exists():
        return None
    nodes, truncated = _capped(rows, limit)
    keep = {n.node for n in nodes}
    ties, projects = _ties(_members(period, keep), keep)
    return Subgraph(period, nodes, ties, truncated, "component", str(component), projects)


def region_network(
    period: PeriodFigures, regions: Iterable[str], *, code: str, limit: int = DEFAULT_LIMIT
) -> Subgraph | None:
    """The organisations of NUTS-3 regions (one region, or a Euregio's) and the ties among them."""
    rows = period.organisations.filter(nuts3__in=list(regions))
    if not rows.exists():
        return None
    nodes, truncated = _capped(rows, limit)
    keep = {n.node for n in nodes}
    ties, projects = _ties(_members(period, keep), keep)
    return Subgraph(period, nodes, ties, truncated, "region", code, projects)


def node_attributes(row: OrganisationFigures) -> dict[str, Any]:
    """What a drawing, an export and the API say of a node (no figure the platform keeps private)."""
    return {
        "country": row.country,
        "region": row.nuts3,
        "kind": row.kind,
        "phase": row.phase,
        "participations": row.participations,
        "degree": row.degree,
        "weighted_degree": row.weighted_degree,
        "cross_border_partners": row.cross_border_partners,
        "betweenness": row.betweenness,
        "constraint": row.constraint,
        "coordinator": row.coordinator,
        "itinerant": row.itinerant,
        "boundary_spanner": row.boundary_spanner,
        "liaison": row.liaison,
        "arrival": row.arrival,
        "usual_suspect": row.usual_suspect,
    }
