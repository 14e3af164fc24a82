"""The public organisation directory: only organisations that consented to be listed."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from borderless.organisations.selectors import DirectoryFilters, organisation_directory

from .errors import unknown_parameters_reject
from .pagination import page_get
from .schemas import ErrorOut, OrganisationListQuery, OrganisationOut, OrganisationPageOut
from .selectors import organisation_public_get

router = Router(tags=["organisations"])

LIST_PARAMETERS = set(OrganisationListQuery.model_fields)


@router.get(
    "",
    response={200: OrganisationPageOut, 400: ErrorOut, 404: ErrorOut},
    url_name="organisation_list",
    summary="List the public organisation directory",
)
def organisation_list(request: HttpRequest, query: Query[OrganisationListQuery]):
    """Organisations listed publicly, ordered by name, filtered and paginated."""
    unknown_parameters_reject(request=request, allowed=LIST_PARAMETERS)
    filters = DirectoryFilters(
        q=query.q.strip(),
        kind=query.kind.value if query.kind else "",
        country=query.country.value if query.country else "",
        nuts3=query.nuts3,
        euregio=query.euregio,
        size_class=query.size_class.value if query.size_class else "",
        sector=query.sector,
        in_programme_area=query.in_programme_area,
    )
    return page_get(
        request=request,
        queryset=organisation_directory(filters=filters),
        page=query.page,
        page_size=query.page_size,
    )


@router.get(
    "/{slug}",
    response={200: OrganisationOut, 400: ErrorOut, 404: ErrorOut},
    url_name="organisation_detail",
    summary="One organisation of the public directory",
)
def organisation_detail(request: HttpRequest, slug: str):
    """An organisation that is listed publicly; any other slug answers 404."""
    unknown_parameters_reject(request=request, allowed=set())
    return organisation_public_get(slug=slug)
