"""Reads of organisations, with the access rules applied here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from .models import Organisation, Town


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    kind: str = ""
    country: str = ""
    nuts3: str = ""
    euregio: str = ""
    size_class: str = ""
    sector: str = ""
    in_programme_area: bool | None = None


def organisation_directory(*, filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations that consented to be listed publicly, filtered."""
    qs = Organisation.objects.listed().with_geography()
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(town__name__icontains=filters.q))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.country:
        qs = qs.filter(country=filters.country)
    if filters.nuts3:
        qs = qs.filter(town__nuts3_id=filters.nuts3)
    if filters.euregio:
        qs = qs.filter(
            Q(euregio_override__slug=filters.euregio)
            | Q(euregio_override__isnull=True, town__nuts3__euregio__slug=filters.euregio)
        )
    if filters.size_class:
        qs = qs.filter(size_class=filters.size_class)
    if filters.sector:
        qs = qs.filter(sector_id=filters.sector)
    if filters.in_programme_area is not None:
        qs = qs.filter(town__nuts3__in_programme_area=filters.in_programme_area)
    return qs.order_by("name", "pk")


def organisation_for_viewer(*, slug: str, user) -> Organisation:
    """One organisation, if it is in the public directory (`Organisation.objects.listed()`: not an
    anonymous or unconfirmed one) or the viewer is a member or staff; else Http404.

    The organisation carries `in_directory`, whether the public directory shows it.
    """
    org = (
        Organisation.objects.with_geography()
        .annotate(in_directory=Exists(Organisation.objects.listed().filter(pk=OuterRef("pk"))))
        .filter(slug=slug)
        .first()
    )
    if org is None:
        raise Http404
    if org.in_directory or (user.is_authenticated and (user.is_staff or org.members.filter(pk=user.pk).exists())):
        return org
    raise Http404


def organisation_manageable_by(*, user, organisation: Organisation) -> bool:
    """Whether the user may edit the organisation's profiles: staff, or a managing member.

    The one rule for it: pages and API ask here, and `organisation_for_manager` fetches by it.
    """
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or organisation.memberships.filter(user=user, is_manager=True).exists()


def organisation_for_manager(*, slug: str, user) -> Organisation:
    """One organisation that the user may edit (see `organisation_manageable_by`), else Http404."""
    if user is None or not user.is_authenticated:
        raise Http404
    qs = Organisation.objects.with_geography().filter(slug=slug)
    if not user.is_staff:
        qs = qs.filter(memberships__user=user, memberships__is_manager=True)
    org = qs.first()
    if org is None:
        raise Http404
    return org


def user_organisations(*, user) -> QuerySet[Organisation]:
    return Organisation.objects.with_geography().filter(memberships__user=user).order_by("name")


def town_choices() -> QuerySet[Town]:
    return Town.objects.select_related("nuts3").order_by("country", "name")
