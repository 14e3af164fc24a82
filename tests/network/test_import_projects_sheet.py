"""`manage.py import_projects_sheet`: a programme's own list or a published one in, all or nothing."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from borderless.core import project_sheet
from borderless.network.models import ParticipantKind, Participation, Phase, Programme, Project, Role
from borderless.network.sheet_import import sheet_source, sheet_source_of_file
from borderless.organisations.models import Organisation
from tests.conftest import make_org

DATA = Path(__file__).resolve().parent.parent / "core" / "data" / "project_sheets"
CASCADE = DATA / "digipro_cascade.xlsx"
DUTCH = DATA / "verbundprojecten_bom.csv"
INTERREG = DATA / "interreg_projects.csv"

pytestmark = pytest.mark.django_db


def run(path: Path, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_projects_sheet", str(path), *options, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def cascade(*options: str) -> tuple[int, str, str]:
    return run(CASCADE, "--programme", "open_formula", "--source", "digipro", *options)


def snapshot() -> list[list[tuple]]:
    return [
        list(Project.objects.order_by("source_id").values_list()),
        list(Participation.objects.order_by("project__source_id", "name").values_list()),
        list(Organisation.objects.order_by("pk").values_list("pk", "pic", "vat_number", "updated_at")),
    ]


def part(project: str, name: str) -> Participation:
    return Participation.objects.get(project__source_id=project, name=name)


def test_the_readers_vocabulary_is_the_network_apps():
    assert {p.value for p in project_sheet.Programme} == set(Programme.values)
    assert {r.value for r in project_sheet.Role} == set(Role.values)
    assert {k.value for k in project_sheet.Kind} == set(ParticipantKind.values)
    assert {p.value for p in project_sheet.Phase} == set(Phase.values)


def test_a_cascade_workbook_imports_every_project_and_partner_with_its_place():
    code, out, err = cascade()

    assert code == 0, err
    assert Project.objects.count() == 3
    robocell = Project.objects.get(source="sheet:digipro", source_id="DP-2019-042")
    assert (robocell.acronym, robocell.programme, robocell.module, robocell.phase) == (
        "ROBOCELL",
        Programme.OPEN_FORMULA,
        "Modul 5",
        Phase.DEVELOPMENT,
    )
    assert (str(robocell.start_date), robocell.start_year, robocell.funding) == (
        "2019-06-01",
        2019,
        Decimal("91250.25"),
    )
    assert Participation.objects.count() == 8
    twente = part("DP-2019-042", "Universiteit Twente")
    assert (twente.role, twente.pic, twente.kind, twente.contribution) == (
        Role.THIRD_PARTY,
        "999974101",
        ParticipantKind.KNOWLEDGE,
        Decimal("10000.75"),
    )
    assert (twente.nuts_code, twente.outside_programme_area) == ("NL213", False)  # from the postcode 7522 NB
    assert part("DP-2019-042", "Textilwerk Bocholt GmbH").ended_early
    dresden = part("DP-2019-042", "Feinmechanik Dresden GmbH")  # PLZ 01067, stored as the number 1067
    assert (dresden.nuts_code, dresden.outside_programme_area, dresden.outside_nl_de) == ("DED21", True, False)
    kleve = part("DP-2020-003", "Hochschule Rhein-Waal")  # no postcode: the town's region
    assert (kleve.nuts_code, kleve.role, kleve.outside_programme_area) == ("DEA1B", Role.LEAD, False)
    makers = part("DP-2020-003", "Digital Makers Collectief")
    assert (makers.country, makers.nuts_code, makers.city) == ("NL", "", "")
    assert "Place unknown: Digital Makers Collectief (line 10, –) is kept with its country NL." in out
    assert "Layout: one row per participation." in out
    assert "Columns not read: Bemerkung." in out
    assert "Projects: 3 new, 0 updated, 0 unchanged." in out
    assert "Participations: 8." in out
    assert "The import is complete." in out


def test_partners_are_matched_by_pic_then_vat_then_name_and_town():
    by_pic = make_org("UT", kind="knowledge", town_name="Enschede", country="NL")
    Organisation.objects.filter(pk=by_pic.pk).update(pic="999974101")
    by_vat = make_org("Sensorbouw Hengelo", town_name="Hengelo", country="NL")
    Organisation.objects.filter(pk=by_vat.pk).update(vat_number="NL853201447B01")
    by_name = make_org("Alice Precisietechniek B.V.", town_name="Enschede", country="NL")
    elsewhere = make_org("Textilwerk Bocholt GmbH", town_name="Borken", country="DE")

    code, out, _err = cascade()

    assert code == 0
    assert part("DP-2019-042", "Universiteit Twente").organisation == by_pic
    assert part("DP-2018-017", "Sensorbouw B.V.").organisation == by_vat
    alice = part("DP-2019-042", "Alice Precisietechniek B.V.")
    assert alice.organisation == by_name
    assert alice.participant_key == f"org:{by_name.pk}"
    # The same name in another town is listed for review and not linked.
    assert part("DP-2019-042", "Textilwerk Bocholt GmbH").organisation is None
    assert "Organisations: 3 matched, 4 new, 1 uncertain." in out
    assert "To review: Textilwerk Bocholt GmbH (line 7, Bocholt) may be Textilwerk Bocholt GmbH (Borken)." in out
    assert Organisation.objects.get(pk=elsewhere.pk).pic is None


def test_a_row_without_pic_matches_an_organisation_that_a_cordis_import_gave_one():
    org = make_org("Hochschule Rhein-Waal", kind="knowledge", town_name="Kleve", country="DE")
    Organisation.objects.filter(pk=org.pk).update(pic="999981234")

    assert cascade()[0] == 0
    assert part("DP-2020-003", "Hochschule Rhein-Waal").organisation == org


def test_a_matched_organisation_gets_the_sheets_pic_for_the_next_import():
    org = make_org("Universiteit Twente", kind="knowledge", town_name="Enschede", country="NL")

    assert cascade()[0] == 0
    assert Organisation.objects.get(pk=org.pk).pic == "999974101"


def test_dry_run_previews_and_writes_nothing():
    code, out, _err = cascade("--dry-run")

    assert code == 0
    assert "Projects: 3 new, 0 updated, 0 unchanged." in out
    assert "Preview only: nothing was written." in out
    assert Project.objects.count() == 0
    assert Participation.objects.count() == 0


def test_importing_the_same_list_twice_changes_nothing():
    make_org("Alice Precisietechniek B.V.", town_name="Enschede", country="NL")
    assert cascade()[0] == 0
    before = snapshot()

    code, out, _err = cascade()

    assert code == 0
    assert "Projects: 0 new, 0 updated, 3 unchanged." in out
    assert snapshot() == before


def test_a_later_version_of_the_list_updates_its_projects(tmp_path):
    assert run(DUTCH, "--source", "verbund")[0] == 0
    text = DUTCH.read_text(encoding="utf-8-sig")
    later = tmp_path / "verbund-2024.csv"
    changed = text.replace("Gemeente Winterswijk;;NL;7131;Winterswijk;;Overheid;Leadpartner;120000", "Gemeente "
                           "Winterswijk;;NL;7131;Winterswijk;;Overheid;Leadpartner;150000")  # fmt: skip
    later.write_text("\n".join(line for line in changed.splitlines() if "Stadtwerke" not in line), encoding="utf-8")

    code, out, _err = run(later, "--source", "verbund")

    assert code == 0, _err
    assert "Projects: 0 new, 1 updated, 1 unchanged." in out
    assert part("NL-DE-2022-007", "Gemeente Winterswijk").contribution == Decimal("150000.00")
    assert not Participation.objects.filter(name="Stadtwerke Bocholt GmbH").exists()
    assert Project.objects.filter(source="sheet:verbund").count() == 2


def test_a_dutch_csv_with_bom_places_partners_in_and_outside_the_area():
    code, _out, err = run(DUTCH, "--source", "verbund")

    assert code == 0, err
    assert Project.objects.get(source_id="NL-DE-2016-101").programme == Programme.INTERREG_V
    assert Project.objects.get(source_id="NL-DE-2022-007").programme == Programme.INTERREG_VI
    assert Project.objects.get(source_id="NL-DE-2016-101").programme_detail == "Interreg V-A Deutschland-Nederland"
    brabant = part("NL-DE-2016-101", "Stichting Zorginnovatie Brabant")
    assert (brabant.role, brabant.nuts_code, brabant.city) == (Role.LEAD, "NL413", "Den Bosch")
    assert part("NL-DE-2016-101", "Universität Duisburg-Essen").nuts_code == "DEA12"  # town only
    greek = part("NL-DE-2016-101", "Robotics Hellas S.A.")
    assert (greek.country, greek.nuts_code, greek.outside_nl_de, greek.outside_programme_area) == (
        "GR",
        "EL305",
        True,
        True,
    )
    british = part("NL-DE-2016-101", "Care Systems Ltd")
    assert (british.country, british.role, british.ended_early) == ("GB", Role.SUBCONTRACTOR, True)
    winterswijk = part("NL-DE-2022-007", "Gemeente Winterswijk")
    assert (winterswijk.nuts_code, winterswijk.outside_programme_area, winterswijk.kind) == (
        "NL225",
        False,
        ParticipantKind.AUTHORITY,
    )


def test_a_published_interreg_list_expands_to_participations():
    make_org("Sensorbouw B.V.", town_name="Enschede", country="NL")

    code, out, err = run(INTERREG, "--source", "interreg-vi")

    assert code == 0, err
    assert "Layout: one row per project, its partners in a cell." in out
    fab = Project.objects.get(source="sheet:interreg-vi", source_id="IDN-2023-0012")
    assert fab.programme == Programme.INTERREG_VI
    roles = dict(fab.participations.values_list("name", "role"))
    assert roles == {
        "Saxion Hogeschool": Role.LEAD,
        "Hochschule Rhein-Waal": Role.PARTNER,
        "Fraunhofer-Institut für Produktionstechnologie": Role.PARTNER,
        "Sensorbouw B.V.": Role.PARTNER,
        "Provincie Overijssel": Role.ASSOCIATED,
        "Wirtschaftsförderung Kreis Kleve": Role.ASSOCIATED,
    }
    saxion = part("IDN-2023-0012", "Saxion Hogeschool")  # "(Enschede)": the town tells the country
    assert (saxion.country, saxion.nuts_code) == ("NL", "NL213")
    oldenburg = part("IDN-2023-0031", "Universität Oldenburg")
    assert (oldenburg.country, oldenburg.nuts_code) == ("DE", "DE943")
    isterberg = part("IDN-2023-0031", "Kunststofftechnik Isterberg GmbH")  # a town the platform does not know
    assert (isterberg.country, isterberg.nuts_code, isterberg.city) == ("", "", "Isterberg")
    assert isterberg.participant_key == "name::kunststofftechnikisterberg"
    assert (
        "Place and country unknown: Kunststofftechnik Isterberg GmbH (line 6, Isterberg) is kept without them." in out
    )
    assert "To review: Sensorbouw B.V. (line 2, Hengelo) may be Sensorbouw B.V. (Enschede)." in out


def test_a_file_with_errors_imports_nothing_and_names_each_line():
    make_org("Alpha GmbH", town_name="Kleve", country="DE")

    code, _out, err = run(DATA / "errors.csv")

    assert code == 1
    lines = err.splitlines()
    assert lines[:4] == [
        "errors.csv, line 4, column Rolle: “Chef” is not a role: write lead partner, partner, associated, "
        "third party, subcontractor or other.",
        "errors.csv, line 5, column Beginn: “31.02.2019” is not a date (such as 2024-03-31, 31.03.2024 or 31-03-2024).",
        "errors.csv, line 6, column Projekttitel: This value is required.",
        "errors.csv, line 7, column Gesamtkosten: “zehntausend” is not an amount in euro (such as 12500, 12.500,00 "
        "or 12,500.00).",
    ]
    assert lines[-1] == "Nothing was imported: correct the file and import it again."
    assert Project.objects.count() == 0
    assert Participation.objects.count() == 0


def test_the_report_speaks_the_readers_language():
    with translation.override("de"):
        code, _out, err = run(DATA / "errors.csv")
    assert code == 1
    assert "errors.csv, Zeile 6, Spalte Projekttitel: " in err
    assert "„Chef“ ist keine Rolle" in err
    assert "Es wurde nichts importiert" in err
    with translation.override("nl"):
        code, out, _err = cascade("--dry-run")
    assert "Projecten: 3 nieuw" in out
    assert "Plaats onbekend: Digital Makers Collectief" in out


def test_without_a_programme_each_project_is_a_problem():
    code, _out, err = run(CASCADE, "--source", "digipro")
    assert code == 1
    assert err.count("The programme is not known") == 3
    assert "digipro_cascade.xlsx, line 3: The programme is not known" in err


def test_two_rows_that_are_one_platform_organisation_in_one_project_import_nothing(tmp_path):
    alpha = make_org("Alpha GmbH", town_name="Kleve", country="DE")
    Organisation.objects.filter(pk=alpha.pk).update(vat_number="DE811272995")
    path = tmp_path / "twice.csv"
    path.write_text(
        "ID;Titel;Programm;Partner;USt-IdNr.;Ort;Land\nP1;T;Interreg VI;Alpha GmbH;;Kleve;DE\n;;;Alpha;DE811272995;;\n",
        encoding="utf-8",
    )
    code, _out, err = run(path)
    assert code == 1
    assert "twice.csv, line 3: Alpha is the platform's organisation Alpha GmbH, as is Alpha GmbH on line 2" in err
    assert Project.objects.count() == 0


def test_bad_arguments_are_refused_before_reading():
    with pytest.raises(CommandError, match="“Interreg VII” is not a programme"):
        run(CASCADE, "--programme", "Interreg VII")
    with pytest.raises(CommandError, match="source name"):
        run(CASCADE, "--programme", "open_formula", "--source", "Digipro projects 2017-2022")
    with pytest.raises(CommandError, match="cannot be read"):
        run(DATA / "missing.xlsx", "--programme", "open_formula")


def test_source_names():
    assert sheet_source("Digipro") == "sheet:digipro"
    assert sheet_source("sheet:interreg_vi") == "sheet:interreg_vi"
    assert sheet_source("a" * 15) is None
    assert sheet_source_of_file("Digipro projecten 2023.xlsx") == "sheet:digipro-projec"
    assert sheet_source_of_file("---.csv") == "sheet:list"
