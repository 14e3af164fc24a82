"""The competence atlas in the API: search, one organisation's profile, and partner recommendations.

Search and profile are open to everyone and show exactly what the atlas's web pages show to the same
viewer (the visibility rules live in `borderless.atlas.selectors`): profiles for registered
users only need a signed-in session; anonymous profiles come without name, website, contact or a
place more precise than the NUTS-3 region, under an opaque ``anon-…`` reference instead of the slug.
Contact details are never part of a profile; they come with an accepted contact request
(``/api/atlas/contacts``).

The search takes the same filters as the search page and validates them with the same form, so the
two cannot drift apart. Recommendations need the platform's session and membership of the
organisation; their explanations follow the Accept-Language header (de, nl, en).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status

from borderless.atlas.forms import AtlasSearchForm
from borderless.atlas.models import CooperationKind
from borderless.atlas.search import atlas_search
from borderless.atlas.selectors import ProfileCard, profile_for_viewer, projects_of
from borderless.i18n.translation import language

from .errors import unknown_parameters_reject
from .pagination import page_get
from .schemas import CodeLabelOut, ErrorOut

router = Router(tags=["atlas"])

# Descriptions in this module are API documentation for developers and stay in English.


class AtlasSearchQuery(Schema):
    """The search page's filters (checked by the same form); empty means "all"."""

    q: str = Field("", description="A competence in German, Dutch or English, a name or a word of a description.")
    competence: str = Field("", description="A taxonomy code.", examples=["tech.sensors"])
    direction: str = Field("", description="Whether the competence is offered, needed or either (default).")
    kind: str = Field("", description="Kind of organisation.", examples=["company"])
    country: str = Field("", description="NL or DE.")
    region: str = Field("", description="A NUTS code of any level.", examples=["DEA34"])
    euregio: str = Field("", description="Slug of a Euregio.", examples=["euregio"])
    size_class: str = Field("", description="micro, small, medium or large.")
    follower_group: str = Field("", description="From the latest quickscan: frontrunner, fast_follower, late_follower.")
    page: int = Field(1, ge=1, description="Page number, starting at 1.")
    page_size: int = Field(25, ge=1, le=100, description="Profiles per page (at most 100).")


FILTERS = set(AtlasSearchQuery.model_fields) - {"page", "page_size"}


class CompetenceOut(Schema):
    code: str
    label: str = Field(description="In the language of the request.")
    group: str = Field(description="technology, service or sector.")


class RegionOut(Schema):
    code: str = Field(description="NUTS code: NUTS-3, or for an anonymous profile the level it shows.")
    name: str
    level: int = Field(description="NUTS level of the code: 3, 2 or 1.")


class ProjectOut(Schema):
    title: str
    year: int | None
    programme: str


class AtlasProfileOut(Schema):
    reference: str = Field(description="The slug, or the opaque 'anon-…' reference of an anonymous profile.")
    anonymous: bool
    name: str | None = Field(description="None for an anonymous profile.")
    display_name: str = Field(description="The name, or a description such as 'Company in Kreis Borken (DE)'.")
    kind: CodeLabelOut | None = Field(description="None for an anonymous profile that does not show it.")
    country: str | None = Field(description="ISO 3166-1 alpha-2 code; None for an anonymous profile that hides it.")
    place: str = Field(description="The town; the name of the region shown for an anonymous profile, or ''.")
    region: RegionOut | None = Field(description="None for an anonymous profile that shows no region.")
    euregio: str | None = Field(description="For an anonymous profile only when it shows its NUTS-3 region.")
    size_class: CodeLabelOut | None = Field(
        description="micro, small, medium or large; an anonymous profile may show only 'sme' (under 250 "
        "employees) or nothing (None)."
    )
    sector: str | None = Field(
        description="NACE division, in the language of the request; an anonymous profile may show only the "
        "section, or nothing."
    )
    sector_code: str | None = Field(
        description="The NACE code shown: a division (two digits) or, for an anonymous profile, perhaps only "
        "its section (one letter)."
    )
    website: str | None = Field(description="None for an anonymous profile.")
    description: str
    cooperation_sought: list[CodeLabelOut]
    offers: list[CompetenceOut]
    needs: list[CompetenceOut]
    contact_via: str | None = Field(description="For an anonymous profile: the intermediary that receives requests.")
    url: str = Field(description="The profile's page on the website.")


class AtlasProfileDetailOut(AtlasProfileOut):
    projects: list[ProjectOut] | None = Field(description="Only if the organisation shows its projects.")


class AtlasPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[AtlasProfileOut]


# --- conversion -----------------------------------------------------------------------------------------


def profile_out(request: HttpRequest, card: ProfileCard) -> dict:
    kinds = dict(CooperationKind.choices)
    return {
        "reference": card.reference,
        "anonymous": card.anonymous,
        "name": None if card.anonymous else card.name,
        "display_name": card.name,
        "kind": {"code": card.kind, "label": card.kind_label} if card.kind else None,
        "country": card.country or None,
        "place": card.place,
        "region": {"code": card.region_code, "name": card.region_name, "level": card.region_level}
        if card.region_code
        else None,
        "euregio": card.euregio or None,
        "size_class": {"code": card.size_class, "label": card.size_label} if card.size_class else None,
        "sector": card.sector_label or None,
        "sector_code": card.sector_code or None,
        "website": None if card.anonymous else (card.website or None),
        "description": card.description,
        "cooperation_sought": [{"code": k, "label": str(kinds[k])} for k in card.cooperation_kinds if k in kinds],
        "offers": [{"code": c.code, "label": c.label, "group": c.group} for c in card.offers],
        "needs": [{"code": c.code, "label": c.label, "group": c.group} for c in card.needs],
        "contact_via": card.contact_intermediary.name if card.anonymous and card.contact_intermediary else None,
        "url": request.build_absolute_uri(reverse("atlas:detail", args=[card.reference])),
    }


def request_language() -> str:
    return language()


# --- endpoints ------------------------------------------------------------------------------------------


@router.get(
    "/organisations",
    response={200: AtlasPageOut, 400: ErrorOut, 404: ErrorOut},
    url_name="atlas_search",
    summary="Search the competence atlas",
)
def atlas_organisations(request: HttpRequest, query: Query[AtlasSearchQuery]):
    """Profiles the caller may see, filtered like the search page, in the page's order.

    Without a session, profiles for registered users only are left out. Anonymous profiles are
    included without identity.
    """
    unknown_parameters_reject(request=request, allowed=set(AtlasSearchQuery.model_fields))
    form = AtlasSearchForm({name: getattr(query, name) for name in FILTERS})
    if not form.is_valid():
        errors = [{"field": field, "message": str(message)} for field, msgs in form.errors.items() for message in msgs]
        return Status(400, {"detail": str(_("Some parameters are invalid.")), "code": "invalid", "errors": errors})
    result = atlas_search(filters=form.to_filters(), user=request.user)
    envelope = page_get(request=request, queryset=result.results, page=query.page, page_size=query.page_size)
    envelope["results"] = [profile_out(request, card) for card in envelope["results"]]
    return envelope


@router.get(
    "/organisations/{reference}",
    response={200: AtlasProfileDetailOut, 400: ErrorOut, 404: ErrorOut},
    url_name="atlas_organisation",
    summary="One atlas profile",
)
def atlas_organisation(request: HttpRequest, reference: str):
    """The profile as the caller may see it: by slug, or by 'anon-…' reference for an anonymous one.

    A profile the caller may not see answers 404, as one that does not exist. An anonymous profile
    is not found by its slug (that would confirm who it is).
    """
    unknown_parameters_reject(request=request, allowed=set())
    card = profile_for_viewer(slug=reference, user=request.user)
    out = profile_out(request, card)
    out["projects"] = None
    if card.show_projects:
        out["projects"] = [
            {"title": p.title, "year": p.start_year, "programme": p.programme_detail or p.get_programme_display()}
            for p in projects_of(organisation=card.organisation)
        ]
    return out
