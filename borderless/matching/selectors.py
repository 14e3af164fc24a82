"""Reads of partner matching: the explained top partners of an organisation, for one viewer.

Scores come from the per-process index (`matching_index`); what the viewer may see of each partner
comes from `selectors_atlas` (`visible_profiles` and its cards), so a recommendation never shows
more of an organisation than the atlas would.

An anonymous partner's reasons are shown only as far as its card goes (`_redacted`): the core's score
rests on facts the card hides, and its parts would give them away (the proximity value is a function
of the exact distance; the maturity fit of the quickscan result; novelty and "you have cooperated
before" of its projects; "same sector" of a division the card may not show). So for such a partner:

- distance is measured to the centre of the region its card shows (public knowledge: the mean of the
  region's known towns), and the proximity value follows from that distance; with no region shown,
  there is no distance and no proximity value;
- maturity fit and novelty are not shown and count nothing; "you have cooperated before" is dropped;
- common ground counts the shared technologies, and the sector only when the card shows the division;
- a sector entry the card leaves out (`hides_competence`) is left out of the evidence, and the part it
  took part in (what you need, what they need) shows no value;
- partners of partners are not shown and count nothing: the partners an anonymous organisation
  shares with you would point to its projects;
- the score shown is the sum of the parts shown, and the partners are listed in the order of the
  scores shown. The candidates are still the core's best ones (a few more than are shown).

Partners of partners of a named partner are always counted, and named only where nothing is given
away (`_shared_partner_names`): the shared partner has a profile this viewer may see that is not
anonymous, and both it and the suggested partner show their projects on their profiles (saying that
two organisations cooperated is telling of each one's projects). Any other shared partner is only
counted, never named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from django.db.models import Max, Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext

from borderless.atlas.anonymity import hides_competence, region_centroids
from borderless.atlas.models import Competence, Visibility
from borderless.atlas.selectors import ProfileCard, cards_for, visible_profiles
from borderless.contacts.models import Block
from borderless.core import anonymity
from borderless.core.matching import COMPONENTS, DEFAULT_PROXIMITY, Recommendation, explain
from borderless.core.matching.texts import COMPONENT_TITLES
from borderless.core.organisations import distance_km
from borderless.i18n.translation import translate
from borderless.organisations.models import Membership, Organisation

from . import index as matching_index

TOP = 10


@dataclass(frozen=True)
class ReasonLine:
    """One component of a partner's score, its texts in the viewer's language."""

    component: str
    title: str
    value: float | None  # 0..1; None: rests on what an anonymous partner does not show
    weight: float  # share of the score
    contribution: float | None  # weight × value
    text: str  # the evidence


@dataclass(frozen=True)
class Partner:
    rank: int
    card: ProfileCard  # what the viewer may see of the partner (anonymous: no name, no contact)
    score: float
    distance_km: float | None  # great-circle; to the centre of the shown region for an anonymous partner
    travel_km: float | None  # with the detour factor the proximity score uses
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
    centroids = region_centroids(
        {c.region_code for c in cards.values() if c.anonymous and c.region_level and c.region_code}
    )
    names = _shared_partner_names(recommendations, cards, user=user)
    candidates: list[Partner] = []
    for recommendation in recommendations:
        card = cards.get(recommendation.id)
        if card is None:
            continue
        if card.anonymous:
            partner = _redacted(recommendation, card, requester=requester, labels=labels, lang=lang,
                                centroid=centroids.get(card.region_code))  # fmt: skip
        else:
            partner = _explained(recommendation, card, labels=labels, lang=lang, names=names)
        candidates.append(partner)
    # Stable: equal scores keep the core's order.
    candidates.sort(key=lambda p: -p.score)
    partners = [replace(p, rank=rank) for rank, p in enumerate(candidates[:k], start=1)]
    info = matching_index.index_info()
    shares = weights.weights.normalised()
    return PartnerList(
        organisation=organisation,
        partners=partners,
        across_border=across_border,
        has_profile=requester.has_profile,
        profiles=size,
        weights=[WeightShare(c, translate(COMPONENT_TITLES[c], lang), shares[c]) for c in COMPONENTS],
        weights_changed_at=weights.updated_at,
        index_built_at=info.built_at,
        index_refreshed_at=info.refreshed_at,
        taxonomy_version=Competence.objects.aggregate(v=Max("version"))["v"] or "",
    )


def _shared_partner_names(
    recommendations: list[Recommendation], cards: dict[int, ProfileCard], *, user
) -> dict[int, str]:
    """Organisation id -> name of the shared partners (partners of partners) this viewer may see named, for the
    named partners that show their projects (see the module's text); one query, none without shared partners."""
    ids = {
        partner_id
        for r in recommendations
        if (card := cards.get(r.id)) is not None and not card.anonymous and card.show_projects
        for partner_id in r.evidence.shared_partners
    }
    if not ids:
        return {}
    rows = (
        visible_profiles(user=user)
        .prefetch_related(None)
        .filter(organisation_id__in=ids, show_projects=True)
        .exclude(visibility=Visibility.ANONYMOUS)
        .values_list("organisation_id", "organisation__name")
    )
    return dict(rows)


def _lines(
    recommendation: Recommendation, *, labels, lang: str, names: Mapping[int, str] | None = None
) -> list[ReasonLine]:
    explanation = explain(recommendation, labels=labels, partner_names=names or {})
    return [
        ReasonLine(
            component=line.component,
            title=translate(line.title, lang),
            value=line.value,
            weight=line.weight,
            contribution=line.contribution,
            text=translate(line.text, lang),
        )
        for line in explanation.lines
    ]


def _explained(
    recommendation: Recommendation, card: ProfileCard, *, labels, lang: str, names: dict[int, str]
) -> Partner:
    names = names if card.show_projects else {}
    explanation = explain(recommendation, labels=labels, partner_names=names)
    return Partner(
        rank=recommendation.rank,
        card=card,
        score=recommendation.score,
        distance_km=recommendation.evidence.distance_km,
        travel_km=recommendation.evidence.travel_km,
        lines=tuple(_lines(recommendation, labels=labels, lang=lang, names=names)),
        notes=tuple(translate(note, lang) for note in explanation.notes),
    )


def _redacted(
    recommendation: Recommendation,
    card: ProfileCard,
    *,
    requester,
    labels,
    lang: str,
    centroid: tuple[float, float] | None,
) -> Partner:
    """An anonymous partner's reasons, resting only on what its card shows (see the module's text)."""
    evidence = recommendation.evidence
    shows_division = card.shown is not None and bool(card.shown.nace_division)
    km = None
    if centroid is not None and card.region_level and card.region_level > anonymity.COUNTRY:
        km = distance_km(requester.lat, requester.lon, *centroid)
    travel = None if km is None else km * DEFAULT_PROXIMITY.detour_factor
    division = card.organisation.sector_id or ""

    def shown_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(c for c in codes if not hides_competence(c, division=division, shown=card.shown))

    needs_met, needs_served = shown_codes(evidence.needs_met), shown_codes(evidence.needs_served)
    redacted_evidence = replace(
        evidence,
        needs_met=needs_met,
        needs_served=needs_served,
        same_sector=evidence.same_sector if shows_division else None,
        worked_together=False,
        shared_partners=(),
        distance_km=km if km is not None else evidence.distance_km,
        travel_km=travel if travel is not None else evidence.travel_km,
    )
    redacted = replace(recommendation, evidence=redacted_evidence)
    values = {c.name: c.value for c in recommendation.components}
    if evidence.same_sector and not shows_division:
        # Common ground is half technologies, half sector when the requester has both; without the sector
        # only the technology half remains.
        values["common_ground"] = max(0.0, values["common_ground"] - 1.0 / (1 + evidence.requester_has_technologies))
    values["proximity"] = DEFAULT_PROXIMITY.score(km) if km is not None else None
    values["maturity"] = None
    values["novelty"] = None
    values["closure"] = None
    # A sector entry the card leaves out must not show through the parts it took part in.
    partly_hidden = set()
    if needs_met != evidence.needs_met:
        values["complementarity"] = None
        partly_hidden.add("complementarity")
    if needs_served != evidence.needs_served:
        values["reciprocity"] = None
        partly_hidden.add("reciprocity")
    lines = []
    with translation.override(lang):
        hidden_texts = {
            "maturity": gettext(
                "Not shown: an anonymous organisation's quickscan result stays with the organisation, and does not "
                "count here."
            ),
            "novelty": gettext(
                "Not shown: whether an anonymous organisation has cooperated in projects stays with the "
                "organisation, and does not count here."
            ),
            "closure": gettext(
                "Not shown: which partners an anonymous organisation shares with you stays with the organisation, "
                "and does not count here."
            ),
        }
        if km is None:
            hidden_texts["proximity"] = gettext(
                "Not shown: this anonymous organisation shows no region, so there is no distance."
            )
        else:
            hidden_texts["proximity"] = gettext(
                "About %(travel)d km by road to the centre of %(region)s (%(km)d km in a straight line): the "
                "organisation's own town is not shown."
            ) % {"travel": round(travel), "km": round(km), "region": card.region_name}
        for component in partly_hidden:
            if not (needs_met if component == "complementarity" else needs_served):
                hidden_texts[component] = gettext(
                    "Not shown: this part rests on what an anonymous organisation's profile does not show."
                )
        note = gettext(
            "This organisation is anonymous: its score rests only on what its profile shows, with the distance "
            "to the centre of its region."
        )
    for line in _lines(redacted, labels=labels, lang=lang):
        value = values[line.component]
        lines.append(
            replace(
                line,
                value=value,
                contribution=None if value is None else value * line.weight,
                text=hidden_texts.get(line.component, line.text),
            )
        )
    return Partner(
        rank=recommendation.rank,
        card=card,
        score=sum(line.contribution or 0.0 for line in lines),
        distance_km=km,
        travel_km=travel,
        lines=tuple(lines),
        notes=(*(translate(n, lang) for n in explain(redacted, labels=labels).notes), note),
    )
