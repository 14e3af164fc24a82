"""The collaboration network monitor for analysts and staff: the time series, the organisations, the
map, parts of the network as graphs, the patterns of growing cooperation, and the import of projects.

Every page reads the current computation (`figures.current_run`); what it may say of an organisation
comes from `selectors.nodes_shown`. Computing and importing run as jobs with a progress page.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from borderless.core.network.patterns import PATTERN_TITLES, pattern_definition
from borderless.i18n.translation import translate
from borderless.jobs.models import Job, JobState

from . import display
from .access import can_import_projects, can_use_monitor
from .charts import bar_chart
from .figures import PATTERN_OCCURRENCES, current_run
from .forms import GraphForm, ImportForm, MapForm, OrganisationsForm, PeriodForm, regions_of
from .import_jobs import cordis_import_start, sheet_import_start
from .models import NetworkRun, PeriodFigures, Project
from .selectors import (
    OrganisationFilters,
    anonymous_organisation_ids,
    figures_shown,
    nodes_shown,
    organisation_figures_filter,
    period_param,
    run_period,
    run_periods,
)
from .subgraph import Subgraph, component_network, ego_network, region_network
from .tasks import FIGURES_KIND, figures_start

PAGE_SIZE = 50
CANDIDATES = 20
EXPORT_FORMATS = ("gexf", "graphml", "nodes.csv", "ties.csv")


def _monitor_view(check: Callable[[Any], bool] = can_use_monitor):
    """Anonymous visitors go to the login; signed-in people without the right get a 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                return render(request, "network/forbidden.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _no_run(request: HttpRequest, title: str) -> HttpResponse:
    running = Job.objects.filter(kind=FIGURES_KIND, state__in=(JobState.QUEUED, JobState.RUNNING)).first()
    return render(request, "network/no_run.html", {"title": title, "running": running, "active": ""})


def _chosen(run: NetworkRun, form) -> PeriodFigures | None:
    text = form.cleaned_data.get("period") if form.is_bound and form.is_valid() else None
    chosen = run_period(run=run, text=text or None)
    if chosen is not None and not text:  # the form shows the period the page shows
        form.initial["period"] = period_param(chosen)
        if form.is_bound:
            form.data = form.data.copy()
            form.data["period"] = period_param(chosen)
    return chosen


# --- the monitor -----------------------------------------------------------------------------------------


def _charts(periods: list[PeriodFigures]) -> list[dict[str, Any]]:
    specs = [
        ("organisations", _("Organisations"), lambda r: r.get("organisations"), display.num),
        ("nl_de_ties", _("NL–DE ties"), lambda r: r.get("nl_de_ties"), display.num),
        (
            "ei_index",
            _("E–I index (−1: ties only within a country, 1: only across)"),
            lambda r: r.get("ei_index"),
            lambda v: display.num(v, 2),
        ),
        ("newcomer_share", _("Share of newcomers"), lambda r: r.get("newcomer_share"), display.share),
    ]
    charts = []
    for key, title, value_of, shown in specs:
        points = [(p.label, value_of(p.report), shown(value_of(p.report))) for p in periods]
        charts.append({"id": f"chart-{key}", "title": title, "chart": bar_chart(points)})
    return charts


@require_safe
@_monitor_view()
def monitor(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Collaboration network monitor"))
    kind = "year" if request.GET.get("kind") == "year" else "programme"
    periods = run_periods(run=run, kind=kind)
    form = PeriodForm(request.GET or None, run=run)
    chosen = _chosen(run, form)
    if chosen is not None and chosen.kind != kind:
        chosen = run_period(run=run, text=None, kind=kind)
    report = chosen.report if chosen else {}
    return render(
        request,
        "network/monitor.html",
        {
            "active": "monitor",
            "run": run,
            "kind": kind,
            "rows": [display.series_row(p) for p in periods],
            "charts": _charts(periods),
            "chosen": chosen,
            "chosen_row": display.series_row(chosen) if chosen else None,
            "chosen_param": period_param(chosen) if chosen else "",
            "brokers": display.brokers_of(chosen) if chosen else [],
            "provenance": display.provenance(run),
            "phase_rule": display.phase_rule(),
            "usual_suspect_rule": display.usual_suspect_rule(),
            "betweenness_rule": display.betweenness_rule(report) if report else "",
            "nl_de_organisations": display.num(report.get("nl_de_organisations")),
            "period_links": [(p.label, period_param(p)) for p in periods],
        },
    )


@require_POST
@_monitor_view()
def compute(request: HttpRequest) -> HttpResponse:
    job = figures_start(reason="manual", user=request.user)
    return redirect(reverse("jobs:detail", args=[job.pk]))


# --- organisations ---------------------------------------------------------------------------------------


def _query(request: HttpRequest, *, drop: tuple[str, ...] = ("page",)) -> dict[str, str]:
    return {k: str(v) for k, v in request.GET.items() if k not in drop and v}


TABLE_EXPORT_SCOPE = "all-organisations-table"  # the downloads' name for the organisations table


def _table_export_query(form: OrganisationsForm, period: PeriodFigures | None) -> dict[str, str]:
    """The downloads filter the table by country, one NUTS-3 region, kind and phase."""
    query = {"scope": TABLE_EXPORT_SCOPE, "period": period_param(period) if period else ""}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query.update(
            country=str(data.get("country")) if data.get("country") in ("NL", "DE") else "",
            kind=data.get("kind") or "",
            phase=data.get("phase") or "",
        )
        regions = regions_of(data.get("region") or "")
        if len(regions) == 1:
            query["nuts3"] = regions[0]
    return query


@require_safe
@_monitor_view()
def organisations(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Organisations in the network"))
    form = OrganisationsForm(request.GET or None, run=run)
    filters = form.to_filters() if form.is_bound and form.is_valid() else OrganisationFilters()
    period = _chosen(run, form)
    rows_page = None
    rows: list[dict[str, Any]] = []
    total = 0
    if period is not None:
        found = organisation_figures_filter(period=period, filters=filters)
        rows_page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
        total = rows_page.paginator.count
        shown = figures_shown(rows=rows_page.object_list)
        graph = reverse("network:graph")
        for row in rows_page.object_list:
            who = shown[row.node]
            ego = (
                ""
                if who.anonymous
                else graph + "?" + urlencode({"period": period_param(period), "scope": "ego", "node": row.node})
            )
            if who.anonymous:  # its country only
                rows.append({"label": who.label, "anonymous": True, "country": display.country_label(row.country)})
                continue
            rows.append(
                {
                    "label": who.label,
                    "anonymous": False,
                    "country": display.country_label(row.country),
                    "region": row.nuts3 or "–",
                    "kind": display.kind_label(row.kind),
                    "size": display.size_label(who.size) if who.size else "–",
                    "phase": str(display.PHASE_LABELS.get(row.phase, "–")),
                    "degree": row.degree,
                    "cross_border_partners": row.cross_border_partners,
                    "betweenness": display.num(row.betweenness, 4),
                    "arrival": str(display.ARRIVAL_LABELS.get(row.arrival, "–")),
                    "usual_suspect": row.usual_suspect,
                    "roles": [str(t) for r, t in display.ROLE_LABELS.items() if getattr(row, r)],
                    "ego_url": ego,
                }
            )
    query = _query(request)
    if period is not None:
        query["period"] = period_param(period)
    return render(
        request,
        "network/organisations.html",
        {
            "active": "organisations",
            "run": run,
            "form": form,
            "period": period,
            "page": rows_page,
            "rows": rows,
            "total": total,
            "query": urlencode(query),
            "provenance": display.provenance(run),
            "phase_rule": display.phase_rule(),
            "usual_suspect_rule": display.usual_suspect_rule(),
            "betweenness_rule": display.betweenness_rule(period.report) if period else "",
            "exports": display.export_links(_table_export_query(form, period), ("nodes.csv",)),
        },
        status=400 if form.errors else 200,
    )


# --- the map ---------------------------------------------------------------------------------------------


def _map_choice(request: HttpRequest, run: NetworkRun) -> tuple[MapForm, PeriodFigures | None, str]:
    form = MapForm(request.GET or None, run=run)
    measure = "phase"
    if form.is_bound and form.is_valid():
        measure = form.cleaned_data.get("measure") or "phase"
    return form, _chosen(run, form), measure


@require_safe
@_monitor_view()
def map_page(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Map of cooperation"))
    form, period, measure = _map_choice(request, run)
    data = display.map_data(period, measure) if period else {"json": {}, "rows": []}
    query = {"period": period_param(period) if period else "", "measure": measure}
    return render(
        request,
        "network/map.html",
        {
            "active": "map",
            "run": run,
            "form": form,
            "period": period,
            "measure": measure,
            "map_values_url": reverse("network:map_values") + "?" + urlencode(query),
            "map_rows": data["rows"],
            "map_caption": data["json"].get("legend_title", ""),
            "euregios": display.euregio_rows(period) if period else [],
            "phase_labels": list(display.PHASE_LABELS.values()),
            "provenance": display.provenance(run),
            "phase_rule": display.phase_rule(),
            "min_group": display.MIN_GROUP,
        },
    )


@require_safe
@_monitor_view()
def map_values(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        raise Http404
    _form, period, measure = _map_choice(request, run)
    if period is None:
        raise Http404
    return JsonResponse(display.map_data(period, measure)["json"])


# --- the graph -------------------------------------------------------------------------------------------


def _subgraph(request: HttpRequest, run: NetworkRun) -> tuple[GraphForm, PeriodFigures | None, Subgraph | None]:
    """The part of the network the query asks for; None where it names none (or an anonymous ego)."""
    form = GraphForm(request.GET or None, run=run)
    period = _chosen(run, form)
    if period is None or not (form.is_bound and form.is_valid()):
        return form, period, None
    data = form.cleaned_data
    scope, limit = data.get("scope") or "ego", data["limit"]
    if scope == "ego" and data.get("node"):
        node = data["node"]
        kind, _sep, value = node.partition(":")
        if kind == "org" and value.isdigit() and anonymous_organisation_ids(organisation_ids=[int(value)]):
            return form, period, None
        return form, period, ego_network(period, node, limit=limit)
    if scope == "component" and data.get("component"):
        return form, period, component_network(period, data["component"], limit=limit)
    if scope == "region" and data.get("region"):
        return form, period, region_network(period, regions_of(data["region"]), code=data["region"], limit=limit)
    return form, period, None


def _candidates(period: PeriodFigures, q: str) -> list[dict[str, str]]:
    found = organisation_figures_filter(period=period, filters=OrganisationFilters(q=q))[:CANDIDATES]
    graph = reverse("network:graph")
    return [
        {
            "label": row.name,
            "country": display.country_label(row.country),
            "degree": row.degree,
            "url": graph + "?" + urlencode({"period": period_param(period), "scope": "ego", "node": row.node}),
        }
        for row in found
    ]


@require_safe
@_monitor_view()
def graph(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Network graph"))
    form, period, sub = _subgraph(request, run)
    context: dict[str, Any] = {
        "active": "graph",
        "run": run,
        "form": form,
        "period": period,
        "sub": sub,
        "candidates": [],
        "provenance": display.provenance(run),
        "asked": bool(request.GET.get("node") or request.GET.get("component") or request.GET.get("region")),
    }
    if period is not None and form.is_bound and form.is_valid():
        q = (form.cleaned_data.get("q") or "").strip()
        if q and not form.cleaned_data.get("node"):
            context["candidates"] = _candidates(period, q)
            context["searched"] = q
    if sub is not None and period is not None:
        _data, nodes, ties = display.graph_json(sub, run=run, ego_url=reverse("network:graph"))
        query = _query(request, drop=("page", "q"))
        query["period"] = period_param(period)
        centre = next((n["label"] for n in nodes if n["ego"]), "")
        if sub.scope == "ego":
            caption = _("%(name)s and its partners, %(period)s") % {"name": centre, "period": period.label}
        elif sub.scope == "component":
            caption = _("Component %(number)s, %(period)s") % {"number": sub.centre, "period": period.label}
        else:
            caption = _("Organisations of %(region)s, %(period)s") % {"region": sub.centre, "period": period.label}
        context.update(
            graph_url=reverse("network:graph_data") + "?" + urlencode(query),
            graph_nodes=nodes,
            graph_ties=ties,
            graph_caption=caption,
            n=len(nodes),
            ties_n=len(ties),
            truncated=sub.truncated,
            exports=display.export_links(query, EXPORT_FORMATS),
        )
    return render(request, "network/graph.html", context)


@require_safe
@_monitor_view()
def graph_data(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        raise Http404
    _form, _period, sub = _subgraph(request, run)
    if sub is None:
        raise Http404
    data, _nodes, _ties = display.graph_json(sub, run=run, ego_url=reverse("network:graph"))
    return JsonResponse(data)


# --- patterns --------------------------------------------------------------------------------------------


@require_safe
@_monitor_view()
def patterns(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Patterns of growing cooperation"))
    form = PeriodForm(request.GET or None, run=run)
    chosen = _chosen(run, form)
    sections: list[dict[str, Any]] = []
    skipped = ""
    if chosen is not None:
        sections, skipped = _patterns_of(chosen)
    return render(
        request,
        "network/patterns.html",
        {
            "active": "patterns",
            "run": run,
            "form": form,
            "period": chosen,
            "sections": sections,
            "skipped": skipped,
            "shown_max": PATTERN_OCCURRENCES,
            "provenance": display.provenance(run),
        },
    )


ROLE_HEADERS = {
    "coordinator": gettext_lazy("Coordinator"),
    "itinerant": gettext_lazy("Itinerant"),
    "gatekeeper": gettext_lazy("Gatekeeper"),
    "representative": gettext_lazy("Representative"),
    "liaison": gettext_lazy("Liaison"),
}


def _patterns_of(period: PeriodFigures) -> tuple[list[dict[str, Any]], str]:
    """The patterns the computation stored for the period (see `figures.patterns_summary`), with names
    as they may be shown; and why there are none, where the computation skipped them."""
    stored = period.report.get("patterns") or {}
    if stored.get("skipped"):
        return [], gettext(stored.get("reason", ""))
    dyads = stored.get("dyad_adds_third", {})
    envoys = stored.get("ambassador", {})
    intros = stored.get("introduction_became_project", {})
    brokers = stored.get("introduction_brokerage", {})
    people: dict[str, str] = {}

    def collect(items) -> None:
        for item in items:
            people.setdefault(item["organisation"], item["name"])

    for d in dyads.get("first", []):
        collect([*d["pair"], *d["third_partners"]])
    for e in envoys.get("first", []):
        collect([e["ambassador"], e["partner"], *e.get("introduced_organisations", [])])
    for i in intros.get("first", []):
        collect([i["introducer"], *i["pair"]])
    collect(brokers.get("introducers", []))
    shown = nodes_shown(nodes=((node, label, "") for node, label in people.items()))
    project_keys = {d["first_project"] for d in dyads.get("first", [])} | {
        d["later_project"] for d in dyads.get("first", [])
    }
    project_keys |= {p for e in envoys.get("first", []) for p in e["projects"]}
    project_keys |= {i["project"] for i in intros.get("first", [])}
    titles = {
        str(pk): acronym or title
        for pk, acronym, title in Project.objects.filter(
            pk__in=[int(k) for k in project_keys if str(k).isdigit()]
        ).values_list("pk", "acronym", "title")
    }

    def names(items) -> str:
        return ", ".join(shown[item["organisation"]].label for item in items)

    def day(value: str) -> str:
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")

    sections = [
        {
            "code": "dyad_adds_third",
            "title": translate(PATTERN_TITLES["dyad_adds_third"]),
            "definition": translate(pattern_definition("dyad_adds_third")),
            "count": dyads.get("count", 0),
            "headers": [_("Pair"), _("Together since"), _("Later project"), _("Started"), _("New partners")],
            "rows": [
                [
                    names(d["pair"]),
                    titles.get(str(d["first_project"]), "–"),
                    titles.get(str(d["later_project"]), "–"),
                    day(d["date"]),
                    names(d["third_partners"]),
                ]
                for d in dyads.get("first", [])
            ],
        },
        {
            "code": "ambassador",
            "title": translate(PATTERN_TITLES["ambassador"]),
            "definition": translate(pattern_definition("ambassador")),
            "count": envoys.get("count", 0),
            "headers": [_("Ambassador"), _("Partner across the border"), _("Organisations introduced"), _("Projects")],
            "rows": [
                [
                    names([e["ambassador"]]),
                    names([e["partner"]]),
                    names(e.get("introduced_organisations", [])),
                    ", ".join(titles.get(str(p), "–") for p in e["projects"]),
                ]
                for e in envoys.get("first", [])
            ],
        },
        {
            "code": "introduction_became_project",
            "title": translate(PATTERN_TITLES["introduction_became_project"]),
            "definition": translate(pattern_definition("introduction_became_project")),
            "count": intros.get("count", 0),
            "headers": [_("Introduced by"), _("Organisations"), _("Introduced on"), _("Project"), _("Days later")],
            "rows": [
                [
                    names([i["introducer"]]),
                    names(i["pair"]),
                    day(i["introduced_on"]),
                    titles.get(str(i["project"]), "–"),
                    display.num(i["days"]),
                ]
                for i in intros.get("first", [])
            ],
        },
        {
            "code": "introduction_brokerage",
            "title": _("Intermediaries as brokers of their introductions"),
            "definition": _(
                "An introduction is a directed tie: from the organisation introduced, through the "
                "intermediary, to the one it is introduced to. Gould and Fernandez's five roles count them, "
                "gatekeeper and representative apart; each count is shown with the count expected by chance "
                "(in brackets) for a network of that size and density."
            ),
            "count": brokers.get("introductions", 0),
            "headers": [_("Intermediary"), *[str(label) for label in ROLE_HEADERS.values()]],
            "rows": [
                [
                    names([b]),
                    *[
                        f"{display.num(b['observed'][role])} ({display.num(b['expected'][role], 2)})"
                        for role in ROLE_HEADERS
                    ],
                ]
                for b in brokers.get("introducers", [])
            ],
        },
    ]
    return sections, ""


# --- import ----------------------------------------------------------------------------------------------


@_monitor_view(can_import_projects)
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    form = ImportForm(request.POST or None, request.FILES or None, sheets=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("source") == "sheet":
            upload = data["sheet_file"]
            job = sheet_import_start(sheet=upload, file_name=upload.name, user=request.user, preview=data["preview"])
        else:
            job = cordis_import_start(
                projects=data["projects_file"],
                organisations=data["organisations_file"],
                user=request.user,
                preview=data["preview"],
            )
        return redirect(reverse("jobs:detail", args=[job.pk]))
    return render(
        request,
        "network/import.html",
        {"active": "import", "form": form},
        status=400 if request.method == "POST" else 200,
    )
