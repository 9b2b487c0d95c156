"""The gap report as PDF (fpdf2, core fonts): title, facts, heat map, tables, method note.

Core fonts hold latin-1 only, which covers German; every other character (a Tigrinya name in
the data, typographic dashes) is replaced before it reaches fpdf2, so no text can crash it.

For screen readers the PDF carries its title (shown as the window title), its language,
subject and a bookmark per section. fpdf2 cannot tag paragraphs and tables (it tags only
images and section titles), so the first page says so and links the HTML report, which is
the accessible version.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from fpdf import FPDF, ViewerPreferences
from fpdf.fonts import FontFace

# Same classes as the page's heat map: 0 no demand … 5 demand without any offer; None hidden.
HEAT_COLOURS: dict[int | None, tuple[int, int, int]] = {
    0: (255, 255, 255),
    1: (254, 240, 217),
    2: (253, 204, 138),
    3: (252, 141, 89),
    4: (201, 51, 31),  # #c9331f: white text on it reaches 5.3:1 (WCAG AA)
    5: (179, 0, 0),
    None: (220, 220, 220),
}
DARK_LEVELS = {4, 5}
REPLACEMENTS = {
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "’": "'",
    "‘": "'",
    "…": "...",
    "≥": ">=",
    "≤": "<=",
    "•": "*",
    "€": "EUR",
    "\u00a0": " ",
}


def latin1(text: Any) -> str:
    """Text the core fonts can draw: known look-alikes swapped, anything else becomes '?'."""
    out = []
    for ch in str(text if text is not None else ""):
        ch = REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(plain or "?")
    return "".join(out)


class _Document(FPDF):
    footer_text = "Page"

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, latin1(f"{self.footer_text} {self.page_no()}/{{nb}}"), align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    if pdf.will_page_break(14):
        pdf.add_page()
    pdf.start_section(latin1(text), level=0)  # a bookmark, so the sections can be navigated
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 6, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)


def _heat(pdf: FPDF, heat: dict[str, Any]) -> None:
    _heading(pdf, heat["title"])
    if not heat["rows"]:
        return
    first = 58.0
    width = (pdf.epw - first) / max(len(heat["columns"]), 1)
    pdf.set_font("Helvetica", "B", 8)
    pdf.cell(first, 7, "", border=0)
    for column in heat["columns"]:
        pdf.cell(width, 7, latin1(column), border=1, align="C")
    pdf.ln()
    for row in heat["rows"]:
        if pdf.will_page_break(9):
            pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        label = latin1(row["label"])
        while pdf.get_string_width(label) > first - 2 and len(label) > 4:
            label = label[:-2] + "."  # shorten to the column, marked with a full stop
        pdf.cell(first, 9, label, border=1)
        for cell in row["cells"]:
            pdf.set_fill_color(*HEAT_COLOURS[cell["level"]])
            pdf.set_text_color(*((255, 255, 255) if cell["level"] in DARK_LEVELS else (0, 0, 0)))
            x, y = pdf.get_x(), pdf.get_y()
            pdf.rect(x, y, width, 9, style="DF")  # a drawn rectangle: the heat map's colour
            pdf.set_font("Helvetica", "B", 9)
            pdf.cell(width, 5.5, latin1(cell["text"]), align="C")
            pdf.set_xy(x, y + 5)
            pdf.set_font("Helvetica", size=6)
            pdf.cell(width, 4, latin1(cell["sub"]), align="C")
            pdf.set_xy(x + width, y)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(9)
    pdf.ln(2)
    pdf.set_font("Helvetica", size=7)
    for level, text in heat["legend"]:
        pdf.set_fill_color(*HEAT_COLOURS[level])
        pdf.rect(pdf.get_x(), pdf.get_y() + 0.8, 4, 3, style="DF")
        pdf.set_x(pdf.get_x() + 5)
        pdf.cell(0, 4.5, latin1(text), new_x="LMARGIN", new_y="NEXT")


SERIES_COLOURS = ((42, 111, 173), (227, 74, 51))


def _chart(pdf: FPDF, chart: dict[str, Any]) -> None:
    """Grouped bars per quarter; a hidden value is a short grey stub marked ×."""
    height, labels = 38.0, chart["labels"]
    if pdf.will_page_break(height + 16):
        pdf.add_page()
    values = [v for series in chart["series"] for v in series["values"] if v]
    top = max(values or [1])
    x0, y0 = pdf.l_margin, pdf.get_y() + 4
    slot = pdf.epw / max(len(labels), 1)
    bar = slot / (len(chart["series"]) + 1)
    pdf.set_font("Helvetica", size=7)
    for i, label in enumerate(labels):
        for j, series in enumerate(chart["series"]):
            value = series["values"][i]
            h = 2.0 if value is None else height * value / top
            x, y = x0 + i * slot + (j + 0.5) * bar, y0 + height - h
            pdf.set_fill_color(*((200, 200, 200) if value is None else SERIES_COLOURS[j % 2]))
            if h > 0:
                pdf.rect(x, y, bar * 0.9, h, style="F")
            pdf.set_xy(x - 1, y - 4)
            pdf.cell(bar * 0.9 + 2, 4, latin1("×" if value is None else value), align="C")
        pdf.set_xy(x0 + i * slot, y0 + height + 1)
        pdf.cell(slot, 4, latin1(label), align="C")
    pdf.set_xy(x0, y0 + height + 6)
    for j, series in enumerate(chart["series"]):
        pdf.set_fill_color(*SERIES_COLOURS[j % 2])
        pdf.rect(pdf.get_x(), pdf.get_y() + 0.8, 4, 3, style="F")
        pdf.set_x(pdf.get_x() + 5)
        pdf.cell(60, 4.5, latin1(series["name"]))
    pdf.ln(7)


def _table(pdf: FPDF, table: dict[str, Any]) -> None:
    _heading(pdf, table["title"])
    if table.get("chart"):
        _chart(pdf, table["chart"])
    if not table["rows"]:
        pdf.set_font("Helvetica", "I", 9)
        pdf.cell(0, 6, "-", new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font("Helvetica", size=8)
    pdf.set_fill_color(255, 255, 255)  # the table takes the current fill for its rows
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(
        line_height=4.5, first_row_as_headings=True, text_align="LEFT", headings_style=heading
    ) as grid:
        for values in [table["columns"], *table["rows"]]:
            row = grid.row()
            for value in values:
                row.cell(latin1(value))


def render(document: dict[str, Any]) -> bytes:
    """The PDF bytes of a labelled report (see web/coordination/gaps.py for the shape)."""
    pdf = _Document(orientation="portrait", format="A4")
    pdf.footer_text = document.get("footer", "Page")
    pdf.set_title(latin1(document["title"]))
    pdf.set_lang(document.get("lang", "de"))
    pdf.set_subject(latin1(document.get("subject", "")))
    pdf.set_creator("graphsvc")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.page_mode = "USE_OUTLINES"  # open with the bookmarks shown
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, latin1(document["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 5, latin1(document["date"]), new_x="LMARGIN", new_y="NEXT")
    for key, value in document["meta"]:
        pdf.cell(0, 5, latin1(f"{key}: {value}"), new_x="LMARGIN", new_y="NEXT")
    if document.get("accessible_url"):
        pdf.set_font("Helvetica", "I", 8)
        pdf.multi_cell(0, 4, latin1(document["accessible_note"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 70, 140)
        url = document["accessible_url"]
        pdf.cell(0, 4, latin1(url), link=url, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    _heat(pdf, document["heat"])
    for table in document["tables"]:
        _table(pdf, table)
    _heading(pdf, document["method_title"])
    for line in document["method"]:
        pdf.multi_cell(0, 4.5, latin1(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
