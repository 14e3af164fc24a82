"""Reading projects sheets: workbooks and CSV in three languages, two layouts, all or nothing."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from borderless.core import project_sheet as sheet
from borderless.core import spreadsheet
from borderless.core.cordis import DUPLICATE_PROJECT, MISSING_COLUMNS, REQUIRED
from borderless.core.project_sheet import Kind, Layout, Phase, Programme, Role, programme_for, read_projects_sheet
from borderless.core.project_sheet_words import PARTICIPATION_HEADERS, PROJECT_HEADERS, PROJECT_LIST_HEADERS
from borderless.core.spreadsheet import InvalidValue, header_key, parse_amount, parse_country, parse_date
from tests.core.translations import tr, translated

DATA = Path(__file__).parent / "data" / "project_sheets"


def read(name: str, **options) -> sheet.SheetResult:
    return read_projects_sheet((DATA / name).read_bytes(), **options)


def problems_of(result: sheet.SheetResult) -> list[tuple[int, str | None, str]]:
    return [(p.line, p.column, p.message.msgid) for p in result.problems]


def workbook_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_cascade_workbook_with_german_headers_is_read_row_by_row():
    result = read("digipro_cascade.xlsx", programme=Programme.OPEN_FORMULA)

    assert result.ok, result.problems
    assert result.layout is Layout.PARTICIPATIONS
    assert result.ignored_columns == ("Bemerkung",)
    assert [p.id for p in result.projects] == ["DP-2018-017", "DP-2019-042", "DP-2020-003"]
    smartweld, robocell, datahub = result.projects
    assert smartweld.acronym == "SMARTWELD"
    assert smartweld.title == "Sensorgestützte Prüfung von Schweißnähten"
    assert smartweld.programme is Programme.OPEN_FORMULA
    assert smartweld.module == "Modul 5"
    assert (smartweld.phase, robocell.phase, datahub.phase) == (Phase.FEASIBILITY, Phase.DEVELOPMENT, Phase.CONCEPT)
    assert (smartweld.start_date, smartweld.end_date) == (date(2018, 4, 1), date(2019, 3, 31))  # Excel dates
    assert (robocell.total_cost, robocell.funding) == (Decimal("182500.50"), Decimal("91250.25"))  # numbers
    # The title row above the header counts: lines are the worksheet's row numbers. The project's merged
    # cells are empty on its later rows, which continue it.
    assert [(p.line, p.name, p.role) for p in robocell.participants] == [
        (5, "Alice Precisietechniek B.V.", Role.LEAD),
        (6, "Universiteit Twente", Role.THIRD_PARTY),
        (7, "Textilwerk Bocholt GmbH", Role.PARTNER),
        (8, "Feinmechanik Dresden GmbH", Role.PARTNER),
    ]
    twente = robocell.participants[1]
    assert (twente.pic, twente.country, twente.postcode, twente.kind) == ("999974101", "NL", "7522 NB", Kind.KNOWLEDGE)
    assert twente.contribution == Decimal("10000.75")
    assert robocell.participants[2].ended_early and not robocell.participants[0].ended_early
    assert robocell.participants[3].postcode == "1067"  # stored as a number: no ".0"
    assert smartweld.participants[0].vat == "NL853201447B01"
    assert datahub.participants[1].town == "" and datahub.participants[1].country == "NL"


def test_a_semicolon_csv_with_bom_and_dutch_headers():
    result = read("verbundprojecten_bom.csv")

    assert result.ok, result.problems
    zorg, warmte = result.projects
    assert zorg.title == "Zorgrobotica over de grens\nvan idee tot pilot"
    assert zorg.programme is Programme.INTERREG_V
    assert zorg.programme_name == "Interreg V-A Deutschland-Nederland"
    assert warmte.programme is Programme.INTERREG_VI
    assert zorg.call == "Prioriteit 1"
    assert (zorg.start_date, warmte.start_date, warmte.end_date) == (
        date(2016, 9, 1),
        date(2022, 3, 1),
        date(2025, 2, 28),
    )
    assert (zorg.total_cost, zorg.funding, warmte.funding) == (
        Decimal("1250000.00"),
        Decimal("625000.00"),
        Decimal("240000.00"),
    )
    lead, duisburg, greek, british = zorg.participants
    assert (lead.role, lead.town, lead.postcode, lead.contribution) == (Role.LEAD, "Den Bosch", "5211 AB", 300000)
    # The title's line break puts the next row on line 4.
    assert (duisburg.line, duisburg.country, duisburg.vat) == (4, "DE", "DE811272995")
    assert (greek.country, greek.nuts_code, greek.role, greek.contribution) == (
        "GR",
        "EL305",
        Role.THIRD_PARTY,
        Decimal("50000.50"),
    )
    assert (british.country, british.role, british.ended_early) == ("GB", Role.SUBCONTRACTOR, True)
    assert warmte.participants[0].kind is Kind.AUTHORITY


def test_a_published_interreg_list_with_partners_in_a_cell():
    result = read("interreg_projects.csv")

    assert result.ok, result.problems
    assert result.layout is Layout.PROJECTS
    assert result.ignored_columns == ("Website",)
    fab, hydrogen = result.projects
    assert fab.programme is Programme.INTERREG_VI
    assert (fab.total_cost, fab.funding) == (Decimal("3400000.00"), Decimal("1700000.00"))
    # The lead partner named again among the partners is one participant.
    assert [(p.name, p.role, p.town, p.country) for p in fab.participants] == [
        ("Saxion Hogeschool", Role.LEAD, "Enschede", ""),
        ("Hochschule Rhein-Waal", Role.PARTNER, "Kleve", "DE"),
        ("Fraunhofer-Institut für Produktionstechnologie", Role.PARTNER, "Aachen", "DE"),
        ("Sensorbouw B.V.", Role.PARTNER, "Hengelo", "NL"),
        ("Provincie Overijssel", Role.ASSOCIATED, "", "NL"),
        ("Wirtschaftsförderung Kreis Kleve", Role.ASSOCIATED, "", "DE"),
    ]
    assert hydrogen.line == 6  # the first row's partner cell spans four lines
    assert [p.name for p in hydrogen.participants] == [
        "Hanzehogeschool Groningen",
        "Universität Oldenburg",
        "Kunststofftechnik Isterberg GmbH",
    ]


def test_every_bad_value_is_reported_with_its_line_and_no_project_is_read():
    result = read("errors.csv")

    assert result.projects == ()
    assert problems_of(result) == [
        (4, "Rolle", sheet.BAD_ROLE.msgid),
        (5, "Beginn", spreadsheet.BAD_DATE.msgid),
        (6, "Projekttitel", REQUIRED.msgid),
        (7, "Gesamtkosten", spreadsheet.BAD_AMOUNT.msgid),
    ]


def test_problems_are_told_in_the_readers_language():
    result = read("errors.csv")
    role, bad_date = result.problems[0].message, result.problems[1].message

    assert tr(role, "de").startswith("„Chef“ ist keine Rolle")
    assert tr(bad_date, "nl").startswith("‘31.02.2019’ is geen datum")


def test_every_message_of_the_reader_is_translated():
    messages = [
        value
        for module in (sheet, spreadsheet)
        for value in vars(module).values()
        if isinstance(value, sheet.Message) and value.msgid
    ] + list(sheet.LABELS.values())
    missing = [(m.msgid, lang) for m in messages for lang in ("de", "nl") if not translated(m, lang)]
    assert missing == []


@pytest.mark.parametrize(
    ("headers", "row"),
    [
        (
            "Project ID,Title,Programme,Organisation,Country,Town,Postcode,Role",
            "P1,T,Interreg VI,Acme,DE,Kleve,47533,Lead partner",
        ),
        (
            "Projektnummer;Titel;Programm;Partner;Land;Ort;PLZ;Rolle",
            "P1;T;Interreg VI;Acme;Deutschland;Kleve;47533;Leadpartner",
        ),
        (
            "Projectnummer;Projecttitel;Programma;Organisatie;Land;Plaats;Postcode;Rol",
            "P1;T;Interreg VI;Acme;Duitsland;Kleve;47533;Penvoerder",
        ),
        (
            "  PROJEKT-NR. ; titel ;PROGRAMM; organisation ;LAND;ort; P.L.Z. ;ROLLE",
            "P1;T;Interreg VI;Acme;DE;Kleve;47533;LEAD PARTNER",
        ),
    ],
)
def test_headers_in_english_german_or_dutch_in_any_case_give_one_reading(headers, row):
    result = read_projects_sheet(f"{headers}\n{row}\n")

    assert result.ok, result.problems
    (project,) = result.projects
    (part,) = project.participants
    assert (project.id, project.programme) == ("P1", Programme.INTERREG_VI)
    assert (part.name, part.country, part.town, part.postcode, part.role) == ("Acme", "DE", "Kleve", "47533", Role.LEAD)


def test_no_header_name_belongs_to_two_columns():
    for layout in (PARTICIPATION_HEADERS, PROJECT_LIST_HEADERS):
        seen: dict[str, str] = {}
        for column, names in {**PROJECT_HEADERS, **layout}.items():
            for name in names:
                assert seen.setdefault(header_key(name), column) == column, name


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Leadpartner", Role.LEAD), ("Lead Partner", Role.LEAD), ("lead-partner", Role.LEAD),
        ("Penvoerder", Role.LEAD), ("Koordinator", Role.LEAD), ("Partner", Role.PARTNER),
        ("Projektpartner", Role.PARTNER), ("Projectpartner", Role.PARTNER), ("Third party", Role.THIRD_PARTY),
        ("Derde partij", Role.THIRD_PARTY), ("Drittpartei", Role.THIRD_PARTY),
        ("Assoziierter Partner", Role.ASSOCIATED), ("Onderaannemer", Role.SUBCONTRACTOR),
        ("Unterauftragnehmer", Role.SUBCONTRACTOR), ("Overig", Role.OTHER), ("", None),
    ],
)  # fmt: skip
def test_roles_in_three_languages(text, role):
    assert sheet.role_for(text) == role


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12500", "12500.00"), ("12.500", "12500.00"), ("12,500", "12500.00"), ("12.500,00", "12500.00"),
        ("12,500.00", "12500.00"), ("€ 12.500", "12500.00"), ("12.500 €", "12500.00"), ("EUR 12 500,00", "12500.00"),
        ("1.234.567,89", "1234567.89"), ("1,234,567.89", "1234567.89"), ("1\u00a0234\u00a0567,89", "1234567.89"),
        ("0,5", "0.50"), ("99.95", "99.95"), (12500.5, "12500.50"), (7, "7.00"), ("", None), ("-", None),
    ],
)  # fmt: skip
def test_amounts_with_a_decimal_comma_or_point_and_thousands_separators(text, amount):
    assert parse_amount(text) == (Decimal(amount) if amount else None)


@pytest.mark.parametrize("text", ["12.5.0", "1.23.456", "12,500,00", "1.234,567", "zehn", "-5", "12 5", -3.0])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(InvalidValue):
        parse_amount(text)


@pytest.mark.parametrize(
    "value",
    ["2024-03-31", "2024-03-31 00:00:00", "31.03.2024", "31-03-2024", "31/03/2024", "31.3.2024",
     datetime(2024, 3, 31, tzinfo=UTC), date(2024, 3, 31), 45382, 45382.0, "45382"],
)  # fmt: skip
def test_dates_as_iso_german_dutch_or_excel_write_them(value):
    assert parse_date(value) == date(2024, 3, 31)


@pytest.mark.parametrize("text", ["2024-02-30", "31.13.2024", "März 2024", "24-03-31"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(InvalidValue):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DE", "DE"), ("de", "DE"), ("Deutschland", "DE"), ("Germany", "DE"), ("Duitsland", "DE"), ("D", "DE"),
        ("NL", "NL"), ("Niederlande", "NL"), ("Nederland", "NL"), ("The Netherlands", "NL"), ("Holland", "NL"),
        ("EL", "GR"), ("Griechenland", "GR"), ("UK", "GB"), ("Verenigd Koninkrijk", "GB"), ("België", "BE"),
        ("", ""),
    ],
)  # fmt: skip
def test_countries_by_code_or_by_name_in_three_languages(text, code):
    assert parse_country(text) == code


@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("Interreg V-A Deutschland-Nederland", Programme.INTERREG_V), ("INTERREG IV A", Programme.INTERREG_IV),
        ("Interreg Deutschland-Nederland 2021-2027", Programme.INTERREG_VI), ("interreg_vi", Programme.INTERREG_VI),
        ("Offene Formel", Programme.OPEN_FORMULA), ("open formule", Programme.OPEN_FORMULA),
        ("Horizon 2020", Programme.H2020), ("Horizon Europe", Programme.HORIZON_EUROPE), ("Interreg", None),
        ("Digipro", Programme.OPEN_FORMULA), ("Digipro (Interreg V-A)", Programme.OPEN_FORMULA),
    ],
)  # fmt: skip
def test_programmes_as_sheets_name_them(text, programme):
    assert programme_for(text) == programme


def test_a_row_without_country_takes_it_from_the_vat_number_or_the_nuts_code():
    text = "ID;Titel;Programm;Partner;USt-IdNr.;NUTS\nP1;T;Interreg V;A GmbH;DE 811 272 995;\n;;;B B.V.;;NL213\n"
    (project,) = read_projects_sheet(text).projects
    assert [p.country for p in project.participants] == ["DE", "NL"]


def test_the_programme_of_the_import_serves_rows_that_name_none_and_none_at_all_is_a_problem():
    text = "ID,Title,Programme,Organisation\nP1,T,,A\nP2,U,Interreg V,B\n"
    result = read_projects_sheet(text, programme=Programme.OPEN_FORMULA)
    assert [p.programme for p in result.projects] == [Programme.OPEN_FORMULA, Programme.INTERREG_V]
    assert problems_of(read_projects_sheet(text)) == [(2, "Programme", sheet.NO_PROGRAMME.msgid)]


def test_a_project_whose_rows_disagree_is_refused_with_both_lines():
    text = "ID,Title,Programme,Start,Organisation\nP1,T,Interreg V,2020-01-01,A\nP1,T,Interreg V,2021-01-01,B\n"
    result = read_projects_sheet(text)
    assert problems_of(result) == [(3, "Start", sheet.CONFLICT.msgid)]
    assert dict(result.problems[0].message.params or ()) == {"value": "2021-01-01", "line": 2, "other": "2020-01-01"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ID,Title,Programme,Organisation\n,,,A\n", [(2, "ID", sheet.FOLLOWS_NOTHING.msgid)]),
        ("ID,Title,Programme,Organisation\nP1,T,Interreg V,A\n,,,A\n", [(3, None, sheet.DUPLICATE_PARTICIPANT.msgid)]),
        ("ID,Title,Programme,Organisation\nP1,T,Interreg V,\n", [(2, "Organisation", REQUIRED.msgid)]),
        ("ID,Title,Programme,Organisation,Role\nP1,T,Other,A,Boss\n", [(2, "Role", sheet.BAD_ROLE.msgid)]),
        ("ID,Title,Programme,Organisation,PIC\nP1,T,Other,A,12345\n", [(2, "PIC", sheet.BAD_PIC.msgid)]),
        ("ID,Title,Programme,Organisation,Country\nP1,T,Other,A,Atlantis\n",
         [(2, "Country", spreadsheet.BAD_COUNTRY.msgid)]),
        ("ID,Title,Programme,Organisation,Start,End\nP1,T,Other,A,2021-01-01,2020-01-01\n",
         [(2, "End", sheet.END_BEFORE_START.msgid)]),
        ("ID,Title,Programme,Organisation\nP1,T,Other,A,surplus\n", [(2, None, sheet.EXTRA_CELLS.msgid)]),
        ("ID,Title,Land,Country,Organisation\n", [(1, "Country", sheet.SAME_COLUMN.msgid)]),
        ("Title,Role\nT,Partner\n", [(1, None, MISSING_COLUMNS.msgid)]),
        ("ID,Title,Organisation\n", [(2, None, sheet.NO_PROJECTS.msgid)]),
        ("Dear reader,\nthis is a letter\n", [(1, None, sheet.NO_KNOWN_HEADER.msgid)]),
        ("", [(0, None, "The file has no header row.")]),
        ('ID,Title,Organisation\nP1,"T,A\n', [(2, None, spreadsheet.BAD_CSV.msgid)]),
        ("ID,Title,Programme,Lead partner\nP1,T,Other,A; B\n", [(2, "Lead partner", sheet.MORE_THAN_ONE_LEAD.msgid)]),
        ("ID,Title,Programme,Lead partner\nP1,T,Other,\n", [(2, "Lead partner", REQUIRED.msgid)]),
        ("ID,Title,Programme,Lead partner\nP1,T,Other,A\nP1,T,Other,B\n", [(3, "ID", DUPLICATE_PROJECT.msgid)]),
    ],
)  # fmt: skip
def test_each_kind_of_problem_names_its_line_and_column(text, expected):
    result = read_projects_sheet(text)
    assert problems_of(result) == expected
    assert result.projects == ()


def test_the_missing_columns_are_named_in_the_readers_language():
    result = read_projects_sheet("Title,Role\nT,Partner\n")
    assert tr(result.problems[0].message, "en") == (
        "The file lacks the required columns project identifier and organisation."
    )
    assert "Projektkennung und Organisation" in tr(result.problems[0].message, "de")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Projekt;Titel\n".encode("cp1252") + "P1;Größe\n".encode("cp1252"), spreadsheet.NOT_READABLE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), spreadsheet.OLD_EXCEL),
        (b"PK\x03\x04 not really a workbook", spreadsheet.BAD_WORKBOOK),
    ],
)
def test_a_file_that_cannot_be_read_says_how_to_save_it(data, message):
    assert problems_of(read_projects_sheet(data)) == [(0, None, message.msgid)]


def test_a_workbook_reports_its_row_numbers():
    data = workbook_bytes(
        [
            ("Projektnummer", "Titel", "Programm", "Partner", "Beginn"),
            ("P1", "Titel", "Interreg VI", "Alpha GmbH", date(2023, 1, 1)),
            (None, None, None, None, None),
            ("P2", "Titel", "Interreg VI", "Beta GmbH", "im Frühjahr"),
        ]
    )
    assert problems_of(read_projects_sheet(data)) == [(4, "Beginn", spreadsheet.BAD_DATE.msgid)]


def test_a_title_line_above_a_semicolon_header_does_not_decide_the_separator():
    text = (
        "Projekte, Stand 31.12.2020\n\n"
        "Projektnummer;Titel;Programm;Partner;Gesamtkosten\n"
        "P1;T;Interreg V;A GmbH;1.250,50\n"
    )
    (project,) = read_projects_sheet(text).projects
    assert (project.total_cost, project.participants[0].line) == (Decimal("1250.50"), 4)
