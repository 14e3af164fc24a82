"""`manage.py import_cordis`: the CORDIS files in, all or nothing, the same files twice change nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from borderless.jobs.models import Job
from borderless.network.models import Participation, Programme, Project, Role
from borderless.organisations.models import Organisation
from tests.conftest import make_org

DATA = Path(__file__).resolve().parent.parent / "core" / "data" / "cordis"
PROJECTS = DATA / "project.csv"
ORGANISATIONS = DATA / "organization.csv"

pytestmark = pytest.mark.django_db


def run(project: Path = PROJECTS, organisation: Path = ORGANISATIONS, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_cordis", str(project), str(organisation), *options, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def snapshot() -> list[tuple]:
    projects = list(Project.objects.order_by("source_id").values_list())
    participations = list(Participation.objects.order_by("project__source_id", "pic").values_list())
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", "pic", "vat_number", "updated_at"))
    return [projects, participations, organisations]


def test_import_stores_every_project_and_every_partner_anywhere():
    code, out, _err = run()
    assert code == 0, _err
    assert Project.objects.count() == 3
    grenslab = Project.objects.get(source="cordis", source_id="101070123")
    assert grenslab.acronym == "GRENSLAB"
    assert grenslab.programme == Programme.HORIZON_EUROPE
    assert str(grenslab.start_date) == "2022-09-01"
    assert Project.objects.get(source_id="857123").programme == Programme.H2020
    assert Participation.objects.count() == 8
    twente = Participation.objects.get(pic="999974101", project=grenslab)
    assert twente.role == Role.LEAD
    assert str(twente.contribution) == "1234567.50"
    assert twente.kind == "knowledge"
    greek = Participation.objects.get(pic="999974505")
    assert greek.country == "GR"
    assert greek.outside_nl_de and greek.outside_programme_area
    manchester = Participation.objects.get(pic="999974606")
    assert manchester.country == "GB" and manchester.outside_nl_de
    assert Participation.objects.get(pic="999974808").role == Role.OTHER
    assert "3 new" in out


def test_dry_run_previews_and_writes_nothing():
    code, out, _err = run(PROJECTS, ORGANISATIONS, "--dry-run")
    assert code == 0
    assert "Projects: 3 new, 0 updated, 0 unchanged." in out
    assert "Organisations: 0 matched, 8 new, 0 uncertain." in out
    assert Project.objects.count() == 0
    assert Participation.objects.count() == 0


def test_importing_the_same_files_twice_changes_nothing():
    make_org("Universiteit Twente", kind="knowledge", town_name="Enschede", country="NL")
    code, out, _err = run()
    assert code == 0 and "computed again" in out
    before = snapshot()
    code, out, _err = run()
    assert code == 0
    assert "Projects: 0 new, 0 updated, 3 unchanged." in out
    assert snapshot() == before
    assert "computed again" not in out  # nothing changed: the figures stand, no new computation
    assert Job.objects.filter(kind="network-figures").count() == 1


@pytest.mark.parametrize(
    ("project", "organisation"),
    [("project_bad_values.csv", "organization.csv"), ("project.csv", "organization_bad_values.csv")],
)
def test_a_bad_row_imports_nothing_and_reports_the_row(project, organisation):
    make_org("Universiteit Twente", kind="knowledge", town_name="Enschede", country="NL")
    code, _out, err = run(DATA / project, DATA / organisation)
    assert code == 1
    assert ", line " in err
    assert Project.objects.count() == 0
    assert Participation.objects.count() == 0
    assert Organisation.objects.get(name="Universiteit Twente").pic is None


def test_the_report_speaks_the_readers_language():
    with translation.override("de"):
        code, _out, err = run(DATA / "project_missing_column.csv", ORGANISATIONS)
    assert code == 1
    assert "project_missing_column.csv, Zeile 1: Der Datei fehlen die Pflichtspalten" in err
    assert "Es wurde nichts importiert" in err


def test_a_participation_of_a_project_not_in_the_project_file_imports_nothing(tmp_path):
    lines = PROJECTS.read_text(encoding="utf-8").splitlines(keepends=True)
    header, rest = lines[0], "".join(lines[1:])
    kept = header + rest[: rest.index('"857123"')]
    path = tmp_path / "project.csv"
    path.write_text(kept, encoding="utf-8")
    code, _out, err = run(path, ORGANISATIONS)
    assert code == 1
    assert "857123" in err
    assert Project.objects.count() == 0


def test_organisations_are_matched_by_pic_before_vat_and_name():
    by_pic = make_org("Some Other Name", kind="knowledge", town_name="Münster", country="DE")
    Organisation.objects.filter(pk=by_pic.pk).update(pic="999974202")
    by_vat = make_org("Twente University", kind="knowledge", town_name="Enschede", country="NL")
    Organisation.objects.filter(pk=by_vat.pk).update(vat_number="NL001234567B01")
    by_name = make_org("Sensorbouw B.V.", town_name="Hengelo", country="NL")
    code, out, _err = run()
    assert code == 0, _err
    assert Participation.objects.get(pic="999974202").organisation == by_pic
    assert Participation.objects.get(pic="999974101").organisation == by_vat
    assert Participation.objects.get(pic="999974303").organisation == by_name
    assert Organisation.objects.get(pk=by_vat.pk).pic == "999974101"
    assert Organisation.objects.get(pk=by_name.pk).pic == "999974303"
    assert "Organisations: 3 matched, 5 new, 0 uncertain." in out


def test_a_name_in_another_town_is_listed_for_review_not_merged():
    other = make_org("Sensorbouw BV", town_name="Nijmegen", country="NL")
    code, out, _err = run()
    assert code == 0
    assert "uncertain" in out and "To review: SENSORBOUW BV" in out
    assert Participation.objects.get(pic="999974303").organisation is None
    assert Organisation.objects.get(pk=other.pk).pic is None


def test_files_with_a_byte_order_mark_and_crlf_import_the_same():
    assert run(DATA / "project_bom_crlf.csv", DATA / "organization_bom_crlf.csv")[0] == 0
    before = snapshot()
    code, out, _err = run()
    assert code == 0
    assert "0 new, 0 updated" in out
    assert snapshot() == before


def test_two_pics_of_one_project_that_are_one_organisation_import_nothing_and_say_why():
    """A shared VAT number makes two participants one platform organisation: reported, not guessed."""
    twente = make_org("Twente University", kind="knowledge", town_name="Enschede", country="NL")
    Organisation.objects.filter(pk=twente.pk).update(pic="999974202", vat_number="NL001234567B01")
    code, _out, err = run()
    assert code == 1
    assert "PIC 999974202 and PIC 999974101 of project 101070123 are both the platform's organisation" in err
    assert "organization.csv, column organisationID" in err
    assert Project.objects.count() == 0 and Participation.objects.count() == 0
