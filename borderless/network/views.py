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
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from borderless.contacts.models import ContactRequest
from borderless.core.network import Introduction, Period, dyads_adding_a_third, introductions_that_became_projects
from borderless.core.network import ambassadors as find_ambassadors
from borderless.core.network.patterns import PATTERN_TITLES, pattern_definition
from borderless.i18n.translation import translate
from borderless.jobs.models import Job, JobState

from . import display
from .access import can_import_projects, can_use_monitor
from .charts import bar_chart
from .figures import current_run, inputs_read
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
PATTERNS_SHOWN = 50
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


def _introductions() -> list[Introduction]:
    rows = ContactRequest.objects.filter(
        kind=ContactRequest.Kind.INTRODUCTION, state=ContactRequest.State.ACCEPTED, broker__isnull=False
    ).values_list("broker_id", "requester_id", "receiver_id", "created_at")
    return [
        Introduction(introducer=f"org:{b}", a=f"org:{a}", b=f"org:{r}", date=timezone.localdate(at))
        for b, a, r, at in rows
        if a != r
    ]


@require_safe
@_monitor_view()
def patterns(request: HttpRequest) -> HttpResponse:
    run = current_run()
    if run is None:
        return _no_run(request, _("Patterns of growing cooperation"))
    form = PeriodForm(request.GET or None, run=run)
    chosen = _chosen(run, form)
    sections: list[dict[str, Any]] = []
    if chosen is not None:
        sections = _patterns_of(run, Period(chosen.first_year, chosen.last_year, chosen.kind))  # type: ignore[arg-type]
    return render(
        request,
        "network/patterns.html",
        {
            "active": "patterns",
            "run": run,
            "form": form,
            "period": chosen,
            "sections": sections,
            "shown_max": PATTERNS_SHOWN,
            "provenance": display.provenance(run),
        },
    )


def _patterns_of(run: NetworkRun, period: Period) -> list[dict[str, Any]]:
    """The three patterns of the period, the first PATTERNS_SHOWN of each, with names as they may be shown."""
    data = inputs_read()
    cap = run.max_participants
    dyads = dyads_adding_a_third(data.ties, data.starts, data.countries, max_participants=cap, period=period)
    envoys = find_ambassadors(data.ties, data.starts, data.countries, max_participants=cap, period=period)
    intros = introductions_that_became_projects(
        _introductions(), data.ties, data.starts, max_participants=cap, period=period
    )
    dyads_shown, envoys_shown, intros_shown = (
        dyads[:PATTERNS_SHOWN],
        envoys[:PATTERNS_SHOWN],
        intros.projects[:PATTERNS_SHOWN],
    )
    nodes = {n for d in dyads_shown for n in (*d.pair, *d.third_partners)}
    nodes |= {n for a in envoys_shown for n in (a.ambassador, a.partner, *a.introduced)}
    nodes |= {n for i in intros_shown for n in (i.introducer, i.a, i.b)}
    shown = nodes_shown(nodes=((n, data.names.get(n, n), "") for n in nodes))
    project_keys = {d.later_project for d in dyads_shown} | {d.first_project for d in dyads_shown}
    project_keys |= {p for a in envoys_shown for p in a.projects} | {i.project for i in intros_shown}
    titles = {
        str(pk): acronym or title
        for pk, acronym, title in Project.objects.filter(pk__in=[int(k) for k in project_keys]).values_list(
            "pk", "acronym", "title"
        )
    }

    def name(node: str) -> str:
        return shown[node].label

    def names(items) -> str:
        return ", ".join(name(n) for n in items)

    def day(value: datetime.date) -> str:
        return date_format(value, "SHORT_DATE_FORMAT")

    return [
        {
            "code": "dyad_adds_third",
            "title": translate(PATTERN_TITLES["dyad_adds_third"]),
            "definition": translate(pattern_definition("dyad_adds_third")),
            "count": len(dyads),
            "headers": [_("Pair"), _("Together since"), _("Later project"), _("Started"), _("New partners")],
            "rows": [
                [
                    names(d.pair),
                    titles.get(d.first_project, "–"),
                    titles.get(d.later_project, "–"),
                    day(d.date),
                    names(d.third_partners),
                ]
                for d in dyads_shown
            ],
        },
        {
            "code": "ambassador",
            "title": translate(PATTERN_TITLES["ambassador"]),
            "definition": translate(pattern_definition("ambassador")),
            "count": len(envoys),
            "headers": [_("Ambassador"), _("Partner across the border"), _("Organisations introduced"), _("Projects")],
            "rows": [
                [
                    name(a.ambassador),
                    name(a.partner),
                    names(a.introduced),
                    ", ".join(titles.get(p, "–") for p in a.projects),
                ]
                for a in envoys_shown
            ],
        },
        {
            "code": "introduction_became_project",
            "title": translate(PATTERN_TITLES["introduction_became_project"]),
            "definition": translate(pattern_definition("introduction_became_project")),
            "count": len(intros.projects),
            "headers": [_("Introduced by"), _("Organisations"), _("Introduced on"), _("Project"), _("Days later")],
            "rows": [
                [
                    name(i.introducer),
                    names((i.a, i.b)),
                    day(i.introduced_on),
                    titles.get(i.project, "–"),
                    display.num(i.days),
                ]
                for i in intros_shown
            ],
        },
    ]


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
