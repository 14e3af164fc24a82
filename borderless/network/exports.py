"""The network's downloads (GEXF, GraphML, node and tie tables) and the privacy rule they share with the API.

The privacy rule (`selectors.anonymous_organisation_ids`, and here `node_is_anonymous`, `node_label`,
`node_id`, `node_public_attributes`): a platform organisation whose atlas profile is anonymous is
never named. It is labelled "Anonymous organisation", its node id is an opaque one that changes with
every computation, its size is left out, and the projects of its ties are not listed (a project's
partner list is public elsewhere and would give it away). The opaque id is an HMAC of the node key,
keyed with the site's secret and the computation: organisation numbers are small and guessable, so a
plain hash of them could be reversed by trying them all.

Everything here reads the current computation's stored figures; nothing is computed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from borderless.core.network.export import (
    ExportGraph,
    ExportNode,
    export_graph,
    gexf_bytes,
    graphml_bytes,
    node_csv_bytes,
    tie_csv_bytes,
)
from borderless.organisations.models import Euregio, NutsRegion

from .figures import PHASES, current_run
from .models import NetworkRun, OrganisationFigures, PeriodFigures
from .selectors import anonymous_organisation_ids, parse_period
from .subgraph import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Subgraph,
    component_network,
    ego_network,
    node_attributes,
    region_network,
)

ANONYMOUS_LABEL = _("Anonymous organisation")
ANONYMOUS_PREFIX = "anon-"
GRAPH_SCOPES = ("ego", "component", "region")
TABLE_SCOPE = "all-organisations-table"
SCOPES = (*GRAPH_SCOPES, TABLE_SCOPE)
FORMATS: Mapping[str, str] = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "nodes.csv": "text/csv; charset=utf-8",
    "ties.csv": "text/csv; charset=utf-8",
}
CREATOR = "Borderless"
SCOPE_TITLES: Mapping[str, Any] = {
    "ego": _("an organisation's partners (ego network)"),
    "component": _("one component"),
    "region": _("one region"),
    TABLE_SCOPE: _("table of organisations"),
}
_COUNTRY = re.compile(r"[A-Z]{2}")
_NUTS3 = re.compile(r"[A-Z]{2}[A-Z0-9]{3}")


class NetworkRequestError(Exception):
    """A request for network data that cannot be answered: `status` 400 or 404, a stable `code` and a
    lazy translated `message` with named placeholders."""

    def __init__(self, *, status: int, code: str, message, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = dict(params or {})

    @property
    def detail(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


# --- the privacy rule ----------------------------------------------------------------------------------


def node_is_anonymous(row: OrganisationFigures, anonymous_ids: frozenset[int]) -> bool:
    return row.organisation_id is not None and row.organisation_id in anonymous_ids


def opaque_node_id(*, run_id: int, node: str) -> str:
    """A node's id in place of its key: stable within one computation, unguessable without the secret."""
    digest = salted_hmac(f"borderless.network.anonymous-node.{run_id}", node, algorithm="sha256").hexdigest()
    return ANONYMOUS_PREFIX + digest[:16]


def node_label(row: OrganisationFigures, anonymous_ids: frozenset[int]) -> str:
    """The name to show of a node: "Anonymous organisation" for an anonymous atlas profile."""
    return str(ANONYMOUS_LABEL) if node_is_anonymous(row, anonymous_ids) else row.name


def node_id(row: OrganisationFigures, anonymous_ids: frozenset[int]) -> str:
    """The id to show of a node: its key ("org:12", "pic:999…"), or an opaque one for an anonymous profile."""
    if node_is_anonymous(row, anonymous_ids):
        return opaque_node_id(run_id=row.period.run_id, node=row.node)
    return row.node


def node_public_attributes(row: OrganisationFigures, anonymous_ids: frozenset[int]) -> dict[str, Any]:
    """`node_attributes`; of an anonymous profile only the country (the size class is left out of
    every download: the pages show it only where the profile does)."""
    attributes = node_attributes(row)
    if node_is_anonymous(row, anonymous_ids):  # its country only, as on the pages
        return {name: (value if name == "country" else None) for name, value in attributes.items()}
    return attributes


def node_resolve(period: PeriodFigures, text: str, anonymous_ids: frozenset[int]) -> OrganisationFigures | None:
    """The period's row of a node named as `node_id` names it. The key of an anonymous profile is not
    accepted (an answer would tie it to its opaque id); its opaque id is."""
    if text.startswith(ANONYMOUS_PREFIX):
        nodes = [f"org:{pk}" for pk in anonymous_ids]
        match = next((n for n in nodes if opaque_node_id(run_id=period.run_id, node=n) == text), None)
        return period.organisations.select_related("period").filter(node=match).first() if match else None
    row = period.organisations.select_related("period").filter(node=text).first()
    if row is None or node_is_anonymous(row, anonymous_ids):
        return None
    return row


# --- periods and parts of the network ------------------------------------------------------------------


def run_required() -> NetworkRun:
    run = current_run()
    if run is None:
        raise NetworkRequestError(
            status=404, code="no_figures", message=_("The network's figures have not been computed yet.")
        )
    return run


def period_pick(run: NetworkRun, label: str = "") -> PeriodFigures:
    """The run's period of `label` ("2014-2020", "2019"), by default its latest programme period."""
    periods = run.periods.select_related("run")
    if not label:
        latest = periods.filter(kind="programme").order_by("-first_year").first()
        if latest is None:
            raise NetworkRequestError(status=404, code="no_figures", message=_("There are no figures of any period."))
        return latest
    period = parse_period(label)
    found = periods.filter(kind=period.kind, first_year=period.first_year).first() if period else None
    if period is None or found is None or found.last_year != period.last_year:
        choices = ", ".join(periods.filter(kind="programme").values_list("label", flat=True))
        raise NetworkRequestError(
            status=400,
            code="invalid_period",
            message=_("“%(period)s” is not a period of the figures. Periods are single years and %(choices)s."),
            params={"period": label, "choices": choices},
        )
    return found


def regions_of(text: str) -> list[str]:
    """The NUTS-3 codes of a NUTS-3 code or of a Euregio's slug."""
    if _NUTS3.fullmatch(text) and NutsRegion.objects.filter(level=3, code=text).exists():
        return [text]
    if Euregio.objects.filter(slug=text).exists():
        return list(NutsRegion.objects.filter(level=3, euregio__slug=text).values_list("code", flat=True))
    raise NetworkRequestError(
        status=404,
        code="unknown_region",
        message=_("“%(region)s” is neither a NUTS-3 code nor a Euregio."),
        params={"region": text},
    )


def subgraph_pick(
    period: PeriodFigures,
    *,
    scope: str,
    node: str = "",
    component: str = "",
    region: str = "",
    limit: int = DEFAULT_LIMIT,
    anonymous_ids: frozenset[int],
) -> Subgraph:
    """The ego network, component or region a request names; raises NetworkRequestError."""
    limit = max(1, min(limit, MAX_LIMIT))
    if scope == "ego":
        row = node_resolve(period, node, anonymous_ids) if node else None
        sub = ego_network(period, row.node, limit=limit) if row else None
        missing = _("No organisation “%(node)s” in the period %(period)s.")
        params = {"node": node, "period": period.label}
    elif scope == "component":
        if not component.isdigit():
            raise NetworkRequestError(
                status=400, code="invalid_component", message=_("Give the component as a whole number, such as 1.")
            )
        sub = component_network(period, int(component), limit=limit)
        missing = _("No component %(component)s in the period %(period)s.")
        params = {"component": component, "period": period.label}
    elif scope == "region":
        sub = region_network(period, regions_of(region), code=region, limit=limit) if region else None
        missing = _("No organisation of the region “%(region)s” in the period %(period)s.")
        params = {"region": region, "period": period.label}
    else:
        raise scope_error(scope, GRAPH_SCOPES)
    if sub is None:
        raise NetworkRequestError(status=404, code="not_found", message=missing, params=params)
    return sub


def scope_error(scope: str, allowed: Iterable[str]) -> NetworkRequestError:
    return NetworkRequestError(
        status=400,
        code="invalid_scope",
        message=_("“%(scope)s” is not a scope here. Choose one of: %(choices)s."),
        params={"scope": scope, "choices": ", ".join(allowed)},
    )


# --- export graphs -------------------------------------------------------------------------------------


def export_node(row: OrganisationFigures, anonymous_ids: frozenset[int]) -> ExportNode:
    return ExportNode(
        key=node_id(row, anonymous_ids),
        label=node_label(row, anonymous_ids),
        attributes=node_public_attributes(row, anonymous_ids),
    )


def subgraph_export(sub: Subgraph, anonymous_ids: frozenset[int]) -> ExportGraph:
    """The subgraph with the privacy rule applied; a tie says whether it crosses the Dutch-German border
    and, where neither end is anonymous, its projects."""
    rows = {row.node: row for row in sub.nodes}
    ids = {key: node_id(row, anonymous_ids) for key, row in rows.items()}
    ties: dict[tuple[str, str], int] = {}
    attributes: dict[tuple[str, str], dict[str, Any]] = {}
    for (a, b), weight in sub.ties.items():
        pair = (ids[a], ids[b])
        ties[pair] = weight
        hidden = node_is_anonymous(rows[a], anonymous_ids) or node_is_anonymous(rows[b], anonymous_ids)
        attributes[pair] = {
            "cross_border": {rows[a].country, rows[b].country} == {"NL", "DE"},
            "projects": None if hidden else "; ".join(sorted(sub.projects.get((a, b), []))),
        }
    return export_graph((export_node(row, anonymous_ids) for row in sub.nodes), ties, attributes)


def organisations_rows(
    period: PeriodFigures, *, country: str = "", nuts3: str = "", kind: str = "", phase: str = ""
) -> QuerySet[OrganisationFigures]:
    """The period's organisations, filtered; raises NetworkRequestError for a filter of the wrong form."""
    rows = period.organisations.select_related("period").order_by("node")
    checks = (
        ("country", country, _COUNTRY.fullmatch(country)),
        ("nuts3", nuts3, _NUTS3.fullmatch(nuts3)),
        ("kind", kind, re.fullmatch(r"[a-z_]{1,16}", kind)),
        ("phase", phase, phase in PHASES),
    )
    for name, value, valid in checks:
        if value and not valid:
            raise NetworkRequestError(
                status=400,
                code="invalid_filter",
                message=_("“%(value)s” is not a valid value of %(name)s."),
                params={"value": value, "name": name},
            )
        if value:
            rows = rows.filter(**{name: value})
    return rows


def organisations_table(rows: Iterable[OrganisationFigures], anonymous_ids: frozenset[int]) -> ExportGraph:
    return export_graph((export_node(row, anonymous_ids) for row in rows), {})


# --- files ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


def export_description(period: PeriodFigures, *, scope: str, truncated: bool = False) -> str:
    """What the file holds, for its meta data: period, part, tie rule, sources and computation date."""
    run = period.run
    sources = ", ".join(f"{source or '?'} ({count})" for source, count in sorted(run.sources.items())) or "–"
    computed = run.computed_at or run.started_at
    text = gettext(
        "Borderless collaboration network, period %(period)s, %(scope)s. Ties: organisations that share a "
        "project with at most %(max_participants)s participants. Sources (projects): %(sources)s. "
        "Computed on %(date)s."
    ) % {
        "period": period.label,
        "scope": SCOPE_TITLES.get(scope, scope),
        "max_participants": run.max_participants,
        "sources": sources,
        "date": date_format(computed, "DATE_FORMAT"),
    }
    if truncated:
        text += " " + gettext("Only the best connected organisations are included; the part was cut.")
    return text


def export_filename(period: PeriodFigures, scope: str, fmt: str) -> str:
    """borderless-network-2014-2020-ego.gexf"""
    years = (
        f"{period.first_year}-{period.last_year}" if period.last_year != period.first_year else str(period.first_year)
    )
    return f"borderless-network-{years}-{scope}.{fmt}"


def export_file(*, fmt: str, params: Mapping[str, str]) -> ExportFile:
    """The download a request asks for; raises NetworkRequestError (400 or 404)."""
    if fmt not in FORMATS:
        raise NetworkRequestError(status=404, code="not_found", message=_("Not found."))
    period = period_pick(run_required(), params.get("period", ""))
    scope = params.get("scope", "ego")
    anonymous_ids = anonymous_organisation_ids()
    if scope == TABLE_SCOPE:
        if fmt != "nodes.csv":
            raise scope_error(scope, GRAPH_SCOPES)
        rows = organisations_rows(
            period,
            country=params.get("country", ""),
            nuts3=params.get("nuts3", ""),
            kind=params.get("kind", ""),
            phase=params.get("phase", ""),
        )
        graph, truncated = organisations_table(rows.iterator(chunk_size=2000), anonymous_ids), False
    else:
        limit = params.get("limit", "")
        sub = subgraph_pick(
            period,
            scope=scope,
            node=params.get("node", ""),
            component=params.get("component", ""),
            region=params.get("region", ""),
            limit=int(limit) if limit.isdigit() else DEFAULT_LIMIT,
            anonymous_ids=anonymous_ids,
        )
        graph, truncated = subgraph_export(sub, anonymous_ids), sub.truncated
    description = export_description(period, scope=scope, truncated=truncated)
    if fmt == "gexf":
        computed = period.run.computed_at or period.run.started_at
        content = gexf_bytes(graph, creator=CREATOR, description=description, last_modified=computed.date())
    elif fmt == "graphml":
        content = graphml_bytes(graph, description=description)
    elif fmt == "nodes.csv":
        content = node_csv_bytes(graph, bom=True)
    else:
        content = tie_csv_bytes(graph, bom=True)
    return ExportFile(content, FORMATS[fmt], export_filename(period, scope, fmt))


# --- the stored report for analysts --------------------------------------------------------------------


def report_for_analysts(period: PeriodFigures, anonymous_ids: frozenset[int]) -> dict[str, Any]:
    """The stored report with the privacy rule applied to every organisation it names (brokers, patterns)."""
    run_id = period.run_id
    hidden = {f"org:{pk}" for pk in anonymous_ids}

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("organisation") in hidden:
                return {
                    **{k: clean(v) for k, v in value.items()},
                    "organisation": opaque_node_id(run_id=run_id, node=value["organisation"]),
                    "name": str(ANONYMOUS_LABEL),
                }
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(period.report)
