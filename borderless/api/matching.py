"""Partner suggestions in the API: the top partners of one of the caller's organisations, explained."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from borderless.matching.selectors import matching_organisation_get, partner_recommendations

from .atlas import AtlasProfileOut, profile_out, request_language
from .errors import ApiError, unknown_parameters_reject
from .quickscan import SLUG_PATTERN, session_auth
from .schemas import ErrorOut

router = Router(tags=["atlas"])


class RecommendationsQuery(Schema):
    organisation: str = Field(
        "",
        pattern=r"^$|" + SLUG_PATTERN,
        max_length=220,
        description="Slug of one of your organisations (default: the first you manage).",
        examples=["acme"],
    )
    own_country: bool = Field(False, description="Also partners in the organisation's own country.")


class ReasonOut(Schema):
    component: str = Field(
        description="complementarity, reciprocity, common_ground, proximity, maturity, novelty, closure (partners "
        "of your partners across the border)."
    )
    title: str
    value: float | None = Field(
        description="0 to 1; None for a reason resting on what an anonymous partner does not show."
    )
    weight: float = Field(description="Share of the score (the weights add up to 1).")
    contribution: float | None = Field(description="value × weight; the contributions add up to the score.")
    text: str = Field(description="The evidence, in the language of the request.")


class RecommendationOut(Schema):
    rank: int
    score: float = Field(description="0 to 1.")
    distance_km: float | None = Field(
        description="As the crow flies; for an anonymous partner to the centre of the region it shows (None "
        "when it shows none)."
    )
    travel_km: float | None = Field(description="Estimated by road (the distance times a detour factor).")
    partner: AtlasProfileOut
    reasons: list[ReasonOut]
    notes: list[str]


class WeightOut(Schema):
    component: str
    title: str
    share: float


class MatchingDataOut(Schema):
    profiles: int = Field(description="Organisations in the matching index.")
    profiles_as_of: datetime
    taxonomy_version: str
    weights: list[WeightOut]
    weights_changed_at: datetime | None = Field(description="None while the platform's defaults apply.")
    method: str


class RecommendationsOut(Schema):
    organisation: str = Field(description="Slug of the organisation the partners are for.")
    across_border: bool = Field(description="True: only partners in the other country.")
    has_profile: bool = Field(description="False: the organisation has not said what it offers or needs yet.")
    language: str
    results: list[RecommendationOut]
    data: MatchingDataOut


@router.get(
    "/recommendations",
    auth=session_auth,
    response={200: RecommendationsOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    url_name="atlas_recommendations",
    summary="The top ten partners for one of your organisations, explained",
)
def atlas_recommendations(request: HttpRequest, query: Query[RecommendationsQuery]):
    """Partners across the border by default (own_country=true adds the own country), best first.

    Each comes with its score split into seven reasons (value, weight, contribution and the evidence in
    words) in the language of the Accept-Language header. Members of the organisation only; another
    organisation answers 404.
    """
    unknown_parameters_reject(request=request, allowed=set(RecommendationsQuery.model_fields))
    organisation = matching_organisation_get(user=request.user, slug=query.organisation)
    if organisation is None:
        raise ApiError(status=404, code="no_organisation", message=_("You are not a member of an organisation yet."))
    lang = request_language()
    result = partner_recommendations(
        organisation=organisation, user=request.user, lang=lang, across_border=not query.own_country
    )
    return {
        "organisation": organisation.slug,
        "across_border": result.across_border,
        "has_profile": result.has_profile,
        "language": lang,
        "results": [
            {
                "rank": p.rank,
                "score": round(p.score, 4),
                "distance_km": None if p.distance_km is None else round(p.distance_km, 1),
                "travel_km": None if p.travel_km is None else round(p.travel_km, 1),
                "partner": profile_out(request, p.card),
                "reasons": [
                    {
                        "component": line.component,
                        "title": line.title,
                        "value": None if line.value is None else round(line.value, 4),
                        "weight": round(line.weight, 4),
                        "contribution": None if line.contribution is None else round(line.contribution, 4),
                        "text": line.text,
                    }
                    for line in p.lines
                ],
                "notes": list(p.notes),
            }
            for p in result.partners
        ],
        "data": {
            "profiles": result.profiles,
            "profiles_as_of": result.index_refreshed_at,
            "taxonomy_version": result.taxonomy_version,
            "weights": [
                {"component": w.component, "title": w.title, "share": round(w.share, 4)} for w in result.weights
            ],
            "weights_changed_at": result.weights_changed_at,
            "method": str(
                _(
                    "Each reason scores from 0 to 1; the score is the sum of value times weight. Competences that few "
                    "organisations offer weigh more; distance counts the same on both sides of the border. An "
                    "organisation across the border that n of your project partners have cooperated with scores "
                    "n / (n + 1) for partners of your partners."
                )
            ),
        },
    }
