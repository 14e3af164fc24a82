"""Reads for the quickscan, with the access rules applied here and nowhere else.

Who sees an assessment: the members of its organisation, members of an advising organisation
the firm granted access to, staff, and (for a visitor's quickscan) the browser session that took it.
An advising organisation reads nothing until staff have confirmed it, and of its members only those
whose intermediary role staff have confirmed read anything (`may_advise`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from borderless.accounts.models import Role
from borderless.core.quickscan.peers import (
    PEER_LEVELS,
    PeerGroup,
    PeerLevel,
    PeerSummary,
    choose_peer_group,
    peer_filters,
    peer_summary,
)
from borderless.organisations.models import Organisation, OrganisationKind

from .models import AdvisorAccess, Assessment

ADVISING_ROLES = (Role.INTERMEDIARY, Role.ADMIN)


def may_advise(user) -> bool:
    """Whether the user's role lets them read what firms granted their organisation (confirmed by staff)."""
    return user.is_authenticated and user.effective_role in ADVISING_ROLES


def _active_grants_to(user) -> QuerySet[AdvisorAccess]:
    """Grants, not revoked, to a confirmed organisation of the user (nothing unless `may_advise`)."""
    if not may_advise(user):
        return AdvisorAccess.objects.none()
    return AdvisorAccess.objects.filter(
        revoked_at__isnull=True, advisor__confirmed=True, advisor__memberships__user=user
    )


def advised_organisations(*, user) -> QuerySet[Organisation]:
    """Organisations that granted one of the user's confirmed organisations access to their results."""
    return Organisation.objects.filter(pk__in=_active_grants_to(user).values("organisation_id"))


def can_view_organisation_results(*, user, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or organisation.memberships.filter(user=user).exists():
        return True
    return _active_grants_to(user).filter(organisation=organisation).exists()


def assessment_for_viewer(*, public_id, user, anonymous_key: str = "") -> Assessment:
    assessment = Assessment.objects.select_related("organisation").filter(public_id=public_id).first()
    if assessment is None:
        raise Http404
    if assessment.organisation is None:
        if anonymous_key and assessment.anonymous_key == anonymous_key:
            return assessment
        raise Http404
    if can_view_organisation_results(user=user, organisation=assessment.organisation):
        return assessment
    raise Http404


def assessment_history(*, organisation: Organisation) -> list[Assessment]:
    """Completed assessments of an organisation, oldest first."""
    return list(organisation.assessments.completed().order_by("completed_at", "pk"))


def draft_for(*, organisation: Organisation | None = None, anonymous_key: str = "") -> Assessment | None:
    drafts = Assessment.objects.filter(status=Assessment.Status.DRAFT)
    if organisation is not None:
        return drafts.filter(organisation=organisation).first()
    if anonymous_key:
        return drafts.filter(organisation__isnull=True, anonymous_key=anonymous_key).first()
    return None


@dataclass(frozen=True)
class PeerComparison:
    """How an assessment compares with the latest results of other firms of a peer group."""

    group: PeerGroup | None  # None: fewer than five firms even in the widest group
    overall: PeerSummary | None
    dimensions: dict[str, PeerSummary | None]
    as_of: datetime


def peer_comparison(*, assessment: Assessment) -> PeerComparison:
    """Compare with firms of the same country, size and sector, widening until at least five firms.

    Peers are the other organisations' latest completed assessments (one per firm). Groups are
    counted narrowest first and only widened while too small: most firms stop at the first count,
    which the (is_latest, country, size_class, sector) index answers without reading the rows.
    """
    peers = Assessment.objects.filter(is_latest=True).exclude(organisation_id=assessment.organisation_id)
    mine = {"country": assessment.country, "size_class": assessment.size_class, "sector": assessment.sector}
    now = timezone.now()
    for level in PEER_LEVELS:
        group_peers = peers.filter(**peer_filters(PeerLevel(level), **mine))
        group = choose_peer_group({level: group_peers.count()})
        if group is not None:
            break
    else:
        return PeerComparison(group=None, overall=None, dimensions={}, as_of=now)
    rows = list(group_peers.values_list("overall", *Assessment.DIMENSIONS))
    overall = peer_summary([r[0] for r in rows])
    dimensions = {f"D{i + 1}": peer_summary([r[i + 1] for r in rows]) for i in range(len(Assessment.DIMENSIONS))}
    return PeerComparison(group=group, overall=overall, dimensions=dimensions, as_of=now)


def research_assessments() -> QuerySet[Assessment]:
    """Completed assessments whose organisation consented to de-identified use in statistics."""
    return Assessment.objects.completed().filter(share_for_research=True).order_by("completed_at", "pk")


def assessments_of_clients(*, user) -> QuerySet[Assessment]:
    return (
        Assessment.objects.completed()
        .filter(Q(organisation__in=advised_organisations(user=user)))
        .select_related("organisation")
    )


def quickscan_organisations(*, user) -> list[Organisation]:
    """The organisations a member can take the quickscan for: those they manage first, then by joining date."""
    if not user.is_authenticated:
        return []
    return list(
        Organisation.objects.with_geography()
        .filter(memberships__user=user)
        .order_by("-memberships__is_manager", "memberships__created_at", "pk")
    )


def acting_organisation(*, organisations: list[Organisation], slug: str = "") -> Organisation | None:
    """Of a member's `quickscan_organisations`, the one chosen by `slug`, else the first.

    None for visitors and for accounts without an organisation; a slug of an organisation the user
    does not belong to is not found.
    """
    if not slug:
        return organisations[0] if organisations else None
    chosen = next((org for org in organisations if org.slug == slug), None)
    if chosen is None:
        raise Http404
    return chosen


def completed_assessments_of(
    *, organisation: Organisation | None = None, anonymous_key: str = ""
) -> QuerySet[Assessment]:
    """Completed quickscans of an organisation, or of a visitor's session; newest first."""
    if organisation is not None:
        mine = Assessment.objects.filter(organisation=organisation)
    elif anonymous_key:
        mine = Assessment.objects.filter(organisation__isnull=True, anonymous_key=anonymous_key)
    else:
        return Assessment.objects.none()
    return mine.completed().order_by("-completed_at", "-pk")


def assessment_of_taker(
    *, public_id, organisation: Organisation | None = None, anonymous_key: str = ""
) -> Assessment | None:
    """One quickscan, if it belongs to this organisation or to this visitor's session."""
    if organisation is not None:
        return Assessment.objects.filter(public_id=public_id, organisation=organisation).first()
    if anonymous_key:
        return Assessment.objects.filter(
            public_id=public_id, organisation__isnull=True, anonymous_key=anonymous_key
        ).first()
    return None


def managed_organisations(*, user) -> QuerySet[Organisation]:
    """Organisations the user manages, by name."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__is_manager=True).order_by("name", "pk")


ADVISING_KINDS = (OrganisationKind.INTERMEDIARY, OrganisationKind.HUB, OrganisationKind.KNOWLEDGE)


def active_advisor_grants(*, organisation: Organisation) -> QuerySet[AdvisorAccess]:
    return (
        AdvisorAccess.objects.filter(organisation=organisation, revoked_at__isnull=True)
        .select_related("advisor", "advisor__town", "granted_by")
        .order_by("advisor__name", "pk")
    )


def advisor_candidates(*, organisation: Organisation) -> QuerySet[Organisation]:
    """Listed, confirmed intermediaries, hubs and knowledge institutions the organisation has not granted access yet."""
    granted = AdvisorAccess.objects.filter(organisation=organisation, revoked_at__isnull=True).values("advisor_id")
    return (
        Organisation.objects.listed()
        .confirmed()
        .filter(kind__in=ADVISING_KINDS)
        .exclude(pk=organisation.pk)
        .exclude(pk__in=granted)
        .select_related("town")
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class ClientProgress:
    """An organisation that granted access to the user's organisation, with its first and latest quickscan."""

    organisation: Organisation
    count: int
    first: Assessment | None
    latest: Assessment | None

    @property
    def overall_change(self) -> float | None:
        if self.first is None or self.latest is None or self.count < 2:
            return None
        return self.latest.overall - self.first.overall

    @property
    def stage_change(self) -> int | None:
        if self.first is None or self.latest is None or self.count < 2:
            return None
        return self.latest.stage - self.first.stage


def client_progress(*, user) -> list[ClientProgress]:
    """The organisations advised by the user's organisations, by name, each with its quickscans' progress."""
    organisations = list(advised_organisations(user=user).order_by("name", "pk"))
    completed: dict[int, list[Assessment]] = {}
    rows = (
        Assessment.objects.completed()
        .filter(organisation__in=[o.pk for o in organisations])
        .only("pk", "public_id", "organisation_id", "completed_at", "overall", "band", "stage", "follower_group")
        .order_by("organisation_id", "completed_at", "pk")
    )
    for assessment in rows:
        completed.setdefault(assessment.organisation_id, []).append(assessment)
    progress = []
    for organisation in organisations:
        mine = completed.get(organisation.pk, [])
        progress.append(
            ClientProgress(
                organisation=organisation,
                count=len(mine),
                first=mine[0] if mine else None,
                latest=mine[-1] if mine else None,
            )
        )
    return progress


def latest_assessments(*, organisations) -> dict[int, Assessment]:
    """The newest completed assessment of each organisation that has one, by organisation id."""
    latest = Assessment.objects.filter(is_latest=True, organisation__in=organisations)
    return {assessment.organisation_id: assessment for assessment in latest}
