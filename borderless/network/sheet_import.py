"""The import of a projects sheet (`borderless.core.project_sheet`): all or nothing, as for CORDIS.

A sheet's projects are stored under the source "sheet:<name>" with the sheet's project identifier,
so importing a later version of the same list under the same name updates its projects and
importing the same file again changes nothing. Projects that a later version leaves out stay.

Each participant is matched to an organisation of the platform by PIC, then VAT number, then name
and town, as CORDIS participants are. One difference: a row without a PIC may also be matched by
name and town to an organisation that has a PIC (a CORDIS import gave it one), for a row without a
PIC contradicts none. A participant that matches no organisation keeps its own identity (name,
country, town) on its participations; one whose name fits organisations in another or an unknown
town is listed for review. Places: the postcode gives the NUTS-3 region (the shipped postcode
table), else the sheet's NUTS code, else the town's name among the platform's towns, which may also
tell a missing country. A participant whose region stays unknown keeps its country and is listed
with "place unknown"; it is never refused for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from django.db import transaction

from borderless.core.cordis import Problem
from borderless.core.i18n import _
from borderless.core.names import name_key
from borderless.core.places import PostcodeTable, load_postcode_table, nuts3_for, place_key
from borderless.core.project_sheet import (
    DUPLICATE_PARTICIPANT,
    Layout,
    SheetParticipant,
    SheetProject,
    read_projects_sheet,
)
from borderless.core.project_sheet_words import Programme
from borderless.organisations.models import NutsRegion, Organisation, Town
from borderless.organisations.reference import DATA_DIR

from .models import Participation, Project, participant_key, participant_kind_of
from .signals import participations_bulk_written

SOURCE_PREFIX = "sheet:"
SOURCE_NAME_MAX = int(Project._meta.get_field("source").max_length or 20) - len(SOURCE_PREFIX)
_SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
NL_DE = ("NL", "DE")

SAME_ORGANISATION = _(
    "%(name)s is the platform's organisation %(organisation)s, as is %(other)s on line %(line)s of the same project."
)


def sheet_source(name: str) -> str | None:
    """The source of the sheet called `name` ("digipro" or "sheet:digipro" → "sheet:digipro"); None if unfit."""
    name = name.strip().lower().removeprefix(SOURCE_PREFIX)
    if len(name) > SOURCE_NAME_MAX or not _SOURCE_NAME.fullmatch(name):
        return None
    return SOURCE_PREFIX + name


def sheet_source_of_file(file_name: str) -> str:
    """A source name from a file's name ("Digipro projecten 2023.xlsx" → "sheet:digipro-projec")."""
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    name = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:SOURCE_NAME_MAX].strip("-")
    return SOURCE_PREFIX + (name or "list")


@dataclass(frozen=True, slots=True)
class Uncertain:
    """A participant whose name fits organisations of the platform in another or an unknown town."""

    line: int
    name: str
    town: str
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A participant whose NUTS-3 region is not known: kept with its country ("" where that is unknown too)."""

    line: int
    name: str
    country: str
    given: str  # the postcode, town and NUTS code as the sheet wrote them


@dataclass(slots=True)
class SheetImport:
    source: str
    layout: Layout | None = None
    ignored_columns: tuple[str, ...] = ()
    projects_new: int = 0
    projects_updated: int = 0
    projects_unchanged: int = 0
    participations: int = 0
    organisations_matched: int = 0
    organisations_new: int = 0
    uncertain: list[Uncertain] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        """Written, and something was new or different: the network's figures are due again."""
        return self.written and bool(self.projects_new or self.projects_updated)


def _vat(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text).upper()


def _town_name(org: Organisation) -> str:
    return org.town.name if org.town is not None else ""


class _Matcher:
    """The platform's organisation of a participant: by PIC, then VAT number, then name and town."""

    def __init__(self) -> None:
        self.by_pic: dict[str, Organisation] = {}
        self.by_vat: dict[str, list[Organisation]] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        for org in Organisation.objects.select_related("town", "town__nuts3"):
            if org.pic:
                self.by_pic[org.pic] = org
            if org.vat_number:
                self.by_vat.setdefault(_vat(org.vat_number), []).append(org)
            if key := name_key(org.name):
                self.by_name.setdefault(key, []).append(org)

    def match(self, part: SheetParticipant, country: str) -> tuple[Organisation | None, Uncertain | None]:
        if part.pic and (org := self.by_pic.get(part.pic)):
            return org, None
        if part.vat and len(self.by_vat.get(part.vat, [])) == 1:
            return self.by_vat[part.vat][0], None
        candidates = self.by_name.get(name_key(part.name), [])
        here = place_key(part.town, country)
        same_town = [org for org in candidates if here and place_key(_town_name(org), org.country) == here]
        if len(same_town) == 1 and not (part.pic and same_town[0].pic):
            return same_town[0], None
        if candidates:
            shown = tuple(f"{org.name} ({_town_name(org) or org.country})" for org in candidates)
            return None, Uncertain(part.line, part.name, part.town, shown)
        return None, None


@cache
def _postcodes() -> PostcodeTable:
    return load_postcode_table(DATA_DIR / "postcode_nuts3_2021_de_nl.csv")


class _Places:
    """NUTS-3 regions of postcodes, NUTS codes and town names, and the programme area."""

    def __init__(self) -> None:
        self.table = _postcodes()
        regions = NutsRegion.objects.filter(level=3).values_list("code", "in_programme_area")
        self.known = {code for code, _area in regions}
        self.area = {code for code, in_area in regions if in_area}
        towns: dict[str, set[str]] = {}
        for name, country, nuts3 in Town.objects.values_list("name", "country", "nuts3_id"):
            towns.setdefault(place_key(name, country), set()).add(nuts3)
        self.towns = {key: next(iter(codes)) for key, codes in towns.items() if len(codes) == 1}

    def resolve(self, part: SheetParticipant) -> tuple[str, str]:
        """(country, NUTS-3 code or "") of a participant; the country may be found from the postcode or town."""
        if part.country:
            known = self.known if part.country in NL_DE else None
            nuts3 = nuts3_for(
                country=part.country, postcode=part.postcode, nuts_code=part.nuts_code, table=self.table, known=known
            )
            return part.country, nuts3 or self.towns.get(place_key(part.town, part.country), "")
        found = {
            (country, nuts3)
            for country in NL_DE
            if (nuts3 := self.table.nuts3(country, part.postcode) or self.towns.get(place_key(part.town, country)))
        }
        return next(iter(found)) if len(found) == 1 else ("", "")


def _money(value: Decimal | None) -> Decimal | None:
    return value.quantize(Decimal("0.01")) if value is not None else None


def _project_values(project: SheetProject) -> dict[str, Any]:
    return {
        "title": project.title[:500],
        "acronym": project.acronym[:60],
        "programme": project.programme.value,
        "programme_detail": project.programme_name[:200],
        "call": project.call[:200],
        "module": project.module[:200],
        "phase": project.phase.value if project.phase else "",
        "start_date": project.start_date,
        "start_year": project.start_date.year if project.start_date else None,
        "end_date": project.end_date,
        "total_cost": _money(project.total_cost),
        "funding": _money(project.funding),
    }


def projects_sheet_import(
    *, data: bytes | str, source: str, programme: Programme | None = None, dry_run: bool = False
) -> SheetImport:
    """Import a projects sheet under `source` ("sheet:<name>"): everything, or (on any problem) nothing.

    `programme` is the programme of the projects whose row names none. Organisations of the platform
    are never created here; matched ones that lack a PIC or VAT number get the sheet's.
    """
    sheet = read_projects_sheet(data, programme=programme)
    result = SheetImport(source=source, layout=sheet.layout, ignored_columns=sheet.ignored_columns)
    result.problems += sheet.problems
    if not result.ok:
        return result
    with transaction.atomic():
        _plan_and_write(result, sheet.projects, dry_run=dry_run)
        if not result.ok:
            transaction.set_rollback(True)
    return result


def _plan_and_write(result: SheetImport, projects: tuple[SheetProject, ...], *, dry_run: bool) -> None:
    matcher, places = _Matcher(), _Places()
    matches: dict[str, Organisation | None] = {}
    wanted: dict[str, dict[str, dict[str, Any]]] = {}
    for project in projects:
        lines: dict[str, tuple[int, str]] = {}
        wanted[project.id] = {}
        for part in project.participants:
            values = _participation_values(result, part, matcher, places, matches)
            org = values["organisation"]
            key = participant_key(
                organisation_id=org.pk if org else None, pic=values["pic"], name=part.name, country=values["country"]
            )
            if key in lines:
                line, other = lines[key]
                message = (
                    SAME_ORGANISATION.bind(name=part.name, organisation=org.name, other=other, line=line)
                    if org is not None
                    else DUPLICATE_PARTICIPANT.bind(name=part.name, id=project.id, line=line)
                )
                result.problems.append(Problem(part.line, None, message))
                continue
            lines[key] = (part.line, part.name)
            wanted[project.id][key] = values
    if not result.ok:
        result.problems.sort(key=lambda problem: problem.line)
        return
    result.participations = sum(len(parts) for parts in wanted.values())
    existing = {
        p.source_id: p
        for p in Project.objects.filter(source=result.source, source_id__in=list(wanted)).prefetch_related(
            "participations"
        )
    }
    for project in projects:
        _write_project(result, project, wanted[project.id], existing.get(project.id), dry_run=dry_run)
    if not dry_run:
        _store_identifiers(projects, matches)
        transaction.on_commit(lambda: participations_bulk_written.send(sender=Participation))
        result.written = True


def _participation_values(
    result: SheetImport,
    part: SheetParticipant,
    matcher: _Matcher,
    places: _Places,
    matches: dict[str, Organisation | None],
) -> dict[str, Any]:
    country, nuts3 = places.resolve(part)
    first = part.identity not in matches
    if first:
        org, uncertain = matcher.match(part, country)
        matches[part.identity] = org
        if org is not None:
            result.organisations_matched += 1
        elif uncertain is not None:
            result.uncertain.append(uncertain)
        else:
            result.organisations_new += 1
    org = matches[part.identity]
    if org is not None:
        country = country or org.country
        nuts3 = nuts3 or (org.town.nuts3_id if org.town is not None else "")
        outside_area, outside_nl_de = not org.in_programme_area, False
    else:
        outside_nl_de = bool(country) and country not in NL_DE
        outside_area = outside_nl_de or (bool(nuts3) and nuts3 not in places.area)
        if not nuts3 and first:
            given = ", ".join(text for text in (part.postcode, part.town, part.nuts_code) if text)
            result.unplaced.append(Unplaced(part.line, part.name, country, given))
    kind = part.kind.value if part.kind else (participant_kind_of(org.kind) if org is not None else "")
    return {
        "organisation": org,
        "pic": part.pic,
        "name": part.name[:300],
        "country": country,
        "city": (part.town or (_town_name(org) if org is not None else ""))[:150],
        "nuts_code": (nuts3 or part.nuts_code)[:5],
        "kind": kind,
        "outside_programme_area": outside_area,
        "outside_nl_de": outside_nl_de,
        "role": part.role.value,
        "contribution": _money(part.contribution),
        "ended_early": part.ended_early,
    }


def _current_values(participation: Participation, names: list[str]) -> dict[str, Any]:
    return {name: getattr(participation, f"{name}_id" if name == "organisation" else name) for name in names}


def _comparable(values: dict[str, Any]) -> dict[str, Any]:
    org = values.get("organisation")
    return {**values, "organisation": org.pk if isinstance(org, Organisation) else org}


def _write_project(
    result: SheetImport,
    project: SheetProject,
    wanted: dict[str, dict[str, Any]],
    stored: Project | None,
    *,
    dry_run: bool,
) -> None:
    values = _project_values(project)
    if stored is None:
        result.projects_new += 1
        if not dry_run:
            created = Project.objects.create(source=result.source, source_id=project.id, **values)
            Participation.objects.bulk_create(Participation(project=created, **parts) for parts in wanted.values())
        return
    current = {p.participant_key: p for p in stored.participations.all()}
    names = list(next(iter(wanted.values()), {}).keys())
    same_project = all(getattr(stored, name) == value for name, value in values.items())
    same_parts = set(current) == set(wanted) and all(
        _current_values(current[key], names) == _comparable(parts) for key, parts in wanted.items()
    )
    if same_project and same_parts:
        result.projects_unchanged += 1
        return
    result.projects_updated += 1
    if dry_run:
        return
    Project.objects.filter(pk=stored.pk).update(**values)
    Participation.objects.filter(pk__in=[p.pk for key, p in current.items() if key not in wanted]).delete()
    new = []
    for key, parts in wanted.items():
        if key in current:
            Participation.objects.filter(pk=current[key].pk).update(**parts)
        else:
            new.append(Participation(project=stored, **parts))
    Participation.objects.bulk_create(new)


def _store_identifiers(projects: tuple[SheetProject, ...], matches: dict[str, Organisation | None]) -> None:
    """Give matched organisations the sheet's PIC and VAT number where they had none, for the next import."""
    taken = set(Organisation.objects.exclude(pic=None).exclude(pic="").values_list("pic", flat=True))
    for part in (part for project in projects for part in project.participants):
        org = matches.get(part.identity)
        if org is None:
            continue
        changes: dict[str, str] = {}
        if part.pic and not org.pic and part.pic not in taken:
            changes["pic"] = org.pic = part.pic
            taken.add(part.pic)
        if part.vat and not org.vat_number:
            changes["vat_number"] = org.vat_number = part.vat
        if changes:
            Organisation.objects.filter(pk=org.pk).update(**changes)
