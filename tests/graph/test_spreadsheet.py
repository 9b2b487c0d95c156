"""Spreadsheet import of offers: check every row, report every problem, write all or nothing."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from graphsvc.services import directory, hsds, spreadsheet
from graphsvc.services.audit import Who
from tests.support import assert_offer_facets_match_relationships

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


EDITOR = Who({"id": "u-import", "username": "import.test"})


def _count_offers(graph) -> int:
    return graph.query("hsds.count_services")


def test_two_hundred_offers_are_imported_with_their_taxonomy_links(seeded):
    before = _count_offers(seeded)
    plan = spreadsheet.prepare(seeded, _csv(_offers(200)), "angebote.csv", MB)
    assert plan.ok, plan.problems[:3]
    assert spreadsheet.write(seeded, plan, EDITOR) == (0, 200)
    assert _count_offers(seeded) == before + 200
    assert_offer_facets_match_relationships(seeded)
    package = hsds.build_package(seeded)
    svc = next(s for s in package["services"] if s["id"] == hsds.hid("offer", "import-007"))
    assert {a["taxonomy_term"]["code"] for a in svc["attributes"] if a["link_type"] == "topic"} == {
        "residence",
        "work",
    }
    assert {lang["code"] for lang in svc["languages"]} == {"de", "ar"}
    assert svc["minimum_age"] == 18


def test_reimporting_the_same_file_changes_nothing(seeded):
    data = _csv(_offers(5))
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, data, "a.csv", MB), EDITOR)
    first = hsds.build_package(seeded)
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, data, "a.csv", MB), EDITOR)
    assert hsds.build_package(seeded) == first
    assert len(directory.offer_history(seeded, "import-001")) == 1  # the first import only


def test_an_import_that_changes_an_offer_records_what_changed_in_its_history(seeded):
    rows = _offers(2)
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, _csv(rows), "a.csv", MB), EDITOR)
    created = directory.offer_history(seeded, "import-001")
    assert [h["action"] for h in created] == ["import"]
    assert created[0]["username"] == "import.test" and "name" in created[0]["changes"]
    rows[1][1] = "Umbenanntes Angebot"
    spreadsheet.write(seeded, spreadsheet.prepare(seeded, _csv(rows), "b.csv", MB), EDITOR)
    changed = directory.offer_history(seeded, "import-001")
    assert len(changed) == 2
    assert changed[0]["changes"] == {"name": ["Importiertes Angebot 1", "Umbenanntes Angebot"]}
    assert len(directory.offer_history(seeded, "import-000")) == 1  # unchanged row: no entry


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
    assert topic.value == "Aufenthal" and "aufenthalt" in topic.text
    with pytest.raises(spreadsheet.SpreadsheetError):
        spreadsheet.write(seeded, plan, EDITOR)
    assert _count_offers(seeded) == before


def test_missing_required_columns_are_reported(seeded):
    plan = spreadsheet.prepare(seeded, _csv([["x"]], header=["Name"]), "a.csv", MB)
    assert {p.column for p in plan.problems} >= {"Kennung", "Träger"}


def test_xlsx_with_a_formula_is_refused_and_the_template_imports(seeded):
    template = spreadsheet.template_xlsx()
    plan = spreadsheet.prepare(seeded, template, "vorlage.xlsx", MB, "herne")
    assert plan.ok, plan.problems
    assert [a["id"] for a in plan.actors] == ["beispiel-verein"] and len(plan.offers) == 1
    book = load_workbook(io.BytesIO(template))
    book["Angebote"]["B2"] = '=HYPERLINK("http://evil","x")'
    out = io.BytesIO()
    book.save(out)
    plan = spreadsheet.prepare(seeded, out.getvalue(), "vorlage.xlsx", MB, "herne")
    assert [p.why for p in plan.problems] == ["formulas are not accepted: enter the value"]
    assert plan.problems[0].sheet == "Angebote"


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


# --- organisations -------------------------------------------------------------------------

ACTOR_HEADER = ["Kennung", "Name", "Art", "Stadtteil", "Webseite", "E-Mail"]


def _workbook(actors: list[list[str]], offers: list[list[str]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in (
        ("Organisationen", ACTOR_HEADER, actors),
        ("Angebote", HEADER, offers),
    ):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


NEW_ACTORS = [
    ["verein-sonne", "Verein Sonne", "Verein", "Herne-Mitte", "https://sonne.example.org", ""],
    ["bildungswerk-ost", "Bildungswerk Ost", "Bildung", "", "", "info@example.org"],
]


def _offer_of(actor: str, key: str) -> list[str]:
    row = _offers(1)[0]
    row[0], row[2] = key, actor
    return row


def _located(graph, actor_id: str) -> list[str]:
    rows = graph.query("testing.actor_districts", actor_id=actor_id)
    return sorted(rows or [])


def test_a_workbook_writes_new_organisations_and_their_offers_and_again_changes_nothing(seeded):
    data = _workbook(
        NEW_ACTORS,
        [_offer_of("verein-sonne", "sonne-treff"), _offer_of("Bildungswerk Ost", "ost-kurs")],
    )
    plan = spreadsheet.prepare(seeded, data, "verzeichnis.xlsx", MB, "herne")
    assert plan.ok, plan.problems[:3]
    assert spreadsheet.write(seeded, plan, EDITOR) == (2, 2)
    package = hsds.build_package(seeded)
    orgs = {o["id"]: o for o in package["organizations"]}
    sonne = orgs[hsds.hid("actor", "verein-sonne")]
    assert sonne["name"] == "Verein Sonne"
    assert sonne["website"] == "https://sonne.example.org"
    owners = {s["id"]: s["organization_id"] for s in package["services"]}
    assert owners[hsds.hid("offer", "ost-kurs")] == hsds.hid("actor", "bildungswerk-ost")
    assert _located(seeded, "verein-sonne") == ["herne-mitte"]

    again = spreadsheet.prepare(seeded, data, "verzeichnis.xlsx", MB, "herne")
    spreadsheet.write(seeded, again, EDITOR)
    assert hsds.build_package(seeded) == package
    assert _located(seeded, "verein-sonne") == ["herne-mitte"]


def test_organisation_problems_name_sheet_row_column_and_why_and_nothing_is_written(seeded):
    before = hsds.build_package(seeded)
    actors = [
        ["verein-sonne", "Verein Sonne", "Sportclub", "Herne-Mite", "sonne.example", "x@"],
        ["", "Ohne Kennung", "Verein", "", "", ""],
    ]
    offers = [_offer_of("verein-sonne", "sonne-treff")]
    plan = spreadsheet.prepare(seeded, _workbook(actors, offers), "k.xlsx", MB, "herne")
    found = {(p.sheet, p.row, p.column) for p in plan.problems}
    assert {
        ("Organisationen", 2, "Art"),
        ("Organisationen", 2, "Stadtteil"),
        ("Organisationen", 2, "Webseite"),
        ("Organisationen", 2, "E-Mail"),
        ("Organisationen", 3, "Kennung"),
    } <= found
    assert not [p for p in plan.problems if p.sheet == "Angebote"]  # reported once, above
    district = next(p for p in plan.problems if p.column == "Stadtteil")
    assert "herne-mitte" in district.text
    with pytest.raises(spreadsheet.SpreadsheetError):
        spreadsheet.write(seeded, plan, EDITOR)
    assert hsds.build_package(seeded) == before


def test_organisations_need_a_municipality_and_stay_in_their_own(seeded):
    data = _workbook([["ki-herne", "Übernahme", "Verein", "", "", ""]], [])
    elsewhere = spreadsheet.prepare(seeded, data, "a.xlsx", MB, "bochum")
    assert [p.text for p in elsewhere.problems] == [
        "this Kennung belongs to an organisation of another municipality"
    ]
    nowhere = spreadsheet.prepare(seeded, data, "a.xlsx", MB, None)
    assert "municipality" in nowhere.problems[0].text


def test_a_csv_with_organisation_columns_is_read_as_organisations(seeded):
    data = _csv([NEW_ACTORS[0]], header=ACTOR_HEADER)
    plan = spreadsheet.prepare(seeded, data, "organisationen.csv", MB, "herne")
    assert plan.ok, plan.problems
    assert [a["id"] for a in plan.actors] == ["verein-sonne"] and not plan.offers
    assert spreadsheet.template_csv("actors").startswith("Kennung;Name;Art")


def test_the_shell_command_imports_a_workbook_once_and_refuses_a_broken_one(
    seeded, backend, monkeypatch, tmp_path
):
    from click.testing import CliRunner

    from graphsvc.cli import cli

    for name, value in backend.env().items():
        monkeypatch.setenv(name, value)
    good = tmp_path / "verzeichnis.xlsx"
    good.write_bytes(_workbook(NEW_ACTORS, [_offer_of("verein-sonne", "sonne-treff")]))
    args = ["import-offers", str(good), "--municipality", "herne"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "2 organisations and 1 offers imported" in first.output
    package = hsds.build_package(seeded)
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert hsds.build_package(seeded) == package

    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(_workbook([["Verein X", "", "", "", "", ""]], []))
    answer = CliRunner().invoke(cli, ["import-offers", str(broken), "--municipality", "herne"])
    assert answer.exit_code != 0
    assert "sheet Organisationen, row 2, column 'Kennung'" in answer.output
    assert hsds.build_package(seeded) == package
