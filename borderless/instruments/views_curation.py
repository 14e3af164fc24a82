"""Keeping the catalogue: the curators' list, the editor, verifying, the history, import and export.

Curators are staff and confirmed intermediaries (`services.can_curate`); the history is for staff.
The exports are public, like the catalogue. Every write goes through `services`, which checks
everything first: a refused change is shown on the fields and rows it concerns, in the editor's
language, and nothing is saved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from borderless.core.instruments import REGISTRY
from borderless.i18n.translation import language, translate

from . import importexport
from .forms_curation import (
    CallFormSet,
    CriterionFormSet,
    ImportForm,
    InstrumentForm,
    calls_initial,
    criteria_initial,
)
from .models import STALE_AFTER_DAYS, Instrument, InstrumentChange
from .services import InstrumentInvalid, can_curate, instrument_create, instrument_update, instrument_verify

PAGE_SIZE = 50
# An example of the settings of each built-in criterion type, shown beside the criteria editor.
CRITERION_EXAMPLES: dict[str, Any] = {
    "country": {"countries": ["NL", "DE"]},
    "region": {"codes": ["NL21", "DEA34"]},
    "programme_area": {},
    "euregio": {"euregios": ["euregio", "euregio-rhein-waal", "euregio-rhein-maas-nord", "ems-dollart-region"]},
    "organisation_kind": {"kinds": ["company", "knowledge", "intermediary", "authority", "fieldlab", "hub", "other"]},
    "size_class": {"classes": ["micro", "small", "medium"]},
    "sector": {"sections": ["C"], "divisions": ["62"]},
    "follower_group": {"groups": ["late_follower", "fast_follower", "frontrunner"]},
    "acatech_stage": {"min": 3, "max": 4},
    "technology_readiness": {"min": 4, "max": 7},
    "cross_border_partner": {},
    "max_firm_age": {"years": 5},
    "free_text": {"text": {"en": "…", "de": "…", "nl": "…"}},
}
FIELD_LABELS = {
    "provider": gettext_lazy("provider on the platform"),
    "contact_points": gettext_lazy("contact points"),
    "criteria": gettext_lazy("eligibility criteria"),
    "calls": gettext_lazy("calls"),
    "next": gettext_lazy("natural next instruments"),
}


def _forbidden(request: HttpRequest, *, staff_only: bool = False) -> HttpResponse:
    return render(request, "instruments/curation/forbidden.html", {"staff_only": staff_only}, status=403)


def curator_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_curate(request.user):
            return _forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


def staff_required(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            return _forbidden(request, staff_only=True)
        return view(request, *args, **kwargs)

    return wrapped


# --- the list ----------------------------------------------------------------------------------------


@require_safe
@curator_required
def curate(request: HttpRequest) -> HttpResponse:
    only_stale = request.GET.get("stale") == "1"
    q = request.GET.get("q", "").strip()[:100]
    # By the name in the reader's language; the search looks at every language, as curators keep all three.
    instruments = Instrument.objects.select_related("verified_by").order_by("name", "identifier")
    stale = Instrument.objects.stale()
    if only_stale:
        instruments = instruments.filter(pk__in=stale.values("pk"))
    if q:
        names = Q(identifier__icontains=q) | Q(name_en__icontains=q) | Q(name_de__icontains=q) | Q(name_nl__icontains=q)
        instruments = instruments.filter(names)
    page = Paginator(instruments, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "query": query.urlencode(),
        "only_stale": only_stale,
        "q": q,
        "total": Instrument.objects.count(),
        "stale_count": stale.count(),
        "stale_days": STALE_AFTER_DAYS,
        "stale_before": timezone.localdate() - timezone.timedelta(days=STALE_AFTER_DAYS),
        "stale_ids": set(stale.filter(pk__in=[i.pk for i in page]).values_list("pk", flat=True)),
    }
    return render(request, "instruments/curation/list.html", context)


# --- the editor --------------------------------------------------------------------------------------


def _criterion_types() -> list[dict[str, str]]:
    lang = language()
    return [
        {
            "key": ctype.key,
            "title": translate(ctype.title, lang),
            "example": json.dumps(CRITERION_EXAMPLES[ctype.key], ensure_ascii=False)
            if ctype.key in CRITERION_EXAMPLES
            else "",
        }
        for ctype in REGISTRY
    ]


def _show_errors(invalid: InstrumentInvalid, form, criteria_rows, call_rows, criteria_at, calls_at) -> None:
    """Put each message of the services on the field or row it concerns."""
    for key, found in invalid.message_dict.items():
        base, _dot, index = key.partition(".")
        for message in found:
            if base == "criteria" and index.isdigit():
                criteria_rows.forms[criteria_at[int(index)]].add_error("params", message)
            elif base == "calls" and index.isdigit():
                call_rows.forms[calls_at[int(index)]].add_error("closes_on", message)
            elif base == "next":
                form.add_error("next_instruments", message)
            elif base in form.fields:
                form.add_error(base, message)
            else:
                form.add_error(None, message)


def _editor(request: HttpRequest, instrument: Instrument | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = InstrumentForm(data, instrument=instrument)
    criteria_rows = CriterionFormSet(data, prefix="criteria", initial=criteria_initial(instrument))
    call_rows = CallFormSet(data, prefix="calls", initial=calls_initial(instrument))
    if data is not None and form.is_valid() & criteria_rows.is_valid() & call_rows.is_valid():
        criteria = criteria_rows.criteria()
        calls = call_rows.calls()
        arguments = {
            "data": form.instrument_data(),
            "criteria": [c for _i, c in criteria],
            "calls": [c for _i, c in calls],
            "next_identifiers": form.next_identifiers(),
            "user": request.user,
        }
        try:
            if instrument is None:
                saved = instrument_create(**arguments)
            else:
                saved = instrument_update(instrument=instrument, **arguments)
        except InstrumentInvalid as invalid:
            _show_errors(invalid, form, criteria_rows, call_rows, [i for i, _c in criteria], [i for i, _c in calls])
        else:
            messages.success(request, _("“%(name)s” has been saved.") % {"name": saved.name})
            return redirect("instruments:curate")
    has_errors = data is not None
    context = {
        "form": form,
        "criteria_rows": criteria_rows,
        "call_rows": call_rows,
        "instrument": instrument,
        "criterion_types": _criterion_types(),
        "has_errors": has_errors,
    }
    return render(request, "instruments/curation/form.html", context, status=400 if has_errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@curator_required
def create(request: HttpRequest) -> HttpResponse:
    return _editor(request, None)


def _instrument(identifier: str) -> Instrument:
    queryset = Instrument.objects.select_related("provider", "verified_by").prefetch_related(
        "contact_points", "criteria", "calls", "next_instruments"
    )
    return get_object_or_404(queryset, identifier=identifier)


@require_http_methods(["GET", "HEAD", "POST"])
@curator_required
def edit(request: HttpRequest, identifier: str) -> HttpResponse:
    return _editor(request, _instrument(identifier))


@require_POST
@curator_required
def verify(request: HttpRequest, identifier: str) -> HttpResponse:
    instrument = instrument_verify(instrument=_instrument(identifier), user=request.user)
    messages.success(request, _("“%(name)s” is marked as verified today.") % {"name": instrument.name})
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("instruments:curate")


# --- the history -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ValueView:
    text: str
    block: bool  # criteria and calls: shown as preformatted JSON


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: str
    old: ValueView
    new: ValueView


def _value(value: Any) -> ValueView:
    if value is None or value == "" or value == []:
        return ValueView(_("(empty)"), False)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ValueView(", ".join(value), False)
    if isinstance(value, list):  # criteria and calls: one per line
        return ValueView("\n".join(json.dumps(item, ensure_ascii=False) for item in value), True)
    if isinstance(value, dict):
        return ValueView(json.dumps(value, ensure_ascii=False), True)
    return ValueView(str(value), False)


def _label(name: str) -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    try:
        return str(Instrument._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field of an older version of the model
        return name


def field_changes(change: InstrumentChange) -> list[FieldChange]:
    return [
        FieldChange(_label(name), _value(values[0]), _value(values[1]))
        for name, values in change.changes.items()
        if isinstance(values, list) and len(values) == 2
    ]


def _changes_page(request: HttpRequest, changes) -> tuple[Any, list[tuple[InstrumentChange, list[FieldChange]]]]:
    page = Paginator(changes.select_related("changed_by", "instrument"), PAGE_SIZE).get_page(request.GET.get("page"))
    return page, [(change, field_changes(change)) for change in page]


@require_safe
@staff_required
def history(request: HttpRequest, identifier: str) -> HttpResponse:
    changes = InstrumentChange.objects.filter(identifier=identifier)
    instrument = Instrument.objects.filter(identifier=identifier).first()
    if instrument is None and not changes.exists():
        raise Http404
    page, rows = _changes_page(request, changes)
    context = {"instrument": instrument, "identifier": identifier, "page": page, "rows": rows}
    return render(request, "instruments/curation/history.html", context)


@require_safe
@staff_required
def changes(request: HttpRequest) -> HttpResponse:
    page, rows = _changes_page(request, InstrumentChange.objects.all())
    return render(request, "instruments/curation/changes.html", {"page": page, "rows": rows})


# --- import and export -------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@curator_required
def import_catalogue(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = importexport.import_file(upload.name, upload.read(), user=request.user)
        if report.ok:
            messages.success(
                request,
                _("The file has been imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
                % {"created": len(report.created), "updated": len(report.updated), "unchanged": len(report.unchanged)},
            )
    failed = request.method == "POST" and (not form.is_valid() or (report is not None and not report.ok))
    return render(
        request, "instruments/curation/import.html", {"form": form, "report": report}, status=400 if failed else 200
    )


def _filename(extension: str) -> str:
    return f"borderless-instruments-{timezone.localdate().isoformat()}.{extension}"


@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    document = importexport.export_json(importexport.catalogue_queryset())
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


@require_safe
def export_catalogue_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    importexport.export_csv(importexport.catalogue_queryset(), response)
    return response
