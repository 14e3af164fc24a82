import csv
from pathlib import Path

import pytest

from borderless.core.cordis import read_participations
from borderless.core.places import (
    PostcodeRegion,
    fold,
    load_postcode_table,
    nuts3_code,
    nuts3_for,
    place_key,
    postcode_key,
    repair_mojibake,
    same_place,
)

SHIPPED = Path(__file__).resolve().parents[2] / "borderless" / "organisations" / "data"
POSTCODES = SHIPPED / "postcode_nuts3_2021_de_nl.csv"
NUTS = SHIPPED / "nuts2021_de_nl.csv"
CORDIS = Path(__file__).parent / "data" / "cordis"


@pytest.fixture(scope="module")
def table():
    return load_postcode_table(POSTCODES)


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("MUENSTER", "Münster", "DE"),
        ("MÃ¼nster", "Münster", "DE"),  # UTF-8 read as Windows-1252
        ("DÃƒÂ¼sseldorf", "Düsseldorf", "DE"),  # read so twice
        ("'s-Hertogenbosch", "Den Bosch", "NL"),
        ("'S-HERTOGENBOSCH", "s Hertogenbosch", "NL"),
        ("\u2019s-Hertogenbosch", "DEN BOSCH", "NL"),
        ("Den Haag", "'s-Gravenhage", "NL"),
        ("The Hague", "Den Haag", "NL"),
        ("Hengelo (Ov)", "Hengelo", "NL"),
        ("HENGELO OV", "Hengelo", "NL"),
        ("St. Augustin", "Sankt Augustin", "DE"),
        ("St. Michielsgestel", "Sint-Michielsgestel", "NL"),
        ("Sint Michielsgestel", "Sint-Michielsgestel", "NL"),
        ("Frankfurt a.M.", "Frankfurt am Main", "DE"),
        ("GROSS-GERAU", "Groß Gerau", "DE"),
        ("Köln", "Cologne", "de"),
        ("Münster", "Münster", "DE"),
    ],
)
def test_spellings_of_one_place_share_a_key(a, b, country):
    assert same_place(a, b, country)


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Hengelo (Gld)", "Hengelo (Ov)", "NL"),  # a village in Bronckhorst, not the city
        ("Frankfurt (Oder)", "Frankfurt am Main", "DE"),
        ("Münster", "Munster", "DE"),  # "ü" is "ue", never "u"
        ("Münster", "Münster", "NL"),  # same spelling, but only within one country
        ("", "", "DE"),
    ],
)
def test_different_places_do_not_match(a, b, country):
    if a == b and a:
        assert place_key(a, "DE") != place_key(b, country)
    else:
        assert not same_place(a, b, country)


def test_the_key_names_the_country_in_iso_form():
    assert place_key("Thessaloniki", "EL") == "GR:thessaloniki"
    assert place_key("MUENSTER", "de") == "DE:muenster"
    assert place_key(" - ", "DE") == ""


def test_mojibake_is_repaired_only_where_it_is_mojibake():
    assert repair_mojibake("MÃ¼nster") == "Münster"
    assert repair_mojibake("GÃ¶ttingen") == "Göttingen"
    assert repair_mojibake("GroÃŸ Gerau") == "Groß Gerau"
    assert repair_mojibake("Münster") == "Münster"
    assert repair_mojibake("São Paulo") == "São Paulo"
    assert fold("Überlingen") == "ueberlingen"
    assert fold("Liège") == "liege"


@pytest.mark.parametrize(
    ("country", "postcode", "key"),
    [
        ("DE", "48143", "48143"),
        ("DE", "D-48143", "48143"),
        ("de", "DE 48143", "48143"),
        ("DE", "1067", "01067"),  # leading zero lost in a spreadsheet
        ("NL", "7511 AB", "7511"),
        ("NL", "7511AB", "7511"),
        ("NL", "7511ab", "7511"),
        ("NL", "NL-7511", "7511"),
        ("NL", "NL-7511 AB", "7511"),
        ("NL", "7511", "7511"),
        ("DE", "481430", None),
        ("DE", "Münster", None),
        ("NL", "0751", None),  # Dutch postcodes do not start with 0
        ("NL", "75111", None),
        ("NL", "7511 ABC", None),
        ("BE", "1000", None),
        ("DE", "", None),
    ],
)
def test_postcodes_are_reduced_to_the_key_of_the_table(country, postcode, key):
    assert postcode_key(country, postcode) == key


@pytest.mark.parametrize(
    ("country", "postcode", "nuts3"),
    [
        ("DE", "48143", "DEA33"),  # Münster
        ("DE", "D-48149", "DEA33"),
        ("DE", "47533", "DEA1B"),  # Kleve
        ("DE", "49074", "DE944"),  # Osnabrück
        ("NL", "7511", "NL213"),  # Enschede
        ("NL", "7511 AB", "NL213"),
        ("NL", "NL-7522NB", "NL213"),
        ("NL", "5611", "NL414"),  # Eindhoven
        ("NL", "9711", "NL113"),  # Groningen
        ("NL", "6511", "NL226"),  # Nijmegen
    ],
)
def test_postcodes_resolve_to_their_nuts3_region_in_the_shared_table(table, country, postcode, nuts3):
    assert table.nuts3(country, postcode) == nuts3


def test_the_table_holds_every_row_of_the_file_and_flags_uncertain_regions(table):
    with POSTCODES.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(table.regions) == len(rows)
    assert table.region("NL", "5157") == PostcodeRegion("NL412", uncertain=True)  # near a changed border
    assert table.region("NL", "7511") == PostcodeRegion("NL213", uncertain=False)
    assert table.nuts3("DE", "00000") is None
    assert table.nuts3("NL", "not a postcode") is None
    assert table.nuts3("BE", "1000") is None


def test_nuts_codes_from_a_record_are_validated():
    with NUTS.open(encoding="utf-8", newline="") as file:
        known = {row["nuts_id"] for row in csv.DictReader(file) if row["level"] == "3"}
    assert nuts3_code("DEA33", "DE", known) == "DEA33"
    assert nuts3_code(" dea33 ", "de") == "DEA33"
    assert nuts3_code("EL522", "GR") == "EL522"  # NUTS writes Greece EL
    assert nuts3_code("EL522", "EL") == "EL522"
    assert nuts3_code("DEA3", "DE") is None  # NUTS-2
    assert nuts3_code("NL213", "DE") is None  # another country
    assert nuts3_code("DEG0Q", "DE", known) is None  # a NUTS 2024 code, not in NUTS 2021
    assert nuts3_code("NL416", "NL", known) is None
    assert nuts3_code("", "DE") is None
    assert nuts3_code("DEZZZ", "DE", known) is None  # Extra-Regio


def test_a_cordis_participation_gets_its_region_from_the_postcode_else_its_own_code(table):
    result = read_participations((CORDIS / "organization.csv").read_bytes())
    regions = {
        p.organisation_id: nuts3_for(country=p.country, postcode=p.post_code, nuts_code=p.nuts_code, table=table)
        for p in result.records
    }
    assert regions["999974101"] == "NL213"  # 7522 NB Enschede
    assert regions["999974202"] == "DEA33"  # 48149 Münster
    assert regions["999974404"] == "NL413"  # 5211 HH 's-Hertogenbosch
    assert regions["999974707"] == "DEA34"  # 48599 Gronau
    assert regions["999974505"] == "EL522"  # no Greek postcodes in the table: the record's code
    assert regions["999974808"] is None  # no postcode and no code
