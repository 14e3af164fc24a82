from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from borderless.core import cordis
from borderless.core.cordis import OrganisationKind, Role, read_participations, read_projects

DATA = Path(__file__).parent / "data" / "cordis"


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def problems_of(result):
    return [(p.line, p.column, p.message.msgid) for p in result.problems]


@pytest.mark.parametrize("name", ["project.csv", "project_bom_crlf.csv"])
def test_a_published_project_file_is_read_with_or_without_bom_and_crlf(name):
    result = read_projects(read(name))

    assert result.ok
    assert [p.id for p in result.records] == ["101070123", "101096456", "857123"]
    grenslab, waterkant, old = result.records
    assert grenslab.title == "Cross-border living labs; sensors and data for the Euregio"
    assert grenslab.objective.startswith('The project builds "living labs" on both sides')
    assert "Münster and Nijmegen" in grenslab.objective
    assert grenslab.objective.count("\n") == 1 or grenslab.objective.count("\r\n") == 1
    assert grenslab.start_date == date(2022, 9, 1)
    assert grenslab.end_date == date(2026, 8, 31)
    assert grenslab.ec_signature_date == date(2022, 6, 20)
    assert grenslab.content_update_date == date(2022, 8, 17)
    assert grenslab.ec_max_contribution == Decimal("4998750")
    assert grenslab.rcn == 241234
    assert grenslab.grant_doi == "10.3030/101070123"
    assert grenslab.framework_programme == "HORIZON"
    assert waterkant.total_cost == Decimal("7654321.25")  # decimal comma
    assert waterkant.ec_max_contribution == Decimal("6999999.5")
    assert old.total_cost == Decimal("1999687.5")  # decimal point
    assert old.framework_programme == "H2020"


def test_text_already_decoded_reads_like_the_bytes():
    text = read("project_bom_crlf.csv").decode("utf-8")
    assert text.startswith("\ufeff")
    assert read_projects(text).records == read_projects(read("project_bom_crlf.csv")).records


def test_reordered_extra_and_missing_optional_columns_are_fine():
    result = read_projects(read("project_reordered.csv"))

    assert result.ok
    grenslab, old = result.records
    assert (grenslab.id, grenslab.acronym, grenslab.status) == ("101070123", "GRENSLAB", "SIGNED")
    assert grenslab.total_cost is None and grenslab.rcn is None and grenslab.objective == ""
    # the day/month/year form of CORDIS's spreadsheet exports
    assert (old.start_date, old.end_date) == (date(2019, 6, 1), date(2022, 5, 31))
    assert old.ec_max_contribution == Decimal("1999687.5")


def test_a_missing_required_column_is_a_file_level_problem():
    result = read_projects(read("project_missing_column.csv"))

    assert result.records == ()
    [problem] = result.problems
    assert (problem.line, problem.column) == (1, None)
    assert problem.message.msgid == cordis.MISSING_COLUMNS.msgid
    assert str(problem.message) == "The file lacks the required columns ecMaxContribution."


def test_bad_values_are_problems_with_the_line_where_the_row_starts_and_no_record_is_returned():
    result = read_projects(read("project_bad_values.csv"))

    assert result.records == ()
    # the first row spans lines 2-4, so the second starts on line 5
    assert problems_of(result) == [
        (5, "startDate", cordis.BAD_DATE.msgid),
        (5, "totalCost", cordis.BAD_AMOUNT.msgid),
        (6, "acronym", cordis.REQUIRED.msgid),
    ]
    assert str(result.problems[0].message) == "“2023-02-30” is not a date (YYYY-MM-DD)."
    assert str(result.problems[1].message).startswith("“1.234,50” is not an amount")


def test_a_project_listed_twice_is_a_problem():
    text = read("project.csv").decode("utf-8")
    last = text.rstrip("\n").split("\n")[-1]  # the last project again, on line 6
    result = read_projects(text + last + "\n")

    assert problems_of(result) == [(6, "id", cordis.DUPLICATE_PROJECT.msgid)]


def test_bytes_that_are_not_utf8_and_an_empty_file_are_file_level_problems():
    assert problems_of(read_projects("id;acronym\n1;Münster\n".encode("cp1252"))) == [(0, None, cordis.NOT_UTF8.msgid)]
    assert problems_of(read_projects(b"")) == [(0, None, cordis.NO_HEADER.msgid)]


@pytest.mark.parametrize("name", ["organization.csv", "organization_bom_crlf.csv"])
def test_a_published_organisation_file_is_read(name):
    result = read_participations(read(name))

    assert result.ok
    by_id = {p.organisation_id: p for p in result.records}
    ut = by_id["999974101"]
    assert (ut.role_code, ut.role, ut.kind) == ("coordinator", Role.LEAD, OrganisationKind.KNOWLEDGE_INSTITUTION)
    assert (ut.post_code, ut.city, ut.country, ut.nuts_code) == ("7522 NB", "ENSCHEDE", "NL", "NL213")
    assert ut.geolocation == (52.2389784, 6.8565262)
    assert ut.ec_contribution == Decimal("1234567.5")
    assert (ut.sme, ut.end_of_participation, ut.active, ut.order) == (False, False, True, 1)
    wwu = by_id["999974202"]
    assert (wwu.role, wwu.ec_contribution, wwu.post_code) == (Role.PARTNER, Decimal("987654.32"), "48149")
    sensor = by_id["999974303"]
    assert (sensor.role, sensor.kind, sensor.sme) == (Role.THIRD_PARTY, OrganisationKind.COMPANY, True)
    assert (sensor.end_of_participation, sensor.active, sensor.geolocation) == (None, None, None)
    town = by_id["999974404"]
    assert (town.role, town.kind, town.sme, town.ec_contribution) == (
        Role.ASSOCIATED,
        OrganisationKind.PUBLIC_AUTHORITY,
        None,
        None,
    )
    assert by_id["999974505"].country == "GR"  # CORDIS writes EL
    assert by_id["999974505"].nuts_code == "EL522"  # NUTS keeps EL
    manchester = by_id["999974606"]
    assert (manchester.country, manchester.role, manchester.active) == ("GB", Role.ASSOCIATED, False)
    euregio = by_id["999974707"]
    assert (euregio.role, euregio.kind) == (Role.ASSOCIATED, OrganisationKind.OTHER)
    future = by_id["999974808"]
    assert (future.role_code, future.role, future.activity_type, future.kind) == (
        "hostOrganisation",
        Role.OTHER,
        "XYZ",
        OrganisationKind.OTHER,
    )


def test_only_the_required_organisation_columns_are_needed_in_any_order():
    result = read_participations(read("organization_minimal.csv"))

    assert result.ok
    [ut] = result.records
    assert (ut.project_id, ut.organisation_id, ut.role, ut.ec_contribution) == (
        "101070123",
        "999974101",
        Role.LEAD,
        Decimal("1234567.5"),
    )
    assert (ut.sme, ut.kind, ut.nuts_code, ut.total_cost) == (None, None, "", None)


def test_bad_organisation_values_are_problems_per_row_and_column():
    result = read_participations(read("organization_bad_values.csv"))

    assert result.records == ()
    assert problems_of(result) == [
        (3, "SME", cordis.BAD_BOOLEAN.msgid),
        (3, "country", cordis.BAD_COUNTRY.msgid),
        (3, "geolocation", cordis.BAD_GEOLOCATION.msgid),
        (3, "ecContribution", cordis.BAD_AMOUNT.msgid),
        (4, "role", cordis.REQUIRED.msgid),
        (5, None, cordis.FIELD_COUNT.msgid),
    ]
    assert str(result.problems[-1].message) == "The row has 6 fields where the header has 11."


@pytest.mark.parametrize(
    ("code", "role"),
    [
        ("coordinator", Role.LEAD),
        ("participant", Role.PARTNER),
        ("partnerOrganization", Role.ASSOCIATED),
        ("partnerOrganisation", Role.ASSOCIATED),
        ("associatedPartner", Role.ASSOCIATED),
        ("internationalPartner", Role.ASSOCIATED),
        ("thirdParty", Role.THIRD_PARTY),
        ("THIRDPARTY", Role.THIRD_PARTY),
        ("somethingNew", Role.OTHER),
    ],
)
def test_every_cordis_role_has_a_platform_role(code, role):
    assert cordis.role_for(code) == role


@pytest.mark.parametrize(
    ("text", "amount"),
    [("123456.78", Decimal("123456.78")), ("123456,78", Decimal("123456.78")), ("0", Decimal(0)), ("", None)],
)
def test_amounts_take_a_decimal_point_or_a_decimal_comma(text, amount):
    assert cordis.parse_amount(text) == amount


@pytest.mark.parametrize("text", ["1.234,50", "1,234.50", "12 345", "-5", "1e6", "EUR 5"])
def test_amounts_with_thousands_separators_or_other_forms_are_refused(text):
    with pytest.raises(Exception) as raised:
        cordis.parse_amount(text)
    assert raised.value.message.msgid == cordis.BAD_AMOUNT.msgid


@pytest.mark.parametrize(
    ("text", "value"), [("true", True), ("TRUE", True), ("False", False), ("false", False), ("", None), (" ", None)]
)
def test_booleans(text, value):
    assert cordis.parse_boolean(text) is value


def test_a_file_cut_off_inside_a_quoted_field_is_not_read_as_complete():
    text = read("project.csv").decode("utf-8")
    cut = text[: text.index('"101096456"') + 1]  # the download stopped after the opening quote
    assert problems_of(read_projects(cut)) == [(4, None, cordis.FIELD_COUNT.msgid)]
    cut_in_objective = text[: text.index("Partners in Enschede")]
    assert problems_of(read_projects(cut_in_objective)) == [(2, None, cordis.FIELD_COUNT.msgid)]


def test_blank_lines_between_rows_are_skipped():
    text = read("project.csv").decode("utf-8").replace('\n"857123"', '\n\n   \n"857123"')
    result = read_projects(text)
    assert [p.id for p in result.records] == ["101070123", "101096456", "857123"]
