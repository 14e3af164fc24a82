"""The finder's link to the pure core: the catalogue as core records, and organisations as core firms.

Matching 10,000 instruments is cheap only when their criteria are compiled once (see
`borderless.core.instruments.Catalogue`), so each process keeps one `Snapshot` of the catalogue and
builds a new one when the catalogue changes. Whether it changed is one query of counts and latest
change times, asked per use; app servers share nothing but the database, so every process notices
a change made through another one. The date is part of the key, since the next deadline of an
instrument depends on it.

The snapshot also keeps what the finder filters and sorts on (`Entry`), so facets and counts are
worked out without a query per facet.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Max, Min
from django.utils import timezone

from borderless.core.i18n import LANGUAGES, Content
from borderless.core.instruments import (
    REGISTRY,
    Catalogue,
    Context,
    Criterion,
    Firm,
    Instrument,
    Match,
    Pathways,
    Reference,
)
from borderless.organisations.models import Organisation
from borderless.quickscan.models import Assessment

from . import models
from .reference import core_reference

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One instrument as the finder filters, counts and sorts it."""

    identifier: str
    pk: int
    name: Content
    level: str
    kind: str
    status: str  # "" = not known
    spatial: tuple[str, ...]  # NUTS codes, upper case
    languages: frozenset[str]
    # The organisation kinds and size classes its criteria admit; None when it has no such criterion.
    kinds: frozenset[str] | None
    sizes: frozenset[str] | None
    cross_border: bool  # a partner across the border is required
    next_deadline: date | None
    updated_at: datetime
    search: dict[str, str]  # language -> name and description, case-folded


@dataclass(frozen=True, slots=True)
class Snapshot:
    key: tuple
    today: date
    reference: Reference
    catalogue: Catalogue  # only instruments whose criteria all pass their check
    pathways: Pathways
    entries: tuple[Entry, ...]
    by_identifier: dict[str, Entry]

    def context(self) -> Context:
        return Context(today=self.today, reference=self.reference)


_lock = threading.Lock()
_snapshot: Snapshot | None = None


def catalogue_key(today: date) -> tuple:
    """Changes whenever an instrument, criterion, call or pathway is added, removed or saved."""
    links = models.Instrument.next_instruments.through
    instruments = models.Instrument.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    criteria = models.Criterion.objects.aggregate(n=Count("pk"), last=Max("pk"))
    calls = models.Call.objects.aggregate(n=Count("pk"), last=Max("pk"))
    next_links = links.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (
        today,
        instruments["n"],
        instruments["changed"],
        criteria["n"],
        criteria["last"],
        calls["n"],
        calls["last"],
        next_links["n"],
        next_links["last"],
    )


def snapshot(*, today: date | None = None) -> Snapshot:
    """The catalogue as of now, built again only when it changed since the last call in this process."""
    global _snapshot
    today = today or timezone.localdate()
    key = catalogue_key(today)
    current = _snapshot
    if current is not None and current.key == key:
        return current
    with _lock:
        if _snapshot is None or _snapshot.key != key:
            _snapshot = snapshot_build(key=key, today=today)
        return _snapshot


def snapshot_clear() -> None:
    global _snapshot
    _snapshot = None


def _casefold(*parts: str) -> str:
    return " ".join(part.casefold() for part in parts if part)


def snapshot_build(*, key: tuple, today: date) -> Snapshot:
    reference = core_reference()
    criteria: dict[int, list[Criterion]] = {}
    for instrument_id, ctype, params in models.Criterion.objects.order_by(
        "instrument_id", "position", "pk"
    ).values_list("instrument_id", "type", "params"):
        criteria.setdefault(instrument_id, []).append(Criterion(type=ctype, params=params or {}))
    deadlines = dict(
        models.Call.objects.filter(closes_on__gte=today)
        .values("instrument_id")
        .annotate(first=Min("closes_on"))
        .values_list("instrument_id", "first")
    )
    links = models.Instrument.next_instruments.through
    next_pks: dict[int, list[int]] = {}
    for from_pk, to_pk in links.objects.order_by("pk").values_list("from_instrument_id", "to_instrument_id"):
        next_pks.setdefault(from_pk, []).append(to_pk)

    rows = list(
        models.Instrument.objects.order_by("pk").values(
            "pk",
            "identifier",
            "level",
            "kind",
            "status",
            "spatial",
            "languages",
            "updated_at",
            *(f"name_{lang}" for lang in LANGUAGES),
            *(f"description_{lang}" for lang in LANGUAGES),
        )
    )
    identifier_of = {row["pk"]: row["identifier"] for row in rows}
    valid = _valid_criteria(criteria, identifier_of, reference)
    core, entries = [], []
    for row in rows:
        own = tuple(criteria.get(row["pk"], ()))
        name = Content(row["name_en"], row["name_de"] or "", row["name_nl"] or "")  # an empty language shows English
        instrument = Instrument(
            id=row["identifier"],
            name=name,
            status=row["status"],
            next_deadline=deadlines.get(row["pk"]),
            criteria=own,
            next_ids=tuple(identifier_of[pk] for pk in next_pks.get(row["pk"], ()) if pk in identifier_of),
        )
        core.append(instrument)
        entries.append(_entry(row, name, own, deadlines.get(row["pk"])))
    catalogue = Catalogue((i for i in core if i.id in valid), registry=REGISTRY, reference=reference)
    return Snapshot(
        key=key,
        today=today,
        reference=reference,
        catalogue=catalogue,
        pathways=Pathways(core),
        entries=tuple(entries),
        by_identifier={entry.identifier: entry for entry in entries},
    )


def _valid_criteria(criteria: dict[int, list[Criterion]], identifier_of: dict[int, str], reference) -> set[str]:
    """Identifiers of the instruments whose criteria all pass their check.

    Criteria are checked when they are saved or imported; one that fails here (a region removed
    from the reference data since) must not make the instrument look as if it fitted everyone, so
    the instrument is left out of matching and the problem logged.
    """
    checked: dict[tuple[str, str], bool] = {}
    valid = set(identifier_of.values())
    for pk, own in criteria.items():
        for criterion in own:
            token = (criterion.type, repr(criterion.params))
            if token not in checked:
                checked[token] = not REGISTRY.validate(criterion, reference)
            if not checked[token]:
                logger.error("instrument %s: criterion %s does not pass its check", identifier_of.get(pk), token)
                valid.discard(identifier_of.get(pk))
                break
    return valid


def _admitted(criteria: Iterable[Criterion], ctype: str, param: str) -> frozenset[str] | None:
    values: frozenset[str] | None = None
    for criterion in criteria:
        if criterion.type == ctype:
            found = criterion.params.get(param)
            if isinstance(found, list):
                own = frozenset(str(v).strip().lower() for v in found)
                values = own if values is None else values & own
    return values


def _entry(row: dict, name: Content, criteria: tuple[Criterion, ...], deadline: date | None) -> Entry:
    search = {lang: _casefold(row[f"name_{lang}"], row[f"description_{lang}"]) for lang in LANGUAGES}
    return Entry(
        identifier=row["identifier"],
        pk=row["pk"],
        name=name,
        level=row["level"],
        kind=row["kind"],
        status=row["status"] or "",
        spatial=tuple(str(code).strip().upper() for code in row["spatial"] or ()),
        languages=frozenset(str(code).lower() for code in row["languages"] or ()),
        kinds=_admitted(criteria, "organisation_kind", "kinds"),
        sizes=_admitted(criteria, "size_class", "classes"),
        cross_border=any(c.type == "cross_border_partner" for c in criteria),
        next_deadline=deadline,
        updated_at=row["updated_at"],
        search=search,
    )


# --- organisations as firms ------------------------------------------------------------------------


def latest_assessment(organisation: Organisation) -> Assessment | None:
    """The organisation's newest completed quickscan: it gives the firm's stage and follower group."""
    return (
        Assessment.objects.completed()
        .filter(organisation=organisation)
        .order_by("-completed_at", "-pk")
        .only("pk", "public_id", "completed_at", "stage", "follower_group", "organisation_id")
        .first()
    )


def firm_for_organisation(organisation: Organisation, assessment: Assessment | None = None) -> Firm:
    """What the matcher knows of the organisation: its profile, and stage and group of its latest quickscan.

    Pass `assessment` when it was already read (see `latest_assessment`). Whether the organisation
    already has a partner across the border is not recorded yet, so it is unknown.
    """
    if assessment is None:
        assessment = latest_assessment(organisation)
    euregio = organisation.euregio
    placed = organisation.town_id is not None  # else its region, and so the programme area, is unknown
    return firm_from_profile(
        country=organisation.country,
        nuts3=organisation.town.nuts3_id if placed else None,
        in_programme_area=organisation.in_programme_area if placed else None,
        euregio=euregio.slug if euregio else None,
        kind=organisation.kind,
        size_class=organisation.size_class,
        sector=organisation.sector_id,
        founded_year=organisation.founded_year,
        follower_group=assessment.follower_group if assessment else None,
        stage=assessment.stage if assessment else None,
    )


def firm_from_profile(**profile) -> Firm:
    """A core firm from profile fields; empty values count as unknown."""
    return Firm(**{name: (None if value in ("", None) else value) for name, value in profile.items()})


def region_of(nuts3: str) -> tuple[bool | None, str | None]:
    """Programme-area membership and Euregio slug of a NUTS-3 region, from the reference data."""
    from borderless.organisations.models import NutsRegion

    region = NutsRegion.objects.select_related("euregio").filter(code=nuts3, level=3).first()
    if region is None:
        return None, None
    return region.in_programme_area, region.euregio.slug if region.euregio else None


def match_firm(
    firm: Firm,
    *,
    lang: str | None,
    ids: Iterable[Hashable] | None = None,
    today: date | None = None,
    current: Snapshot | None = None,
) -> list[Match]:
    """The catalogue (or the instruments with these identifiers) matched against the firm, ranked.

    Identifiers not in the catalogue are left out. Pass `current` when the caller already holds
    the snapshot, so that one request matches against one catalogue.
    """
    if current is None:
        current = snapshot(today=today)
    if ids is not None:
        ids = [i for i in ids if i in current.catalogue]
    return current.catalogue.match(firm, current.context(), lang=lang, ids=ids)


@dataclass(frozen=True, slots=True)
class OrganisationMatch:
    assessment: Assessment | None  # the latest completed quickscan, whose stage and group were used
    firm: Firm
    matches: list[Match]


def match_organisation(
    organisation: Organisation,
    *,
    lang: str | None,
    ids: Iterable[Hashable] | None = None,
    current: Snapshot | None = None,
) -> OrganisationMatch:
    """The pipeline every entry point uses: latest quickscan, then the firm, then `match_firm`."""
    assessment = latest_assessment(organisation)
    firm = firm_for_organisation(organisation, assessment)
    return OrganisationMatch(assessment, firm, match_firm(firm, lang=lang, ids=ids, current=current))
