"""Partner matching in the app: the core `MatchIndex` built from the database and kept fresh.

Building. `profiles_from_db` turns every atlas profile into a core `Profile` with five bulk queries
(profiles with their organisation's kind, size, sector and town coordinates; offers; needs; the
follower groups of the latest quickscans; project participation), never one query per row. Only
organisations with an atlas profile and a known town are candidates (distance is part of the score).
The follower group is the latest quickscan's, else the imported one; an organisation has cooperated
when it took part in a project (partners known) or the import says so. Partners are taken only from projects of at most
`PROJECT_PARTNERS_LIMIT` participants: a programme-wide record with thousands of participants says
that they took part, not that they worked together. The same partners give the partners of
partners (the closure component): the core counts them from every profile's partners. Anonymous
organisations are placed at the centre of their NUTS-3 region; what is shown of their reasons is
reduced further to what their card shows (`selectors_matching`).

One index per process, built at the first request that needs it (550,000 profiles: about 6 s for the
core plus the time to read the rows) and then refreshed, never rebuilt, as profiles change:

- in this process, `profile_changed(organisation_id=…)` upserts one profile after its transaction
  commits. The profile service calls it; receivers of Django's model signals (at the end of this
  module, connected in `AtlasConfig.ready`) call it too, so that edits in the admin, a moved
  organisation, a new quickscan result or a new project participant are not missed. That is a
  deliberate exception to "no logic in signals": the receivers decide nothing, they only schedule
  the refresh and, when what changed lives outside the profile (organisation, quickscan, project,
  offers/needs set without a save), touch the profile's `updated_at`, which is what lets other
  processes see the change;
- across processes, a cheap check (the number of profiles and the newest `updated_at`, one indexed
  aggregate) runs at most every `ATLAS_MATCHING_CHECK_SECONDS` seconds (10 by default) and at once
  after a local change. When the signature differs, the profiles updated since the last check are
  upserted and, if the count still differs, deleted ones removed; more than `REBUILD_ABOVE`
  changes (a bulk import) rebuild the index. So every process converges within seconds.

The core index allows concurrent queries but not a change during a query; a lock serialises both
(a query takes a few milliseconds).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from borderless.atlas.anonymity import region_centroids
from borderless.atlas.models import AtlasProfile, Competence, Visibility
from borderless.atlas.signals import profiles_bulk_written
from borderless.core.i18n import Content
from borderless.core.matching import COMPONENTS, DEFAULT_WEIGHTS, MatchIndex, Profile, Weights
from borderless.core.matching.explain import SECTOR_PREFIX
from borderless.network.models import Participation
from borderless.network.signals import participations_bulk_written
from borderless.organisations.models import NaceDivision, Organisation, Town
from borderless.quickscan.models import Assessment

from .models import MatchingWeights

PROJECT_PARTNERS_LIMIT = 50
REBUILD_ABOVE = 5000
_PROFILE_FIELDS = (
    "organisation_id",
    "visibility",
    "imported_follower_group",
    "imported_cooperated",
    "organisation__kind",
    "organisation__size_class",
    "organisation__sector_id",
    "organisation__town__country",
    "organisation__town__latitude",
    "organisation__town__longitude",
    "organisation__town__nuts3_id",
)


# --- reading profiles in bulk ----------------------------------------------------------------------------


def _matched_profiles():
    """The atlas profiles the index holds: those of organisations whose town is known."""
    return AtlasProfile.objects.filter(organisation__town__isnull=False)


def _rows(qs, *, many: bool):
    """All rows at once for a few organisations; streamed in chunks for the whole population."""
    return qs.iterator(chunk_size=50_000) if many else qs


def _code_lists(through, profile_to_org: dict[int, int] | None, profile_ids=None) -> dict[int, list[str]]:
    """organisation id -> its codes in one relation (offers or needs), from the M2M table."""
    intern: dict[str, str] = {}
    result: dict[int, list[str]] = defaultdict(list)
    qs = through.objects.all()
    if profile_ids is not None:
        qs = qs.filter(atlasprofile_id__in=profile_ids)
    for profile_id, code in _rows(qs.values_list("atlasprofile_id", "competence_id"), many=profile_ids is None):
        org_id = profile_to_org.get(profile_id)
        if org_id is not None:
            result[org_id].append(intern.setdefault(code, code))
    return result


def _follower_groups(org_ids=None) -> dict[int, str]:
    qs = Assessment.objects.filter(is_latest=True, organisation__isnull=False).exclude(follower_group="")
    if org_ids is not None:
        qs = qs.filter(organisation_id__in=org_ids)
    return dict(qs.values_list("organisation_id", "follower_group"))


def _cooperation(org_ids=None) -> tuple[set[int], dict[int, set[int]]]:
    """Who took part in a project, and with whom (projects of at most PROJECT_PARTNERS_LIMIT participants,
    counting partners that are not organisations of the platform)."""
    qs = Participation.objects.all()
    if org_ids is not None:
        projects = Participation.objects.filter(organisation_id__in=org_ids).values("project_id")
        qs = qs.filter(project_id__in=projects)
    members: dict[int, list[int]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for project_id, org_id in _rows(qs.values_list("project_id", "organisation_id"), many=org_ids is None):
        sizes[project_id] += 1
        if org_id is not None:
            members[project_id].append(org_id)
    took_part: set[int] = set()
    partners: dict[int, set[int]] = defaultdict(set)
    for project_id, orgs in members.items():
        took_part.update(orgs)
        if sizes[project_id] <= PROJECT_PARTNERS_LIMIT:
            for org_id in orgs:
                partners[org_id].update(o for o in orgs if o != org_id)
    return took_part, partners


def _profile(row, offers, needs, groups, took_part, partners, centroids) -> Profile:
    org_id, visibility, imported_group, imported_cooperated, kind, size, sector, country, lat, lon, region = row
    if visibility == Visibility.ANONYMOUS:
        # A distance from a known town would give the town away: anonymous organisations are matched at
        # their NUTS-3 region's centre (and shown with the region their card allows, see selectors_matching).
        lat, lon = centroids.get(region, (lat, lon))
    return Profile(
        id=org_id,
        country=country,
        lat=lat,
        lon=lon,
        kind=kind,
        size_class=size or None,
        sector=sector or None,
        offers=frozenset(offers.get(org_id, ())),
        needs=frozenset(needs.get(org_id, ())),
        follower_group=groups.get(org_id) or imported_group or None,
        cooperated_with=frozenset(partners.get(org_id, ())),
        visibility=visibility,
        has_cooperated=imported_cooperated or org_id in took_part,
    )


def profiles_from_db(*, organisation_ids: Iterable[int] | None = None) -> Iterator[Profile]:
    """The core profiles of all atlas profiles (or of the given organisations), read with bulk queries."""
    ids = None if organisation_ids is None else list(organisation_ids)
    qs = _matched_profiles()
    if ids is not None:
        qs = qs.filter(organisation_id__in=ids)
    profile_to_org = dict(_rows(qs.values_list("pk", "organisation_id"), many=ids is None))
    profile_ids = None if ids is None else list(profile_to_org)
    offers = _code_lists(AtlasProfile.offers.through, profile_to_org, profile_ids)
    needs = _code_lists(AtlasProfile.needs.through, profile_to_org, profile_ids)
    groups = _follower_groups(ids)
    took_part, partners = _cooperation(ids)
    centroids = region_centroids(Town.objects.values_list("nuts3_id", flat=True).distinct())
    for row in _rows(qs.values_list(*_PROFILE_FIELDS), many=ids is None):
        yield _profile(row, offers, needs, groups, took_part, partners, centroids)


def requester_profile(*, organisation: Organisation) -> Profile:
    """The organisation as the matcher sees it, also when it has no atlas profile (nothing offered or needed)."""
    found = next(profiles_from_db(organisation_ids=[organisation.pk]), None)
    town = organisation.town
    if found is not None:  # its own position, even when others see it only at its region's centre
        return replace(found, lat=town.latitude, lon=town.longitude)
    if town is not None:
        lat, lon = town.latitude, town.longitude
    else:  # its place is not known: the centre of its country, so distances are rough
        lat, lon = region_centroids([organisation.country])[organisation.country]
    took_part, partners = _cooperation([organisation.pk])
    return Profile(
        id=organisation.pk,
        country=organisation.country,
        lat=lat,
        lon=lon,
        kind=organisation.kind,
        size_class=organisation.size_class or None,
        sector=organisation.sector_id or None,
        follower_group=_follower_groups([organisation.pk]).get(organisation.pk),
        cooperated_with=frozenset(partners.get(organisation.pk, ())),
        has_cooperated=organisation.pk in took_part,
    )


# --- weights and labels ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightsInfo:
    weights: Weights
    updated_at: datetime | None  # None: the defaults, never changed by staff


def matching_weights() -> WeightsInfo:
    """The staff's weights (the one MatchingWeights row), or the core's defaults."""
    row = MatchingWeights.objects.order_by("pk").first()
    if row is None:
        return WeightsInfo(DEFAULT_WEIGHTS, None)
    try:
        weights = Weights(**{name: getattr(row, name) for name in COMPONENTS})
    except ValueError:  # all zero or negative: the admin's validation should prevent it; fall back safely
        return WeightsInfo(DEFAULT_WEIGHTS, None)
    return WeightsInfo(weights, row.updated_at)


def competence_labels() -> dict[str, Content]:
    """code -> label in the three languages, for the explanations; sectors also by their NACE division."""
    labels = {
        f"{SECTOR_PREFIX}{code}": Content(en, de, nl)
        for code, en, de, nl in NaceDivision.objects.values_list("code", "label_en", "label_de", "label_nl")
    }
    for code, en, de, nl in Competence.objects.values_list("code", "label_en", "label_de", "label_nl"):
        if en or code not in labels:
            labels[code] = Content(en or code, de or en or code, nl or en or code)
    return labels


# --- the per-process index -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexInfo:
    profiles: int
    built_at: datetime
    refreshed_at: datetime


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.index: MatchIndex | None = None
        self.signature: tuple[int, datetime | None] | None = None
        self.built_at: datetime | None = None
        self.refreshed_at: datetime | None = None
        self.checked_at = 0.0  # time.monotonic() of the last signature check
        self.dirty = False  # a change in this process: check before the next query


_state = _State()


def _signature() -> tuple[int, datetime | None]:
    row = _matched_profiles().aggregate(n=Count("pk"), latest=Max("updated_at"))
    return row["n"], row["latest"]


def _build() -> None:
    signature = _signature()
    _state.index = MatchIndex.build(profiles_from_db())
    _state.signature = signature
    _state.built_at = _state.refreshed_at = timezone.now()


def _refresh(organisation_ids: Iterable[int]) -> None:
    """Upsert the given organisations' profiles; remove those that no longer have one."""
    index = _state.index
    ids = set(organisation_ids)
    for profile in profiles_from_db(organisation_ids=ids):
        index.upsert(profile)
        ids.discard(profile.id)
    for org_id in ids:
        if org_id in index:
            index.remove(org_id)
    _state.refreshed_at = timezone.now()


def _sync() -> None:
    """Bring the index up to the database's state (see the module docstring)."""
    signature = _signature()
    if _state.index is None:
        _build()
        return
    if signature == _state.signature:
        return
    count = signature[0]
    previous_latest = _state.signature[1] if _state.signature else None
    changed = _matched_profiles()
    if previous_latest is not None:
        changed = changed.filter(updated_at__gte=previous_latest)
    changed_ids = list(changed.values_list("organisation_id", flat=True)[: REBUILD_ABOVE + 1])
    if len(changed_ids) > REBUILD_ABOVE:
        _build()
        return
    _refresh(changed_ids)
    if len(_state.index) != count:
        present = set(_matched_profiles().values_list("organisation_id", flat=True))
        known = set(_state.index.ids())
        if len(present ^ known) > REBUILD_ABOVE:
            _build()
            return
        _refresh(present ^ known)
    _state.signature = signature


def _current() -> MatchIndex:
    """The index, checked against the database when due; call with the lock held."""
    every = getattr(settings, "ATLAS_MATCHING_CHECK_SECONDS", 10)
    now = time.monotonic()
    if _state.index is None or _state.dirty or now - _state.checked_at >= every:
        _state.dirty = False
        _sync()
        _state.checked_at = now
    return _state.index


def index_info() -> IndexInfo:
    with _state.lock:
        index = _current()
        return IndexInfo(profiles=len(index), built_at=_state.built_at, refreshed_at=_state.refreshed_at)


def index_recommend(requester: Profile, **options):
    """`MatchIndex.recommend` on the current index (see the core for the options), with its size."""
    with _state.lock:
        index = _current()
        return index.recommend(requester, **options), len(index)


def index_stale() -> None:
    """Make the next query check the database first (after writes that send no signals, e.g. a bulk import)."""
    _state.dirty = True


def index_reset() -> None:
    """Forget the index; the next query builds it again."""
    with _state.lock:
        _state.index = None
        _state.signature = None


def profile_changed(*, organisation_id: int) -> None:
    """Refresh one organisation's profile in this process's index once the current transaction commits."""
    _state.dirty = True

    def refresh() -> None:
        with _state.lock:
            if _state.index is not None:
                _refresh([organisation_id])

    transaction.on_commit(refresh)


# --- receivers: edits made anywhere (admin, shell, other services) reach the index ---------------------


def _touch(organisation_ids: Iterable[int]) -> None:
    ids = [i for i in organisation_ids if i is not None]
    if ids:
        AtlasProfile.objects.filter(organisation_id__in=ids).update(updated_at=timezone.now())
        for org_id in ids:
            profile_changed(organisation_id=org_id)


@receiver(profiles_bulk_written, dispatch_uid="matching.profiles_bulk_written")
@receiver(participations_bulk_written, dispatch_uid="matching.participations_bulk_written")
def _on_bulk_write(sender, **kwargs) -> None:
    index_stale()


@receiver(post_save, sender=AtlasProfile, dispatch_uid="atlas.matching.profile_saved")
@receiver(post_delete, sender=AtlasProfile, dispatch_uid="atlas.matching.profile_deleted")
def _on_profile(sender, instance: AtlasProfile, **kwargs) -> None:
    if kwargs.get("raw"):  # loading a fixture
        return
    profile_changed(organisation_id=instance.organisation_id)


@receiver(m2m_changed, sender=AtlasProfile.offers.through, dispatch_uid="atlas.matching.offers_changed")
@receiver(m2m_changed, sender=AtlasProfile.needs.through, dispatch_uid="atlas.matching.needs_changed")
def _on_codes(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if reverse:  # changed from the competence's side: every profile concerned
        _touch(AtlasProfile.objects.filter(pk__in=pk_set or ()).values_list("organisation_id", flat=True))
    else:
        _touch([instance.organisation_id])


@receiver(post_save, sender=Organisation, dispatch_uid="atlas.matching.organisation_saved")
def _on_organisation(sender, instance: Organisation, created: bool, **kwargs) -> None:
    if created or kwargs.get("raw"):
        _state.dirty = True
    else:
        _touch([instance.pk])


@receiver(post_save, sender=Assessment, dispatch_uid="atlas.matching.assessment_saved")
def _on_assessment(sender, instance: Assessment, **kwargs) -> None:
    if instance.is_latest and instance.organisation_id and not kwargs.get("raw"):
        _touch([instance.organisation_id])


@receiver(post_save, sender=Participation, dispatch_uid="network.matching.participation_saved")
@receiver(post_delete, sender=Participation, dispatch_uid="network.matching.participation_deleted")
def _on_participation(sender, instance: Participation, **kwargs) -> None:
    """A participation changed: the organisation and its partners in that project (bulk writes call
    `participations_changed`)."""
    if kwargs.get("raw"):
        return
    members = Participation.objects.filter(project_id=instance.project_id, organisation__isnull=False)
    touched = set(members.values_list("organisation_id", flat=True))
    if instance.organisation_id is not None:
        touched.add(instance.organisation_id)
    _touch(touched)
