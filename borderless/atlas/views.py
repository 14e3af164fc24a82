"""The atlas: search with map and list, one organisation's atlas page, and editing one's own profile.

What a viewer may see of a profile is decided in `selectors_atlas` and nowhere else; these views
only render the `ProfileCard`s it returns.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from borderless.organisations.models import Membership
from borderless.organisations.selectors import organisation_for_manager, organisation_manageable_by

from . import selectors
from .forms import AtlasProfileForm, AtlasSearchForm, OrganisationsImportForm
from .import_jobs import organisations_import_start
from .models import AtlasProfile, Competence, Visibility
from .search import AtlasFilters, AtlasSearch, atlas_search, map_points
from .services import atlas_profile_save

PAGE_SIZE = 20


def _search(request: HttpRequest) -> tuple[AtlasSearchForm, AtlasSearch]:
    form = AtlasSearchForm(request.GET or None)
    filters = form.to_filters() if form.is_valid() else AtlasFilters()
    return form, atlas_search(filters=filters, user=request.user)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form, result = _search(request)
    page = Paginator(result.results, PAGE_SIZE).get_page(request.GET.get("page"))
    cards = page.object_list
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "atlas/search.html",
        {
            "form": form,
            "page": page,
            "cards": cards,
            "matched": result.matched_codes,
            "understood": [c.label for c in Competence.objects.filter(code__in=result.text_codes)],
            "query": query.urlencode(),
            "map_url": f"{reverse('atlas:map_data')}?{query.urlencode()}",
        },
        status=400 if form.errors else 200,
    )


@require_safe
def map_data(request: HttpRequest) -> JsonResponse:
    form, result = _search(request)
    if form.errors:
        return JsonResponse(
            {"detail": _("Some filters are invalid."), "errors": form.errors.get_json_data()}, status=400
        )
    data = map_points(search=result, user=request.user)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    card = selectors.profile_for_viewer(slug=slug, user=request.user)
    projects = []
    if card.show_projects or card.own:
        projects = selectors.projects_of(organisation=card.organisation)
    can_edit = card.own and organisation_manageable_by(user=request.user, organisation=card.organisation)
    return render(
        request,
        "atlas/detail.html",
        {
            "card": card,
            "offer_groups": _grouped(card.offers),
            "need_groups": _grouped(card.needs),
            "projects": projects,
            "can_edit": can_edit,
            "cooperation": _cooperation_labels(card.cooperation_kinds),
        },
    )


def _grouped(items) -> list[tuple[str, list]]:
    from .forms import competence_groups

    by_code = {i.code: i for i in items}
    groups = []
    for heading, choices in competence_groups(Competence.objects.filter(code__in=by_code)):
        groups.append((heading, [by_code[code] for code, _label in choices]))
    return groups


def _cooperation_labels(kinds: list[str]) -> list[str]:
    from .models import CooperationKind

    return [str(CooperationKind(k).label) for k in kinds if k in CooperationKind.values]


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    managed = list(
        Membership.objects.filter(user=request.user, is_manager=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    slug = request.GET.get("organisation", "")
    if not slug:
        if len(managed) != 1:
            return render(
                request,
                "atlas/profile_edit.html",
                {"choose": [m.organisation for m in managed], "form": None},
            )
        slug = managed[0].organisation.slug
    organisation = organisation_for_manager(slug=slug, user=request.user)
    profile = AtlasProfile.objects.filter(organisation=organisation).first()
    form = AtlasProfileForm(request.POST or None, profile=profile, region=organisation.country)
    if request.method == "POST" and form.is_valid():
        try:
            profile = atlas_profile_save(organisation=organisation, **form.profile_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The atlas profile has been saved."))
            is_member = any(m.organisation_id == organisation.pk for m in managed)
            if profile.visibility == Visibility.ANONYMOUS and not is_member:
                return redirect("atlas:detail", slug=profile.public_reference)
            return redirect("atlas:detail", slug=organisation.slug)
    return render(
        request,
        "atlas/profile_edit.html",
        {"form": form, "organisation": organisation, "profile": profile, "choose": None},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisations_import_upload(request: HttpRequest) -> HttpResponse:
    """Staff upload a CSV of organisations; a background job checks and imports it (see import_jobs)."""
    if not request.user.is_staff:
        raise PermissionDenied
    form = OrganisationsImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = organisations_import_start(
            source=form.cleaned_data["file"], user=request.user, prefix=form.cleaned_data["prefix"]
        )
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "atlas/import.html", {"form": form}, status=400 if request.method == "POST" else 200)
