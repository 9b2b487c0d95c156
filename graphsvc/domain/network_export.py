"""Exports of a network view ({nodes, edges} dicts): GraphML, GEXF (Gephi), CSV lists.

Plain Python: networkx writes the XML formats; attributes are flattened to strings and
numbers because both formats only carry scalars.
"""

from __future__ import annotations

import io
import zipfile

import networkx as nx

from . import csvfile

NODE_COLUMNS = (
    "id",
    "type",
    "label",
    "kind",
    "category",
    "circle",
    "district_id",
    "municipality_id",
    "parent",
    "change",
)
EDGE_COLUMNS = ("id", "source", "target", "type", "role", "kind", "change")
CHANGE_COLUMNS = ("change", "what", "name", "first_day", "last_day", "id")
FORMATS = ("graphml", "gexf", "csv")
# One look for the graph on screen, in the PNG and SVG exports and in the PDF handout: a
# colour and a shape per node type (colour is never the only cue), each colour at least
# 4.5:1 against white so it stays readable on a projector.
NODE_COLOURS = {
    "actor": "#1f5fa8",
    "offer": "#a35200",
    "working_group": "#1a7f37",
    "district": "#6f42c1",
    "topic": "#b00020",
}
NODE_SHAPES = {
    "actor": "ellipse",
    "offer": "round-rectangle",
    "working_group": "hexagon",
    "district": "diamond",
    "topic": "triangle",
}
CHANGE_COLOURS = {"new": "#0a7d2c", "ended": "#b00020"}


def _scalar(value):
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    return str(value)


def to_networkx(view: dict) -> nx.MultiDiGraph:
    """The view as a directed multigraph; node and edge attributes as scalars."""
    g = nx.MultiDiGraph()
    for node in view["nodes"]:
        attrs = {k: _scalar(v) for k, v in node.items() if k != "id" and v is not None}
        g.add_node(node["id"], **attrs)
    for edge in view["edges"]:
        attrs = {
            k: _scalar(v)
            for k, v in edge.items()
            if k not in ("source", "target") and v is not None
        }
        g.add_edge(edge["source"], edge["target"], key=edge["id"], **attrs)
    return g


def graphml(view: dict) -> bytes:
    """GraphML document of the view."""
    out = io.BytesIO()
    nx.write_graphml(to_networkx(view), out, encoding="utf-8")
    return out.getvalue()


def gexf(view: dict) -> bytes:
    """GEXF 1.2 document of the view (opens in Gephi)."""
    g = to_networkx(view)
    for _, data in g.nodes(data=True):
        data.setdefault("label", "")
    out = io.BytesIO()
    nx.write_gexf(g, out, encoding="utf-8", version="1.2draft")
    return out.getvalue()


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    plain = ({k: _scalar(row.get(k, "")) for k in columns} for row in rows)
    return csvfile.to_text(csvfile.dict_rows(plain, columns), lineterminator="\n")


def nodes_csv(view: dict) -> str:
    """The node list as CSV (one row per node)."""
    return _csv(view["nodes"], NODE_COLUMNS)


def edges_csv(view: dict) -> str:
    """The edge list as CSV (one row per edge)."""
    return _csv(view["edges"], EDGE_COLUMNS)


def csv_zip(view: dict) -> bytes:
    """nodes.csv and edges.csv in one zip archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", nodes_csv(view))
        archive.writestr("edges.csv", edges_csv(view))
    return out.getvalue()


def changes_csv(sections: list[dict]) -> str:
    """The changes list (sections of new and ended items, headed in the interface language)
    as CSV: one row per change, the section heading as its first column."""
    rows = [
        {
            "change": section["heading"],
            "what": section["kind"],
            "name": item["label"],
            "first_day": item.get("first_day") or "",
            "last_day": item.get("last_day") or "",
            "id": item["id"],
        }
        for section in sections
        for item in section["items"]
    ]
    return _csv(rows, CHANGE_COLUMNS)
