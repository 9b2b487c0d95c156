"""On a crafted municipality with known counts, a hidden cell appears in no format (HTML,
CSV, PDF, JSON) and cannot be worked out from the totals that are shown."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from graphsvc.domain.bundle import Bundle
from graphsvc.services import loading

TOPICS = ("housing", "work", "health")
DISTRICTS = ("tst-d1", "tst-d2", "tst-d3")
# threshold 10: housing × d1 (7) is hidden first; secondary suppression hides 12, 13 and 15.
COUNTS = {"housing": (7, 12, 20), "work": (14, 17, 11), "health": (13, 15, 16)}
HIDDEN = {"7", "12", "13", "15"}
QUERY = "date_from=2026-01-01&date_to=2026-12-31&threshold=10"


@pytest.fixture
def crafted(seeded):
    """A second municipality 'tst' beside Herne: three districts, one offer per topic."""
    b = Bundle()
    b.node("Municipality", id="tst", name="Teststadt")
    b.node("Actor", id="tst-ki", name="KI Teststadt", kind="city_office", municipality_id="tst")
    for d in DISTRICTS:
        b.node("District", id=d, name=d.upper(), municipality_id="tst")
        b.edge(("District", "PART_OF", "Municipality"), d, "tst")
    for t in TOPICS:
        oid = f"tst-{t}"
        b.node(
            "Offer",
            id=oid,
            name=f"Angebot {t}",
            municipality_id="tst",
            actor_id="tst-ki",
            category="counselling",
            capacity=30,
            waiting_days=40,
            valid_from="2020-01-01",
        )
        b.edge(("Offer", "PROVIDED_BY", "Actor"), oid, "tst-ki")
        b.edge(("Offer", "COVERS", "Topic"), oid, t)
        b.edge(("Offer", "AVAILABLE_IN", "Language"), oid, "de")
        for d in DISTRICTS:
            b.edge(("Offer", "SERVES", "District"), oid, d)
    number = 0
    for t, row in COUNTS.items():
        for d, n in zip(DISTRICTS, row, strict=True):
            for _ in range(n):
                number += 1
                p = f"TST-2026-{number:04d}"
                b.node(
                    "Case",
                    id=p,
                    pseudonym=p,
                    municipality_id="tst",
                    district_id=d,
                    actor_id="tst-ki",
                    phase="assessment",
                    opened_on="2026-03-02",
                    languages=["de"],
                    age_band="27-44",
                    version=1,
                )
                b.edge(("Case", "HAS_NEED", "Topic"), p, t, status="open", since="2026-03-02")
    loading.write(seeded, b)
    return seeded


@pytest.fixture
def coord(app, auth, crafted):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="tst-ki")
    return client


def test_json_hides_the_small_cell_and_the_ones_that_would_reveal_it(coord):
    data = coord.get(f"/coordination/gaps.json?{QUERY}").json
    cells = {(c["topic"], c["district"]): c["demand"] for c in data["demand_supply"]}
    assert cells["housing", "tst-d1"] is None
    hidden = {k for k, v in cells.items() if v is None}
    assert hidden == {
        ("housing", "tst-d1"),
        ("housing", "tst-d2"),
        ("health", "tst-d1"),
        ("health", "tst-d2"),
    }
    assert not HIDDEN & {str(v) for v in cells.values()}


def test_html_shows_no_hidden_value_and_no_line_with_a_single_hidden_cell(coord):
    page = coord.get(f"/coordination/gaps?{QUERY}").get_data(as_text=True)
    table = page[page.index('id="heat-table"') : page.index("</table>", page.index("heat-table"))]
    cell = re.search(r'data-cell="housing\|tst-d1"><strong>([^<]*)</strong>', table)
    assert cell and cell.group(1) == "×"
    assert not HIDDEN & set(re.findall(r"<strong>(\d+)</strong>", table))
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    for row in rows:  # a row with hidden cells has at least two of them
        assert row.count("gap-hidden") != 1


def test_csv_and_pdf_hold_the_same_suppressed_values(coord):
    text = coord.get(f"/coordination/gaps.csv?{QUERY}").get_data(as_text=True)
    demand = [line.split(";") for line in text.splitlines() if line.startswith("Wohnen")]
    assert demand and all(row[2] != "7" for row in demand)
    section = text[text.index("# Bedarf und Angebot") : text.index("# Abgelehnt")]
    assert not HIDDEN & {row.split(";")[2] for row in section.splitlines()[2:] if row}
    pdf = coord.get(f"/coordination/gaps.pdf?{QUERY}").data
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    first = reader.pages[0].extract_text()
    heat = first[first.index("Bedarf und Angebot") : first.index("kein offener Bedarf")]
    assert not HIDDEN & set(re.findall(r"(?<![\d./-])\d+(?![\d./-])", heat)) - {"1"}
    assert "×" in heat
