from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import DirectoryFilterForm, OrganisationProfileForm


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.to_filters() if form.is_valid() else selectors.DirectoryFilters()
    page = Paginator(selectors.organisation_directory(filters=filters), 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/directory.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=400 if form.errors else 200,
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_viewer(slug=slug, user=request.user)
    is_member = request.user.is_authenticated and organisation.memberships.filter(user=request.user).exists()
    can_edit = selectors.organisation_manageable_by(user=request.user, organisation=organisation)
    return render(
        request,
        "organisations/detail.html",
        {"organisation": organisation, "is_member": is_member, "can_edit": can_edit},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_manager(slug=slug, user=request.user)
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(organisation=organisation, **form.profile_data())
        messages.success(request, _("The profile has been saved."))
        return redirect(organisation)
    return render(
        request,
        "organisations/edit.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )
