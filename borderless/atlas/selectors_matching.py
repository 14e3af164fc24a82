"""Reads of partner matching: the explained top partners of an organisation, for one viewer.

Scores come from the per-process index (`matching_index`); what the viewer may see of each partner
comes from `selectors_atlas` (`visible_profiles` and its cards), so a recommendation never shows
more of an organisation than the atlas would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Q
from django.http import Http404

from borderless.core.matching import COMPONENTS, explain
from borderless.core.matching.texts import COMPONENT_TITLES
from borderless.organisations.models import Membership, Organisation

from . import matching_index
from .models import Block, Competence
from .selectors_atlas import ProfileCard, cards_for, visible_profiles

TOP = 10


@dataclass(frozen=True)
class ReasonLine:
    """One component of a partner's score, its texts in the viewer's language."""

    component: str
    title: str
    value: float  # 0..1
    weight: float  # share of the score
    contribution: float  # weight × value
    text: str  # the evidence


@dataclass(frozen=True)
class Partner:
    rank: int
    card: ProfileCard  # what the viewer may see of the partner (anonymous: no name, no contact)
    score: float
    distance_km: float  # great-circle
    travel_km: float  # with the detour factor the proximity score uses
    lines: tuple[ReasonLine, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class WeightShare:
    component: str
    title: str
    share: float


@dataclass(frozen=True)
class PartnerList:
    organisation: Organisation
    partners: list[Partner]
    across_border: bool
    has_profile: bool  # the organisation has said what it offers or needs
    profiles: int  # organisations in the index
    weights: list[WeightShare]
    weights_changed_at: datetime | None  # None: the defaults
    index_built_at: datetime
    index_refreshed_at: datetime
    taxonomy_version: str


def matching_organisations(*, user) -> list[Organisation]:
    """The organisations the user may ask partners for: their memberships, managed ones first."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__town", "organisation__town__nuts3", "organisation__sector")
        .order_by("-is_manager", "organisation__name")
    )
    return [m.organisation for m in memberships]


def matching_organisation_get(*, user, slug: str = "") -> Organisation | None:
    """The organisation named by `slug` among the user's (Http404 if not theirs), else the first managed one."""
    organisations = matching_organisations(user=user)
    if not slug:
        return organisations[0] if organisations else None
    for organisation in organisations:
        if organisation.slug == slug:
            return organisation
    raise Http404


def _blocked_ids(organisation: Organisation) -> set[int]:
    pairs = Block.objects.filter(Q(blocker=organisation) | Q(blocked=organisation)).values_list(
        "blocker_id", "blocked_id"
    )
    return {other for pair in pairs for other in pair} - {organisation.pk}


def partner_recommendations(
    *, organisation: Organisation, user, lang: str, across_border: bool = True, k: int = TOP
) -> PartnerList:
    """The top k partners for the organisation, each explained component by component in `lang`."""
    requester = matching_index.requester_profile(organisation=organisation)
    weights = matching_index.matching_weights()
    blocked = _blocked_ids(organisation)
    # A few more than k: blocked organisations and any the viewer may not see are dropped afterwards.
    recommendations, size = matching_index.index_recommend(
        requester,
        k=k + len(blocked) + 5,
        weights=weights.weights,
        across_border=across_border,
        viewer_registered=bool(getattr(user, "is_authenticated", False)),
    )
    recommendations = [r for r in recommendations if r.id not in blocked]
    visible = visible_profiles(user=user).filter(organisation_id__in=[r.id for r in recommendations])
    cards = {card.organisation_id: card for card in cards_for(visible, user=user)}
    labels = matching_index.competence_labels() if recommendations else {}
    partners: list[Partner] = []
    for recommendation in recommendations:
        card = cards.get(recommendation.id)
        if card is None:
            continue
        explanation = explain(recommendation, labels=labels)
        partners.append(
            Partner(
                rank=len(partners) + 1,
                card=card,
                score=recommendation.score,
                distance_km=recommendation.evidence.distance_km,
                travel_km=recommendation.evidence.travel_km,
                lines=tuple(
                    ReasonLine(
                        component=line.component,
                        title=line.title.get(lang),
                        value=line.value,
                        weight=line.weight,
                        contribution=line.contribution,
                        text=line.text.get(lang),
                    )
                    for line in explanation.lines
                ),
                notes=tuple(note.get(lang) for note in explanation.notes),
            )
        )
        if len(partners) == k:
            break
    info = matching_index.index_info()
    shares = weights.weights.normalised()
    return PartnerList(
        organisation=organisation,
        partners=partners,
        across_border=across_border,
        has_profile=requester.has_profile,
        profiles=size,
        weights=[WeightShare(c, COMPONENT_TITLES[c].get(lang), shares[c]) for c in COMPONENTS],
        weights_changed_at=weights.updated_at,
        index_built_at=info.built_at,
        index_refreshed_at=info.refreshed_at,
        taxonomy_version=Competence.objects.aggregate(v=Max("version"))["v"] or "",
    )
