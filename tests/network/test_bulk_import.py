"""The CORDIS import's bulk writes (COPY on PostgreSQL, bulk_create on SQLite): the rows the ORM would write."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from borderless.core import cordis
from borderless.network import bulk, services
from borderless.network.models import Participation, Project
from borderless.network.services import CordisImport, cordis_import
from borderless.network.signals import participations_bulk_written
from borderless.organisations.models import Organisation
from tests.conftest import make_org

DATA = Path(__file__).resolve().parent.parent / "core" / "data" / "cordis"
PROJECTS = DATA / "project.csv"
ORGANISATIONS = DATA / "organization.csv"

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; runs when DATABASE_URL is PostgreSQL"
)


def run(projects: Path = PROJECTS, organisations: Path = ORGANISATIONS, *, dry_run: bool = False) -> CordisImport:
    return cordis_import(
        projects_data=projects.read_bytes(), organisations_data=organisations.read_bytes(), dry_run=dry_run
    )


def rows() -> tuple[list[dict], list[dict]]:
    """Every project and participation with every field but the database's ids, in a fixed order."""
    project_fields = [f.attname for f in Project._meta.concrete_fields if not f.primary_key]
    participation_fields = [
        f.attname for f in Participation._meta.concrete_fields if not f.primary_key and f.name != "project"
    ]
    projects = list(Project.objects.order_by("source_id").values(*project_fields))
    participations = list(
        Participation.objects.order_by("project__source_id", "pic").values("project__source_id", *participation_fields)
    )
    return projects, participations


def network_clear() -> None:
    Participation.objects.all().delete()
    Project.objects.all().delete()


def altered(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture files with every project and some participations changed, one participant more."""
    projects = PROJECTS.read_text(encoding="utf-8")
    for acronym in ("GRENSLAB", "WATERKANT", "OLDH2020"):
        projects = projects.replace(f'"{acronym}"', f'"OLD{acronym[:4]}"')
    projects = projects.replace('"2022-09-01"', '"2021-09-01"').replace('"4998750"', '"12,50"')
    lines = ORGANISATIONS.read_text(encoding="utf-8").splitlines(keepends=True)
    extra = lines[1].replace('"999974101"', '"999979999"').replace('"NL001234567B01"', '""')
    extra = extra.replace('"UNIVERSITEIT TWENTE"', '"TWENTE SPIN-OFF"')
    organisations = (
        "".join([*lines[:-1], extra]).replace('"987654,32"', '"1,00"').replace('"coordinator"', '"thirdParty"')
    )
    (tmp_path / "project.csv").write_text(projects, encoding="utf-8")
    (tmp_path / "organization.csv").write_text(organisations, encoding="utf-8")
    return tmp_path / "project.csv", tmp_path / "organization.csv"


@pytest.fixture
def twente():
    """A platform organisation the import matches (by name and town), so that one row links to it."""
    return make_org("Universiteit Twente", kind="knowledge", town_name="Enschede", country="NL")


def test_new_projects_written_in_bulk_hold_the_rows_the_orm_writes_when_it_updates(tmp_path, twente):
    assert run().projects_new == 3
    written_in_bulk = rows()
    assert any(p["organisation_id"] == twente.pk for p in written_in_bulk[1])

    network_clear()
    old_projects, old_organisations = altered(tmp_path)
    assert run(old_projects, old_organisations).projects_new == 3
    assert rows() != written_in_bulk
    result = run()

    assert (result.projects_new, result.projects_updated) == (0, 3)
    assert rows() == written_in_bulk


@postgresql_only
def test_copy_writes_the_rows_bulk_create_writes(monkeypatch, twente):
    run()
    copied = rows()
    network_clear()
    monkeypatch.setattr(bulk, "_copy", bulk._bulk_create)
    run()

    assert rows() == copied


@postgresql_only
def test_a_project_created_after_a_copy_gets_a_new_id():
    run()
    ids = set(Project.objects.values_list("pk", flat=True))

    project = Project.objects.create(title="Written by hand", programme="other", source="test", source_id="1")

    assert project.pk not in ids


def test_projects_in_several_blocks_are_written_alike(monkeypatch, twente):
    run()
    in_one_block = rows()
    network_clear()
    monkeypatch.setattr(bulk, "BLOCK", 2)
    monkeypatch.setattr(cordis, "_BLOCK", 2)
    run()

    assert rows() == in_one_block


def test_saving_an_imported_project_through_the_model_changes_nothing():
    run()
    before = rows()

    for project in Project.objects.all():
        project.save()

    assert rows() == before


def test_importing_the_same_files_again_changes_nothing(twente):
    run()
    before = rows(), list(Organisation.objects.order_by("pk").values_list("pk", "pic", "vat_number", "updated_at"))

    result = run()

    assert (result.projects_new, result.projects_updated, result.projects_unchanged) == (0, 0, 3)
    assert (rows(), list(Organisation.objects.order_by("pk").values_list("pk", "pic", "vat_number", "updated_at"))) == (
        before
    )


def test_a_bad_row_after_many_good_ones_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(cordis, "_BLOCK", 2)  # the rows are checked two at a time, the bad one in the last block
    lines = ORGANISATIONS.read_text(encoding="utf-8").splitlines(keepends=True)
    assert '"BERLIN";"DE"' in lines[-1]
    bad = tmp_path / "organization.csv"
    bad.write_text("".join([*lines[:-1], lines[-1].replace('"BERLIN";"DE"', '"BERLIN";"D"')]), encoding="utf-8")

    result = run(PROJECTS, bad)

    assert not result.written
    assert [(p.file, p.line, p.column) for p in result.problems] == [("organisation", len(lines), "country")]
    assert (Project.objects.count(), Participation.objects.count()) == (0, 0)


def test_a_failure_after_the_bulk_writes_leaves_nothing_behind(monkeypatch, twente):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "_store_identifiers", fail)

    with pytest.raises(RuntimeError):
        run()

    assert (Project.objects.count(), Participation.objects.count()) == (0, 0)


def test_a_preview_counts_what_the_import_writes_and_tells_no_one(twente):
    told = []

    def receiver(sender, **kwargs):
        told.append(sender)

    participations_bulk_written.connect(receiver)
    try:
        preview = run(dry_run=True)
        assert (Project.objects.count(), Participation.objects.count(), told) == (0, 0, [])
        result = run()
    finally:
        participations_bulk_written.disconnect(receiver)

    counts = ("projects_new", "projects_updated", "projects_unchanged", "organisations_matched", "organisations_new")
    assert [getattr(preview, name) for name in counts] == [getattr(result, name) for name in counts]
    assert not preview.written and result.written
    assert told == [Participation]
    assert (Project.objects.count(), Participation.objects.count()) == (3, 8)
