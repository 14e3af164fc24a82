"""The synthetic population: deterministic, plausible, and its CSV file round-trips."""

import io
from collections import Counter

import pytest

from borderless.core.matching import MatchIndex
from borderless.core.matching.synthetic import (
    CSV_COLUMNS,
    Town,
    read_csv,
    synthetic_codes,
    synthetic_population,
    write_csv,
)

TOWNS = [
    Town(2756071, "Enschede", "NL", 52.21833, 6.89583, 158261, "NL213"),
    Town(2745912, "Venlo", "NL", 51.37, 6.16806, 101918, "NL421"),
    Town(2758012, "Winterswijk", "NL", 51.9725, 6.71944, 28988, "NL225"),
    Town(2867543, "Münster", "DE", 51.96236, 7.62571, 270184, "DEA33"),
    Town(2947444, "Bocholt", "DE", 51.83879, 6.61531, 71443, "DEA34"),
    Town(2888523, "Kleve", "DE", 51.78826, 6.13865, 49000, "DEA1B"),
    Town(9999999, "Ghost town", "DE", 51.5, 7.0, 0, "DEA1B"),
]


def population(n=3000, **kwargs):
    return list(synthetic_population(TOWNS, n, **kwargs))


def test_the_same_seed_gives_the_same_population():
    assert population(300, seed=3) == population(300, seed=3)
    assert population(300, seed=3) != population(300, seed=4)


def test_a_smaller_population_is_the_start_of_a_larger_one():
    assert population(200) == population(500)[:200]


def test_the_mix_is_plausible():
    orgs = population(4000)
    countries = Counter(o.country for o in orgs)
    assert 0.40 < countries["NL"] / len(orgs) < 0.50
    companies = [o for o in orgs if o.kind == "company"]
    assert len(companies) / len(orgs) > 0.95
    assert sum("10" <= o.sector <= "33" for o in companies) / len(companies) > 0.35
    groups = Counter(o.follower_group for o in companies if o.follower_group)
    total = sum(groups.values())
    assert groups["frontrunner"] / total == pytest.approx(0.2, abs=0.05)
    assert groups["fast_follower"] / total == pytest.approx(0.5, abs=0.05)
    assert groups["late_follower"] / total == pytest.approx(0.3, abs=0.05)
    assert 0.03 < sum(not o.offers and not o.needs for o in companies) / len(companies) < 0.15
    assert 0.05 < sum(o.cooperated for o in orgs) / len(orgs) < 0.25
    assert {o.visibility for o in orgs} == {"public", "registered", "anonymous"}


def test_knowledge_institutions_and_field_labs_offer_more_than_firms():
    orgs = population(20000)
    labs = [o for o in orgs if o.kind in ("knowledge", "fieldlab")]
    companies = [o for o in orgs if o.kind == "company"]
    assert labs
    assert sum(len(o.offers) for o in labs) / len(labs) > 2 * sum(len(o.offers) for o in companies) / len(companies)


def test_towns_are_weighted_by_population_and_empty_towns_get_nobody():
    towns = Counter(o.town_geonameid for o in population(4000))
    assert towns[2867543] > towns[2888523]  # Münster > Kleve
    assert towns[2756071] > towns[2758012]  # Enschede > Winterswijk
    assert 9999999 not in towns
    for org in population(50):
        town = next(t for t in TOWNS if t.geonameid == org.town_geonameid)
        assert (org.country, org.nuts3, org.lat, org.lon) == (town.country, town.nuts3, town.lat, town.lon)


def test_competences_can_be_limited_to_a_taxonomy():
    allowed = {"tech.sensors", "svc.training", "nace.28"}
    orgs = population(1000, codes=allowed)
    used = {code for o in orgs for code in (*o.offers, *o.needs)}
    assert used and used <= allowed
    assert {code for o in population(1000) for code in (*o.offers, *o.needs)} <= set(synthetic_codes())


def test_names_are_built_per_country():
    for org in population(300):
        if org.kind == "company":
            assert org.name.endswith(("B.V.", "V.O.F.") if org.country == "NL" else ("GmbH", "KG"))
        assert org.name


def test_the_csv_file_round_trips():
    orgs = population(500)
    buffer = io.StringIO()
    assert write_csv(iter(orgs), buffer) == 500
    buffer.seek(0)
    assert buffer.readline().strip() == ",".join(CSV_COLUMNS)
    buffer.seek(0)
    assert list(read_csv(buffer, TOWNS)) == orgs


def test_reading_a_bad_file_fails_clearly():
    with pytest.raises(ValueError, match="expected the columns"):
        list(read_csv(io.StringIO("id,name\n1,x\n"), TOWNS))
    row = "1,X,company,NL,123,NL213,micro,28,,,,public,0\n"
    with pytest.raises(ValueError, match="line 2: unknown town 123"):
        list(read_csv(io.StringIO(",".join(CSV_COLUMNS) + "\n" + row), TOWNS))


def test_the_population_can_be_matched():
    orgs = population(2000)
    index = MatchIndex.build(o.profile() for o in orgs)
    assert len(index) == 2000
    requester = next(o.profile() for o in orgs if o.country == "NL" and o.needs)
    recommendations = index.recommend(requester)
    assert len(recommendations) == 10
    assert all(r.country == "DE" for r in recommendations)
    assert [r.score for r in recommendations] == sorted((r.score for r in recommendations), reverse=True)
    cooperated = next(o for o in orgs if o.cooperated)
    assert not cooperated.profile().never_cooperated


def test_a_population_needs_towns():
    with pytest.raises(ValueError):
        list(synthetic_population([TOWNS[-1]], 10))  # a town without inhabitants only
