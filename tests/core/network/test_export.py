import csv
import datetime
import io
import math
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from borderless.core.network import ExportNode, export_graph, organisation_metrics
from borderless.core.network.export import (
    BOM,
    gexf_bytes,
    graphml_bytes,
    node_csv_bytes,
    tie_csv_bytes,
    write_gexf,
    write_graphml,
    write_node_csv,
    write_tie_csv,
)

from .helpers import tie_graph_of

GEXF = "{http://gexf.net/1.3}"

MUENSTER = "Universität Münster"
TRICKY = "Smith & Söhne <GmbH> \"Quote\" 'single'"
NODES = [
    ExportNode("org:1", MUENSTER, {"country": "DE", "kind": "knowledge", "degree": 2, "betweenness": 0.5, "nl": False}),
    ExportNode("org:2", TRICKY, {"country": "DE", "kind": "company", "degree": 1, "betweenness": 0, "nl": False}),
    ExportNode(
        "org:3",
        "Twentse Kaas B.V.\nafdeling\tR&D",
        {"country": "NL", "region": "NL213", "degree": 1, "betweenness": 0, "nl": True, "employees": 2**40},
    ),
    ExportNode("name:NL:de molen", "De Molen", {"country": "NL", "degree": 0, "betweenness": 0.0, "nl": True}),
]
TIES = {("org:2", "org:1"): 3, ("org:1", "org:3"): 1}
TIE_ATTRIBUTES = {
    ("org:1", "org:2"): {"cross_border": False, "projects": "p1 p2 p3"},
    ("org:1", "org:3"): {"cross_border": True, "projects": "p4", "share": 0.25},
}

# What every reader should find: values of a double column are floats, even when given as ints.
EXPECTED_NODES = {
    "org:1": {"label": MUENSTER, "country": "DE", "kind": "knowledge", "degree": 2, "betweenness": 0.5, "nl": False},
    "org:2": {"label": TRICKY, "country": "DE", "kind": "company", "degree": 1, "betweenness": 0.0, "nl": False},
    "org:3": {
        "label": "Twentse Kaas B.V.\nafdeling\tR&D",
        "country": "NL",
        "region": "NL213",
        "degree": 1,
        "betweenness": 0.0,
        "nl": True,
        "employees": 2**40,
    },
    "name:NL:de molen": {"label": "De Molen", "country": "NL", "degree": 0, "betweenness": 0.0, "nl": True},
}
EXPECTED_EDGES = {
    ("org:1", "org:2"): {"cross_border": False, "projects": "p1 p2 p3"},
    ("org:1", "org:3"): {"cross_border": True, "projects": "p4", "share": 0.25},
}
WEIGHTS = {("org:1", "org:2"): 3, ("org:1", "org:3"): 1}


def parse(data):
    return ET.fromstring(data)  # noqa: S314 -- the writers' own output, not outside input


def graph():
    return export_graph(NODES, TIES, TIE_ATTRIBUTES)


def typed(data):
    """Values with their types, so that 1, 1.0 and True are told apart."""
    return {key: (type(value), value) for key, value in data.items()}


def edge_data(g):
    return {tuple(sorted((a, b))): {k: v for k, v in d.items() if k != "id"} for a, b, d in g.edges(data=True)}


def test_networkx_reads_the_gexf_back_exactly():
    data = gexf_bytes(graph(), creator="Borderless", description="2014–2020, source: Interreg")
    g = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert not g.is_directed()
    assert {n: typed(d) for n, d in g.nodes(data=True)} == {n: typed(d) for n, d in EXPECTED_NODES.items()}
    expected = {pair: typed({**attrs, "weight": float(WEIGHTS[pair])}) for pair, attrs in EXPECTED_EDGES.items()}
    assert {pair: typed(d) for pair, d in edge_data(g).items()} == expected


def test_gexf_declares_typed_attributes_and_carries_the_callers_meta_data():
    data = gexf_bytes(
        graph(),
        creator="Borderless – Grenzenlos",
        description="Zeitraum 2014–2020 & Quelle <Interreg>",
        last_modified=datetime.date(2026, 3, 1),
    )
    root = parse(data)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    meta = root.find(f"{GEXF}meta")
    assert meta.get("lastmodifieddate") == "2026-03-01"
    assert meta.findtext(f"{GEXF}creator") == "Borderless – Grenzenlos"
    assert meta.findtext(f"{GEXF}description") == "Zeitraum 2014–2020 & Quelle <Interreg>"
    graph_element = root.find(f"{GEXF}graph")
    assert graph_element.get("defaultedgetype") == "undirected" and graph_element.get("mode") == "static"
    declared = {
        element.get("class"): {a.get("title"): a.get("type") for a in element.findall(f"{GEXF}attribute")}
        for element in graph_element.findall(f"{GEXF}attributes")
    }
    assert declared == {
        "node": {
            "country": "string",
            "kind": "string",
            "degree": "integer",
            "betweenness": "double",
            "nl": "boolean",
            "region": "string",
            "employees": "long",
        },
        "edge": {"cross_border": "boolean", "projects": "string", "share": "double"},
    }
    edges = graph_element.find(f"{GEXF}edges")
    assert [e.get("weight") for e in edges] == ["3.0", "1.0"]


def test_networkx_reads_the_graphml_back_exactly():
    data = graphml_bytes(graph(), description="2014–2020")
    g = nx.read_graphml(io.BytesIO(data))
    assert not g.is_directed()
    assert {n: typed(d) for n, d in g.nodes(data=True)} == {n: typed(d) for n, d in EXPECTED_NODES.items()}
    expected = {pair: typed({**attrs, "weight": WEIGHTS[pair]}) for pair, attrs in EXPECTED_EDGES.items()}
    assert {pair: typed(d) for pair, d in edge_data(g).items()} == expected
    root = parse(data)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.find(f"{ns}graph").get("edgedefault") == "undirected"
    assert root.findtext(f"{ns}desc") == "2014–2020"
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall(f"{ns}key")}
    assert keys[("node", "degree")] == "int"
    assert keys[("node", "employees")] == "long"
    assert keys[("node", "betweenness")] == "double"
    assert keys[("edge", "weight")] == "int"


def test_float_weights_stay_floats():
    g = export_graph([ExportNode("a", "A"), ExportNode("b", "B")], {("a", "b"): 0.5})
    assert nx.read_gexf(io.BytesIO(gexf_bytes(g, creator="", description="")), version="1.3")["a"]["b"]["weight"] == 0.5
    assert nx.read_graphml(io.BytesIO(graphml_bytes(g)))["a"]["b"]["weight"] == 0.5


def test_characters_xml_cannot_hold_are_replaced_so_the_file_stays_readable():
    nodes = [ExportNode("a", "Vertical\x0btab", {"note": "bell\x07"}), ExportNode("b", "Line\r\nbreak")]
    g = export_graph(nodes, {("a", "b"): 1})
    for data in (gexf_bytes(g, creator="", description="nul\x00"), graphml_bytes(g)):
        parse(data)
    read = nx.read_gexf(io.BytesIO(gexf_bytes(g, creator="", description="")), version="1.3")
    assert read.nodes["a"] == {"label": "Vertical\ufffdtab", "note": "bell\ufffd"}
    assert read.nodes["b"]["label"] == "Line\r\nbreak"
    assert nx.read_graphml(io.BytesIO(graphml_bytes(g))).nodes["b"]["label"] == "Line\r\nbreak"


def test_node_and_tie_csv_round_trip_through_dictreader():
    nodes = list(csv.DictReader(io.StringIO(node_csv_bytes(graph()).decode("utf-8"))))
    assert [row["id"] for row in nodes] == ["name:NL:de molen", "org:1", "org:2", "org:3"]
    assert list(nodes[0]) == ["id", "label", "country", "degree", "betweenness", "nl", "kind", "region", "employees"]
    assert nodes[0] == {
        "id": "name:NL:de molen",
        "label": "De Molen",
        "country": "NL",
        "degree": "0",
        "betweenness": "0.0",
        "nl": "true",
        "kind": "",
        "region": "",
        "employees": "",
    }
    assert nodes[2]["label"] == TRICKY
    assert nodes[3]["label"] == "Twentse Kaas B.V.\nafdeling\tR&D"
    assert nodes[3]["employees"] == str(2**40)
    ties = list(csv.DictReader(io.StringIO(tie_csv_bytes(graph()).decode("utf-8"))))
    assert ties == [
        {
            "source": "org:1",
            "target": "org:2",
            "weight": "3",
            "cross_border": "false",
            "projects": "p1 p2 p3",
            "share": "",
        },
        {
            "source": "org:1",
            "target": "org:3",
            "weight": "1",
            "cross_border": "true",
            "projects": "p4",
            "share": "0.25",
        },
    ]


def test_csv_for_excel_has_a_byte_order_mark_and_the_chosen_delimiter():
    plain = node_csv_bytes(graph())
    excel = node_csv_bytes(graph(), bom=True, delimiter=";")
    assert not plain.startswith(BOM)
    assert excel.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    assert rows[1]["label"] == MUENSTER
    assert excel.decode("utf-8-sig").splitlines()[0] == "id;label;country;degree;betweenness;nl;kind;region;employees"
    ties = tie_csv_bytes(graph(), bom=True, delimiter="\t").decode("utf-8-sig")
    assert ties.splitlines()[0] == "source\ttarget\tweight\tcross_border\tprojects\tshare"


def test_csv_text_cannot_run_as_a_spreadsheet_formula():
    nodes = [ExportNode("a", '=HYPERLINK("http://x")', {"note": "@home", "score": -1.5}), ExportNode("b", "B")]
    g = export_graph(nodes, {("a", "b"): 1})
    row = next(csv.DictReader(io.StringIO(node_csv_bytes(g).decode())))
    assert row["label"] == '\'=HYPERLINK("http://x")'
    assert row["note"] == "'@home"
    assert row["score"] == "-1.5"  # a number is a number
    gexf = nx.read_gexf(io.BytesIO(gexf_bytes(g, creator="", description="")), version="1.3")
    assert gexf.nodes["a"]["label"] == '=HYPERLINK("http://x")'


def test_non_finite_numbers_are_written_so_readers_parse_them():
    g = export_graph([ExportNode("a", "A", {"x": math.nan}), ExportNode("b", "B", {"x": math.inf})], {})
    read = nx.read_gexf(io.BytesIO(gexf_bytes(g, creator="", description="")), version="1.3")
    assert math.isnan(read.nodes["a"]["x"]) and read.nodes["b"]["x"] == math.inf
    rows = list(csv.DictReader(io.StringIO(node_csv_bytes(g).decode())))
    assert [r["x"] for r in rows] == ["NaN", "INF"]


def test_output_does_not_depend_on_the_order_given():
    shuffled = export_graph(reversed(NODES), {("org:3", "org:1"): 1, ("org:1", "org:2"): 3}, TIE_ATTRIBUTES)
    reordered = export_graph(sorted(NODES, key=lambda n: n.label), TIES, TIE_ATTRIBUTES)
    for other in (shuffled, reordered):
        assert gexf_bytes(other, creator="c", description="d") == gexf_bytes(graph(), creator="c", description="d")
        assert graphml_bytes(other) == graphml_bytes(graph())
        assert node_csv_bytes(other) == node_csv_bytes(graph())
        assert tie_csv_bytes(other) == tie_csv_bytes(graph())


class Response:
    """A sink with nothing but write(bytes), like an HTTP response."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))


def test_writers_stream_into_a_binary_sink(tmp_path):
    nodes = [ExportNode(f"org:{i}", f"Organisation {i}", {"degree": i % 7}) for i in range(3000)]
    big = export_graph(nodes, {(f"org:{i}", f"org:{i + 1}"): 1 for i in range(2999)})
    response = Response()
    write_gexf(big, response, creator="c", description="d")
    assert len(response.chunks) > 1
    assert b"".join(response.chunks) == gexf_bytes(big, creator="c", description="d")
    for writer, whole in (
        (write_graphml, graphml_bytes(big)),
        (write_node_csv, node_csv_bytes(big)),
        (write_tie_csv, tie_csv_bytes(big)),
    ):
        path = tmp_path / "out"
        with path.open("wb") as file:
            writer(big, file)
        assert path.read_bytes() == whole


def test_a_period_graph_with_its_metrics_exports_as_networkx_sees_it():
    ties = tie_graph_of({("a", "b"): 2, ("b", "c"): 1}, {"a": "NL", "b": "DE", "c": "DE"}, isolates=["d"])
    metrics = organisation_metrics(ties)
    nodes = [
        ExportNode(
            m.organisation,
            m.organisation.upper(),
            {"country": m.country, "degree": m.degree, "betweenness": m.betweenness, "constraint": m.constraint},
        )
        for m in metrics.organisations
    ]
    data = gexf_bytes(export_graph(nodes, ties.ties), creator="c", description="d")
    g = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert dict(g.degree) == {"a": 1, "b": 2, "c": 1, "d": 0}
    assert nx.get_edge_attributes(g, "weight") == {("a", "b"): 2.0, ("b", "c"): 1.0}
    assert g.nodes["b"]["betweenness"] == 1.0
    assert "constraint" not in g.nodes["d"]  # an isolate has none
    assert g.nodes["a"]["country"] == "NL"


@pytest.mark.parametrize(
    ("nodes", "ties", "attributes", "message"),
    [
        ([ExportNode("a", "A"), ExportNode("a", "again")], {}, None, "listed twice"),
        ([ExportNode("a", "A")], {("a", "z"): 1}, None, "not listed"),
        ([ExportNode("a", "A"), ExportNode("b", "B")], {("a", "b"): 1, ("b", "a"): 2}, None, "listed twice"),
        ([ExportNode("a", "A"), ExportNode("b", "B")], {}, {("a", "b"): {"x": 1}}, "not there"),
        ([ExportNode("a", "A", {"label": "x"})], {}, None, "reserved"),
        ([ExportNode("a", "A"), ExportNode("b", "B")], {("a", "b"): 1}, {("a", "b"): {"weight": 2}}, "reserved"),
        ([ExportNode("a", "A", {"x": 1}), ExportNode("b", "B", {"x": "one"})], {}, None, "mixes"),
        ([ExportNode("a", "A", {"x": True}), ExportNode("b", "B", {"x": 1})], {}, None, "mixes"),
    ],
)
def test_inconsistent_input_is_refused(nodes, ties, attributes, message):
    with pytest.raises(ValueError, match=message):
        export_graph(nodes, ties, attributes)


def test_ints_and_floats_in_one_column_make_a_double_and_none_is_missing():
    g = export_graph([ExportNode("a", "A", {"x": 1, "y": None}), ExportNode("b", "B", {"x": 2.5})], {})
    assert [(c.name, c.type) for c in g.node_columns] == [("x", "double"), ("y", "string")]
    read = nx.read_graphml(io.BytesIO(graphml_bytes(g)))
    assert typed(read.nodes["a"]) == typed({"label": "A", "x": 1.0})


def test_a_value_of_another_type_is_refused():
    with pytest.raises(TypeError):
        export_graph([ExportNode("a", "A", {"when": datetime.date(2020, 1, 1)})], {})  # type: ignore[dict-item]
