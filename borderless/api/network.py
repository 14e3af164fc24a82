"""The collaboration network in the API: a period's report, one organisation's figures, a part of the graph.

Everything comes from the current computation of the network's figures. The full report, the
figures of any organisation and the subgraphs are for confirmed analysts and staff (the platform's
session); a member of an organisation may read that organisation's own figures; everyone else gets
the public report, with every group of fewer than five organisations hidden (null). An organisation
whose atlas profile is anonymous is never named and appears under an opaque 'anon-…' id, which
changes with every computation.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from borderless.network.access import can_use_monitor
from borderless.network.exports import (
    GRAPH_SCOPES,
    NetworkRequestError,
    node_id,
    node_label,
    node_public_attributes,
    node_resolve,
    period_pick,
    report_for_analysts,
    run_required,
    scope_error,
    subgraph_pick,
)
from borderless.network.public import MIN_GROUP, public_period_of, public_row_json
from borderless.network.selectors import anonymous_organisation_ids
from borderless.network.subgraph import DEFAULT_LIMIT, MAX_LIMIT
from borderless.organisations.models import Membership

from .errors import ApiError, unknown_parameters_reject
from .quickscan import session_auth
from .schemas import ErrorOut

router = Router(tags=["network"])

# Descriptions in this module are API documentation for developers and stay in English.

PERIOD_DESCRIPTION = (
    "A programme period such as 2014-2020 or a single year such as 2019; default: the latest programme period."
)


class ReportQuery(Schema):
    period: str = Field("", max_length=9, description=PERIOD_DESCRIPTION, examples=["2014-2020"])


class SubgraphQuery(Schema):
    period: str = Field("", max_length=9, description=PERIOD_DESCRIPTION, examples=["2014-2020"])
    scope: str = Field("ego", description="ego, component or region.")
    node: str = Field(
        "", max_length=80, description="For scope=ego: a node id such as 'org:12', 'pic:999…' or 'anon-…'."
    )
    component: str = Field(
        "", max_length=6, description="For scope=component: the component's number (1 is the largest)."
    )
    region: str = Field("", max_length=60, description="For scope=region: a NUTS-3 code or a Euregio's slug.")
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most this many organisations (≤ {MAX_LIMIT})."
    )


class MetaOut(Schema):
    period: str
    computed_at: str = Field(description="When the figures were computed (ISO 8601).")
    max_participants: int = Field(
        description="The tie rule: only projects with at most this many participants make ties."
    )
    sources: dict[str, int] = Field(description="Projects per source.")


class PublicRowOut(Schema):
    key: str = Field(description="'all', a NUTS-3 code or a Euregio's slug.")
    name: str
    organisations: int | None = Field(description="Null where hidden.")
    phases: dict[str, int | None] = Field(description="Organisations per phase; null where hidden.")
    fewer_than_minimum: bool = Field(description=f"The group has fewer than {MIN_GROUP} organisations.")


class PublicReportOut(Schema):
    public: bool = Field(description="True: the public aggregate, not the full report.")
    meta: MetaOut
    organisations: int
    projects: int
    ties: int
    nl_de_ties: int
    newcomer_share: float | None
    phases: PublicRowOut
    euregios: list[PublicRowOut]
    regions: list[PublicRowOut]


class FullReportOut(Schema):
    public: bool = Field(description="False: the full report.")
    meta: MetaOut
    report: dict[str, Any] = Field(
        description="The stored report: the keys of `manage.py network_report --json` (projects, organisations, "
        "ties, nl_de_ties, phases, newcomers, brokers), graph figures, turnover, regions, components and the "
        "patterns of growing cooperation."
    )


class MetricsOut(Schema):
    id: str = Field(description="The node id ('org:12', 'pic:…', or 'anon-…' for an anonymous atlas profile).")
    label: str
    period: str
    attributes: dict[str, Any] = Field(
        description="country, region (NUTS-3), kind, size, phase, participations, degree, weighted_degree, "
        "cross_border_partners, betweenness, constraint, brokerage roles, arrival, usual_suspect."
    )


class NodeOut(Schema):
    id: str
    label: str
    attributes: dict[str, Any]


class EdgeOut(Schema):
    source: str
    target: str
    weight: int = Field(description="Shared projects.")
    cross_border: bool


class SubgraphOut(Schema):
    meta: MetaOut
    scope: str
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="True: cut at `limit` organisations, the best connected kept.")


def _meta(period) -> dict[str, Any]:
    run = period.run
    return {
        "period": period.label,
        "computed_at": (run.computed_at or run.started_at).isoformat(),
        "max_participants": run.max_participants,
        "sources": dict(run.sources),
    }


def _refused(error: NetworkRequestError) -> ApiError:
    return ApiError(status=error.status, code=error.code, message=error.message, params=error.params)


def _monitor_required(request: HttpRequest) -> None:
    if not can_use_monitor(request.user):
        raise ApiError(
            status=403, code="forbidden", message=_("Only analysts and staff may read the network's figures.")
        )


@router.get(
    "/report",
    response={200: FullReportOut | PublicReportOut, 400: ErrorOut, 404: ErrorOut},
    url_name="network_report",
    summary="A period's network report",
)
def network_report(request: HttpRequest, query: Query[ReportQuery]):
    """The stored report of a period for analysts and staff; for everyone else the public aggregate
    (counts, and phases per Euregio and NUTS-3 region with groups under five organisations hidden)."""
    unknown_parameters_reject(request=request, allowed=set(ReportQuery.model_fields))
    try:
        period = period_pick(run_required(), query.period)
    except NetworkRequestError as error:
        raise _refused(error) from None
    if can_use_monitor(request.user):
        return {
            "public": False,
            "meta": _meta(period),
            "report": report_for_analysts(period, anonymous_organisation_ids()),
        }
    shown = public_period_of(period)
    return {
        "public": True,
        "meta": _meta(period),
        "organisations": shown.organisations,
        "projects": shown.projects,
        "ties": shown.ties,
        "nl_de_ties": shown.nl_de_ties,
        "newcomer_share": shown.newcomer_share,
        "phases": public_row_json(shown.phases),
        "euregios": [public_row_json(row) for row in shown.euregios],
        "regions": [public_row_json(row) for row in shown.regions],
    }


@router.get(
    "/organisations/{node}/metrics",
    response={200: MetricsOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    url_name="network_metrics",
    summary="One organisation's network figures",
    auth=session_auth,
)
def network_metrics(request: HttpRequest, node: str, query: Query[ReportQuery]):
    """An organisation's figures in a period: for analysts and staff any organisation's, for a member
    their own organisation's (node 'org:<id>')."""
    unknown_parameters_reject(request=request, allowed=set(ReportQuery.model_fields))
    analyst = can_use_monitor(request.user)
    own = set(Membership.objects.filter(user_id=int(request.user.pk or 0)).values_list("organisation_id", flat=True))
    kind, _sep, number = node.partition(":")
    member = kind == "org" and number.isdigit() and int(number) in own
    if not analyst and not member:
        raise ApiError(
            status=403, code="forbidden", message=_("You may read the figures of your own organisations only.")
        )
    try:
        period = period_pick(run_required(), query.period)
    except NetworkRequestError as error:
        raise _refused(error) from None
    # A member sees their own organisation's name even where its atlas profile is anonymous.
    anonymous_ids = anonymous_organisation_ids() - own
    row = node_resolve(period, node, anonymous_ids)
    if row is None:
        raise ApiError(
            status=404,
            code="not_found",
            message=_("No organisation “%(node)s” in the period %(period)s."),
            params={"node": node, "period": period.label},
        )
    return {
        "id": node_id(row, anonymous_ids),
        "label": node_label(row, anonymous_ids),
        "period": period.label,
        "attributes": node_public_attributes(row, anonymous_ids),
    }


@router.get(
    "/subgraph",
    response={200: SubgraphOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    url_name="network_subgraph",
    summary="A part of the network graph",
    auth=session_auth,
)
def network_subgraph(request: HttpRequest, query: Query[SubgraphQuery]):
    """An organisation's ego network, a component or a region's organisations with the ties among
    them, capped at `limit` organisations (for analysts and staff)."""
    unknown_parameters_reject(request=request, allowed=set(SubgraphQuery.model_fields))
    _monitor_required(request)
    anonymous_ids = anonymous_organisation_ids()
    try:
        if query.scope not in GRAPH_SCOPES:
            raise scope_error(query.scope, GRAPH_SCOPES)
        period = period_pick(run_required(), query.period)
        sub = subgraph_pick(
            period,
            scope=query.scope,
            node=query.node,
            component=query.component,
            region=query.region,
            limit=query.limit,
            anonymous_ids=anonymous_ids,
        )
    except NetworkRequestError as error:
        raise _refused(error) from None
    rows = {row.node: row for row in sub.nodes}
    ids = {key: node_id(row, anonymous_ids) for key, row in rows.items()}
    return {
        "meta": _meta(period),
        "scope": sub.scope,
        "nodes": [
            {
                "id": ids[row.node],
                "label": node_label(row, anonymous_ids),
                "attributes": node_public_attributes(row, anonymous_ids),
            }
            for row in sub.nodes
        ],
        "edges": [
            {
                "source": ids[a],
                "target": ids[b],
                "weight": weight,
                "cross_border": {rows[a].country, rows[b].country} == {"NL", "DE"},
            }
            for (a, b), weight in sorted(sub.ties.items())
        ],
        "truncated": sub.truncated,
    }
