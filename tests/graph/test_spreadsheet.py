"""Spreadsheet import of offers: check every row, report every problem, write all or nothing."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from graphsvc.services import hsds, spreadsheet

MB = 1024 * 1024
HEADER = [
    "Kennung",
    "Name",
    "Träger",
    "Themen",
    "Stadtteile",
    "Sprachen",
    "Zielgruppen",
    "Kategorie",
    "Alter von",
    "Alter bis",
    "Gültig ab",
    "E-Mail",
]


def _csv(rows: list[list[str]], header=HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _offers(n: int) -> list[list[str]]:
    return [
        [
            f"import-{i:03d}",
            f"Importiertes Angebot {i}",
            "ki-herne",
            "Aufenthalt; work",
            "Herne-Mitte",
            "de; Arabisch",
            "all-migrants",
            "Beratung",
            "18",
            "65",
            "01.02.2025",
            f"a{i}@example.org",
        ]
        for i in range(n)
    ]


def _count_offers(graph) -> int:
    return graph.query("hsds.count_services")


def test_two_hundred_offers_are_imported_with_their_taxonomy_links(seeded):
    before = _count_offers(seeded)
    plan = spreadsheet.prepare(seeded, _csv(_offers(200)), "angebote.csv", MB)
    assert plan.ok, plan.problems[:3]
    assert spreadsheet.write(seeded, plan) == 200
    assert _count_offers(seeded) == before + 200
    package = hsds.build_package(seeded)
    svc = next(s for s in package["services"] if s["alternate_name"] == "import-007")
    assert {a["taxonomy_term"]["code"] for a in svc["attributes"] if a["link_type"] == "topic"} == {
        "residence",
        "work",
    }
    assert {lang["code"] for lang in svc["languages"]} == {"de", "ar"}
    assert svc["minimum_age"] == 18


def test_reimporting_the_same_file_changes_nothing(seeded):
    data = _csv(_offers(5))
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, data, "a.csv", MB))
    first = hsds.build_package(seeded)
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, data, "a.csv", MB))
    assert hsds.build_package(seeded) == first


def test_a_broken_copy_lists_every_problem_and_writes_nothing(seeded):
    rows = _offers(4)
    rows[0][2] = "caritas-hern"  # near miss of an organisation
    rows[1][3] = "Aufenthal"  # near miss of a topic
    rows[2][8] = "zwölf"
    rows[3][0] = rows[2][0]  # duplicate key
    before = _count_offers(seeded)
    plan = spreadsheet.prepare(seeded, _csv(rows), "kaputt.csv", MB)
    assert not plan.ok
    found = {(p.row, p.column) for p in plan.problems}
    assert {(2, "Träger"), (3, "Themen"), (4, "Alter von"), (5, "Kennung")} <= found
    topic = next(p for p in plan.problems if p.column == "Themen")
    assert topic.value == "Aufenthal" and "aufenthalt" in topic.why
    with pytest.raises(spreadsheet.SpreadsheetError):
        spreadsheet.write(seeded, plan)
    assert _count_offers(seeded) == before


def test_missing_required_columns_are_reported(seeded):
    plan = spreadsheet.prepare(seeded, _csv([["x"]], header=["Name"]), "a.csv", MB)
    assert {p.column for p in plan.problems} >= {"Kennung", "Träger"}


def test_xlsx_with_a_formula_is_refused_and_the_template_imports(seeded):
    template = spreadsheet.template_xlsx()
    plan = spreadsheet.prepare(seeded, template, "vorlage.xlsx", MB)
    assert plan.ok, plan.problems
    book = load_workbook(io.BytesIO(template))
    book["Angebote"]["B2"] = '=HYPERLINK("http://evil","x")'
    out = io.BytesIO()
    book.save(out)
    plan = spreadsheet.prepare(seeded, out.getvalue(), "vorlage.xlsx", MB)
    assert [p.why for p in plan.problems] == ["formulas are not accepted: enter the value"]


@pytest.mark.parametrize(
    ("data", "name", "why"),
    [
        ("Kennung;Name\nä;b\n".encode("latin-1"), "a.csv", "not UTF-8"),
        (b"PK\x03\x04 not really a zip", "a.xlsx", "broken"),
        (b"x" * (MB + 1), "a.csv", "larger than"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(seeded, data, name, why):
    with pytest.raises(spreadsheet.SpreadsheetError, match=why):
        spreadsheet.prepare(seeded, data, name, MB)


def test_the_csv_template_has_the_german_columns():
    header = spreadsheet.template_csv().splitlines()[0].split(";")
    assert header[:3] == ["Kennung", "Name", "Träger"]
    book = Workbook()
    assert book  # openpyxl is installed
