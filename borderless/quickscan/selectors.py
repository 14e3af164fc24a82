"""Reads for the quickscan, with the access rules applied here and nowhere else.

Who sees an assessment: the members of its organisation, members of an advising organisation
the firm granted access to, staff, and (for a visitor's quickscan) the browser session that took it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from borderless.core.quickscan.peers import (
    PEER_LEVELS,
    PeerGroup,
    PeerLevel,
    PeerSummary,
    choose_peer_group,
    peer_filters,
    peer_summary,
)
from borderless.organisations.models import Organisation

from .models import AdvisorAccess, Assessment


def advised_organisations(*, user) -> QuerySet[Organisation]:
    """Organisations that granted one of the user's organisations access to their results."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        advisor_grants__advisor__memberships__user=user, advisor_grants__revoked_at__isnull=True
    ).distinct()


def can_view_organisation_results(*, user, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or organisation.memberships.filter(user=user).exists():
        return True
    return AdvisorAccess.objects.filter(
        organisation=organisation, revoked_at__isnull=True, advisor__memberships__user=user
    ).exists()


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

    Peers are the other organisations' latest completed assessments (one per firm).
    """
    peers = Assessment.objects.filter(is_latest=True).exclude(organisation_id=assessment.organisation_id)
    mine = {"country": assessment.country, "size_class": assessment.size_class, "sector": assessment.sector}
    counts = peers.aggregate(
        **{
            level.value: Count("pk", filter=Q(**filters)) if filters else Count("pk")
            for level in PEER_LEVELS
            for filters in [peer_filters(PeerLevel(level), **mine)]
        }
    )
    group = choose_peer_group(counts)
    now = timezone.now()
    if group is None:
        return PeerComparison(group=None, overall=None, dimensions={}, as_of=now)
    rows = list(
        peers.filter(**peer_filters(PeerLevel(group.level), **mine)).values_list("overall", *Assessment.DIMENSIONS)
    )
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
