from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from borderless.organisations.models import Country, Organisation, OrganisationKind


@dataclass(frozen=True)
class PlatformFigures:
    """Counts of publicly listed organisations, as shown on the start page."""

    listed: int
    companies: int
    intermediaries: int
    in_nl: int
    in_de: int
    counted_at: datetime


def platform_figures() -> PlatformFigures:
    counts = Organisation.objects.listed().aggregate(
        listed=Count("pk"),
        companies=Count("pk", filter=Q(kind=OrganisationKind.COMPANY)),
        intermediaries=Count("pk", filter=Q(kind=OrganisationKind.INTERMEDIARY)),
        in_nl=Count("pk", filter=Q(country=Country.NL)),
        in_de=Count("pk", filter=Q(country=Country.DE)),
    )
    return PlatformFigures(counted_at=timezone.now(), **counts)
