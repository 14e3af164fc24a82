"""The network monitor's front-end assets: the vendored graph library, the programme area's NUTS-3
boundaries, and the two partials (graph and map) the network pages include."""

from __future__ import annotations

import csv
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Engine
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
GEOJSON = STATIC / "geo" / "interreg-de-nl-nuts3.geojson"
AREA = ROOT / "borderless" / "organisations" / "data" / "interreg_de_nl_programme_area.csv"
NUTS = ROOT / "borderless" / "organisations" / "data" / "nuts2021_de_nl.csv"

GRAPH_CONTEXT = {
    "graph_url": "/network/graph.json",
    "graph_caption": "Kooperationen 2021–2027",
    "graph_nodes": [
        {"label": "Universiteit Twente", "country": "NL", "kind_label": "Wissenseinrichtung",
         "phase_label": "Vernetzt", "degree": 12, "ego": True},
        {"label": "Fraunhofer IML", "country": "DE", "kind_label": "Wissenseinrichtung",
         "phase_label": "Bilateral", "degree": 3, "url": "/network/org/7/"},
    ],
    "graph_ties": [
        {"source_label": "Universiteit Twente", "target_label": "Fraunhofer IML", "weight": 3, "cross_border": True},
    ],
}  # fmt: skip
MAP_CONTEXT = {
    "map_values_url": "/network/regions.json",
    "map_caption": "Anteil grenzüberschreitend",
    "map_rows": [
        {"code": "NL213", "name": "Twente", "value_label": "40 %", "n": 23},
        {"code": "DEA34", "name": "Borken", "value_label": "", "n": None},
    ],
}
# Words that are spelled the same in English and the language: not a leftover.
SAME_WORD = {"de": {"Bilateral", "Organisation", "Partner", "Region"}, "nl": {"Partner", "Partners"}}
TRANSLATED_ATTRIBUTES = re.compile(r"^(aria-label|data-text-.+|data-kind-.+|data-phase-.+)$")


def programme_area() -> set[str]:
    with AREA.open(encoding="utf-8", newline="") as file:
        return {row["nuts3_2021"] for row in csv.DictReader(file)}


def regions() -> list[dict]:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]


# --- vendored library ------------------------------------------------------------------------------


def test_cytoscape_is_vendored_with_its_licence_and_the_pinned_version():
    script = (ROOT / "scripts" / "vendor-frontend").read_text(encoding="utf-8")
    pinned = re.search(r"^CYTOSCAPE=(\S+)$", script, flags=re.M)
    assert pinned, "scripts/vendor-frontend pins no cytoscape version"
    version = pinned.group(1)
    library = (STATIC / "vendor" / "cytoscape" / "cytoscape.min.js").read_text(encoding="utf-8")
    assert f'"{version}"' in library, "the vendored build is not the version the script pins"
    assert "Permission is hereby granted" in (STATIC / "vendor" / "cytoscape" / "LICENSE").read_text(encoding="utf-8")
    versions = (STATIC / "vendor" / "VERSIONS").read_text(encoding="utf-8").splitlines()
    assert f"cytoscape {version} (MIT): cytoscape/" in versions
    # The earlier libraries are still listed: the script re-vendors all of them together.
    assert any(line.startswith("leaflet 1.9.4 ") for line in versions)


# --- programme-area boundaries ---------------------------------------------------------------------


def test_the_geojson_has_exactly_the_programme_areas_regions_with_code_and_name():
    features = regions()
    codes = [f["properties"]["code"] for f in features]
    assert len(codes) == len(set(codes))
    assert set(codes) == programme_area()
    with NUTS.open(encoding="utf-8", newline="") as file:
        names = {row["nuts_id"]: row["name_latn"] for row in csv.DictReader(file)}
    for feature in features:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"code", "name"}
        assert feature["properties"]["name"] == names[feature["properties"]["code"]]


def signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def crosses(p1, p2, q1, q2) -> bool:
    """Whether segments p1p2 and q1q2 intersect (touching counts)."""

    def orient(a, b, c):
        value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (value > 0) - (value < 0)

    def within(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    o1, o2, o3, o4 = orient(p1, p2, q1), orient(p1, p2, q2), orient(q1, q2, p1), orient(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return any(
        o == 0 and within(a, b, c)
        for o, a, b, c in ((o1, p1, p2, q1), (o2, p1, p2, q2), (o3, q1, q2, p1), (o4, q1, q2, p2))
    )


def ring_problems(ring: list[list[float]], *, exterior: bool) -> list[str]:
    problems = []
    if len(ring) < 4 or ring[0] != ring[-1]:
        return ["not a closed ring of at least four positions"]
    if any(a == b for a, b in itertools.pairwise(ring)):
        problems.append("repeated position")
    for lon, lat in ring:
        if not (4.5 < lon < 9.0 and 50.9 < lat < 53.9):
            problems.append(f"position {lon},{lat} outside the programme area")
        if round(lon, 5) != lon or round(lat, 5) != lat:
            problems.append(f"position {lon},{lat} has more than 5 decimals")
    area = signed_area(ring)
    if area == 0 or (area > 0) != exterior:
        problems.append("wrong winding (RFC 7946: exterior counter-clockwise, holes clockwise)")
    edges = list(itertools.pairwise(ring))
    for i, j in itertools.combinations(range(len(edges)), 2):
        neighbours = j == i + 1 or (i == 0 and j == len(edges) - 1)
        if not neighbours and crosses(*edges[i], *edges[j]):
            problems.append(f"edges {i} and {j} cross")
    return problems


def test_every_region_is_a_valid_polygon():
    for feature in regions():
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        assert polygons
        for rings in polygons:
            problems = ring_problems(rings[0], exterior=True)
            for hole in rings[1:]:
                problems += ring_problems(hole, exterior=False)
            assert problems == [], f"{feature['properties']['code']}: {problems[:5]}"


def test_the_boundaries_carry_their_attribution():
    source = (STATIC / "geo" / "SOURCE").read_text(encoding="utf-8")
    assert "© EuroGeographics for the administrative boundaries" in source
    assert "Eurostat / GISCO" in source


# --- partials --------------------------------------------------------------------------------------


class Page(HTMLParser):
    """The rendered text, the attribute values a translator would translate, and the static files."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.attributes: dict[str, list[str]] = {}
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and TRANSLATED_ATTRIBUTES.match(name):
                self.attributes.setdefault(name, []).append(value)
            if value and name in ("src", "href", "data-regions-url") and value.startswith(settings.STATIC_URL):
                self.assets.append(value)

    def handle_data(self, data):
        if data.strip():
            self.texts.append(" ".join(data.split()))


def render(template: str, context: dict, lang: str) -> Page:
    with translation.override(lang):
        html = Engine.get_default().get_template(template).render(Context(context))
    page = Page()
    page.feed(html)
    return page


def interface_strings(page: Page, context: dict) -> set[str]:
    """What the template itself wrote (labels, attribute texts), without what the context supplied."""
    supplied = set()
    for value in context.values():
        rows = value if isinstance(value, list) else [value]
        for row in rows:
            supplied.update(str(v) for v in (row.values() if isinstance(row, dict) else [row]))
    values = page.texts + [v for vs in page.attributes.values() for v in vs]
    # Symbols (the zoom buttons' + and −, dashes) and numbers are not words to translate.
    return {v for v in values if v not in supplied and re.search(r"[A-Za-z]{2}", v)}


CASES = [("network/_graph.html", GRAPH_CONTEXT), ("network/_map.html", MAP_CONTEXT)]


@pytest.mark.parametrize("lang", ["de", "nl"])
@pytest.mark.parametrize(("template", "context"), CASES)
def test_the_partials_leave_no_english_label_behind(template, context, lang):
    english = interface_strings(render(template, context, "en"), context)
    translated = render(template, context, lang)
    shown = set(translated.texts) | {v for vs in translated.attributes.values() for v in vs}
    leftovers = english & shown - SAME_WORD[lang]
    assert leftovers == set()


def test_the_graph_partial_in_german():
    page = render("network/_graph.html", GRAPH_CONTEXT, "de")
    assert "Das Netzwerk als Tabelle" in page.texts
    assert "Grenzüberschreitende Verbindung" in page.texts
    assert "Niederlande" in page.texts and "Deutschland" in page.texts  # the table's country column
    attributes = {name: values[0] for name, values in page.attributes.items()}
    assert attributes["data-text-phase"] == "Kooperationsphase"
    assert attributes["data-phase-pre-cooperation"] == "Vor der Zusammenarbeit"
    # The script fills the name in itself: the placeholder must survive the translation.
    assert attributes["data-text-ego-link"] == "Netzwerk von %(name)s anzeigen"


def test_the_map_partial_in_german_shows_the_attribution_and_hides_small_groups():
    page = render("network/_map.html", MAP_CONTEXT, "de")
    text = " ".join(page.texts)
    assert "© EuroGeographics bezüglich der Verwaltungsgrenzen" in text
    assert "Die Karte als Tabelle" in page.texts
    assert "Weniger als 5 Organisationen" in page.texts  # Borken's value, withheld by the server
    assert "Organisationen: %(n)s" in page.attributes["data-text-n"]


@pytest.mark.parametrize(("template", "context"), CASES)
def test_every_file_a_partial_loads_exists(template, context):
    assets = render(template, context, "en").assets
    assert assets
    for url in assets:
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not a static file"


@pytest.mark.parametrize(("template", "context"), CASES)
def test_the_scripts_write_no_english_of_their_own(template, context):
    """Every label comes from the template (translated); a label typed into a script would not be."""
    english = interface_strings(render(template, context, "en"), context)
    for name in ("network-graph.js", "network-map.js"):
        script = (STATIC / "js" / name).read_text(encoding="utf-8")
        literals = set(re.findall(r'"([^"\\]*)"', script))
        assert english & literals == set(), name
