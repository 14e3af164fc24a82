"""An organisation's own place in the collaboration network, for its members' dashboard.

From the current computation: its phase, partners, partners across the border and whether it was new
per programme period, and its partners in the latest period it took part in. Partners are named
only where they are not anonymous atlas profiles; those are counted instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from borderless.core.network.texts import PHASE_TITLES
from borderless.i18n.translation import translate
from borderless.organisations.models import Organisation

from .display import sources_text
from .exports import node_is_anonymous
from .figures import current_run
from .models import NetworkRun, OrganisationFigures
from .selectors import anonymous_organisation_ids
from .subgraph import ego_network

_PHASES = {phase.code: message for phase, message in PHASE_TITLES.items()}


@dataclass(frozen=True, slots=True)
class OwnPeriod:
    label: str
    phase: str  # the phase's title in the reader's language, or ""
    partners: int
    cross_border_partners: int
    participations: int
    arrival: str  # "newcomer", "returning" or ""


@dataclass(frozen=True, slots=True)
class OwnNetwork:
    node: str
    run: NetworkRun
    periods: list[OwnPeriod]
    latest_period: str
    partners: list[str]  # names, for the latest period
    anonymous_partners: int
    partners_truncated: bool
    sources: str  # the data the figures come from, with their project counts


def my_network(*, organisation: Organisation) -> OwnNetwork | None:
    """The organisation's network figures, or None if it took part in no project of the current figures."""
    return my_networks(organisations=[organisation]).get(organisation.pk)


def my_networks(*, organisations: Iterable[Organisation]) -> dict[int, OwnNetwork]:
    """`my_network` of several organisations (by pk), in two queries plus those of the ego networks of
    the organisations that took part in a project."""
    run = current_run()
    if run is None:
        return {}
    by_organisation: dict[int, list[OrganisationFigures]] = defaultdict(list)
    rows = (
        OrganisationFigures.objects.filter(
            period__run=run, period__kind="programme", organisation__in=[o.pk for o in organisations]
        )
        .select_related("period")
        .order_by("period__first_year")
    )
    for row in rows:
        if row.organisation_id is not None:
            by_organisation[row.organisation_id].append(row)
    return {pk: _own_network(run, rows) for pk, rows in by_organisation.items()}


def _own_network(run: NetworkRun, rows: list[OrganisationFigures]) -> OwnNetwork:
    periods = [
        OwnPeriod(
            label=row.period.label,
            phase=translate(_PHASES[row.phase]) if row.phase in _PHASES else "",
            partners=row.degree,
            cross_border_partners=row.cross_border_partners,
            participations=row.participations,
            arrival=row.arrival,
        )
        for row in rows
    ]
    latest = rows[-1]
    ego = ego_network(latest.period, latest.node)
    others = [n for n in (ego.nodes if ego else []) if n.node != latest.node]
    anonymous_ids = anonymous_organisation_ids(
        organisation_ids=[n.organisation_id for n in others if n.organisation_id]
    )
    named = sorted(n.name for n in others if not node_is_anonymous(n, anonymous_ids))
    return OwnNetwork(
        node=latest.node,
        run=run,
        periods=periods,
        latest_period=latest.period.label,
        partners=named,
        anonymous_partners=len(others) - len(named),
        partners_truncated=bool(ego and ego.truncated),
        sources=sources_text(run),
    )
