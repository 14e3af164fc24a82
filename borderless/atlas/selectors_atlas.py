"""Reads of the atlas: search, and what a viewer may see of a profile.

This module is the ONE place that decides what a viewer may see of an organisation's atlas profile.
Every view, API endpoint or e-mail that shows a profile goes through `visible_profiles` (lists) or
`profile_for_viewer` (one profile) and shows only what the returned `ProfileCard` carries.

The rules, from the visibility the organisation chose:

- only organisations with an `AtlasProfile` are in the atlas at all;
- ``public``: everyone sees the profile, with the organisation's name, town and website;
- ``registered``: only signed-in people see it; anonymous visitors do not learn that it exists;
- ``anonymous``: everyone sees the competences, but never the name, website, contact details or a
  place more precise than the NUTS-3 region; the page is addressed by an opaque reference instead of
  the slug (which would give the name away) and contact goes through the profile's intermediary;
- members of the organisation always see their own profile in full (to check what they publish);
- contact details (e-mail, phone) are NEVER part of a card: they are revealed only by an accepted
  contact request, which the contacts part of the atlas decides.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext

from borderless.organisations.models import Organisation, OrganisationKind, Town

from .models import AtlasProfile, Competence, CompetenceGroup, Visibility

ANONYMOUS_PREFIX = "anon-"
_ANONYMOUS_REF = re.compile(r"^anon-([0-9a-f]{16})$")


# --- anonymous references --------------------------------------------------------------------------
# An anonymous profile is addressed by a keyed, reversible scrambling of its organisation's id, so
# that the address reveals neither the name (as the slug would) nor the id, and no lookup table is
# needed. Four Feistel rounds over 64 bits with HMAC-SHA256 as the round function.


def _round(value: int, rnd: int) -> int:
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, f"atlas.anonymous.{rnd}.{value}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def anonymous_reference(organisation_id: int) -> str:
    """The opaque address of an anonymous profile (stable while SECRET_KEY stays the same)."""
    left, right = (organisation_id >> 32) & 0xFFFFFFFF, organisation_id & 0xFFFFFFFF
    for rnd in range(4):
        left, right = right, left ^ _round(right, rnd)
    return f"{ANONYMOUS_PREFIX}{(left << 32) | right:016x}"


def organisation_id_from_reference(reference: str) -> int | None:
    match = _ANONYMOUS_REF.match(reference or "")
    if not match:
        return None
    value = int(match.group(1), 16)
    left, right = value >> 32, value & 0xFFFFFFFF
    for rnd in reversed(range(4)):
        left, right = right ^ _round(left, rnd), left
    return (left << 32) | right


# --- what a viewer sees -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetenceItem:
    code: str
    label: str
    group: str
    cluster: str


@dataclass(frozen=True)
class ProfileCard:
    """What one viewer may see of one atlas profile. Nothing else of the organisation may be shown.

    `organisation` and `profile` are for server-side use (ids, permissions, matching); templates and
    API responses must render the card's own fields, which are already redacted for anonymous
    profiles.
    """

    organisation: Organisation
    profile: AtlasProfile
    reference: str  # the slug, or the opaque reference of an anonymous profile: use for atlas:detail
    anonymous: bool  # shown without identity to this viewer
    own: bool  # the viewer is a member of the organisation
    name: str  # the organisation's name, or e.g. "Company in Kreis Borken (DE)"
    kind: str
    kind_label: str
    country: str
    country_label: str
    place: str  # the town, or the NUTS-3 region's name when anonymous
    region_code: str  # NUTS-3
    region_name: str
    euregio: str
    size_class: str
    size_label: str
    sector_label: str
    website: str  # empty when anonymous
    description: str
    cooperation_kinds: list[str]
    visibility: str
    show_projects: bool
    offers: list[CompetenceItem] = field(default_factory=list)
    needs: list[CompetenceItem] = field(default_factory=list)
    contact_intermediary: Organisation | None = None  # who receives requests for an anonymous profile

    @property
    def organisation_id(self) -> int:
        return self.organisation.pk


def _viewer_org_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def _competence_items(competences) -> list[CompetenceItem]:
    items = [CompetenceItem(c.code, c.label, c.group, c.cluster) for c in competences]
    order = {g: i for i, g in enumerate(CompetenceGroup.values)}
    return sorted(items, key=lambda c: (order.get(c.group, 9), c.cluster, c.label.lower()))


def make_card(profile: AtlasProfile, *, own: bool) -> ProfileCard:
    """The card of a profile (with `organisation` and its geography selected). No access check here."""
    org = profile.organisation
    region = org.town.nuts3
    anonymous = profile.visibility == Visibility.ANONYMOUS and not own
    kind_label = str(OrganisationKind(org.kind).label)
    country_label = org.get_country_display()
    if anonymous:
        name = gettext("%(kind)s in %(region)s (%(country)s)") % {
            "kind": kind_label,
            "region": region.name,
            "country": org.country,
        }
        reference = anonymous_reference(org.pk)
    else:
        name = org.name
        reference = org.slug
    euregio = org.euregio
    return ProfileCard(
        organisation=org,
        profile=profile,
        reference=reference,
        anonymous=anonymous,
        own=own,
        name=name,
        kind=org.kind,
        kind_label=kind_label,
        country=org.country,
        country_label=str(country_label),
        place=region.name if anonymous else org.town.name,
        region_code=region.code,
        region_name=region.name,
        euregio=euregio.name if euregio else "",
        size_class=org.size_class,
        size_label=str(org.get_size_class_display()),
        sector_label=org.sector.label if org.sector_id else "",
        website="" if anonymous else org.website,
        description=profile.description,
        cooperation_kinds=list(profile.cooperation_kinds or []),
        visibility=profile.visibility,
        show_projects=profile.show_projects and not anonymous,
        offers=_competence_items(profile.offers.all()),
        needs=_competence_items(profile.needs.all()),
        contact_intermediary=profile.contact_intermediary if profile.visibility == Visibility.ANONYMOUS else None,
    )


def _profiles_base() -> QuerySet[AtlasProfile]:
    return AtlasProfile.objects.select_related(
        "organisation",
        "organisation__town",
        "organisation__town__nuts3",
        "organisation__town__nuts3__euregio",
        "organisation__euregio_override",
        "organisation__sector",
        "contact_intermediary",
    ).prefetch_related(
        Prefetch("offers", queryset=Competence.objects.order_by("code")),
        Prefetch("needs", queryset=Competence.objects.order_by("code")),
    )


def visible_profiles(*, user) -> QuerySet[AtlasProfile]:
    """The atlas profiles this viewer may find in lists (search, map, recommendations).

    Public and anonymous profiles for everyone; registered-only profiles for signed-in people; a
    member's own organisation always. Anonymous profiles are in the result: render them only through
    `card_for(profile, user=user)` / `cards_for(...)`, which hide the identity.
    """
    qs = _profiles_base()
    if getattr(user, "is_authenticated", False):
        return qs
    return qs.filter(visibility__in=[Visibility.PUBLIC, Visibility.ANONYMOUS])


def cards_for(profiles, *, user) -> list[ProfileCard]:
    """Cards for profiles taken from `visible_profiles(user=...)`, redacted for this viewer."""
    own_ids = _viewer_org_ids(user)
    return [make_card(p, own=p.organisation_id in own_ids) for p in profiles]


def card_for(profile: AtlasProfile, *, user) -> ProfileCard:
    return cards_for([profile], user=user)[0]


def profile_for_viewer(*, slug: str, user) -> ProfileCard:
    """One profile as this viewer may see it, by the reference used in atlas:detail; else Http404.

    `slug` is the organisation's slug for public and registered profiles (and for members viewing
    their own anonymous profile), or the opaque ``anon-…`` reference of an anonymous profile. An
    anonymous profile is NOT reachable by its slug for others: that would confirm who it is.
    """
    own_ids = _viewer_org_ids(user)
    org_id = organisation_id_from_reference(slug)
    qs = visible_profiles(user=user)
    if org_id is not None:
        profile = qs.filter(organisation_id=org_id, visibility=Visibility.ANONYMOUS).first()
    else:
        profile = qs.filter(organisation__slug=slug).first()
        if (
            profile is not None
            and profile.visibility == Visibility.ANONYMOUS
            and profile.organisation_id not in own_ids
        ):
            profile = None
    if profile is None:
        raise Http404
    return make_card(profile, own=profile.organisation_id in own_ids)


def organisation_card(*, organisation_id: int, user) -> ProfileCard | None:
    """The card of an organisation by id, or None when the viewer may not see it (or it has no profile)."""
    profile = visible_profiles(user=user).filter(organisation_id=organisation_id).first()
    return card_for(profile, user=user) if profile is not None else None


# --- map points ----------------------------------------------------------------------------------


def region_centroids(region_codes) -> dict[str, tuple[float, float]]:
    """The mean position of the known towns of each NUTS-3 region: where anonymous profiles appear."""
    rows = (
        Town.objects.filter(nuts3_id__in=set(region_codes))
        .values("nuts3_id")
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"))
    )
    return {r["nuts3_id"]: (round(r["lat"], 3), round(r["lon"], 3)) for r in rows}


# --- search --------------------------------------------------------------------------------------


class Direction:
    OFFERED = "offered"
    NEEDED = "needed"
    EITHER = "either"


@dataclass(frozen=True)
class AtlasFilters:
    """A search of the atlas; values are already validated (see forms_atlas.AtlasSearchForm)."""

    q: str = ""
    competence: str = ""  # a taxonomy code
    direction: str = Direction.EITHER  # of the competence and of the text's competences
    kind: str = ""
    country: str = ""
    region: str = ""  # a NUTS code of any level
    euregio: str = ""  # slug
    size_class: str = ""
    follower_group: str = ""


@dataclass(frozen=True)
class AtlasSearch:
    profiles: QuerySet[AtlasProfile]
    matched_codes: frozenset[str]  # the competences the search is about: highlighted in the results
    text_codes: tuple[str, ...]  # what the search text resolved to


def _with_competences(codes, direction: str) -> Q:
    offered = Q(pk__in=AtlasProfile.offers.through.objects.filter(competence_id__in=codes).values("atlasprofile_id"))
    needed = Q(pk__in=AtlasProfile.needs.through.objects.filter(competence_id__in=codes).values("atlasprofile_id"))
    if direction == Direction.OFFERED:
        return offered
    if direction == Direction.NEEDED:
        return needed
    return offered | needed


def atlas_search(*, filters: AtlasFilters, user) -> AtlasSearch:
    """The profiles this viewer may see that match the search, anonymous ones last.

    The text matches the taxonomy (labels and synonyms of all three languages, so "Sensorik",
    "sensoren" and "sensors" mean the same entry), the profile's description, and the names of
    organisations that are not anonymous (matching an anonymous profile by its name would tell who
    it is).
    """
    from borderless.quickscan.models import Assessment

    from .taxonomy import SHORT_TERM, competences_for_text, fold

    qs = visible_profiles(user=user)
    text_codes: list[str] = []
    q = filters.q.strip()
    if q:
        text_codes = competences_for_text(q)
        folded = fold(q)
        if 0 < len(folded) <= SHORT_TERM:
            # "AI" must not find "Mail Flow": short words match whole words only. The pattern is
            # understood alike by SQLite (Python's re) and PostgreSQL; `folded` is [a-z0-9 ] only.
            pattern = rf"(^|[^a-z0-9]){folded}($|[^a-z0-9])"
            in_description, in_name = Q(description__iregex=pattern), Q(organisation__name__iregex=pattern)
        else:
            in_description, in_name = Q(description__icontains=q), Q(organisation__name__icontains=q)
        by_text = in_description | (in_name & ~Q(visibility=Visibility.ANONYMOUS))
        if text_codes:
            by_text |= _with_competences(text_codes, filters.direction)
        qs = qs.filter(by_text)
    if filters.competence:
        qs = qs.filter(_with_competences([filters.competence], filters.direction))
    if filters.kind:
        qs = qs.filter(organisation__kind=filters.kind)
    if filters.country:
        qs = qs.filter(organisation__town__country=filters.country)
    if filters.region:
        qs = qs.filter(organisation__town__nuts3__code__startswith=filters.region)
    if filters.euregio:
        qs = qs.filter(
            Q(organisation__euregio_override__slug=filters.euregio)
            | Q(organisation__euregio_override__isnull=True, organisation__town__nuts3__euregio__slug=filters.euregio)
        )
    if filters.size_class:
        qs = qs.filter(organisation__size_class=filters.size_class)
    if filters.follower_group:
        # Only firms that agreed to be found by their quickscan result.
        latest = Assessment.objects.filter(is_latest=True, follower_group=filters.follower_group)
        qs = qs.filter(show_follower_group=True, organisation_id__in=latest.values("organisation_id"))
    # Anonymous profiles are not sorted by their hidden names (the order would hint at them).
    qs = qs.annotate(
        is_anonymous=Case(When(visibility=Visibility.ANONYMOUS, then=Value(1)), default=Value(0))
    ).order_by("is_anonymous", "organisation__name", "organisation__town__nuts3__name", "organisation_id")
    matched = set(text_codes)
    if filters.competence:
        matched.add(filters.competence)
    return AtlasSearch(profiles=qs, matched_codes=frozenset(matched), text_codes=tuple(text_codes))


MAP_POINT_LIMIT = 5000


def map_points(*, profiles: QuerySet[AtlasProfile], user, limit: int = MAP_POINT_LIMIT) -> dict:
    """Points for the map of a search: a named profile at its town, an anonymous one at the centre of
    its NUTS-3 region (the mean of the region's known towns), labelled with kind and region only.
    """
    from django.urls import reverse

    own_ids = _viewer_org_ids(user)
    rows = list(
        profiles.values(
            "organisation_id",
            "visibility",
            "organisation__name",
            "organisation__slug",
            "organisation__kind",
            "organisation__town__country",
            "organisation__town__latitude",
            "organisation__town__longitude",
            "organisation__town__nuts3_id",
            "organisation__town__nuts3__name",
        )[: limit + 1]
    )
    truncated = len(rows) > limit
    rows = rows[:limit]
    anonymous_regions = {
        r["organisation__town__nuts3_id"]
        for r in rows
        if r["visibility"] == Visibility.ANONYMOUS and r["organisation_id"] not in own_ids
    }
    centroids = region_centroids(anonymous_regions) if anonymous_regions else {}
    points = []
    for r in rows:
        kind_label = str(OrganisationKind(r["organisation__kind"]).label)
        if r["visibility"] == Visibility.ANONYMOUS and r["organisation_id"] not in own_ids:
            lat, lon = centroids[r["organisation__town__nuts3_id"]]
            label = gettext("%(kind)s in %(region)s (%(country)s)") % {
                "kind": kind_label,
                "region": r["organisation__town__nuts3__name"],
                "country": r["organisation__town__country"],
            }
            ref = anonymous_reference(r["organisation_id"])
            anonymous = True
        else:
            lat, lon = r["organisation__town__latitude"], r["organisation__town__longitude"]
            label = r["organisation__name"]
            ref = r["organisation__slug"]
            anonymous = False
        points.append(
            {
                "lat": round(lat, 4),
                "lon": round(lon, 4),
                "label": label,
                "kind": kind_label,
                "anonymous": anonymous,
                "url": reverse("atlas:detail", args=[ref]),
            }
        )
    return {"points": points, "truncated": truncated, "limit": limit}


__all__ = [
    "AtlasFilters",
    "AtlasSearch",
    "CompetenceItem",
    "ProfileCard",
    "anonymous_reference",
    "atlas_search",
    "card_for",
    "cards_for",
    "make_card",
    "map_points",
    "organisation_card",
    "organisation_id_from_reference",
    "profile_for_viewer",
    "region_centroids",
    "visible_profiles",
]
