"""Bulk import of organisations with their atlas profiles from a CSV file, all or nothing.

The file has a header row naming its columns, in any order, separated by commas or, as spreadsheets
in Germany and the Netherlands save it, semicolons, with or without a byte-order mark; one
organisation per row. Required: `id`, `name`, `kind` (the platform's kinds, or CORDIS's activity
types HES, REC, PRC, PUB, OTH), `country` (NL or DE) and `visibility`. Optional: the place
(`town_geonameid`, `town`, `postcode`, `nuts3`; see `bulk_import_places`: a row that names no place
is imported without a town, "place unknown"), `size_class` (empty: not known), `sector`, `offers`
and `needs` (competence codes separated by spaces), `follower_group` and `cooperated` (1 or 0). The
synthetic population (`borderless.core.matching.synthetic.CSV_COLUMNS`) has this layout.

Two passes over the file, so that memory stays flat whatever its size:

1. `organisations_import_check` reads every row and checks it against the reference data (towns and
   their NUTS-3 regions, the postcode table, NACE divisions, the taxonomy's competence codes, the
   kinds, size classes, follower groups and visibilities the platform knows). Every problem is
   reported with its line number, column and a message; when there is any, nothing is written.
2. `organisations_import` writes everything in one transaction. On PostgreSQL the rows are streamed
   with COPY into a temporary staging table and moved into the real tables (organisations, atlas
   profiles, offers and needs) by four INSERT … SELECT statements (`bulk_import_postgres`);
   550,000 organisations took 90 s on the 2-core development machine. On SQLite (the laptop path)
   the rows are written with `bulk_create` in batches, which is slower (minutes for the full
   population) but needs nothing else.

Imported organisations get the slug `<prefix><id>` ("synthetic-4711") so they can be told apart and
removed again with `imported_organisations_remove`. The follower group and the cooperation flag of
the file go to `AtlasProfile.imported_follower_group` / `imported_cooperated`: an imported firm has
no quickscan result or project record here, and inventing those would distort the quickscan's peer
comparisons and the regional statistics.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _

from borderless.core import cordis
from borderless.core.places import normalise_country, repair_mojibake
from borderless.organisations.models import Country, NaceDivision, Organisation, OrganisationKind, SizeClass, Town
from borderless.quickscan.models import FollowerGroup

from .bulk_import_places import AddedTown, PlaceResolver
from .bulk_import_postgres import copy_import, foreign_keys_drop, foreign_keys_restore, table_name
from .models import AtlasProfile, Competence, Visibility
from .signals import profiles_bulk_written

DEFAULT_PREFIX = "synthetic-"
MAX_REPORTED_ERRORS = 1000
BATCH = 2000  # rows per bulk_create batch on SQLite
# From this many rows on, PostgreSQL checks foreign keys once at the end (see bulk_import_postgres).
LARGE_IMPORT = 20_000
_PREFIX = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-$")
NAME_MAX = Organisation._meta.get_field("name").max_length
# Told how far an import got: (step, rows done), the step being "check" or "write"; every this many rows.
Progress = Callable[[str, int], None]
PROGRESS_EVERY = 500

REQUIRED_COLUMNS = ("id", "name", "kind", "country", "visibility")
OPTIONAL_COLUMNS = (
    "town_geonameid",
    "town",
    "postcode",
    "nuts3",
    "size_class",
    "sector",
    "offers",
    "needs",
    "follower_group",
    "cooperated",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# CORDIS's activity types, for files taken from CORDIS: the platform's kind of each.
ACTIVITY_KINDS = {
    code: {
        cordis.OrganisationKind.KNOWLEDGE_INSTITUTION: OrganisationKind.KNOWLEDGE,
        cordis.OrganisationKind.COMPANY: OrganisationKind.COMPANY,
        cordis.OrganisationKind.PUBLIC_AUTHORITY: OrganisationKind.AUTHORITY,
        cordis.OrganisationKind.OTHER: OrganisationKind.OTHER,
    }[kind].value
    for code, kind in cordis.ACTIVITY_TYPES.items()
}


@dataclass(frozen=True)
class RowError:
    line: int  # line of the file, the header being line 1
    column: str  # empty when the whole row or file is concerned
    message: str

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else str(self.line)
        return f"{where}: {self.message}"


@dataclass
class ImportCheck:
    """The result of the checking pass: the rows read and the problems found (the first 1,000 of them).

    `unplaced` counts the rows that name no place: they are imported without a town ("place unknown").
    """

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    unplaced: int = 0
    # Towns the shipped list lacks, found in GeoNames for rows that give their region (added on import).
    added_towns: list[AddedTown] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add(self, line: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(line, column, message))


class ImportRefused(Exception):
    """The file has problems; nothing was written. `check` holds the report."""

    def __init__(self, check: ImportCheck) -> None:
        super().__init__(f"{check.error_count} problem(s) in the file")
        self.check = check


@dataclass(frozen=True)
class ImportResult:
    organisations: int
    offers: int
    needs: int
    seconds: float
    method: str  # "copy" (PostgreSQL) or "bulk_create" (other databases)
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step, for the curious
    unplaced: int = 0  # organisations imported without a town: their place is not known


@dataclass(frozen=True)
class _Row:
    id: int
    name: str
    kind: str
    country: str
    town_id: int | None  # None: the place is not known
    size_class: str  # "": not known
    sector: str | None
    offers: tuple[str, ...]
    needs: tuple[str, ...]
    follower_group: str
    visibility: str
    cooperated: bool


def prefix_check(prefix: str) -> str:
    if not _PREFIX.match(prefix or ""):
        raise ValueError(
            _("The slug prefix must be lower-case letters and digits ending in a hyphen, e.g. “synthetic-”.")
        )
    return prefix


class _Reference:
    """The reference data a row is checked against, read once."""

    def __init__(self, prefix: str) -> None:
        self.places = PlaceResolver.from_database()
        self.sectors = set(NaceDivision.objects.values_list("code", flat=True))
        self.codes = set(Competence.objects.values_list("code", flat=True))
        self.taken = {
            slug[len(prefix) :]
            for slug in Organisation.objects.filter(slug__startswith=prefix).values_list("slug", flat=True)
        }
        self.kinds = set(OrganisationKind.values)
        self.sizes = set(SizeClass.values)
        self.groups = set(FollowerGroup.values)
        self.visibilities = set(Visibility.values)


def _header_problems(header: list[str]) -> list[str]:
    """What is wrong with the first line: missing, unknown or repeated column names."""
    problems = []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(_("The first line lacks the column(s) %(columns)s.") % {"columns": ", ".join(missing)})
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        problems.append(
            _("Unknown column(s) in the first line: %(columns)s. The columns are %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        problems.append(
            _("The column(s) %(columns)s appear more than once in the first line.") % {"columns": ", ".join(repeated)}
        )
    return problems


def _parse(
    reader, header: list[str], reference: _Reference, check: ImportCheck, prefix: str
) -> Iterator[tuple[int, _Row | None]]:
    """Each data row as (line, parsed row or None when it has a problem), problems added to `check`."""
    seen: set[int] = set()
    width = len(header)
    absent = dict.fromkeys([c for c in COLUMNS if c not in header], "")
    for row in reader:
        line = reader.line_num
        check.rows += 1
        if len(row) != width:
            check.add(
                line, "", _("Expected %(expected)d fields, found %(found)d.") % {"expected": width, "found": len(row)}
            )
            yield line, None
            continue
        v = {**absent, **{column: value.strip() for column, value in zip(header, row, strict=True)}}
        before = check.error_count

        def bad(column: str, message: str, line=line) -> None:
            check.add(line, column, message)

        org_id = None
        try:
            org_id = int(v["id"])
            if org_id <= 0:
                raise ValueError
        except ValueError:
            bad("id", _("Enter a positive whole number."))
            org_id = None
        if org_id is not None:
            if org_id in seen:
                bad("id", _("This id appears twice in the file."))
            elif str(org_id) in reference.taken:
                bad(
                    "id", _("An organisation with the address %(slug)s exists already.") % {"slug": f"{prefix}{org_id}"}
                )
            seen.add(org_id)
        name = repair_mojibake(v["name"])
        if not name:
            bad("name", _("The name is missing."))
        elif len(name) > NAME_MAX:
            bad("name", _("The name is longer than %(max)d characters.") % {"max": NAME_MAX})
        kind = ACTIVITY_KINDS.get(v["kind"].upper(), v["kind"].lower())
        if kind not in reference.kinds:
            bad("kind", _("Unknown kind “%(value)s”.") % {"value": v["kind"]})
        country = normalise_country(v["country"])
        town = None
        if country not in Country.values:
            bad("country", _("Unknown country “%(value)s”.") % {"value": v["country"]})
        else:
            place = reference.places.resolve(
                country=country, geonameid=v["town_geonameid"], town=v["town"], postcode=v["postcode"], nuts3=v["nuts3"]
            )
            for column, message in place.problems:
                bad(column, message)
            town = place.town
        size_class = v["size_class"].lower()
        if size_class and size_class not in reference.sizes:
            bad("size_class", _("Unknown size class “%(value)s”.") % {"value": v["size_class"]})
        sector = v["sector"] or None
        if sector is not None and sector not in reference.sectors:
            bad("sector", _("Unknown NACE division “%(value)s”.") % {"value": sector})
        codes = {}
        for column in ("offers", "needs"):
            codes[column] = tuple(dict.fromkeys(v[column].split()))
            unknown = [c for c in codes[column] if c not in reference.codes]
            if unknown:
                bad(column, _("Unknown competence code(s): %(codes)s.") % {"codes": ", ".join(unknown)})
        if v["follower_group"] and v["follower_group"] not in reference.groups:
            bad("follower_group", _("Unknown follower group “%(value)s”.") % {"value": v["follower_group"]})
        if v["visibility"] not in reference.visibilities:
            bad("visibility", _("Unknown visibility “%(value)s”.") % {"value": v["visibility"]})
        if v["cooperated"] not in ("", "0", "1"):
            bad("cooperated", _("Enter 1 or 0."))
        if check.error_count > before:
            yield line, None
            continue
        if town is None:
            check.unplaced += 1
        yield (
            line,
            _Row(
                id=org_id,
                name=name,
                kind=kind,
                country=country,
                town_id=town.geonameid if town is not None else None,
                size_class=size_class,
                sector=sector,
                offers=codes["offers"],
                needs=codes["needs"],
                follower_group=v["follower_group"],
                visibility=v["visibility"],
                cooperated=v["cooperated"] == "1",
            ),
        )


def _rows(
    path: Path, reference: _Reference, check: ImportCheck, prefix: str, progress: Progress | None = None
) -> Iterator[_Row]:
    """The parsed rows of the file; reading problems (encoding, header, CSV syntax) land in `check`."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        try:
            first = file.readline()
        except UnicodeDecodeError:
            check.add(1, "", _("The file is not UTF-8 text from here on."))
            return
        file.seek(0)
        reader = csv.reader(file, delimiter=";" if first.count(";") > first.count(",") else ",", strict=True)
        try:
            header = [h.strip() for h in next(reader, None) or []]
            problems = _header_problems(header) if header else [_("The file is empty.")]
            if problems:
                for problem in problems:
                    check.add(1, "", problem)
                return
            for _line, row in _parse(reader, header, reference, check, prefix):
                if progress is not None and check.rows % PROGRESS_EVERY == 0:
                    progress("check", check.rows)
                if row is not None:
                    yield row
        except UnicodeDecodeError:
            check.add(reader.line_num + 1, "", _("The file is not UTF-8 text from here on."))
        except csv.Error as error:
            check.add(reader.line_num, "", _("The line is not valid CSV: %(error)s") % {"error": error})


def organisations_import_check(
    *, path: Path | str, prefix: str = DEFAULT_PREFIX, progress: Progress | None = None
) -> ImportCheck:
    """Read the whole file and report every problem; writes nothing."""
    prefix_check(prefix)
    check = ImportCheck()
    reference = _Reference(prefix)
    for _row in _rows(Path(path), reference, check, prefix, progress):
        pass
    check.added_towns = list(reference.places.added.values())
    if progress is not None:
        progress("check", check.rows)
    if check.rows == 0 and check.ok:
        check.add(2, "", _("The file has no organisations."))
    return check


def organisations_import(
    *, path: Path | str, prefix: str = DEFAULT_PREFIX, progress: Progress | None = None
) -> ImportResult:
    """Check the file, then import all of it in one transaction; raises ImportRefused if any row is bad.

    `progress` hears of every PROGRESS_EVERY rows checked and written. What is written inside the
    transaction is seen by others only when it commits, so a progress page shows the writing step at
    its start until the import is done.
    """
    path = Path(path)
    steps = _Steps()
    check = organisations_import_check(path=path, prefix=prefix, progress=progress)
    steps.done("check")
    if not check.ok:
        raise ImportRefused(check)
    if progress is not None:
        progress("write", 0)
    with transaction.atomic():  # the towns added from GeoNames go with the organisations, or not at all
        _towns_add(check.added_towns)
        reference = _Reference(prefix)
        if connection.vendor == "postgresql":
            counts = copy_import(
                _strict_rows(path, reference, prefix), prefix=prefix, steps=steps, large=check.rows >= LARGE_IMPORT
            )
            method = "copy"
        else:
            counts = _import_batches(path, reference, prefix, progress)
            steps.done("write")
            method = "bulk_create"
    profiles_bulk_written.send(sender=AtlasProfile)  # no model signals were sent
    return ImportResult(*counts, seconds=steps.total, method=method, steps=steps.seconds, unplaced=check.unplaced)


def _towns_add(added: list[AddedTown]) -> None:
    Town.objects.bulk_create(
        [
            Town(
                geonameid=a.town.geonameid,
                name=a.town.name,
                country=a.town.country,
                latitude=a.latitude,
                longitude=a.longitude,
                population=a.town.population,
                nuts3_id=a.town.nuts3,
            )
            for a in added
        ],
        ignore_conflicts=True,
    )


class _Steps:
    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(now - self.last, 2)
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.started


def _strict_rows(path: Path, reference: _Reference, prefix: str) -> Iterator[_Row]:
    """The rows again, for writing; the file was checked, so a problem now means it changed meanwhile."""
    check = ImportCheck()
    yield from _rows(path, reference, check, prefix)
    if not check.ok:
        raise ImportRefused(check)


# --- other databases: bulk_create in batches -------------------------------------------------------------


def _import_batches(
    path: Path, reference: _Reference, prefix: str, progress: Progress | None = None
) -> tuple[int, int, int]:
    totals = [0, 0, 0]
    with transaction.atomic():
        batch: list[_Row] = []
        for row in _strict_rows(path, reference, prefix):
            batch.append(row)
            if len(batch) == BATCH:
                _write_batch(batch, prefix, totals)
                batch = []
                if progress is not None:
                    progress("write", totals[0])
        if batch:
            _write_batch(batch, prefix, totals)
    return totals[0], totals[1], totals[2]


def _write_batch(rows: list[_Row], prefix: str, totals: list[int]) -> None:
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=r.name,
            slug=f"{prefix}{r.id}",
            kind=r.kind,
            country=r.country,
            town_id=r.town_id,
            size_class=r.size_class,
            sector_id=r.sector,
            working_languages="",
            listed_publicly=r.visibility == Visibility.PUBLIC,
        )
        for r in rows
    )
    if any(o.pk is None for o in orgs):  # a database without RETURNING: look the new ids up
        ids = dict(Organisation.objects.filter(slug__in=[o.slug for o in orgs]).values_list("slug", "pk"))
        for o in orgs:
            o.pk = ids[o.slug]
    profiles = AtlasProfile.objects.bulk_create(
        AtlasProfile(
            organisation_id=o.pk,
            visibility=r.visibility,
            imported_follower_group=r.follower_group,
            imported_cooperated=r.cooperated,
        )
        for o, r in zip(orgs, rows, strict=True)
    )
    if any(p.pk is None for p in profiles):
        ids = dict(
            AtlasProfile.objects.filter(organisation_id__in=[o.pk for o in orgs]).values_list("organisation_id", "pk")
        )
        for p in profiles:
            p.pk = ids[p.organisation_id]
    for n, relation in ((1, "offers"), (2, "needs")):
        through = getattr(AtlasProfile, relation).through
        links = [
            through(atlasprofile_id=p.pk, competence_id=code)
            for p, r in zip(profiles, rows, strict=True)
            for code in getattr(r, relation)
        ]
        through.objects.bulk_create(links, batch_size=5000)
        totals[n] += len(links)
    totals[0] += len(orgs)


# --- removal ---------------------------------------------------------------------------------------------


def imported_organisations_remove(*, prefix: str = DEFAULT_PREFIX) -> int:
    """Delete every organisation whose slug starts with `prefix`, with its profile; returns how many.

    Organisations that anything else refers to (a member, a quickscan, a contact request, a project …)
    are deleted through the ORM, so that Django's rules for those relations apply. The others, all of
    them for a fresh import, go in plain SQL: offers and needs, profiles, organisations. Django's
    deletion would load the millions of offer and need rows of the full population one by one.
    """
    prefix_check(prefix)
    selected = Organisation.objects.filter(slug__startswith=prefix)
    like = prefix + "%"  # the prefix holds only letters, digits and hyphens: nothing to escape
    profile_table, org_table = table_name(AtlasProfile), table_name(Organisation)
    with transaction.atomic():
        referenced: set[int] = set()
        for rel in Organisation._meta.related_objects:
            if rel.many_to_many or (rel.related_model is AtlasProfile and rel.field.name == "organisation"):
                continue
            referring = rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": selected.values("pk")})
            referenced.update(referring.values_list(rel.field.attname, flat=True).distinct())
        removed = 0
        ids = sorted(referenced)
        for start in range(0, len(ids), 1000):
            removed += selected.filter(pk__in=ids[start : start + 1000]).count()
            selected.filter(pk__in=ids[start : start + 1000]).delete()
        with connection.cursor() as cursor:
            large = connection.vendor == "postgresql" and selected.count() >= LARGE_IMPORT
            tables = [
                org_table,
                profile_table,
                *(table_name(getattr(AtlasProfile, r).through) for r in ("offers", "needs")),
            ]
            dropped = foreign_keys_drop(cursor, tables) if large else []
            profiles = (
                f"SELECT p.id FROM {profile_table} p JOIN {org_table} o ON o.id = p.organisation_id"
                " WHERE o.slug LIKE %s"
            )
            for relation in ("offers", "needs"):
                through = table_name(getattr(AtlasProfile, relation).through)
                cursor.execute(f"DELETE FROM {through} WHERE atlasprofile_id IN ({profiles})", [like])
            cursor.execute(f"DELETE FROM {profile_table} WHERE id IN ({profiles})", [like])
            cursor.execute(f"DELETE FROM {org_table} WHERE slug LIKE %s", [like])
            removed += cursor.rowcount
            foreign_keys_restore(cursor, dropped)
    profiles_bulk_written.send(sender=AtlasProfile)
    return removed
