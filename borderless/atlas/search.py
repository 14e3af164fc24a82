"""Reads of the atlas: the search (list and map) over what each viewer may see.

The named results come from SQL, sorted by name; the anonymous ones follow in the order of their
random references, kept only where what their card shows now (`selectors_anonymity`) passes the
filters. Cards come from `selectors_atlas`, the one place that decides what a viewer may see.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from borderless.core import anonymity
from borderless.core.anonymity import Shown
from borderless.organisations.models import NutsRegion, OrganisationKind

from .anonymity import (
    SECTOR_PREFIX,
    descriptions_for,
    hides_competence,
    qi_from_values,
    region_centroids,
    shown_for,
)
from .models import AtlasProfile, Visibility
from .selectors import ProfileCard, cards_for, profiles_base, viewer_org_ids, visible_profiles

# --- filters -------------------------------------------------------------------------------------


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


class AtlasResults(Sequence[ProfileCard]):
    """The search's results as cards, for a Paginator: the named profiles (sorted in SQL by name), then
    the anonymous ones whose shown values pass the filters (sorted by their random reference)."""

    def __init__(self, *, named: QuerySet[AtlasProfile], anonymous: list[tuple[int, int, Shown]], org_ids: set[int]):
        self.named = named
        self.anonymous = anonymous  # (profile pk, organisation id, what its card shows)
        self.org_ids = org_ids
        self._named_count: int | None = None

    @property
    def named_count(self) -> int:
        if self._named_count is None:
            self._named_count = self.named.count()
        return self._named_count

    def __len__(self) -> int:
        return self.named_count + len(self.anonymous)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            cards = self[index : index + 1] if index >= 0 else self[len(self) + index : len(self) + index + 1]
            if not cards:
                raise IndexError(index)
            return cards[0]
        start, stop, _step = index.indices(len(self))
        cards: list[ProfileCard] = []
        if start < self.named_count:
            cards += cards_for(self.named[start : min(stop, self.named_count)], org_ids=self.org_ids)
        first, last = max(0, start - self.named_count), max(0, stop - self.named_count)
        chosen = self.anonymous[first:last]
        if chosen:
            profiles = {p.pk: p for p in profiles_base().filter(pk__in=[pk for pk, _org, _shown in chosen])}
            shown = {org: s for _pk, org, s in chosen}
            cards += cards_for([profiles[pk] for pk, _org, _s in chosen if pk in profiles], org_ids=self.org_ids,
                               shown=shown)  # fmt: skip
        return cards


@dataclass(frozen=True)
class AtlasSearch:
    results: AtlasResults
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


_QUASI_IDENTIFIER_FIELDS = (
    "pk",
    "organisation_id",
    "organisation__kind",
    "organisation__town__nuts3_id",
    "organisation__size_class",
    "organisation__sector_id",
    "organisation__sector__section",
    "organisation__country",
)


def _shown_filter(filters: AtlasFilters) -> anonymity.Filter:
    euregio_regions = None
    if filters.euregio:
        euregio_regions = frozenset(
            NutsRegion.objects.filter(level=3, euregio__slug=filters.euregio).values_list("code", flat=True)
        )
    return anonymity.Filter(
        kind=filters.kind,
        country=filters.country,
        region=filters.region,
        euregio_regions=euregio_regions,
        size_class=filters.size_class,
    )


@dataclass(frozen=True)
class _ByCompetence:
    """How the search matched competences, to check them again against what anonymous cards show."""

    competence: str
    text_codes: tuple[str, ...]
    direction: str
    in_description: Q | None  # the text's match in the description, when there is a text


def _codes_by_profile(pks: list[int]) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    offers: dict[int, set[str]] = {}
    needs: dict[int, set[str]] = {}
    for through, codes in ((AtlasProfile.offers.through, offers), (AtlasProfile.needs.through, needs)):
        for pk, code in through.objects.filter(atlasprofile_id__in=pks).values_list("atlasprofile_id", "competence_id"):
            codes.setdefault(pk, set()).add(code)
    return offers, needs


def _competences_pass(qs, rows, shown, by: _ByCompetence) -> set[int]:
    """The anonymous profiles that match the competence filter and the text on what their cards show.

    Only sector entries can be hidden from a card (`hides_competence`), so this costs queries only when
    the search is about a sector.
    """
    pks = [pk for pk, *_rest in rows]
    codes = [by.competence, *by.text_codes]
    if not any(code.startswith(SECTOR_PREFIX) for code in codes if code):
        return set(pks)
    offers, needs = _codes_by_profile(pks)
    in_text = set(qs.filter(by.in_description).values_list("pk", flat=True)) if by.in_description is not None else set()
    passing = set()
    for pk, org, _kind, _nuts3, _size, division, _section, _country in rows:

        def visible(found: dict[int, set[str]], pk=pk, org=org, division=division) -> set[str]:
            return {c for c in found.get(pk, ()) if not hides_competence(c, division=division or "", shown=shown[org])}

        mine = set()
        if by.direction in (Direction.OFFERED, Direction.EITHER):
            mine |= visible(offers)
        if by.direction in (Direction.NEEDED, Direction.EITHER):
            mine |= visible(needs)
        if by.competence and by.competence not in mine:
            continue
        if by.in_description is not None and pk not in in_text and not (set(by.text_codes) & mine):
            continue
        passing.add(pk)
    return passing


def _anonymous_results(
    qs: QuerySet[AtlasProfile], filters: AtlasFilters, by: _ByCompetence
) -> list[tuple[int, int, Shown]]:
    """The anonymous profiles among the SQL results whose cards, as shown now, pass the filters.

    The SQL filters work on the true attributes, so they find a superset; a card that shows less than
    a filter asks about (NUTS-2 for a NUTS-3 filter, "SME" for "small", a sector entry it leaves out)
    must not be found by it.
    """
    rows = list(qs.order_by("public_reference").values_list(*_QUASI_IDENTIFIER_FIELDS))
    if not rows:
        return []
    shown = shown_for(
        {org: qi_from_values(kind=kind, nuts3=nuts3, size_class=size, division=division, section=section,
                             country=country)
         for _pk, org, kind, nuts3, size, division, section, country in rows}
    )  # fmt: skip
    wanted = _shown_filter(filters)
    rows = [row for row in rows if shown[row[1]] is not None and anonymity.passes(shown[row[1]], wanted)]
    if rows and (by.competence or by.text_codes):
        passing = _competences_pass(qs, rows, shown, by)
        rows = [row for row in rows if row[0] in passing]
    return [(pk, org, shown[org]) for pk, org, *_rest in rows]


def atlas_search(*, filters: AtlasFilters, user) -> AtlasSearch:
    """The profiles this viewer may see that match the search, anonymous ones last.

    The text matches the taxonomy (labels and synonyms of all three languages, so "Sensorik",
    "sensoren" and "sensors" mean the same entry), the profile's description, and the names of
    organisations that are not anonymous (matching an anonymous profile by its name would tell who
    it is). Anonymous results come after the named ones, in the order of their random references,
    which says nothing about the firms; they are kept only where what their card shows passes the
    filters.
    """
    from borderless.quickscan.models import Assessment

    from .taxonomy import SHORT_TERM, competences_for_text, fold

    org_ids = viewer_org_ids(user)
    qs = visible_profiles(user=user)
    text_codes: list[str] = []
    in_description = None
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
        qs = qs.filter(organisation__country=filters.country)
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
        # Only firms that agreed to be found by their quickscan result, and never an anonymous one: its
        # quickscan result is not part of its card.
        latest = Assessment.objects.filter(is_latest=True, follower_group=filters.follower_group)
        qs = qs.filter(show_follower_group=True, organisation_id__in=latest.values("organisation_id")).exclude(
            visibility=Visibility.ANONYMOUS
        )
    hidden = (
        Q(visibility=Visibility.ANONYMOUS) & ~Q(organisation_id__in=org_ids) & ~Q(contact_intermediary_id__in=org_ids)
    )
    named = qs.exclude(hidden).order_by("organisation__name", "organisation__town__nuts3__name", "organisation_id")
    by = _ByCompetence(filters.competence, tuple(text_codes), filters.direction, in_description)
    anonymous = _anonymous_results(qs.filter(hidden), filters, by)
    matched = set(text_codes)
    if filters.competence:
        matched.add(filters.competence)
    return AtlasSearch(
        results=AtlasResults(named=named, anonymous=anonymous, org_ids=org_ids),
        matched_codes=frozenset(matched),
        text_codes=tuple(text_codes),
    )


MAP_POINT_LIMIT = 5000


def map_points(*, search: AtlasSearch, user, limit: int = MAP_POINT_LIMIT) -> dict:
    """Points for the map of a search: a named profile at its town, an anonymous one at the centre of
    the region its card shows (the mean of that region's known towns), labelled as its card is; an
    organisation whose place is not known, and an anonymous card that shows no region, have no point
    (the list shows them).
    """
    from django.urls import reverse

    results = search.results
    rows = list(
        results.named.filter(organisation__town__isnull=False).values(
            "organisation__name",
            "organisation__slug",
            "organisation__kind",
            "organisation__town__latitude",
            "organisation__town__longitude",
        )[: limit + 1]
    )
    points = [
        {
            "lat": round(r["organisation__town__latitude"], 4),
            "lon": round(r["organisation__town__longitude"], 4),
            "label": r["organisation__name"],
            "kind": str(OrganisationKind(r["organisation__kind"]).label),
            "anonymous": False,
            "url": reverse("atlas:detail", args=[r["organisation__slug"]]),
        }
        for r in rows[:limit]
    ]
    room = limit - len(points)
    placed = [(pk, org, shown) for pk, org, shown in results.anonymous if shown.region_level and shown.region]
    placed = placed[: max(0, room) + 1]
    truncated = len(rows) > limit or len(placed) > room
    placed = placed[: max(0, room)]
    if placed:
        centroids = region_centroids({shown.region for _pk, _org, shown in placed})
        profiles = (
            AtlasProfile.objects.filter(pk__in=[pk for pk, _org, _shown in placed])
            .select_related("organisation", "organisation__town", "organisation__sector")
            .in_bulk()
        )
        descriptions = descriptions_for(
            [profiles[pk].organisation for pk, _org, _shown in placed], shown={org: s for _pk, org, s in placed}
        )
        for pk, org, shown in placed:
            if shown.region not in centroids:
                continue
            lat, lon = centroids[shown.region]
            description = descriptions[org]
            points.append(
                {
                    "lat": lat,
                    "lon": lon,
                    "label": description.name,
                    "kind": description.kind_label,
                    "anonymous": True,
                    "url": reverse("atlas:detail", args=[profiles[pk].public_reference]),
                }
            )
    return {"points": points, "truncated": truncated, "limit": limit}


__all__ = [
    "AtlasFilters",
    "AtlasResults",
    "AtlasSearch",
    "Direction",
    "atlas_search",
    "map_points",
]
