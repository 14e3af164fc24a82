"""Reads of the atlas: search, and what a viewer may see of a profile.

This module is the ONE place that decides what a viewer may see of an organisation's atlas profile.
Every view, API endpoint or e-mail that shows a profile goes through `visible_profiles` (lists) or
`profile_for_viewer` (one profile) and shows only what the returned `ProfileCard` carries.

The rules, from the visibility the organisation chose:

- only organisations with an `AtlasProfile` are in the atlas at all;
- ``public``: everyone sees the profile, with the organisation's name, town and website;
- ``registered``: only signed-in people see it; anonymous visitors do not learn that it exists;
- ``anonymous``: everyone sees the competences, but never the name, website, contact details or town;
  kind, region, size and sector only as far as at least five organisations share them
  (`selectors_anonymity`, counted when the card is shown), so that no directory or search filtered
  by what the card shows can single the firm out. The page is addressed by the profile's random
  `public_reference` instead of the slug (which would give the name away) and contact goes through
  the profile's intermediary;
- members of the organisation, and of the intermediary that answers for an anonymous one, see the
  profile in full;
- contact details (e-mail, phone) are NEVER part of a card: they are revealed only by an accepted
  contact request, which the contacts part of the atlas decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from borderless.core import anonymity
from borderless.core.anonymity import Shown
from borderless.organisations.models import Organisation, OrganisationKind

from .anonymity import Description, descriptions_for, hides_competence
from .models import ANONYMOUS_PREFIX, AtlasProfile, Competence, CompetenceGroup, Visibility
from .taxonomy import fold

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
    profiles: for those, every field holds only what the k-anonymous description allows, and is
    empty where it shows nothing.
    """

    organisation: Organisation
    profile: AtlasProfile
    reference: str  # the slug, or the random reference of an anonymous profile: use for atlas:detail
    anonymous: bool  # shown without identity to this viewer
    own: bool  # the viewer is a member of the organisation
    name: str  # the organisation's name, or e.g. "Company in Borken (DE)"
    kind: str
    kind_label: str
    country: str
    country_label: str
    place: str  # the town, or the name of the region shown when anonymous; "place unknown" if not known
    region_code: str  # NUTS-3; for an anonymous profile the region at the level shown; "" if not known
    region_name: str
    # 3 (NUTS-3) when named (0 when its place is unknown); for an anonymous profile the level shown, or None
    region_level: int | None
    euregio: str
    size_class: str  # the size class; "sme" or "" for an anonymous profile that shows no more
    size_label: str
    sector_code: str  # NACE division; the section or "" for an anonymous profile that shows no more
    sector_label: str
    website: str  # empty when anonymous
    description: str
    cooperation_kinds: list[str]
    visibility: str
    show_projects: bool
    offers: list[CompetenceItem] = field(default_factory=list)
    needs: list[CompetenceItem] = field(default_factory=list)
    contact_intermediary: Organisation | None = None  # who receives requests for an anonymous profile
    answers_for: bool = False  # the viewer's organisation is the intermediary of this anonymous profile
    shown: Shown | None = None  # for an anonymous card: what the k-anonymous description shows

    @property
    def organisation_id(self) -> int:
        return self.organisation.pk

    @property
    def facts(self) -> list[str]:
        """Kind, place and sector for a list entry, leaving out what the card does not show."""
        place = ", ".join(part for part in (self.place, self.country_label) if part)
        return [part for part in (self.kind_label, place, self.sector_label) if part]


def viewer_org_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def _competence_items(competences) -> list[CompetenceItem]:
    items = [CompetenceItem(c.code, c.label, c.group, c.cluster) for c in competences]
    order = {g: i for i, g in enumerate(CompetenceGroup.values)}
    return sorted(items, key=lambda c: (order.get(c.group, 9), c.cluster, fold(c.label)))


def _is_anonymous_to(profile: AtlasProfile, org_ids: set[int]) -> bool:
    """Anonymous to this viewer: neither a member of the organisation nor of the intermediary answering for it."""
    return (
        profile.visibility == Visibility.ANONYMOUS
        and profile.organisation_id not in org_ids
        and profile.contact_intermediary_id not in org_ids
    )


def make_card(
    profile: AtlasProfile, *, own: bool, answers_for: bool = False, description: Description | None = None
) -> ProfileCard:
    """The card of a profile (with `organisation` and its geography selected). No access check here.

    A profile that is anonymous to the viewer (not `own`, not `answers_for`) needs its `description`.
    """
    org = profile.organisation
    is_anonymous = profile.visibility == Visibility.ANONYMOUS
    reference = profile.public_reference if is_anonymous else org.slug
    intermediary = profile.contact_intermediary if is_anonymous else None
    common = {
        "organisation": org,
        "profile": profile,
        "reference": reference,
        "own": own,
        "description": profile.description,
        "cooperation_kinds": list(profile.cooperation_kinds or []),
        "visibility": profile.visibility,
        "offers": _competence_items(profile.offers.all()),
        "needs": _competence_items(profile.needs.all()),
        "contact_intermediary": intermediary,
        "answers_for": answers_for,
    }
    if is_anonymous and not (own or answers_for):
        if description is None:
            raise ValueError("an anonymous card needs its description")

        def shows(item: CompetenceItem) -> bool:
            return not hides_competence(item.code, division=org.sector_id or "", shown=description.shown)

        common["offers"] = [c for c in common["offers"] if shows(c)]
        common["needs"] = [c for c in common["needs"] if shows(c)]
        return ProfileCard(
            anonymous=True,
            name=description.name,
            kind=description.kind,
            kind_label=description.kind_label,
            country=description.country,
            country_label=description.country_label,
            # A region shown but not known: the organisation's place is unknown.
            place=description.region_name or (_("place unknown") if description.region_level else ""),
            region_code=description.region_code,
            region_name=description.region_name,
            region_level=description.region_level,
            euregio=description.euregio,
            size_class=description.size_class,
            size_label=description.size_label,
            sector_code=description.sector_code,
            sector_label=description.sector_label,
            website="",
            show_projects=False,
            shown=description.shown,
            **common,
        )
    region = org.nuts3
    euregio = org.euregio
    return ProfileCard(
        anonymous=False,
        name=org.name,
        kind=org.kind,
        kind_label=str(OrganisationKind(org.kind).label),
        country=org.country,
        country_label=str(org.get_country_display()),
        place=org.place_name,
        region_code=region.code if region is not None else "",
        region_name=region.name if region is not None else "",
        region_level=anonymity.NUTS3 if region is not None else anonymity.COUNTRY,
        euregio=euregio.display_name if euregio else "",
        size_class=org.size_class,
        size_label=str(org.get_size_class_display()),
        sector_code=org.sector_id or "",
        sector_label=org.sector.label if org.sector_id else "",
        website=org.website,
        show_projects=profile.show_projects,
        **common,
    )


def profiles_base() -> QuerySet[AtlasProfile]:
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
    `cards_for(...)`, which hides the identity and leaves out a card too few organisations would share.
    """
    qs = profiles_base()
    if getattr(user, "is_authenticated", False):
        return qs
    return qs.filter(visibility__in=[Visibility.PUBLIC, Visibility.ANONYMOUS])


def cards_for(
    profiles: Iterable[AtlasProfile],
    *,
    user=None,
    org_ids: set[int] | None = None,
    shown: Mapping[int, Shown | None] | None = None,
) -> list[ProfileCard]:
    """Cards for profiles taken from `visible_profiles(user=...)`, redacted for this viewer.

    An anonymous profile whose coarsest description would still be shared by fewer than five
    organisations gets no card. `shown` (organisation id -> what its card shows) may carry what the
    caller already worked out, so that it is counted once.
    """
    if org_ids is None:
        org_ids = viewer_org_ids(user)
    profiles = list(profiles)
    hidden = [p.organisation for p in profiles if _is_anonymous_to(p, org_ids)]
    descriptions = descriptions_for(hidden, shown=shown) if hidden else {}
    cards = []
    for p in profiles:
        description = descriptions.get(p.organisation_id)
        if description is not None and not description.visible:
            continue
        answers_for = p.visibility == Visibility.ANONYMOUS and p.contact_intermediary_id in org_ids
        cards.append(make_card(p, own=p.organisation_id in org_ids, answers_for=answers_for, description=description))
    return cards


def card_for(profile: AtlasProfile, *, user) -> ProfileCard | None:
    cards = cards_for([profile], user=user)
    return cards[0] if cards else None


def profile_for_viewer(*, slug: str, user) -> ProfileCard:
    """One profile as this viewer may see it, by the reference used in atlas:detail; else Http404.

    `slug` is the organisation's slug for public and registered profiles (and for members of an
    anonymous organisation or of its intermediary), or the ``anon-…`` reference of an anonymous
    profile. An anonymous profile is NOT reachable by its slug for others: that would confirm who it
    is; nor at all while too few organisations share even its coarsest description.
    """
    org_ids = viewer_org_ids(user)
    qs = visible_profiles(user=user)
    if slug.startswith(ANONYMOUS_PREFIX):
        profile = qs.filter(public_reference=slug, visibility=Visibility.ANONYMOUS).first()
    else:
        profile = qs.filter(organisation__slug=slug).first()
        if profile is not None and _is_anonymous_to(profile, org_ids):
            profile = None
    cards = cards_for([profile], org_ids=org_ids) if profile is not None else []
    if not cards:
        raise Http404
    return cards[0]


def organisation_card(*, organisation_id: int, user) -> ProfileCard | None:
    """The card of an organisation by id, or None when the viewer may not see it (or it has no profile)."""
    profile = visible_profiles(user=user).filter(organisation_id=organisation_id).first()
    return card_for(profile, user=user) if profile is not None else None


__all__ = [
    "CompetenceItem",
    "ProfileCard",
    "card_for",
    "cards_for",
    "make_card",
    "organisation_card",
    "profile_for_viewer",
    "visible_profiles",
]


def projects_of(*, organisation: Organisation) -> list:
    """The projects (the network's) an organisation took part in, newest first."""
    rows = organisation.participations.select_related("project").order_by(
        "-project__start_year", "-project__start_date", "project__title"
    )
    return [row.project for row in rows]
