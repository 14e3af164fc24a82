"""Writes of the network app: the CORDIS import, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from borderless.core import cordis
from borderless.core.i18n import Translatable, _
from borderless.core.names import name_key
from borderless.core.places import place_key
from borderless.organisations.models import NutsRegion, Organisation

from .models import ParticipantKind, Participation, Programme, Project

SOURCE_CORDIS = "cordis"

UNKNOWN_PROJECT = _("Project %(id)s is not in the project file.")

PROGRAMMES = {"H2020": Programme.H2020, "HORIZON": Programme.HORIZON_EUROPE, "HE": Programme.HORIZON_EUROPE}

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
        "end_date": record.end_date,
        "total_cost": _money(record.total_cost),
        "funding": _money(record.ec_max_contribution),
    }


def _money(value: Decimal | None) -> Decimal | None:
    return value.quantize(Decimal("0.01")) if value is not None else None


class _Matcher:
    """Finds the platform's organisation of a CORDIS participant: by PIC, then VAT number, then name and town."""

    def __init__(self) -> None:
        self.by_pic: dict[str, Organisation] = {}
        self.by_vat: dict[str, list[Organisation]] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        for org in Organisation.objects.select_related("town", "town__nuts3"):
            if org.pic:
                self.by_pic[org.pic] = org
            if org.vat_number:
                self.by_vat.setdefault(_vat(org.vat_number), []).append(org)
            self.by_name.setdefault(name_key(org.name), []).append(org)

    def match(self, record: cordis.ParticipationRecord) -> tuple[Organisation | None, UncertainMatch | None]:
        if org := self.by_pic.get(record.organisation_id):
            return org, None
        vat = _vat(record.vat_number)
        if vat and len(self.by_vat.get(vat, [])) == 1:
            return self.by_vat[vat][0], None
        candidates = self.by_name.get(name_key(record.name), []) if name_key(record.name) else []
        here = place_key(record.city, record.country)
        same_town = [org for org in candidates if here and place_key(org.town.name, org.town.country) == here]
        if len(same_town) == 1 and not same_town[0].pic:
            return same_town[0], None
        if candidates:
            names = tuple(f"{org.name} ({org.town.name})" for org in candidates)
            return None, UncertainMatch(record.organisation_id, record.name, record.city, names)
        return None, None


def _participation_values(
    record: cordis.ParticipationRecord, org: Organisation | None, programme_area: set[str]
) -> dict[str, Any]:
    if org is not None:
        outside_area = not org.in_programme_area
        outside_nl_de = False
    else:
        outside_area = record.nuts_code[:5] not in programme_area
        outside_nl_de = record.country not in ("NL", "DE")
    return {
        "organisation": org,
        "name": record.name[:300],
        "country": record.country,
        "city": record.city[:150],
        "nuts_code": record.nuts_code[:5],
        "kind": KINDS[record.kind] if record.kind else "",
        "outside_programme_area": outside_area,
        "outside_nl_de": outside_nl_de,
        "role": record.role.value,
        "contribution": _money(record.ec_contribution),
        "ended_early": bool(record.end_of_participation),
    }


def _differs(instance: Any, values: dict[str, Any]) -> bool:
    for name, value in values.items():
        current = getattr(instance, f"{name}_id") if name == "organisation" else getattr(instance, name)
        wanted = value.pk if name == "organisation" and value is not None else value
        if current != wanted:
            return True
    return False


def cordis_import(
    *, projects_data: bytes | str, organisations_data: bytes | str, dry_run: bool = False
) -> CordisImport:
    """Import CORDIS's `project.csv` and `organization.csv`: everything, or (on any problem) nothing.

    Importing the same files again changes nothing. Organisations of the platform are never created
    here: a participant that matches none keeps its own identity on its participations.
    """
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


def _plan_and_write(
    result: CordisImport,
    projects: tuple[cordis.ProjectRecord, ...],
    participations: tuple[cordis.ParticipationRecord, ...],
    *,
    dry_run: bool,
) -> None:
    matcher = _Matcher()
    programme_area = set(NutsRegion.objects.filter(level=3, in_programme_area=True).values_list("code", flat=True))
    matches: dict[str, Organisation | None] = {}
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
    by_project: dict[str, dict[str, cordis.ParticipationRecord]] = {}
    for part in participations:
        by_project.setdefault(part.project_id, {})[part.organisation_id] = part
    existing = {
        p.source_id: p
        for p in Project.objects.filter(source=SOURCE_CORDIS, source_id__in=[r.id for r in projects]).prefetch_related(
            "participations"
        )
    }
    for record in projects:
        project_values = _project_values(record)
        wanted = {
            pic: _participation_values(part, matches[pic], programme_area)
            for pic, part in by_project.get(record.id, {}).items()
        }
        project = existing.get(record.id)
        if project is None:
            result.projects_new += 1
            if not dry_run:
                project = Project.objects.create(source=SOURCE_CORDIS, source_id=record.id, **project_values)
                Participation.objects.bulk_create(
                    Participation(project=project, pic=pic, **values) for pic, values in wanted.items()
                )
            continue
        current = {p.pic: p for p in project.participations.all()}
        changed = _differs(project, project_values) or set(current) != set(wanted)
        changed = changed or any(_differs(current[pic], values) for pic, values in wanted.items() if pic in current)
        if not changed:
            result.projects_unchanged += 1
            continue
        result.projects_updated += 1
        if dry_run:
            continue
        Project.objects.filter(pk=project.pk).update(**project_values)
        project.participations.exclude(pic__in=list(wanted)).delete()
        for pic, values in wanted.items():
            Participation.objects.update_or_create(project=project, pic=pic, defaults=values)
    if not dry_run:
        _store_identifiers(matches, participations)
        result.written = True


def _store_identifiers(
    matches: dict[str, Organisation | None], participations: tuple[cordis.ParticipationRecord, ...]
) -> None:
    """Give matched organisations their PIC (and VAT number where they had none), for the next import."""
    vat_of = {record.organisation_id: _vat(record.vat_number) for record in participations}
    for pic, org in matches.items():
        if org is None:
            continue
        changes: dict[str, str] = {}
        if not org.pic:
            changes["pic"] = pic
        if not org.vat_number and vat_of.get(pic):
            changes["vat_number"] = vat_of[pic]
        if changes:
            Organisation.objects.filter(pk=org.pk).update(**changes)
