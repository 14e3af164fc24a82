import csv
import io
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from borderless.core.cordis import read_participations, read_projects
from borderless.core.network.periods import programme_periods
from borderless.core.network.synthetic import (
    ORGANIZATION_COLUMNS,
    PROJECT_COLUMNS,
    estimate_population,
    read_programme_nuts,
    write_population,
)

PROGRAMME_AREA = (
    Path(__file__).parents[3] / "borderless" / "organisations" / "data" / "interreg_de_nl_programme_area.csv"
)
NUTS = read_programme_nuts(PROGRAMME_AREA.read_text(encoding="utf-8"))


def generate(organisations=3000, seed=7, **kwargs):
    projects, participations = io.StringIO(newline=""), io.StringIO(newline="")
    summary = write_population(
        projects, participations, organisations=organisations, seed=seed, nuts_codes=NUTS, **kwargs
    )
    return projects.getvalue().encode(), participations.getvalue().encode(), summary


@pytest.fixture(scope="module")
def population():
    project_bytes, organisation_bytes, summary = generate()
    projects = read_projects(project_bytes)
    participations = read_participations(organisation_bytes)
    assert projects.ok, projects.problems[:3]
    assert participations.ok, participations.problems[:3]
    return projects.records, participations.records, summary, project_bytes, organisation_bytes


def test_the_same_seed_writes_the_same_bytes_and_another_seed_others():
    first, second, other = generate(seed=7), generate(seed=7), generate(seed=8)

    assert first[:2] == second[:2]
    assert first[0] != other[0]
    assert first[1] != other[1]


def test_the_files_have_the_published_layout(population):
    _projects, _participations, _summary, project_bytes, organisation_bytes = population

    for data, columns in ((project_bytes, PROJECT_COLUMNS), (organisation_bytes, ORGANIZATION_COLUMNS)):
        assert not data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8")
        assert text.split("\n", 1)[0] == ";".join(columns)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]
        assert all(len(row) == len(columns) for row in rows)
        # Every value is quoted: each field of a row contributes exactly two quotes around it.
        body = text.split("\n", 1)[1]
        assert body.count('"') == 2 * len(columns) * len(rows)
        amount = columns.index("totalCost")
        assert all(re.fullmatch(r"\d+\.\d{2}", row[amount]) for row in rows if row[amount])


def test_cordis_reads_every_generated_row(population):
    projects, participations, summary, _project_bytes, _organisation_bytes = population

    assert len(projects) == summary.projects
    assert len(participations) == summary.participations
    project_ids = {p.id for p in projects}
    assert {p.project_id for p in participations} == project_ids
    assert len({p.organisation_id for p in participations}) == summary.organisations == 3000
    assert all(len(p.organisation_id) == 9 and p.organisation_id.isdigit() for p in participations)
    pairs = Counter((p.project_id, p.organisation_id) for p in participations)
    assert max(pairs.values()) == 1


def test_participation_is_heavy_tailed(population):
    _projects, participations, _summary, _p, _o = population

    counts = Counter(p.organisation_id for p in participations).values()

    assert statistics.median(counts) <= 2
    assert max(counts) >= 20 * statistics.median(counts)


def test_consortia_are_mostly_small_with_some_above_the_tie_cut(population):
    _projects, participations, summary, _p, _o = population

    sizes = Counter(p.project_id for p in participations).values()

    assert summary.large_projects == sum(1 for size in sizes if size > 50) > 0
    assert sum(1 for size in sizes if 2 <= size <= 15) > len(sizes) / 2
    assert summary.ties == sum(size * (size - 1) // 2 for size in sizes if size <= 50)


def test_organisations_are_dutch_german_and_from_elsewhere(population):
    _projects, participations, _summary, _p, _o = population

    by_country = Counter(p.country for p in participations)
    assert by_country["NL"] and by_country["DE"]
    assert set(by_country) - {"NL", "DE"}
    for p in participations:
        if p.country == "NL":
            assert p.nuts_code in NUTS and p.nuts_code.startswith("NL")
            digits, letters = p.post_code.split(" ")
            assert len(digits) == 4 and digits.isdigit() and len(letters) == 2 and letters.isalpha()
        elif p.country == "DE":
            assert p.nuts_code in NUTS and p.nuts_code.startswith("DE")
            assert len(p.post_code) == 5 and p.post_code.isdigit()
    assert {p.activity_type for p in participations} == {"HES", "REC", "PRC", "PUB", "OTH"}
    assert {p.role_code for p in participations} == {"coordinator", "participant", "thirdParty", "associatedPartner"}


def test_an_organisation_has_the_same_name_and_address_in_every_project(population):
    _projects, participations, _summary, _p, _o = population

    seen = {}
    for p in participations:
        identity = (p.name, p.street, p.post_code, p.city, p.country, p.nuts_code)
        assert seen.setdefault(p.organisation_id, identity) == identity


def test_start_dates_cover_every_programme_period(population):
    projects, _participations, _summary, _p, _o = population

    years = {p.start_date.year for p in projects}
    assert min(years) == 2008 and max(years) == 2026
    for period in programme_periods():
        assert any(period.contains(p.start_date) for p in projects)
    assert {p.framework_programme for p in projects} == {"FP7", "H2020", "HORIZON"}


def test_periods_limit_the_start_years():
    project_bytes, _organisation_bytes, _summary = generate(organisations=300, periods=[(2015, 2016)])

    years = {p.start_date.year for p in read_projects(project_bytes).records}
    assert years == {2015, 2016}


def test_the_estimate_is_close_to_what_is_written():
    *_files, summary = generate(organisations=20_000, seed=3)

    estimate = estimate_population(20_000)

    assert summary.participations == pytest.approx(estimate.participations, rel=0.1)
    assert summary.ties == pytest.approx(estimate.ties, rel=0.25)


def test_the_programme_area_table_gives_its_nuts_3_codes():
    codes = read_programme_nuts(PROGRAMME_AREA.read_text(encoding="utf-8"))

    assert len(codes) == 51
    assert sum(code.startswith("NL") for code in codes) == 21
    assert sum(code.startswith("DE") for code in codes) == 30
