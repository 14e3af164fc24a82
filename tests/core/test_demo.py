"""The demo population: deterministic, realistic in its mix, and clearly fictional. No database."""

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from borderless.core.demo import (
    CORE_INDUSTRIES,
    SECTORS,
    DemoTown,
    demo_population,
    persona_company,
    slugify,
)

ROOT = Path(__file__).resolve().parents[2]

# (name, population, NUTS-3, in the programme area); GeoNames ids are made up for the test.
_NL = [
    ("Enschede", 158_000, "NL213", True), ("Hengelo", 81_000, "NL213", True), ("Almelo", 72_000, "NL213", True),
    ("Oldenzaal", 31_000, "NL213", True), ("Losser", 22_000, "NL213", True), ("Zwolle", 130_000, "NL211", True),
    ("Deventer", 100_000, "NL212", True), ("Arnhem", 162_000, "NL226", True), ("Nijmegen", 177_000, "NL226", True),
    ("Doetinchem", 58_000, "NL225", True), ("Winterswijk", 29_000, "NL225", True), ("Venlo", 102_000, "NL421", True),
    ("Eindhoven", 236_000, "NL414", True), ("Helmond", 92_000, "NL414", True), ("Emmen", 107_000, "NL132", True),
    ("Ommen", 7_000, "NL211", True), ("Ulft", 4_000, "NL225", True), ("Amsterdam", 742_000, "NL329", False),
    ("Utrecht", 290_000, "NL310", False),
]  # fmt: skip
_DE = [
    ("Münster", 308_000, "DEA33", True), ("Bocholt", 71_000, "DEA34", True), ("Borken", 42_000, "DEA34", True),
    ("Gronau", 47_000, "DEA34", True), ("Coesfeld", 36_000, "DEA35", True), ("Rheine", 76_000, "DEA37", True),
    ("Kleve", 49_000, "DEA1B", True), ("Krefeld", 238_000, "DEA14", True), ("Düsseldorf", 619_000, "DEA11", True),
    ("Nordhorn", 53_000, "DE94B", True), ("Lingen", 51_000, "DE949", True), ("Osnabrück", 166_000, "DE944", True),
    ("Emden", 50_000, "DE942", True), ("Vreden", 22_000, "DEA34", True), ("Südlohn", 9_000, "DEA34", True),
    ("Uelsen", 5_000, "DE94B", True), ("Köln", 964_000, "DEA23", False), ("Dortmund", 588_000, "DEA52", False),
]  # fmt: skip
TOWNS = [
    DemoTown(1000 + i, name, country, population, nuts3, inside)
    for i, (name, population, nuts3, inside, country) in enumerate(
        [(*t, "NL") for t in _NL] + [(*t, "DE") for t in _DE]
    )
]
NACE = [f"{code:02d}" for code in range(1, 100)]
BY_ID = {t.geonameid: t for t in TOWNS}
MUENSTERLAND = ("DEA33", "DEA34", "DEA35", "DEA37", "DEA38")


@pytest.fixture(scope="module")
def population():
    return demo_population(towns=TOWNS, nace_codes=NACE)


def test_same_seed_gives_byte_identical_output(population):
    again = demo_population(towns=list(reversed(TOWNS)), nace_codes=reversed(NACE), seed=2021)
    assert repr(again) == repr(population)


def test_output_does_not_depend_on_the_hash_seed(population):
    script = (
        "import hashlib; from tests.core.test_demo import TOWNS, NACE; "
        "from borderless.core.demo import demo_population; "
        "print(hashlib.sha256(repr(demo_population(towns=TOWNS, nace_codes=NACE)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for hash_seed in ("1", "2")
    }
    assert digests == {hashlib.sha256(repr(population).encode()).hexdigest()}


def test_different_seeds_give_different_populations(population):
    other = demo_population(towns=TOWNS, nace_codes=NACE, seed=7)
    assert {o.name for o in other} != {o.name for o in population}


def test_about_digipros_size_and_mostly_companies(population):
    kinds = Counter(o.kind for o in population)
    assert len(population) == 320
    assert kinds["company"] / len(population) > 0.85
    assert {"fieldlab", "intermediary", "knowledge"} <= set(kinds)
    # Authorities and hubs are only the real ones.
    assert set(kinds) <= {"company", "fieldlab", "intermediary", "knowledge"}


def test_dutch_and_german_organisations_are_balanced(population):
    countries = Counter(BY_ID[o.town].country for o in population)
    assert abs(countries["NL"] - countries["DE"]) <= 1


def test_almost_all_in_the_programme_area(population):
    inside = sum(BY_ID[o.town].in_programme_area for o in population)
    assert 0.9 <= inside / len(population) < 1


def test_larger_towns_get_more_organisations(population):
    per_town = Counter(o.town for o in population)
    big = [t for t in TOWNS if t.population >= 150_000 and t.in_programme_area]
    small = [t for t in TOWNS if t.population <= 10_000]
    assert sum(per_town[t.geonameid] for t in big) / len(big) > sum(per_town[t.geonameid] for t in small) / len(small)


def test_realistic_size_mix_of_companies(population):
    sizes = Counter(o.size_class for o in population if o.kind == "company")
    total = sum(sizes.values())
    assert (sizes["micro"] + sizes["small"]) / total > 0.7
    assert sizes["medium"] > sizes["large"] > 0
    assert sizes["large"] / total < 0.1


def test_companies_are_mostly_manufacturers(population):
    sectors = [o.sector for o in population if o.kind == "company"]
    assert set(sectors) <= set(SECTORS)
    assert sum(10 <= int(code) <= 33 for code in sectors) / len(sectors) > 0.7
    assert {"46", "49", "62", "71", "72"} <= set(sectors)


def test_names_slugs_and_websites_are_unique(population):
    websites = [o.website for o in population if o.website]
    assert len({o.name for o in population}) == len(population)
    assert len({o.slug for o in population}) == len(population)
    assert len(set(websites)) == len(websites)
    assert all(o.slug == slugify(o.slug) for o in population)


def test_websites_use_the_reserved_example_domain(population):
    websites = [o.website for o in population if o.website]
    assert len(websites) > 0.8 * len(population)
    assert all(w.startswith("https://www.") and w.endswith(".example") for w in websites)


def test_company_names_carry_country_typical_legal_forms(population):
    names = {"NL": [], "DE": []}
    for o in population:
        if o.kind == "company":
            names[BY_ID[o.town].country].append(o.name)
    assert any(n.endswith(" B.V.") for n in names["NL"])
    assert any(n.endswith(" GmbH") for n in names["DE"])
    assert any(n.endswith(" GmbH & Co. KG") for n in names["DE"])
    assert not any("GmbH" in n for n in names["NL"])
    assert not any("B.V." in n for n in names["DE"])


def test_description_and_first_working_language_are_the_countrys(population):
    for o in population:
        country = BY_ID[o.town].country
        assert o.working_languages[0] == {"NL": "nl", "DE": "de"}[country]
        assert BY_ID[o.town].name in o.description
        if o.kind == "company":
            assert ("gespecialiseerd in" if country == "NL" else "spezialisiert auf") in o.description


def test_about_fifteen_percent_have_not_consented_to_be_listed(population):
    unlisted = sum(not o.listed_publicly for o in population)
    assert unlisted == round(0.15 * len(population))


def test_reserved_slugs_are_not_used(population):
    reserved = {o.slug for o in population[:50]}
    again = demo_population(towns=TOWNS, nace_codes=NACE, reserved_slugs=reserved)
    assert not reserved & {o.slug for o in again}


def test_persona_company_is_a_listed_core_industry_sme_in_the_region(population):
    company = persona_company(population, TOWNS, nuts3_codes=MUENSTERLAND)
    assert company.listed_publicly
    assert company.size_class in {"small", "medium"}
    assert company.sector in CORE_INDUSTRIES
    assert BY_ID[company.town].nuts3 in MUENSTERLAND
    with pytest.raises(LookupError):
        persona_company(population, TOWNS, nuts3_codes=["XX999"])


def test_needs_towns_on_both_sides_of_the_border():
    with pytest.raises(ValueError):
        demo_population(towns=[t for t in TOWNS if t.country == "NL"], nace_codes=NACE)


def test_slugify_spells_out_umlauts():
    assert slugify("Gebr. Hölscher GmbH & Co. KG") == "gebr-hoelscher-gmbh-co-kg"
    assert slugify("Universität Münster") == "universitaet-muenster"
    assert slugify("'s-Hertogenbosch Straße") == "s-hertogenbosch-strasse"
