"""The instrument catalogue in the API: list with the finder's filters, one instrument, and matching.

The list takes the same filters as the finder page and checks them with the same form, so a value
refused there is refused here with the same message (in the language of Accept-Language). Names,
descriptions and reasons come in that language too; codes do not depend on it.

``POST /api/instruments/match`` ranks the catalogue for an organisation profile sent in the body,
or for one of the caller's own organisations (``{"organisation": "<slug>"}``, which needs the
platform's session: log in on the website first). It changes nothing, so it needs no CSRF token.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status

from borderless.core.instruments import Firm, Match, Verdict
from borderless.core.instruments.model import Link
from borderless.core.instruments.model import Status as CriterionStatus
from borderless.i18n.translation import language, translate
from borderless.instruments import presentation, selectors
from borderless.instruments.forms import FinderForm, MatchProfileForm
from borderless.instruments.matching import Entry, Snapshot, match_firm, match_organisation, snapshot
from borderless.instruments.models import Instrument, Kind, Level
from borderless.instruments.models import Status as InstrumentStatus
from borderless.instruments.selectors import CROSS_BORDER_NOT_REQUIRED, CROSS_BORDER_REQUIRED, UNKNOWN_STATUS
from borderless.organisations.models import Country, OrganisationKind, SizeClass, WorkingLanguage
from borderless.organisations.selectors import organisation_manageable_by
from borderless.quickscan.models import FollowerGroup
from borderless.quickscan.selectors import quickscan_organisations

from .errors import ApiError, not_found, unknown_parameters_reject
from .pagination import page_get
from .schemas import CodeLabelOut, ErrorOut

# Descriptions in this module are API documentation for developers and stay in English.

router = Router(tags=["instruments"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
RULE = _(
    "Fits: every condition that can be checked is met. Might fit: a fact is missing from the profile, or "
    "something remains to be done (find a partner across the border). Does not fit: a condition is not met. "
    "Within each group: open, then forthcoming, then status not known, then closed; the nearest upcoming "
    "deadline first; then by name. Conditions written as text are shown, not checked."
)


ORDER = _(
    "Open, then forthcoming, then status not known, then closed; the nearest upcoming deadline first; then by name."
)


def _choices(values) -> dict[str, Any]:
    return {"enum": ["", *values]}


class InstrumentListQuery(Schema):
    q: str = Field("", max_length=100, description="Words to find in the name and description (all of them).")
    level: str = Field("", json_schema_extra=_choices(Level.values), description="Level of the provider.")
    kind: str = Field("", json_schema_extra=_choices(Kind.values), description="Kind of support.")
    status: str = Field(
        "",
        json_schema_extra=_choices([*InstrumentStatus.values, UNKNOWN_STATUS]),
        description="'unknown': not known yet.",
    )
    region: str = Field(
        "",
        max_length=40,
        examples=["NL213"],
        description="Area covered: a country (NL, DE), a NUTS 2021 code of any level, or a Euregio slug.",
    )
    organisation_kind: str = Field(
        "", json_schema_extra=_choices(OrganisationKind.values), description="Open to organisations of this kind."
    )
    size_class: str = Field(
        "", json_schema_extra=_choices(SizeClass.values), description="Open to firms of this size class."
    )
    cross_border: str = Field(
        "",
        json_schema_extra=_choices([CROSS_BORDER_REQUIRED, CROSS_BORDER_NOT_REQUIRED]),
        description="Whether a partner across the border is required.",
    )
    language: str = Field(
        "", json_schema_extra=_choices(WorkingLanguage.values), description="A language the provider works in."
    )
    # An empty page= is refused like any other value that is not a whole number.
    page: int = Field(1, ge=1, description="Page number, starting at 1.")
    page_size: int = Field(25, ge=1, le=100, description="Instruments per page (at most 100).")


class StatusOut(Schema):
    code: str | None = Field(
        description="open, forthcoming, closed, budget_exhausted; null: not known yet.",
        json_schema_extra={"enum": [*InstrumentStatus.values, None]},
    )
    label: str


class FundingOut(Schema):
    min_amount: float | None = Field(description="Null: not known yet.")
    max_amount: float | None = Field(description="Null: not known yet.")
    rate_percent: float | None = Field(description="Share of the eligible costs funded; null: not known yet.")
    currency: str | None
    text: str = Field(description="The amount in words, in the language of the request ('not known yet').")


class ProviderOut(Schema):
    name: str | None = Field(description="Null: not known yet.")
    country: str | None = Field(description="NL, DE or EU.")
    organisation: str | None = Field(description="Slug in the organisation directory, if listed there.")


class InstrumentOut(Schema):
    identifier: str
    name: str = Field(description="In the language of the request.")
    description: str = Field(description="In the language of the request.")
    provider: ProviderOut
    level: CodeLabelOut
    kind: CodeLabelOut
    status: StatusOut
    next_deadline: date | None = Field(description="The earliest call closing today or later; null: none known.")
    funding: FundingOut
    languages: list[str] = Field(description="Languages the provider works in.")
    spatial: list[str] = Field(description="Area covered, as NUTS 2021 codes.")
    cross_border_partner_required: bool
    verified: bool = Field(description="False: the facts have not yet been checked by an intermediary.")
    verified_at: datetime | None
    website: str | None
    source: str = Field(description="Where the facts of this entry were taken from.")
    next: list[str] = Field(description="Identifiers of the natural next instruments.")
    links: dict[str, str] = Field(description="This instrument's page and its address in this API.")


class InstrumentPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    language: str
    order: str = Field(description="How the list is sorted.")
    results: list[InstrumentOut]


class CriterionOut(Schema):
    type: str = Field(description="Criterion type of the registry, e.g. 'region', 'size_class', 'free_text'.")
    params: dict[str, Any]
    text: str = Field(description="What it asks for, in the language of the request.")


class CallOut(Schema):
    title: str
    opens_on: date | None
    closes_on: date | None


class RouteOut(Schema):
    before: list[list[str]] = Field(description="Levels of identifiers: [0] directly before, [1] two steps before, …")
    after: list[list[str]] = Field(description="Levels of identifiers: [0] directly after, …")


class InstrumentDetailOut(InstrumentOut):
    criteria: list[CriterionOut]
    calls: list[CallOut]
    route: RouteOut
    contact_points: list[ProviderOut]


class MatchIn(Schema):
    organisation: str | None = Field(
        None,
        pattern=SLUG_PATTERN,
        max_length=220,
        description="Slug of one of your organisations (needs a session); leave out to send a profile instead.",
    )
    country: str | None = Field(None, json_schema_extra={"enum": Country.values})
    nuts3: str | None = Field(None, max_length=5, examples=["NL213"], description="NUTS 2021 level-3 code.")
    kind: str | None = Field(None, json_schema_extra={"enum": OrganisationKind.values})
    size_class: str | None = Field(None, json_schema_extra={"enum": SizeClass.values})
    sector: str | None = Field(None, max_length=2, examples=["28"], description="NACE Rev. 2 division.")
    founded_year: int | None = None
    follower_group: str | None = Field(None, json_schema_extra={"enum": FollowerGroup.values})
    stage: int | None = Field(None, description="acatech stage 0..6.")


class MatchReasonOut(Schema):
    """Why an instrument fits or not, one criterion (not the atlas's ReasonOut of a partner suggestion)."""

    criterion: str = Field(description="Criterion type.")
    status: str = Field(
        description="met, not_met, unknown, needs_action or info.",
        json_schema_extra={"enum": [s.value for s in CriterionStatus]},
    )
    text: str = Field(description="In the language of the request.")
    action: str | None = Field(
        description="edit_profile, take_quickscan or find_partner; null: nothing to do.",
        json_schema_extra={"enum": [*(link.value for link in Link), None]},
    )
    action_url: str | None


class MatchResultOut(Schema):
    identifier: str
    name: str
    verdict: str = Field(
        description="fits, might_fit or does_not_fit.", json_schema_extra={"enum": [v.value for v in Verdict]}
    )
    verdict_label: str
    status: StatusOut
    next_deadline: date | None
    reasons: list[MatchReasonOut]
    links: dict[str, str]


class MatchOut(Schema):
    language: str
    organisation: str | None
    profile: dict[str, Any] = Field(description="The facts the match used; null: not known.")
    quickscan_completed_at: datetime | None = Field(description="The quickscan that gave stage and group, if any.")
    rule: str
    counts: dict[str, int]
    results: list[MatchResultOut]


# --- endpoints -------------------------------------------------------------------------------------


@router.get(
    "",
    response={200: InstrumentPageOut, 400: ErrorOut, 404: ErrorOut},
    url_name="instrument_list",
    summary="List the instrument catalogue, with the finder's filters",
)
def instrument_list(request: HttpRequest, query: Query[InstrumentListQuery]):
    unknown_parameters_reject(request=request, allowed=set(InstrumentListQuery.model_fields))
    form = FinderForm({name: getattr(query, name) for name in FinderForm.base_fields})
    if not form.is_valid():
        return _invalid(form)
    current = snapshot()
    lang = language()
    result = selectors.finder_search(filters=form.filters(), lang=lang, choices={}, current=current, with_counts=False)
    envelope = page_get(request=request, queryset=result.entries, page=query.page, page_size=query.page_size)
    entries: list[Entry] = envelope["results"]
    instruments = selectors.instruments_in_order(identifiers=[e.identifier for e in entries])
    envelope["results"] = [_instrument_out(request, i, current) for i in instruments]
    envelope["language"] = lang
    envelope["order"] = str(ORDER)
    return envelope


@router.post(
    "/match",
    response={200: MatchOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    url_name="instrument_match",
    summary="Rank the catalogue for an organisation profile, with the reasons per criterion",
)
def instrument_match(request: HttpRequest, payload: MatchIn):
    """Every instrument with its verdict and the reason of each criterion, ranked as the finder ranks them.

    Send either a profile (any of country, nuts3, kind, size_class, sector, founded_year, follower_group,
    stage; what is left out counts as not known) or {"organisation": slug} for one of your organisations.
    Programme area and Euregio follow from nuts3.
    """
    unknown_parameters_reject(request=request, allowed=set())
    profile = payload.dict(exclude={"organisation"})
    given = {name: value for name, value in profile.items() if value is not None}
    current = snapshot()
    lang = language()
    organisation = None
    assessment = None
    if payload.organisation:
        if given:
            raise ApiError(
                status=400,
                code="organisation_or_profile",
                message=_("Send either an organisation or a profile, not both."),
            )
        if not request.user.is_authenticated:
            raise ApiError(status=401, code="not_authenticated", message=_("Log in to use this endpoint."))
        organisation = next(
            (o for o in quickscan_organisations(user=request.user) if o.slug == payload.organisation), None
        )
        if organisation is None:
            raise not_found()
        found = match_organisation(organisation, lang=lang, current=current)
        assessment, firm, matches = found.assessment, found.firm, found.matches
    else:
        form = MatchProfileForm({name: value for name, value in given.items()})
        if not form.is_valid():
            return _invalid(form)
        firm = form.firm()
        matches = match_firm(firm, lang=lang, current=current)
    if organisation is not None:
        can_edit = organisation_manageable_by(user=request.user, organisation=organisation)
        links = presentation.Links.for_organisation(organisation, can_edit=can_edit)
    else:
        links = presentation.Links.for_country(firm.country)
    return {
        "language": lang,
        "organisation": organisation.slug if organisation else None,
        "profile": _profile_out(firm),
        "quickscan_completed_at": assessment.completed_at if assessment else None,
        "rule": str(RULE),
        "counts": {verdict.value: sum(1 for m in matches if m.verdict == verdict) for verdict in Verdict},
        "results": [_match_out(request, m, lang, links) for m in matches],
    }


@router.get(
    "/{identifier}",
    response={200: InstrumentDetailOut, 400: ErrorOut, 404: ErrorOut},
    url_name="instrument_detail",
    summary="One instrument, with its criteria, calls and route",
)
def instrument_detail(request: HttpRequest, identifier: str):
    unknown_parameters_reject(request=request, allowed=set())
    instrument = selectors.instrument_get(identifier=identifier)  # Http404 answers the JSON 404
    current = snapshot()
    lang = language()
    out = _instrument_out(request, instrument, current)
    criteria = list(instrument.criteria.all())
    texts = (
        [translate(o.reason, lang) for o in current.catalogue.describe(identifier, current.context())]
        if identifier in current.catalogue
        else [""] * len(criteria)
    )
    out["criteria"] = [
        {"type": c.type, "params": c.params, "text": text} for c, text in zip(criteria, texts, strict=False)
    ]
    out["calls"] = [
        {"title": c.title, "opens_on": c.opens_on, "closes_on": c.closes_on} for c in instrument.calls.all()
    ]
    route = current.pathways.route(identifier) if identifier in current.pathways.next else None
    out["route"] = {
        "before": [list(level) for level in route.before] if route else [],
        "after": [list(level) for level in route.after] if route else [],
    }
    out["contact_points"] = [
        {"name": o.name, "country": o.country, "organisation": o.slug if o.listed_publicly else None}
        for o in instrument.contact_points.all()
    ]
    return out


# --- helpers ---------------------------------------------------------------------------------------


def _invalid(form) -> Status:
    """The form's errors (already in the request's language), shaped like every other validation error."""
    return Status(
        400,
        {
            "detail": str(_("Some parameters are invalid.")),
            "code": "invalid",
            "errors": [
                {"field": name, "message": str(error)} for name, errors in form.errors.items() for error in errors
            ],
        },
    )


def _status_out(code: str) -> dict[str, Any]:
    return {"code": code or None, "label": presentation.status_label(code)}


def _instrument_out(request: HttpRequest, instrument: Instrument, current: Snapshot) -> dict[str, Any]:
    entry = current.by_identifier.get(instrument.identifier)
    provider = instrument.provider
    return {
        "identifier": instrument.identifier,
        "name": instrument.name,
        "description": instrument.description,
        "provider": {
            "name": provider.name if provider else (instrument.provider_name or None),
            "country": instrument.provider_country or None,
            "organisation": provider.slug if provider and provider.listed_publicly else None,
        },
        "level": {"code": instrument.level, "label": instrument.get_level_display()},
        "kind": {"code": instrument.kind, "label": instrument.get_kind_display()},
        "status": _status_out(instrument.status),
        "next_deadline": entry.next_deadline if entry else None,
        "funding": {
            "min_amount": instrument.min_amount,
            "max_amount": instrument.max_amount,
            "rate_percent": instrument.rate_percent,
            "currency": instrument.currency or None,
            "text": presentation.funding_label(instrument),
        },
        "languages": list(instrument.languages or []),
        "spatial": list(instrument.spatial or []),
        "cross_border_partner_required": bool(entry and entry.cross_border),
        "verified": instrument.is_verified,
        "verified_at": instrument.verified_at,
        "website": instrument.website or None,
        "source": instrument.source,
        "next": list(current.pathways.next.get(instrument.identifier, ())),
        "links": {
            "page": request.build_absolute_uri(instrument.get_absolute_url()),
            "self": request.build_absolute_uri(reverse("api:instrument_detail", args=[instrument.identifier])),
        },
    }


def _profile_out(firm: Firm) -> dict[str, Any]:
    return {
        name: getattr(firm, name)
        for name in (
            "country",
            "nuts3",
            "in_programme_area",
            "euregio",
            "kind",
            "size_class",
            "sector",
            "founded_year",
            "follower_group",
            "stage",
            "has_cross_border_partner",
        )
    }


def _match_out(request: HttpRequest, match: Match, lang: str, links) -> dict[str, Any]:
    instrument = match.instrument
    identifier = str(instrument.id)
    reasons = []
    for outcome in match.outcomes:
        url = links.url(outcome.link) if links else ""
        reasons.append(
            {
                "criterion": outcome.key,
                "status": outcome.status.value,
                "text": translate(outcome.reason, lang),
                "action": outcome.link.value if outcome.link else None,
                "action_url": request.build_absolute_uri(url) if url else None,
            }
        )
    return {
        "identifier": identifier,
        "name": translate(instrument.name, lang),
        "verdict": match.verdict.value,
        "verdict_label": str(presentation.VERDICT_LABELS[match.verdict]),
        "status": _status_out(str(instrument.status)),
        "next_deadline": instrument.next_deadline,
        "reasons": reasons,
        "links": {
            "page": request.build_absolute_uri(reverse("instruments:detail", args=[identifier])),
            "self": request.build_absolute_uri(reverse("api:instrument_detail", args=[identifier])),
        },
    }
