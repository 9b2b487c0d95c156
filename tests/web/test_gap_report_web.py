"""The gap report pages on the Herne seeds: each finding shows, no small cell does, every
format (HTML, CSV, PDF, JSON) holds the same suppressed values."""

from __future__ import annotations

import io

import pypdf
import pytest

PERIOD = "date_from=2025-12-01&date_to=2026-11-30&months=6"


@pytest.fixture
def coord(app, auth):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    return client


def test_coordination_sees_each_seeded_finding(coord):
    answer = coord.get(f"/coordination/gaps?{PERIOD}")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200, page
    assert "Versorgungslücken" in page or "Lückenanalyse" in page
    data = coord.get(f"/coordination/gaps.json?{PERIOD}").json
    cells = {(c["topic"], c["district"]): c for c in data["demand_supply"]}
    assert (
        cells["addiction", "eickel"]["demand"] >= 5 and cells["addiction", "eickel"]["offers"] == 0
    )
    assert cells["elderly-care", "sodingen"]["level"] == 5
    assert cells["housing", "wanne"]["demand"] >= 5
    assert {"language": "ti", "topic": "psychosocial", "cases": 5} in data["language_gaps"]
    assert any(c["cases"] and c["cases"] >= 5 for c in data["target_group_gaps"])
    assert {"topic": "housing", "reason": "no_capacity", "cases": 5} in data["refusals"]
    ending = {o["id"]: o for o in data["ending_offers"]}
    assert ending["vsf-bildungsmediation"]["active_cases"] >= 5  # the cases it leaves
    assert [t["title"] for t in data["themes"]] and all("cases" not in t for t in data["themes"])
    assert "Keine Suchtberatung in Eickel erreichbar" in page


def test_no_format_shows_a_count_under_the_threshold(coord):
    data = coord.get(f"/coordination/gaps.json?{PERIOD}").json
    counts = [c["demand"] for c in data["demand_supply"]] + [
        c["cases"]
        for key in ("refusals", "language_gaps", "target_group_gaps", "trend")
        for c in data[key]
    ]
    assert all(n is None or n == 0 or n >= 5 for n in counts)
    csv_text = coord.get(f"/coordination/gaps.csv?{PERIOD}").get_data(as_text=True)
    pdf = coord.get(f"/coordination/gaps.pdf?{PERIOD}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf.data))
    assert len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Methode" in text and "Herne" in text
    for title, rows in _csv_sections(csv_text).items():
        if title.startswith(("Angebote", "Generative")):
            continue  # offer facts and theme bands, no case counts
        case_columns = [2] if title.startswith("Bedarf und Angebot") else range(1, 99)
        for row in rows[1:]:
            for i in case_columns:
                if i < len(row) and row[i].isdigit():
                    assert int(row[i]) == 0 or int(row[i]) >= 5, (title, row)


def _csv_sections(text: str) -> dict[str, list[list[str]]]:
    sections: dict[str, list[list[str]]] = {}
    current = None
    for line in text.lstrip("\ufeff").splitlines():
        if line.startswith("# "):
            current = sections.setdefault(line[2:], [])
        elif current is not None and line:
            current.append(line.split(";"))
    return sections


def test_invalid_options_name_the_field(coord):
    answer = coord.get("/coordination/gaps.json?date_from=2026-05-01&date_to=2026-01-01")
    assert answer.status_code == 400 and "date_to" in answer.json["error"]["fields"]
    answer = coord.get("/coordination/gaps.csv?threshold=2")
    assert answer.status_code == 400 and "threshold" in answer.json["error"]["fields"]
    answer = coord.get("/coordination/gaps?months=99")
    assert answer.status_code == 400
    assert "1 bis 36" in answer.get_data(as_text=True)
    assert coord.get("/coordination/gaps?date_from=kein-datum").status_code == 400
    answer = coord.get("/coordination/gaps.json?date_from=2001-01-01")  # to today: too long
    assert answer.status_code == 400
    assert "fünf Jahre" in answer.json["error"]["fields"]["date_from"][0]


def test_case_managers_cannot_open_the_gap_report(app, auth):
    client = app.test_client()
    auth.login(client, roles=("case_manager",))
    assert client.get("/coordination/gaps").status_code == 403
    assert client.get("/coordination/gaps.pdf").status_code == 403


def test_opening_the_report_is_audited(coord, seeded):
    from graphsvc.services import audit

    coord.get(f"/coordination/gaps.pdf?{PERIOD}")
    events = audit.search(seeded, action="coordination.gap_report")
    assert events and '"format": "pdf"' in events[0]["details"]


def test_the_report_is_available_in_english(coord):
    coord.get("/lang/en")
    page = coord.get(f"/coordination/gaps?{PERIOD}").get_data(as_text=True)
    assert "Gap analysis" in page and "Demand and supply by need and district" in page
    pdf = coord.get(f"/coordination/gaps.pdf?{PERIOD}")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Method" in text and "Addiction" in text
