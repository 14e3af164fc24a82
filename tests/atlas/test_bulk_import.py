"""Bulk import of organisations from CSV: all or nothing, with a report that names line and column."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from borderless.atlas import bulk_import
from borderless.atlas.bulk_import import ImportRefused, organisations_import
from borderless.atlas.models import AtlasProfile
from borderless.core.matching.synthetic import CSV_COLUMNS
from borderless.matching import index as matching_index
from borderless.organisations.models import Membership, Organisation
from tests.atlas.atlas_profiles import taxonomy  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
ROWS = 40


@pytest.fixture
def population(tmp_path, taxonomy):  # noqa: F811
    path = tmp_path / "population.csv"
    call_command("generate_population", str(path), "--n", str(ROWS), "--seed", "7", stdout=io.StringIO())
    return path


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_organisations_csv", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_file_is_imported_with_profiles_offers_and_needs(population):
    rows = rows_of(population)
    before = Organisation.objects.count()

    out, _err = run(str(population))

    assert f"{ROWS} organisations" in out
    assert Organisation.objects.count() == before + ROWS
    first = rows[0]
    org = Organisation.objects.get(slug=f"synthetic-{first['id']}")
    assert org.name == first["name"] and org.kind == first["kind"]
    assert org.town_id == int(first["town_geonameid"]) and org.nuts3.code == first["nuts3"]
    profile = org.atlas_profile
    assert sorted(profile.offers.values_list("code", flat=True)) == first["offers"].split()
    assert sorted(profile.needs.values_list("code", flat=True)) == first["needs"].split()
    assert profile.visibility == first["visibility"]
    assert profile.imported_follower_group == first["follower_group"]
    assert profile.imported_cooperated == (first["cooperated"] == "1")
    offered = sum(len(r["offers"].split()) for r in rows)
    assert (
        AtlasProfile.offers.through.objects.filter(atlasprofile__organisation__slug__startswith="synthetic-").count()
        == offered
    )
    # The matcher sees them at its next query.
    assert matching_index.index_info().profiles == ROWS


def test_bad_rows_mean_nothing_is_imported_and_the_report_names_line_and_column(population):
    rows = rows_of(population)
    rows[1]["town_geonameid"] = "999999999"  # line 3
    rows[3]["needs"] = "tech.sensors tech.telepathy"  # line 5
    rows[5]["follower_group"] = "early_bird"  # line 7
    rows[6]["nuts3"] = "NL999"  # line 8
    write(population, rows)
    before = Organisation.objects.count()

    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="4 problem"):
        call_command("import_organisations_csv", str(population), stdout=out, stderr=err)
    report = err.getvalue()
    assert ":3:town_geonameid: Unknown town" in report
    assert ":5:needs: Unknown competence code(s): tech.telepathy." in report
    assert ":7:follower_group: Unknown follower group" in report
    assert ":8:nuts3: Unknown NUTS-3 region" in report
    assert Organisation.objects.count() == before


def test_a_file_with_other_columns_is_refused_at_line_one(tmp_path, taxonomy):  # noqa: F811
    path = tmp_path / "other.csv"
    path.write_text("name,town\nAcme,Enschede\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        organisations_import(path=path)
    assert refused.value.check.errors[0].line == 1


def test_a_file_cannot_be_imported_twice(population):
    run(str(population))
    with pytest.raises(ImportRefused) as refused:
        organisations_import(path=population)
    first = refused.value.check.errors[0]
    assert (first.line, first.column) == (2, "id")
    assert "synthetic-1 exists already" in first.message


def test_check_only_writes_nothing(population):
    before = Organisation.objects.count()
    out, _err = run(str(population), "--check")
    assert f"{ROWS} rows, no problems" in out
    assert Organisation.objects.count() == before


def test_remove_takes_out_the_imported_organisations_only(population, alice):
    run(str(population))
    # Someone joined one of the imported organisations: it goes too, through Django's rules.
    Membership.objects.create(
        user=make_user("joiner@example.de"), organisation=Organisation.objects.get(slug="synthetic-3")
    )

    out, _err = run("--remove")

    assert f"{ROWS} organisations" in out
    assert not Organisation.objects.filter(slug__startswith="synthetic-").exists()
    assert Organisation.objects.filter(memberships__user=alice).exists()
    assert not AtlasProfile.objects.filter(organisation__isnull=True).exists()


def test_a_prefix_that_could_match_everything_is_refused(db):
    with pytest.raises(CommandError):
        run("--remove", "--prefix", "")
    with pytest.raises(CommandError):
        run("--remove", "--prefix", "%")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; runs when DATABASE_URL is PostgreSQL"
)
def test_postgresql_imports_with_copy_and_keeps_its_foreign_keys(population, monkeypatch, alice):
    def foreign_keys():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 2"
            )
            return cursor.fetchall()

    keys = foreign_keys()
    monkeypatch.setattr(bulk_import, "LARGE_IMPORT", 1)  # the large-import path: keys dropped and re-created

    result = organisations_import(path=population)

    assert result.method == "copy"
    assert result.organisations == ROWS
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == ROWS
    assert foreign_keys() == keys
    assert bulk_import.imported_organisations_remove() == ROWS
    assert foreign_keys() == keys
    assert Organisation.objects.filter(memberships__user=alice).exists()


def test_a_spreadsheets_file_with_byte_order_mark_and_semicolons_is_imported(population):
    rows = rows_of(population)
    with open(population, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    seen = []

    result = organisations_import(path=population, progress=lambda step, done: seen.append((step, done)))

    assert result.organisations == ROWS
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == ROWS
    assert ("check", ROWS) in seen and seen[-1][0] == "write"
