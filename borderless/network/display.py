"""What the monitor's pages show of the stored figures: labels, numbers, rules, map values, graph JSON.

Everything here reads a finished computation (`figures.current_run`) and returns plain dicts and
lists for templates and JSON; names pass through `selectors.nodes_shown`, so an organisation with an
anonymous atlas profile is never named.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Sum
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderless.core.network.patterns import TIE_RULE
from borderless.core.network.texts import GROWTH_REASONS, NEWCOMER_REASONS
from borderless.i18n.translation import translate
from borderless.organisations.models import Euregio, NutsRegion, OrganisationKind, SizeClass

from .figures import nuts3_euregios
from .models import NetworkRun, ParticipantKind, PeriodFigures, participant_kind_of
from .selectors import figures_shown, nodes_shown, period_param
from .subgraph import Subgraph

MIN_GROUP = 5
NL_DE = {"NL", "DE"}

PHASE_LABELS = {
    "pre_cooperation": gettext_lazy("Pre-cooperation"),
    "bilateral": gettext_lazy("Bilateral"),
    "networked": gettext_lazy("Networked"),
    "systemic": gettext_lazy("Systemic"),
}
PHASE_COLOURS = {"pre_cooperation": "#d9d9d9", "bilateral": "#9ecae1", "networked": "#3182bd", "systemic": "#08306b"}
ROLE_LABELS = {
    "coordinator": gettext_lazy("Coordinator"),
    "itinerant": gettext_lazy("Itinerant broker"),
    "boundary_spanner": gettext_lazy("Boundary spanner"),
    "liaison": gettext_lazy("Liaison"),
}
ROLE_DEFINITIONS = {
    "coordinator": gettext_lazy("brokers between two partners of its own country, being of that country too"),
    "itinerant": gettext_lazy("brokers between two partners of one country, being of another"),
    "boundary_spanner": gettext_lazy("brokers between a partner of its own country and one of another"),
    "liaison": gettext_lazy("brokers between two partners of two other countries"),
}
ARRIVAL_LABELS = {"newcomer": gettext_lazy("Newcomer"), "returning": gettext_lazy("Returning")}
SOURCE_LABELS = {
    "cordis": gettext_lazy("CORDIS (European Commission)"),
    "sheet": gettext_lazy("Projects sheets imported by analysts"),
    "atlas": gettext_lazy("Project lists of atlas profiles"),
}
COUNTRY_LABELS = {"NL": gettext_lazy("Netherlands"), "DE": gettext_lazy("Germany")}


# --- numbers and texts --------------------------------------------------------------------------------------


def num(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return number_format(value, decimals, force_grouping=True)


def share(value: float | None) -> str:
    if value is None:
        return "–"
    return _("%(value)s %%") % {"value": number_format(value * 100, 1)}


def kind_label(kind: str) -> str:
    if kind in OrganisationKind.values:
        return str(OrganisationKind(kind).label)
    if kind in ParticipantKind.values:
        return str(ParticipantKind(kind).label)
    return "–"


def size_label(size: str) -> str:
    return str(SizeClass(size).label) if size in SizeClass.values else "–"


def country_label(code: str) -> str:
    return str(COUNTRY_LABELS.get(code, code or "–"))


def tie_rule(run: NetworkRun) -> str:
    return translate(TIE_RULE.bind(max_participants=run.max_participants))


def phase_rule() -> str:
    return _(
        "Phases of cross-border cooperation after van den Broek (2018); the numeric rule is the platform's own: "
        "pre-cooperation without any NL–DE tie, bilateral with NL–DE ties to exactly one organisation on the "
        "other side, networked with ties to at least two, systemic when networked in this period and the "
        "previous one and part of a closed triad of three mutually tied organisations from both countries."
    )


def usual_suspect_rule() -> str:
    return _(
        "Newcomers start their first project of the data in the period; returning organisations had one "
        "before. Usual suspects are active in at least three periods up to and including this one, or among "
        "the tenth of the period's organisations with the most participations."
    )


def betweenness_rule(report: dict[str, Any]) -> str:
    method = report.get("betweenness") or {}
    if method.get("method") == "sampled":
        return _(
            "Betweenness (normalised) is estimated with KADABRA from %(pivots)s sampled shortest paths: with "
            "probability %(confidence)s every value is within %(error)s of the exact one."
        ) % {
            "pivots": num(method.get("pivots")),
            "confidence": share(method.get("confidence")),
            "error": num(method.get("error_bound"), 4),
        }
    return _("Betweenness (normalised) is computed exactly, over all organisations.")


def sources_text(run: NetworkRun) -> str:
    parts = [
        _("%(source)s: %(projects)s projects") % {"source": SOURCE_LABELS.get(key, key or "–"), "projects": num(n)}
        for key, n in sorted((run.sources or {}).items())
    ]
    return "; ".join(parts) or "–"


def computed_text(run: NetworkRun) -> str:
    return date_format(run.computed_at, "DATETIME_FORMAT") if run.computed_at else "–"


def provenance(run: NetworkRun) -> dict[str, str]:
    return {"sources": sources_text(run), "computed": computed_text(run), "tie_rule": tie_rule(run)}


# --- the time series -----------------------------------------------------------------------------------------


def _growth(change: dict | None) -> str:
    if not change:
        return "–"
    previous, current = change["previous"], change["current"]
    if not previous:
        return "–"
    return share((current - previous) / previous)


def series_row(period: PeriodFigures) -> dict[str, Any]:
    r = period.report
    growth = r.get("growth") or {}
    newcomer_reason = NEWCOMER_REASONS.get(r.get("newcomer_reason") or "")
    growth_reason = GROWTH_REASONS.get(growth.get("reason") or "")
    return {
        "label": period.label,
        "param": period_param(period),
        "organisations": num(r.get("organisations")),
        "projects": num(r.get("projects")),
        "ties": num(r.get("ties")),
        "nl_de_ties": num(r.get("nl_de_ties")),
        "ei_index": num(r.get("ei_index"), 2),
        "components": num(r.get("components")),
        "giant_share": share(r.get("giant_component_share")),
        "transitivity": num(r.get("transitivity"), 3),
        "density": num(r.get("density"), 4),
        "newcomer_share": share(r.get("newcomer_share")),
        "newcomer_reason": translate(newcomer_reason) if newcomer_reason else "",
        "top_share": share(r.get("top_decile_participation_share")),
        "growth": _growth(growth.get("organisations")),
        "growth_reason": translate(growth_reason) if growth_reason else "",
        "phases": [(PHASE_LABELS[code], num((r.get("phases") or {}).get(code, 0))) for code in PHASE_LABELS],
    }


def brokers_of(period: PeriodFigures) -> list[dict[str, Any]]:
    """The top brokers per role with their observed and expected brokerage, names as they may be shown."""
    lists = period.report.get("brokers") or {}
    entries = [(e["organisation"], e.get("name") or "", "") for role in ROLE_LABELS for e in lists.get(role, [])]
    shown = nodes_shown(nodes=entries)
    out = []
    for role, title in ROLE_LABELS.items():
        rows = [
            {
                "label": shown[e["organisation"]].label,
                "country": country_label(e.get("country") or ""),
                "observed": num(e.get("observed")),
                "expected": num(e.get("expected"), 1),
            }
            for e in lists.get(role, [])
        ]
        out.append({"role": role, "title": title, "definition": ROLE_DEFINITIONS[role], "rows": rows})
    return out


# --- the map -------------------------------------------------------------------------------------------------


def map_data(period: PeriodFigures, measure: str) -> dict[str, Any]:
    """The JSON of `_map.html`'s script and the rows of its table; a region of fewer than five
    organisations gets null (and no count)."""
    regions = {r["region"]: r for r in period.report.get("regions") or []}
    names = dict(NutsRegion.objects.filter(code__in=list(regions)).values_list("code", "name"))
    ties: dict[str, int] = {}
    if measure == "nl_de_ties":
        ties = dict(
            period.organisations.filter(nuts3__in=list(regions), country__in=NL_DE)
            .values_list("nuts3")
            .annotate(n=Sum("cross_border_partners"))
            .values_list("nuts3", "n")
        )
    values: dict[str, dict[str, Any]] = {}
    rows = []
    for code in sorted(regions):
        region = regions[code]
        n = region["organisations"]
        small = n < MIN_GROUP
        if measure == "phase":
            category = None if small else region["most_advanced"]
            label = "" if category is None else str(PHASE_LABELS.get(category, category))
            values[code] = {"category": category, "label": label, "n": None if small else n}
        else:
            if measure == "beyond":
                value = None if small else 1 - region["phases"].get("pre_cooperation", 0) / n
                label = "" if value is None else share(value)
            else:
                value = None if small else ties.get(code, 0)
                label = "" if value is None else num(value)
            values[code] = {"value": value, "label": label, "n": None if small else n}
        rows.append({"code": code, "name": names.get(code, code), "value_label": label, "n": None if small else n})
    data: dict[str, Any] = {"values": values}
    if measure == "phase":
        data["categories"] = [
            {"code": code, "label": str(label), "color": PHASE_COLOURS[code]} for code, label in PHASE_LABELS.items()
        ]
        data["legend_title"] = _("Most advanced cooperation phase of the region's Dutch and German organisations")
    elif measure == "beyond":
        data["scale"] = {"min": 0, "max": 1, "format": "percent"}
        data["legend_title"] = _("Share of the region's Dutch and German organisations beyond pre-cooperation")
    else:
        numbers = [v["value"] for v in values.values() if v["value"] is not None]
        data["scale"] = {"min": 0, "max": max(numbers or [1]), "format": "integer"}
        data["legend_title"] = _("NL–DE ties of the region's organisations")
    return {"json": data, "rows": rows}


def euregio_rows(period: PeriodFigures) -> list[dict[str, Any]]:
    """Per Euregio: organisations and their phases, summed over its regions (none under five shown)."""
    of_region = nuts3_euregios()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for region in period.report.get("regions") or []:
        slug = of_region.get(region["region"])
        if slug is None:
            continue
        totals[slug]["organisations"] += region["organisations"]
        for code, count in region["phases"].items():
            totals[slug][code] += count
    names = dict(Euregio.objects.values_list("slug", "name"))
    rows = []
    for slug in sorted(totals, key=lambda s: names.get(s, s)):
        t = totals[slug]
        small = t["organisations"] < MIN_GROUP
        rows.append(
            {
                "name": names.get(slug, slug),
                "n": None if small else num(t["organisations"]),
                "phases": [None if small else num(t.get(code, 0)) for code in PHASE_LABELS],
                "beyond": None if small else share(1 - t.get("pre_cooperation", 0) / t["organisations"]),
            }
        )
    return rows


# --- the graph -----------------------------------------------------------------------------------------------


def graph_json(sub: Subgraph, *, run: NetworkRun, ego_url: str) -> tuple[dict[str, Any], list[dict], list[dict]]:
    """The JSON of `_graph.html`'s script, and the rows of its tables. An anonymous organisation gets
    an id of this answer only, its country, its number of partners, and no link."""
    shown = figures_shown(rows=sub.nodes)
    ids: dict[str, str] = {}
    nodes, table = [], []
    for i, row in enumerate(sub.nodes, start=1):
        who = shown[row.node]
        ids[row.node] = f"anon:{i}" if who.anonymous else row.node
        node: dict[str, Any] = {"id": ids[row.node], "label": who.label, "country": row.country, "degree": row.degree}
        is_ego = sub.scope == "ego" and row.node == sub.centre
        if is_ego:
            node["ego"] = True
        url = ""
        if not who.anonymous:
            node["kind"] = participant_kind_of(row.kind)
            if row.phase:
                node["phase"] = row.phase
            url = ego_url + "?" + urlencode({"period": period_param(sub.period), "scope": "ego", "node": row.node})
            node["url"] = url
        nodes.append(node)
        table.append(
            {
                "label": who.label,
                "country": row.country,
                "kind_label": "–" if who.anonymous else kind_label(row.kind),
                "phase_label": str(PHASE_LABELS.get(row.phase, "–")) if not who.anonymous else "–",
                "degree": row.degree,
                "url": url,
                "ego": is_ego,
            }
        )
    countries = {row.node: row.country for row in sub.nodes}
    labels = {row.node: shown[row.node].label for row in sub.nodes}
    edges, ties = [], []
    for (a, b), weight in sorted(sub.ties.items()):
        cross = {countries.get(a), countries.get(b)} == NL_DE
        edges.append({"source": ids[a], "target": ids[b], "weight": weight, "cross_border": cross})
        ties.append({"source_label": labels[a], "target_label": labels[b], "weight": weight, "cross_border": cross})
    data = {
        "nodes": nodes,
        "edges": edges,
        "truncated": sub.truncated,
        "meta": {
            "period": sub.period.label,
            "scope": sub.scope,
            "n": len(nodes),
            "ties": len(edges),
            "rule": tie_rule(run),
            "source": sources_text(run),
            "computed_at": run.computed_at.isoformat() if run.computed_at else None,
        },
    }
    return data, table, ties


def export_links(query: dict[str, Any], formats: tuple[str, ...]) -> list[dict[str, str]]:
    clean = {k: v for k, v in query.items() if v not in (None, "")}
    suffix = ("?" + urlencode(clean)) if clean else ""
    return [{"format": fmt, "url": reverse("network:export", args=[fmt]) + suffix} for fmt in formats]
