"""The instrument finder: browse and filter, "for my organisation", one instrument, saved searches, exports.

Filters come as query parameters and are checked by one form (`FinderForm`); a value that is not
one of a filter's choices answers 400 with the form's message and shows the unfiltered list.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from borderless.core.instruments import Verdict
from borderless.i18n.translation import language, translate
from borderless.organisations.models import Organisation
from borderless.organisations.selectors import organisation_manageable_by
from borderless.quickscan.selectors import acting_organisation, quickscan_organisations

from . import exports, presentation, saved_searches, selectors
from .forms import FinderForm, SaveSearchForm
from .matching import Snapshot, match_organisation, snapshot
from .models import SavedSearch
from .selectors import FinderFilters, FinderResult

PAGE_SIZE = 20
# "Does not fit" can be most of a large catalogue; the page shows the first ones and says how many.
NOT_FITTING_SHOWN = 50


def _search(form: FinderForm, current: Snapshot) -> tuple[FinderFilters, FinderResult]:
    filters = form.filters() if form.is_valid() else FinderFilters()
    result = selectors.finder_search(filters=filters, lang=language(), choices=form.facet_choices(), current=current)
    form.show_counts(result.counts)
    return filters, result


def _default_name(chosen: list[tuple[str, str]], organisation: Organisation | None = None) -> str:
    if organisation is not None:
        name = _("For %(organisation)s") % {"organisation": organisation.name}
    else:
        name = ", ".join(value for _filter, value in chosen) or _("All instruments")
    return name[:120]


@require_safe
def finder(request: HttpRequest) -> HttpResponse:
    current = snapshot()
    form = FinderForm(request.GET)
    filters, result = _search(form, current)
    chosen = form.chosen()
    page = Paginator(result.entries, PAGE_SIZE).get_page(request.GET.get("page"))
    on_page = list(page.object_list)
    instruments = selectors.instruments_in_order(identifiers=[e.identifier for e in on_page])
    query = urlencode(filters.as_query())
    save_form = None
    if request.user.is_authenticated:
        save_form = SaveSearchForm(initial={"name": _default_name(chosen), "alerts": True})
    return render(
        request,
        "instruments/finder.html",
        {
            "form": form,
            "filters": filters,
            "chosen": chosen,
            "result": result,
            "page": page,
            "rows": presentation.rows(instruments, {e.identifier: e for e in on_page}),
            "query": query,
            "hidden": filters.as_query(),
            "save_form": save_form,
            "today": current.today,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    organisations = quickscan_organisations(user=request.user)
    organisation = acting_organisation(organisations=organisations, slug=request.GET.get("organisation", ""))
    if organisation is None:
        return render(request, "instruments/mine.html", {"organisation": None})
    current = snapshot()
    form = FinderForm(request.GET)
    filters, result = _search(form, current)
    lang = language()
    found = match_organisation(organisation, lang=lang, ids=[e.identifier for e in result.entries], current=current)
    assessment, matches = found.assessment, found.matches
    sections = {verdict: [m for m in matches if m.verdict == verdict] for verdict in Verdict}
    shown = sections[Verdict.FITS] + sections[Verdict.MIGHT_FIT] + sections[Verdict.DOES_NOT_FIT][:NOT_FITTING_SHOWN]
    instruments = {i.identifier: i for i in selectors.instruments_in_order(identifiers=[m.id for m in shown])}
    links = presentation.Links.for_organisation(
        organisation, can_edit=organisation_manageable_by(user=request.user, organisation=organisation)
    )

    def views(verdict: Verdict, limit: int | None = None):
        return presentation.match_views(sections[verdict][:limit], instruments, lang, links)

    return render(
        request,
        "instruments/mine.html",
        {
            "organisation": organisation,
            "organisations": organisations,
            "data_used": presentation.data_used(organisation, assessment, lang),
            "form": form,
            "chosen": form.chosen(),
            "fits": views(Verdict.FITS),
            "might_fit": views(Verdict.MIGHT_FIT),
            "does_not_fit": views(Verdict.DOES_NOT_FIT, NOT_FITTING_SHOWN),
            "does_not_fit_count": len(sections[Verdict.DOES_NOT_FIT]),
            "organisation_query": urlencode({"organisation": organisation.slug}) if len(organisations) > 1 else "",
            "filter_query": urlencode(filters.as_query()),
            "hidden": filters.as_query(),
            "save_form": SaveSearchForm(
                initial={"name": _default_name([], organisation), "alerts": True, "organisation": organisation.slug}
            ),
            "today": current.today,
        },
        status=400 if form.errors else 200,
    )


@require_safe
def detail(request: HttpRequest, identifier: str) -> HttpResponse:
    instrument = selectors.instrument_get(identifier=identifier)
    current = snapshot()
    lang = language()
    context = current.context()
    in_catalogue = identifier in current.catalogue
    criteria = []
    if in_catalogue:
        for criterion, outcome in zip(
            instrument.criteria.all(), current.catalogue.describe(identifier, context), strict=False
        ):
            criteria.append((criterion, translate(outcome.reason, lang)))
    route_view = presentation.RouteView(before=[], after=[])
    if identifier in current.pathways.next:
        route = current.pathways.route(identifier)
        named = selectors.instruments_by_identifier(identifiers=route.ids)
        route_view = presentation.route_view(route, named)

    match = None
    organisation = None
    if request.user.is_authenticated and in_catalogue:
        organisations = quickscan_organisations(user=request.user)
        organisation = acting_organisation(organisations=organisations, slug=request.GET.get("organisation", ""))
        if organisation is not None:
            matched = match_organisation(organisation, lang=lang, ids=[identifier], current=current)
            assessment, found = matched.assessment, matched.matches[0]
            links = presentation.Links.for_organisation(
                organisation, can_edit=organisation_manageable_by(user=request.user, organisation=organisation)
            )
            entry = current.by_identifier.get(identifier)
            match = {
                "verdict": found.verdict.value,
                "verdict_label": presentation.VERDICT_LABELS[found.verdict],
                "reasons": presentation.reasons(found.outcomes, lang, links),
                "data_used": presentation.data_used(organisation, assessment, lang),
                "deadline": entry.next_deadline if entry else None,
            }
    entry = current.by_identifier.get(identifier)
    return render(
        request,
        "instruments/detail.html",
        {
            "instrument": instrument,
            "status": presentation.status_label(instrument.status),
            "provider": presentation.provider_label(instrument),
            "funding": presentation.funding_label(instrument),
            "rate": presentation.rate_label(instrument),
            "next_deadline": entry.next_deadline if entry else None,
            "calls": list(instrument.calls.all()),
            "contact_points": list(instrument.contact_points.all()),
            "criteria": criteria,
            "route": route_view,
            "match": match,
            "organisation": organisation,
            "today": current.today,
        },
    )


# --- exports ---------------------------------------------------------------------------------------


def _export_rows(request: HttpRequest) -> tuple[FinderFilters, list, Snapshot] | HttpResponse:
    form = FinderForm(request.GET)
    if not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    current = snapshot()
    filters = form.filters()
    result = selectors.finder_search(filters=filters, lang=language(), choices={}, current=current, with_counts=False)
    instruments = selectors.instruments_in_order(identifiers=[e.identifier for e in result.entries])
    return filters, presentation.rows(instruments, {e.identifier: e for e in result.entries}), current


def _file_name(filters: FinderFilters, extension: str, today) -> str:
    parts = ["instruments", *(slugify(value)[:30] for value in filters.as_query().values()), today.isoformat()]
    return "-".join(part for part in parts if part) + "." + extension


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    found = _export_rows(request)
    if isinstance(found, HttpResponse):
        return found
    filters, rows, current = found
    body = exports.result_csv(rows, absolute_url=request.build_absolute_uri)
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(filters, "csv", current.today)}"'
    return response


@require_safe
def export_ics(request: HttpRequest) -> HttpResponse:
    found = _export_rows(request)
    if isinstance(found, HttpResponse):
        return found
    filters, rows, current = found
    body = exports.deadlines_ics(
        [row.instrument for row in rows],
        today=current.today,
        absolute_url=request.build_absolute_uri,
        host=request.get_host().split(":")[0],
        calendar_name=_("Borderless: deadlines of support instruments"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(filters, "ics", current.today)}"'
    return response


# --- saved searches --------------------------------------------------------------------------------


def _saved_list(request: HttpRequest, *, save_form: SaveSearchForm | None = None, status: int = 200) -> HttpResponse:
    searches = []
    regions = selectors.region_options()
    for saved in SavedSearch.objects.filter(user=request.user).order_by("-created_at", "-pk"):
        query = dict(saved.query)
        slug = query.pop(saved_searches.ORGANISATION_KEY, "")
        form = FinderForm(query, region_options=regions)
        form.is_valid()
        if slug:
            url = f"{reverse('instruments:mine')}?{urlencode({'organisation': slug, **query})}"
        else:
            url = f"{reverse('instruments:finder')}?{urlencode(query)}" if query else reverse("instruments:finder")
        searches.append({"saved": saved, "chosen": form.chosen(), "organisation": slug, "url": url})
    return render(request, "instruments/saved.html", {"searches": searches, "save_form": save_form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def saved(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _saved_list(request)
    save_form = SaveSearchForm(request.POST)
    filter_form = FinderForm(request.POST)
    if not (save_form.is_valid() and filter_form.is_valid()):
        for errors in filter_form.errors.values():
            for error in errors:
                messages.error(request, error)
        messages.error(request, _("The search was not saved."))
        return _saved_list(request, save_form=save_form, status=400)
    organisation = None
    slug = save_form.cleaned_data["organisation"]
    if slug:
        organisation = next((o for o in quickscan_organisations(user=request.user) if o.slug == slug), None)
        if organisation is None:
            messages.error(request, _("You are not a member of this organisation. The search was not saved."))
            return _saved_list(request, save_form=save_form, status=400)
    current = snapshot()
    filters = filter_form.filters()
    entries = selectors.saved_search_entries(
        filters=filters, organisation=organisation, lang=language(), current=current
    )
    saved_searches.saved_search_create(
        user=request.user,
        name=save_form.cleaned_data["name"],
        filters=filters,
        organisation=organisation,
        alerts=save_form.cleaned_data["alerts"],
        entries=entries,
    )
    messages.success(request, _("The search has been saved."))
    return redirect("instruments:saved")


@login_required
@require_POST
def saved_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    saved_searches.saved_search_delete(saved=saved)
    messages.success(request, _("The saved search has been deleted."))
    return redirect("instruments:saved")
