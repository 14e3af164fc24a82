"""A subgraph of the network as files for Gephi and spreadsheets: GEXF 1.3, GraphML and two CSV tables.

`export_graph` checks the nodes and ties once and types every attribute column; the writers then
stream the same columns into a binary file (anything with `write(bytes)`, such as an HTTP response),
and the `*_bytes` functions return the whole file. Column and attribute names are technical names
(`id`, `label`, `country`, `betweenness` …) and stay as they are in every language; only the values
a caller passes (labels, a description) are in the reader's language.

Types: a column whose values are all bool is boolean, all int integer (long beyond 32 bits), int and
float together double, all str string; None is a missing value (no attribute value in XML, an empty
CSV cell). Any other mixture is a caller's error. Output order is stable: nodes by key, ties by
(source, target) with source < target, columns in the order they first appear.
"""

from __future__ import annotations

import csv
import datetime
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from io import BytesIO
from typing import Literal, Protocol

AttributeValue = str | int | float | bool | None
ColumnType = Literal["boolean", "integer", "long", "double", "string"]
Delimiter = Literal[",", ";", "\t"]

# Names that the formats themselves use for a node or an edge; an attribute of that name would be
# shadowed by it in Gephi and in networkx.
RESERVED_NODE_ATTRIBUTES = frozenset({"id", "label"})
RESERVED_TIE_ATTRIBUTES = frozenset({"id", "label", "source", "target", "type", "weight"})

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_TYPES: Mapping[ColumnType, str] = {
    "boolean": "boolean",
    "integer": "int",
    "long": "long",
    "double": "double",
    "string": "string",
}
INT32 = range(-(2**31), 2**31)

# Spreadsheets run a text cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = b"\xef\xbb\xbf"

# Characters XML 1.0 does not allow at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class BinarySink(Protocol):
    def write(self, data: bytes, /) -> object: ...


@dataclass(frozen=True, slots=True)
class ExportNode:
    key: str
    label: str
    attributes: Mapping[str, AttributeValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportTie:
    source: str
    target: str
    weight: int | float
    attributes: Mapping[str, AttributeValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType


@dataclass(frozen=True, slots=True)
class ExportGraph:
    """An undirected subgraph ready to write: sorted nodes and ties and the typed attribute columns."""

    nodes: tuple[ExportNode, ...]
    ties: tuple[ExportTie, ...]
    node_columns: tuple[Column, ...]
    tie_columns: tuple[Column, ...]
    weight_type: ColumnType


def _value_type(name: str, value: AttributeValue) -> ColumnType | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer" if value in INT32 else "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    raise TypeError(f"attribute {name!r}: {type(value).__name__} is not str, int, float, bool or None")


def _column_type(name: str, values: Iterable[AttributeValue]) -> ColumnType:
    kinds = {kind for kind in (_value_type(name, v) for v in values) if kind is not None}
    if not kinds:
        return "string"
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"integer", "long"}:
        return "long"
    if kinds <= {"integer", "long", "double"}:
        return "double"
    raise ValueError(f"attribute {name!r} mixes values of types {', '.join(sorted(kinds))}")


def _columns(rows: Iterable[Mapping[str, AttributeValue]], reserved: frozenset[str], what: str) -> tuple[Column, ...]:
    values: dict[str, list[AttributeValue]] = {}
    for attributes in rows:
        for name, value in attributes.items():
            values.setdefault(name, []).append(value)
    clash = sorted(set(values) & reserved)
    if clash:
        raise ValueError(f"{what} attribute names {clash} are reserved by the file formats")
    return tuple(Column(name, _column_type(name, column)) for name, column in values.items())


def export_graph(
    nodes: Iterable[ExportNode],
    ties: Mapping[tuple[str, str], int | float],
    tie_attributes: Mapping[tuple[str, str], Mapping[str, AttributeValue]] | None = None,
) -> ExportGraph:
    """Check and order a subgraph: `ties` maps a pair of node keys to its weight, in either order.

    Raises ValueError for a repeated node key or tie, a tie to a node that is not listed, attributes
    of a tie that is not there, a reserved attribute name or a column of mixed types.
    """
    by_key: dict[str, ExportNode] = {}
    for node in nodes:
        if not node.key:
            raise ValueError("a node key is empty")
        if node.key in by_key:
            raise ValueError(f"node {node.key!r} is listed twice")
        by_key[node.key] = node
    extra = {tuple(sorted(pair)): attrs for pair, attrs in (tie_attributes or {}).items()}
    ordered: dict[tuple[str, str], ExportTie] = {}
    for pair, weight in ties.items():
        a, b = sorted(pair)
        missing = [k for k in (a, b) if k not in by_key]
        if missing:
            raise ValueError(f"tie {pair!r} names nodes that are not listed: {missing}")
        if (a, b) in ordered:
            raise ValueError(f"tie {pair!r} is listed twice")
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise TypeError(f"tie {pair!r}: the weight must be a number")
        ordered[(a, b)] = ExportTie(a, b, weight, extra.pop((a, b), {}))
    if extra:
        raise ValueError(f"attributes given for ties that are not there: {sorted(extra)}")
    sorted_nodes = tuple(by_key[key] for key in sorted(by_key))
    sorted_ties = tuple(ordered[pair] for pair in sorted(ordered))
    return ExportGraph(
        nodes=sorted_nodes,
        ties=sorted_ties,
        node_columns=_columns((n.attributes for n in sorted_nodes), RESERVED_NODE_ATTRIBUTES, "node"),
        tie_columns=_columns((t.attributes for t in sorted_ties), RESERVED_TIE_ATTRIBUTES, "tie"),
        weight_type=_column_type("weight", (t.weight for t in sorted_ties)),
    )


def _number(value: float) -> str:
    """A float in the lexical form of xsd:double, which Gephi, networkx and spreadsheets all parse."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(value)


def _lexical(value: AttributeValue, kind: ColumnType) -> str:
    """`value` as written in a file; callers leave out None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "double" and isinstance(value, int | float):
        return _number(float(value))
    return str(value)


# XML


def _xml_text(text: str) -> str:
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _xml_attr(text: str) -> str:
    # A parser turns a raw newline or tab inside an attribute value into a space.
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


class _XmlWriter:
    """A streaming XML writer with escaping of its own, indented two spaces per level."""

    CHUNK = 1 << 16

    def __init__(self, sink: BinarySink) -> None:
        self._sink = sink
        self._parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
        self._size = 0
        self._stack: list[str] = []

    def _put(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.CHUNK:
            self.flush()

    def _tag(self, name: str, attrs: Mapping[str, str]) -> str:
        pairs = "".join(f' {key}="{_xml_attr(value)}"' for key, value in attrs.items())
        return f"{'  ' * len(self._stack)}<{name}{pairs}"

    def open(self, name: str, attrs: Mapping[str, str] | None = None) -> None:
        self._put(self._tag(name, attrs or {}) + ">\n")
        self._stack.append(name)

    def close(self) -> None:
        name = self._stack.pop()
        self._put(f"{'  ' * len(self._stack)}</{name}>\n")

    def empty(self, name: str, attrs: Mapping[str, str]) -> None:
        self._put(self._tag(name, attrs) + "/>\n")

    def text(self, name: str, attrs: Mapping[str, str], content: str) -> None:
        self._put(f"{self._tag(name, attrs)}>{_xml_text(content)}</{name}>\n")

    def flush(self) -> None:
        self._sink.write("".join(self._parts).encode("utf-8"))
        self._parts.clear()
        self._size = 0


def write_gexf(
    graph: ExportGraph,
    file: BinarySink,
    *,
    creator: str,
    description: str,
    last_modified: datetime.date | None = None,
) -> None:
    """GEXF 1.3, static and undirected, for Gephi: typed node and edge attributes, the tie weight as
    the edge's weight, and `creator` and `description` (say, the platform, the period and the source)
    in the file's meta data."""
    xml = _XmlWriter(file)
    xml.open(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    xml.open("meta", {"lastmodifieddate": last_modified.isoformat()} if last_modified else {})
    if creator:
        xml.text("creator", {}, creator)
    if description:
        xml.text("description", {}, description)
    xml.close()
    xml.open("graph", {"mode": "static", "defaultedgetype": "undirected"})
    node_ids = _write_gexf_attributes(xml, "node", graph.node_columns)
    tie_ids = _write_gexf_attributes(xml, "edge", graph.tie_columns)
    xml.open("nodes")
    for node in graph.nodes:
        values = _gexf_values(node.attributes, graph.node_columns, node_ids)
        if values:
            xml.open("node", {"id": node.key, "label": node.label})
            _write_gexf_values(xml, values)
            xml.close()
        else:
            xml.empty("node", {"id": node.key, "label": node.label})
    xml.close()
    xml.open("edges")
    for i, tie in enumerate(graph.ties):
        attrs = {"id": str(i), "source": tie.source, "target": tie.target, "weight": _lexical(tie.weight, "double")}
        values = _gexf_values(tie.attributes, graph.tie_columns, tie_ids)
        if values:
            xml.open("edge", attrs)
            _write_gexf_values(xml, values)
            xml.close()
        else:
            xml.empty("edge", attrs)
    xml.close()
    xml.close()
    xml.close()
    xml.flush()


def _write_gexf_attributes(
    xml: _XmlWriter, kind: Literal["node", "edge"], columns: tuple[Column, ...]
) -> dict[str, str]:
    ids = {column.name: f"{kind[0]}{i}" for i, column in enumerate(columns)}
    if columns:
        xml.open("attributes", {"class": kind, "mode": "static"})
        for column in columns:
            xml.empty("attribute", {"id": ids[column.name], "title": column.name, "type": column.type})
        xml.close()
    return ids


def _gexf_values(
    attributes: Mapping[str, AttributeValue], columns: tuple[Column, ...], ids: Mapping[str, str]
) -> list[tuple[str, str]]:
    return [(ids[c.name], _lexical(attributes[c.name], c.type)) for c in columns if attributes.get(c.name) is not None]


def _write_gexf_values(xml: _XmlWriter, values: list[tuple[str, str]]) -> None:
    xml.open("attvalues")
    for key, value in values:
        xml.empty("attvalue", {"for": key, "value": value})
    xml.close()


def write_graphml(graph: ExportGraph, file: BinarySink, *, description: str = "") -> None:
    """GraphML with `edgedefault="undirected"`: a string key "label" for the node labels, one typed key
    per attribute and "weight" for the tie weight.

    The GraphML schema types node ids as XML name tokens; a key with a space in it is read by Gephi,
    networkx and igraph alike but fails a strict schema check.
    """
    xml = _XmlWriter(file)
    xml.open(
        "graphml",
        {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"},
    )
    if description:
        xml.text("desc", {}, description)
    xml.empty("key", {"id": "label", "for": "node", "attr.name": "label", "attr.type": "string"})
    node_keys = {column.name: f"n{i}" for i, column in enumerate(graph.node_columns)}
    for column in graph.node_columns:
        xml.empty(
            "key",
            {
                "id": node_keys[column.name],
                "for": "node",
                "attr.name": column.name,
                "attr.type": GRAPHML_TYPES[column.type],
            },
        )
    xml.empty(
        "key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": GRAPHML_TYPES[graph.weight_type]}
    )
    tie_keys = {column.name: f"e{i}" for i, column in enumerate(graph.tie_columns)}
    for column in graph.tie_columns:
        xml.empty(
            "key",
            {
                "id": tie_keys[column.name],
                "for": "edge",
                "attr.name": column.name,
                "attr.type": GRAPHML_TYPES[column.type],
            },
        )
    xml.open("graph", {"id": "G", "edgedefault": "undirected"})
    for node in graph.nodes:
        xml.open("node", {"id": node.key})
        xml.text("data", {"key": "label"}, node.label)
        _write_graphml_values(xml, node.attributes, graph.node_columns, node_keys)
        xml.close()
    for tie in graph.ties:
        xml.open("edge", {"source": tie.source, "target": tie.target})
        xml.text("data", {"key": "weight"}, _lexical(tie.weight, graph.weight_type))
        _write_graphml_values(xml, tie.attributes, graph.tie_columns, tie_keys)
        xml.close()
    xml.close()
    xml.close()
    xml.flush()


def _write_graphml_values(
    xml: _XmlWriter, attributes: Mapping[str, AttributeValue], columns: tuple[Column, ...], keys: Mapping[str, str]
) -> None:
    for column in columns:
        value = attributes.get(column.name)
        if value is not None:
            xml.text("data", {"key": keys[column.name]}, _lexical(value, column.type))


# CSV


class _Encoded:
    """The text file `csv.writer` wants, over a binary sink."""

    def __init__(self, sink: BinarySink) -> None:
        self._sink = sink

    def write(self, text: str) -> int:
        self._sink.write(text.encode("utf-8"))
        return len(text)


def _cell(value: AttributeValue, kind: ColumnType) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return _lexical(value, kind)


def _write_csv(
    file: BinarySink, header: list[str], rows: Iterable[list[str]], *, bom: bool, delimiter: Delimiter
) -> None:
    if bom:
        file.write(BOM)
    writer = csv.writer(_Encoded(file), delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)


def write_node_csv(graph: ExportGraph, file: BinarySink, *, bom: bool = False, delimiter: Delimiter = ",") -> None:
    """One row per node: `id`, `label`, then the attribute columns (Gephi's node table import reads
    `id` and `label`). `bom` starts the file with a UTF-8 byte order mark, so that Excel reads it as
    UTF-8; German and Dutch Excel split columns at ";"."""
    columns = graph.node_columns
    rows = (
        [_cell(node.key, "string"), _cell(node.label, "string")]
        + [_cell(node.attributes.get(c.name), c.type) for c in columns]
        for node in graph.nodes
    )
    _write_csv(file, ["id", "label", *(c.name for c in columns)], rows, bom=bom, delimiter=delimiter)


def write_tie_csv(graph: ExportGraph, file: BinarySink, *, bom: bool = False, delimiter: Delimiter = ",") -> None:
    """One row per tie: `source`, `target`, `weight`, then the tie attribute columns (Gephi's edge
    table import reads the first three); `bom` and `delimiter` as for `write_node_csv`."""
    columns = graph.tie_columns
    rows = (
        [_cell(tie.source, "string"), _cell(tie.target, "string"), _cell(tie.weight, graph.weight_type)]
        + [_cell(tie.attributes.get(c.name), c.type) for c in columns]
        for tie in graph.ties
    )
    _write_csv(file, ["source", "target", "weight", *(c.name for c in columns)], rows, bom=bom, delimiter=delimiter)


def gexf_bytes(
    graph: ExportGraph, *, creator: str, description: str, last_modified: datetime.date | None = None
) -> bytes:
    out = BytesIO()
    write_gexf(graph, out, creator=creator, description=description, last_modified=last_modified)
    return out.getvalue()


def graphml_bytes(graph: ExportGraph, *, description: str = "") -> bytes:
    out = BytesIO()
    write_graphml(graph, out, description=description)
    return out.getvalue()


def node_csv_bytes(graph: ExportGraph, *, bom: bool = False, delimiter: Delimiter = ",") -> bytes:
    out = BytesIO()
    write_node_csv(graph, out, bom=bom, delimiter=delimiter)
    return out.getvalue()


def tie_csv_bytes(graph: ExportGraph, *, bom: bool = False, delimiter: Delimiter = ",") -> bytes:
    out = BytesIO()
    write_tie_csv(graph, out, bom=bom, delimiter=delimiter)
    return out.getvalue()
