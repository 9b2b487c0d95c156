"""The PDF handout of a network view for a meeting's minutes (fpdf2, core fonts): title, day
and filters, the graph as drawn on the screen, its legend, and the changes list of a
comparison or the shown organisations, working groups and offers by name.

The graph is drawn from the positions the page had (a view is the same picture on paper as
on the projector); nodes without a position go on a circle around the rest.
"""

from __future__ import annotations

import math
from typing import Any

from fpdf import FPDF

from ..domain.network_export import CHANGE_COLOURS, NODE_COLOURS
from .gaps_pdf import latin1

# Labels of more nodes than this turn the A4 drawing grey; the most connected keep theirs.
MAX_LABELS = 45
TYPE_ORDER = ("actor", "working_group", "offer", "district", "topic")


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Handout(FPDF):
    footer_text = "Page"

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, latin1(f"{self.footer_text} {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)


def _fit(
    nodes: list[dict], positions: dict[str, dict[str, float]], box: tuple[float, ...]
) -> dict[str, tuple[float, float]]:
    """Page coordinates (mm) of every node inside `box` (x, y, w, h), aspect kept."""
    placed = {n["id"]: positions[n["id"]] for n in nodes if n["id"] in positions}
    missing = [n["id"] for n in nodes if n["id"] not in placed]
    if placed:
        xs = [p["x"] for p in placed.values()]
        ys = [p["y"] for p in placed.values()]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        radius = max(max(xs) - min(xs), max(ys) - min(ys), 1.0) / 2 + 40
    else:
        cx = cy = 0.0
        radius = 100.0
    for k, node in enumerate(missing):
        angle = 2 * math.pi * k / max(len(missing), 1)
        placed[node] = {"x": cx + radius * math.cos(angle), "y": cy + radius * math.sin(angle)}
    xs = [p["x"] for p in placed.values()] or [0.0]
    ys = [p["y"] for p in placed.values()] or [0.0]
    x0, y0, w, h = box
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    scale = min((w - 10) / span_x, (h - 10) / span_y)
    off_x = x0 + (w - span_x * scale) / 2
    off_y = y0 + (h - span_y * scale) / 2
    return {
        node: (off_x + (p["x"] - min(xs)) * scale, off_y + (p["y"] - min(ys)) * scale)
        for node, p in placed.items()
    }


def _shape(pdf: FPDF, node_type: str, x: float, y: float, r: float) -> None:
    if node_type == "offer":
        pdf.rect(x - r, y - r * 0.8, 2 * r, 1.6 * r, style="F", round_corners=True)
    elif node_type == "working_group":
        pdf.polygon(
            [
                (x + r * math.cos(a), y + r * math.sin(a))
                for a in (i * math.pi / 3 for i in range(6))
            ],
            style="F",
        )
    elif node_type == "district":
        pdf.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], style="F")
    elif node_type == "topic":
        pdf.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], style="F")
    else:
        pdf.ellipse(x - r, y - r, 2 * r, 2 * r, style="F")


def _draw_graph(pdf: FPDF, shown: dict[str, Any], at: dict[str, tuple[float, float]]) -> None:
    nodes, edges = shown["nodes"], shown["edges"]
    degree: dict[str, int] = {n["id"]: 0 for n in nodes}
    for e in edges:
        for end in (e["source"], e["target"]):
            if end in degree:
                degree[end] += 1
    for compound in shown.get("compounds") or []:
        inside = [at[n["id"]] for n in nodes if n.get("parent") == compound["id"] and n["id"] in at]
        if not inside:
            continue
        x1, y1 = min(p[0] for p in inside) - 4, min(p[1] for p in inside) - 6
        x2, y2 = max(p[0] for p in inside) + 4, max(p[1] for p in inside) + 4
        pdf.set_draw_color(150, 160, 170)
        pdf.set_fill_color(244, 246, 248)
        pdf.set_line_width(0.2)
        pdf.rect(x1, y1, x2 - x1, y2 - y1, style="DF", round_corners=True)
        pdf.set_font("Helvetica", "B", 6)
        pdf.text(x1 + 1, y1 + 2.5, latin1(compound["label"]))
    for e in edges:
        if e["source"] not in at or e["target"] not in at:
            continue
        change = e.get("change")
        colour = CHANGE_COLOURS.get(change or "", "#9aa7b4")
        pdf.set_draw_color(*_rgb(colour))
        pdf.set_line_width(0.5 if change else 0.15)
        if change == "ended" or e["type"] == "cooperates_with":
            pdf.set_dash_pattern(dash=1.2, gap=0.8)
        (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
        pdf.line(x1, y1, x2, y2)
        pdf.set_dash_pattern()
    labelled = set(sorted(degree, key=lambda n: -degree[n])[:MAX_LABELS])
    for n in nodes:
        if n["id"] not in at:
            continue
        x, y = at[n["id"]]
        r = 1.2 + min(degree[n["id"]], 30) / 30 * 1.8
        change = n.get("change")
        if change:
            pdf.set_fill_color(*_rgb(CHANGE_COLOURS[change]))
            _shape(pdf, n["type"], x, y, r + 0.9)
        pdf.set_fill_color(*_rgb(NODE_COLOURS.get(n["type"], "#777777")))
        _shape(pdf, n["type"], x, y, r)
        if n["id"] in labelled or change:
            pdf.set_font("Helvetica", "B" if change else "", 5.5)
            text = latin1(n["label"])[:40]
            pdf.text(x - pdf.get_string_width(text) / 2, y + r + 2.3, text)


def _legend(pdf: FPDF, texts: dict[str, str], changes: bool) -> None:
    pdf.set_font("Helvetica", size=8)
    x, y = pdf.l_margin, pdf.get_y() + 2
    pdf.set_xy(x, y)
    pdf.cell(18, 5, latin1(texts["legend"] + ":"))
    x += 18
    for node_type in TYPE_ORDER:
        pdf.set_fill_color(*_rgb(NODE_COLOURS[node_type]))
        _shape(pdf, node_type, x + 2, y + 2.5, 1.8)
        label = latin1(texts.get(f"type_{node_type}", node_type))
        pdf.set_xy(x + 5, y)
        pdf.cell(pdf.get_string_width(label) + 4, 5, label)
        x += pdf.get_string_width(label) + 10
    if changes:
        for change in ("new", "ended"):
            pdf.set_draw_color(*_rgb(CHANGE_COLOURS[change]))
            pdf.set_line_width(0.6)
            if change == "ended":
                pdf.set_dash_pattern(dash=1.2, gap=0.8)
            pdf.line(x, y + 2.5, x + 6, y + 2.5)
            pdf.set_dash_pattern()
            label = latin1(texts[change])
            pdf.set_xy(x + 7, y)
            pdf.cell(pdf.get_string_width(label) + 4, 5, label)
            x += pdf.get_string_width(label) + 14
    pdf.ln(7)


def _list(pdf: FPDF, heading: str, items: list[str]) -> None:
    if pdf.will_page_break(14):
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin1(heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    for item in items:
        pdf.multi_cell(0, 4.6, latin1(f"- {item}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def pdf(
    shown: dict[str, Any],
    positions: dict[str, dict[str, float]],
    *,
    title: str,
    texts: dict[str, str],
    sections: list[dict[str, Any]] | None = None,
) -> bytes:
    """The handout as PDF bytes: page 1 the graph with its legend, then the lists."""
    doc = _Handout(orientation="L", unit="mm", format="A4")
    doc.footer_text = texts.get("page", "Page")
    doc.set_title(latin1(title))
    doc.set_creator("graphsvc")
    doc.set_auto_page_break(auto=True, margin=14)
    doc.add_page()
    doc.set_font("Helvetica", "B", 16)
    doc.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Helvetica", size=9)
    subtitle = texts["as_of"] % {"day": shown.get("as_of_label") or ""}
    summary = shown.get("filter_summary")
    subtitle += " · " + (
        texts["filters"] % {"filters": summary} if summary else texts["no_filters"]
    )
    subtitle += " · " + texts["shown"] % {
        "nodes": len(shown["nodes"]),
        "edges": len(shown["edges"]),
    }
    doc.multi_cell(0, 5, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    top = doc.get_y() + 1
    box = (doc.l_margin, top, doc.epw, doc.h - top - 24)
    _draw_graph(doc, shown, _fit(shown["nodes"], positions, box))
    doc.set_y(top + box[3] + 1)
    _legend(doc, texts, changes=sections is not None)
    doc.set_font("Helvetica", size=7)
    doc.set_text_color(90, 90, 90)
    doc.cell(0, 4, latin1(texts["made"] % {"day": texts["today"]}))
    doc.set_text_color(0, 0, 0)
    doc.add_page()
    if sections is not None:
        doc.set_font("Helvetica", "B", 14)
        heading = texts["changes"] % {
            "since": shown.get("since_label", ""),
            "until": shown.get("until_label", ""),
        }
        doc.multi_cell(0, 8, latin1(heading), new_x="LMARGIN", new_y="NEXT")
        for section in sections:
            items = [
                f"{item['label']} ({item['day']})" if item.get("day") else item["label"]
                for item in section["items"]
            ]
            _list(doc, f"{section['heading']} ({len(items)})", items or [texts["nothing"]])
    else:
        for node_type in TYPE_ORDER:
            names = sorted(n["label"] for n in shown["nodes"] if n["type"] == node_type)
            if names:
                _list(doc, f"{texts.get(f'type_{node_type}', node_type)} ({len(names)})", names)
    return bytes(doc.output())
