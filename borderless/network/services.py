"""Writes of the network app: the CORDIS import, all or nothing."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from borderless.core import cordis
from borderless.core.i18n import Translatable, _
from borderless.core.names import name_key
from borderless.core.places import place_key
from borderless.organisations.models import NutsRegion, Organisation

from .bulk import NewProject, projects_insert
from .models import ParticipantKind, Participation, Programme, Project
from .signals import participations_bulk_written

SOURCE_CORDIS = "cordis"

UNKNOWN_PROJECT = _("Project %(id)s is not in the project file.")
SAME_ORGANISATION = _(
    "PIC %(pic)s and PIC %(other)s of project %(project)s are both the platform's organisation %(name)s; "
    "an organisation takes part in a project once. Correct the PIC or the VAT number of one of them."
)

PROGRAMMES = {"H2020": Programme.H2020, "HORIZON": Programme.HORIZON_EUROPE, "HE": Programme.HORIZON_EUROPE}

# What the import writes of a project (besides its source and identifier there) and of a participation.
PROJECT_FIELDS = (
    "title", "acronym", "programme", "call", "start_date", "start_year", "end_date", "total_cost", "funding",
)  # fmt: skip
PARTICIPATION_FIELDS = (
    "pic", "organisation_id", "name", "country", "city", "nuts_code", "kind", "outside_programme_area", "outside_nl_de",
    "role", "contribution", "ended_early",
)  # fmt: skip

ROLES = {role: role.value for role in cordis.Role}  # an enum's `.value` is slow in a loop of a million

KINDS = {
    cordis.OrganisationKind.KNOWLEDGE_INSTITUTION: ParticipantKind.KNOWLEDGE,
    cordis.OrganisationKind.COMPANY: ParticipantKind.COMPANY,
    cordis.OrganisationKind.PUBLIC_AUTHORITY: ParticipantKind.AUTHORITY,
    cordis.OrganisationKind.OTHER: ParticipantKind.OTHER,
}


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem of one file: `file` is "project" or "organisation"; `line` is None where unknown."""

    file: str
    line: int | None
    column: str | None
    message: Translatable


@dataclass(frozen=True, slots=True)
class UncertainMatch:
    """A participant whose name matches an organisation of the platform in another or an unknown town."""

    pic: str
    name: str
    city: str
    candidates: tuple[str, ...]


@dataclass(slots=True)
class CordisImport:
    projects_new: int = 0
    projects_updated: int = 0
    projects_unchanged: int = 0
    organisations_matched: int = 0
    organisations_new: int = 0
    uncertain: list[UncertainMatch] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        """Written, and something was new or different: the network's figures are due again."""
        return self.written and bool(self.projects_new or self.projects_updated)


def _problems(kind: str, problems: tuple[cordis.Problem, ...]) -> list[RowProblem]:
    return [RowProblem(kind, p.line, p.column, p.message) for p in problems]


def _vat(text: str) -> str:
    return "".join(text.split()).upper()


def _project_values(record: cordis.ProjectRecord) -> dict[str, Any]:
    return {
        "title": record.title[:500],
        "acronym": record.acronym[:60],
        "programme": PROGRAMMES.get(record.framework_programme.strip().upper(), Programme.OTHER),
        "call": (record.master_call or record.sub_call)[:200],
        "start_date": record.start_date,
        "start_year": record.start_date.year if record.start_date else None,
        "end_date": record.end_date,
        "total_cost": _money(record.total_cost),
        "funding": _money(record.ec_max_contribution),
    }


def _money(value: Decimal | None) -> Decimal | None:
    return value.quantize(Decimal("0.01")) if value is not None else None


@dataclass(frozen=True, slots=True)
class _Known:
    """An organisation of the platform, as far as matching needs it."""

    pk: int
    pic: str | None
    vat_number: str
    name: str
    town: str
    country: str
    in_programme_area: bool


class _Matcher:
    """Finds the platform's organisation of a CORDIS participant: by PIC, then VAT number, then name and town."""

    def __init__(self) -> None:
        self.by_pic: dict[str, _Known] = {}
        self.by_vat: dict[str, list[_Known]] = {}
        self.by_name: dict[str, list[_Known]] = {}
        rows = Organisation.objects.values_list(
            "pk", "pic", "vat_number", "name", "town__name", "country", "town__nuts3__in_programme_area"
        )
        # An organisation whose place is not known has no town (and is in no programme area).
        known = (
            (pk, pic, vat, name, town or "", country, bool(area)) for pk, pic, vat, name, town, country, area in rows
        )
        for org in itertools.starmap(_Known, known):
            if org.pic:
                self.by_pic[org.pic] = org
            if org.vat_number:
                self.by_vat.setdefault(_vat(org.vat_number), []).append(org)
            self.by_name.setdefault(name_key(org.name), []).append(org)

    def match(self, record: cordis.ParticipationRecord) -> tuple[_Known | None, UncertainMatch | None]:
        if org := self.by_pic.get(record.organisation_id):
            return org, None
        vat = _vat(record.vat_number)
        if vat and len(self.by_vat.get(vat, [])) == 1:
            return self.by_vat[vat][0], None
        key = name_key(record.name) if self.by_name else ""
        candidates = self.by_name.get(key, []) if key else []
        if not candidates:
            return None, None
        here = place_key(record.city, record.country)
        same_town = [org for org in candidates if here and place_key(org.town, org.country) == here]
        if len(same_town) == 1 and not same_town[0].pic:
            return same_town[0], None
        names = tuple(f"{org.name} ({org.town})" for org in candidates)
        return None, UncertainMatch(record.organisation_id, record.name, record.city, names)


def _participation_values(
    record: cordis.ParticipationRecord, org: _Known | None, programme_area: set[str]
) -> dict[str, Any]:
    if org is not None:
        outside_area = not org.in_programme_area
        outside_nl_de = False
    else:
        outside_area = record.nuts_code[:5] not in programme_area
        outside_nl_de = record.country not in ("NL", "DE")
    return {
        "pic": record.organisation_id,
        "organisation_id": org.pk if org is not None else None,
        "name": record.name[:300],
        "country": record.country,
        "city": record.city[:150],
        "nuts_code": record.nuts_code[:5],
        "kind": KINDS[record.kind] if record.kind else "",
        "outside_programme_area": outside_area,
        "outside_nl_de": outside_nl_de,
        "role": ROLES[record.role],
        "contribution": _money(record.ec_contribution),
        "ended_early": bool(record.end_of_participation),
    }


def _differs(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return any(current[name] != value for name, value in wanted.items())


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: an import makes millions of small objects without cycles (records,
    row values), and the collector would walk all of them again and again (half of a large import's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cordis_import(
    *, projects_data: bytes | str, organisations_data: bytes | str, dry_run: bool = False
) -> CordisImport:
    """Import CORDIS's `project.csv` and `organization.csv`: everything, or (on any problem) nothing.

    Importing the same files again changes nothing. Organisations of the platform are never created
    here: a participant that matches none keeps its own identity on its participations. New projects
    are written in bulk (`bulk.projects_insert`), changed ones one by one.
    """
    with _no_cycle_collection():
        result = _import(projects_data, organisations_data, dry_run=dry_run)
    if result.written:
        participations_bulk_written.send(sender=Participation)  # the bulk writes send no model signals
    return result


def _import(projects_data: bytes | str, organisations_data: bytes | str, *, dry_run: bool) -> CordisImport:
    result = CordisImport()
    projects = cordis.read_projects(projects_data)
    participations = cordis.read_participations(organisations_data)
    result.problems += _problems("project", projects.problems)
    result.problems += _problems("organisation", participations.problems)
    if not result.ok:
        return result
    known = {record.id for record in projects.records}
    result.problems += [
        RowProblem("organisation", None, "projectID", UNKNOWN_PROJECT.bind(id=record.project_id))
        for record in participations.records
        if record.project_id not in known
    ]
    if not result.ok:
        return result
    with transaction.atomic():
        _plan_and_write(result, projects.records, participations.records, dry_run=dry_run)
    return result


def _matches(result: CordisImport, participations: tuple[cordis.ParticipationRecord, ...]) -> dict[str, _Known | None]:
    """The platform's organisation of every participant (by PIC), counted into `result`."""
    matcher = _Matcher()
    matches: dict[str, _Known | None] = {}
    for part in participations:
        if part.organisation_id in matches:
            continue
        org, uncertain = matcher.match(part)
        matches[part.organisation_id] = org
        if org is not None:
            result.organisations_matched += 1
        elif uncertain is not None:
            result.uncertain.append(uncertain)
        else:
            result.organisations_new += 1
    return matches


def _stored(ids: set[str]) -> tuple[dict[str, dict[str, Any]], dict[int, dict[str, dict[str, Any]]]]:
    """The CORDIS projects of the database among `ids` (by CORDIS id), and their participations (by
    project and PIC), as plain values."""
    projects = {
        row["source_id"]: row
        for row in Project.objects.filter(source=SOURCE_CORDIS).values("pk", "source_id", *PROJECT_FIELDS)
        if row["source_id"] in ids
    }
    participations: dict[int, dict[str, dict[str, Any]]] = {row["pk"]: {} for row in projects.values()}
    if projects:
        rows = Participation.objects.filter(project__source=SOURCE_CORDIS).values("project_id", *PARTICIPATION_FIELDS)
        for row in rows:
            if row["project_id"] in participations:
                participations[row["project_id"]][row["pic"]] = row
    return projects, participations


def _one_organisation_twice(
    by_project: dict[str, dict[str, cordis.ParticipationRecord]], matches: dict[str, _Known | None]
) -> list[RowProblem]:
    """Two PICs of one project that match the same organisation of the platform (a shared VAT number,
    say): an organisation takes part in a project once, so the rows are reported, not guessed between."""
    problems = []
    for project_id, parts in by_project.items():
        first: dict[int, str] = {}
        for pic in parts:
            known = matches.get(pic)
            if known is None:
                continue
            if known.pk in first:
                message = SAME_ORGANISATION.bind(pic=pic, other=first[known.pk], project=project_id, name=known.name)
                problems.append(RowProblem("organisation", None, "organisationID", message))
            else:
                first[known.pk] = pic
    return problems


def _plan_and_write(
    result: CordisImport,
    projects: tuple[cordis.ProjectRecord, ...],
    participations: tuple[cordis.ParticipationRecord, ...],
    *,
    dry_run: bool,
) -> None:
    matches = _matches(result, participations)
    programme_area = set(NutsRegion.objects.filter(level=3, in_programme_area=True).values_list("code", flat=True))
    by_project: dict[str, dict[str, cordis.ParticipationRecord]] = {}
    for part in participations:
        by_project.setdefault(part.project_id, {})[part.organisation_id] = part
    result.problems += _one_organisation_twice(by_project, matches)
    if not result.ok:
        return
    existing, current_participations = _stored({record.id for record in projects})
    new: list[NewProject] = []
    changed: list[tuple[int, dict[str, Any], dict[str, dict[str, Any]]]] = []
    for record in projects:
        project_values = _project_values(record)
        wanted = {
            pic: _participation_values(part, matches[pic], programme_area)
            for pic, part in by_project.get(record.id, {}).items()
        }
        stored = existing.get(record.id)
        if stored is None:
            result.projects_new += 1
            values = {"source": SOURCE_CORDIS, "source_id": record.id, **project_values}
            new.append(NewProject(values, list(wanted.values())))
            continue
        current = current_participations[stored["pk"]]
        differs = _differs(stored, project_values) or set(current) != set(wanted)
        differs = differs or any(_differs(current[pic], values) for pic, values in wanted.items() if pic in current)
        if not differs:
            result.projects_unchanged += 1
            continue
        result.projects_updated += 1
        changed.append((stored["pk"], project_values, wanted))
    if dry_run:
        return
    projects_insert(new)
    for pk, project_values, wanted in changed:
        Project.objects.filter(pk=pk).update(**project_values)
        Participation.objects.filter(project_id=pk).exclude(pic__in=list(wanted)).delete()
        for pic, values in wanted.items():
            Participation.objects.update_or_create(project_id=pk, pic=pic, defaults=values)
    _store_identifiers(matches, participations)
    result.written = True


def _store_identifiers(
    matches: dict[str, _Known | None], participations: tuple[cordis.ParticipationRecord, ...]
) -> None:
    """Give matched organisations their PIC (and VAT number where they had none), for the next import."""
    matched = {pic for pic, org in matches.items() if org is not None}
    vat_of = {r.organisation_id: _vat(r.vat_number) for r in participations if r.organisation_id in matched}
    changes: dict[int, dict[str, str]] = {}
    known: dict[int, _Known] = {}
    for pic, org in matches.items():
        if org is None:
            continue
        wanted: dict[str, str] = {}
        if not org.pic:
            wanted["pic"] = pic
        if not org.vat_number and vat_of.get(pic):
            wanted["vat_number"] = vat_of[pic]
        if wanted:
            # Later participants matched to the same organisation write over earlier ones, as
            # updating one after the other would.
            changes.setdefault(org.pk, {}).update(wanted)
            known[org.pk] = org
    updates = [
        Organisation(
            pk=pk,
            pic=values.get("pic", known[pk].pic),
            vat_number=values.get("vat_number", known[pk].vat_number),
        )
        for pk, values in changes.items()
    ]
    Organisation.objects.bulk_update(updates, ["pic", "vat_number"], batch_size=500)
