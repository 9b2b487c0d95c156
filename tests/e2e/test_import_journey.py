"""An admin uploads a broken workbook, reads every problem (nothing written), fixes it,
previews, confirms, and finds the new organisation and offer in the directory."""

from __future__ import annotations

import io
import uuid

from openpyxl import Workbook

from tests.e2e import accessibility as a11y

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(key: str, district: str, topic: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    actors = book.create_sheet("Organisationen")
    actors.append(["Kennung", "Name", "Art", "Stadtteil"])
    actors.append([f"verein-{key}", f"Verein {key}", "Verein", district])
    offers = book.create_sheet("Angebote")
    offers.append(["Kennung", "Name", "Träger", "Themen", "Sprachen"])
    offers.append([f"treff-{key}", f"Sprachtreff {key}", f"verein-{key}", topic, "Deutsch"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(page, base: str, data: bytes) -> None:
    page.goto(base + "/import/")
    page.set_input_files(
        "#file", files=[{"name": "verzeichnis.xlsx", "mimeType": XLSX, "buffer": data}]
    )
    page.get_by_role("button", name="Datei prüfen").click()


def test_a_broken_workbook_shows_its_problems_then_the_fixed_one_is_imported(
    live_server, admin_page
):
    page, key = admin_page, uuid.uuid4().hex[:6]

    _upload(page, live_server, _workbook(key, "Herne-Mite", "Aufenthal"))
    problems = page.locator("#problems tbody tr")
    assert problems.count() == 2
    first = [c.strip() for c in problems.nth(0).locator("td").all_inner_texts()]
    assert first == [
        "Organisationen",
        "2",
        "Stadtteil",
        "Herne-Mite",
        "unbekannt; meinten Sie: herne-mitte?",
    ]
    rest = problems.nth(1).inner_text()
    assert "Angebote" in rest and "Themen" in rest and "Aufenthal" in rest
    assert "Es wurde nichts geschrieben" in page.locator("[role=alert]").inner_text()
    a11y.check(page, "import problems")
    assert page.goto(f"{live_server}/directory/actors/verein-{key}").status == 404

    _upload(page, live_server, _workbook(key, "Herne-Mitte", "Aufenthalt"))
    assert page.locator("#actors tbody tr").count() == 1
    assert page.locator("#offers tbody tr").first.inner_text().startswith(f"treff-{key}")
    # names, not internal ids, and the singular where there is one
    assert f"Verein {key}\tVerein\tHerne-Mitte" in page.locator("#actors tbody tr").inner_text()
    assert "Aufenthalt" in page.locator("#offers tbody tr").inner_text()
    a11y.check(page, "import preview")
    page.get_by_role("button", name="Importieren: 1 Organisation und 1 Angebot").click()
    assert "Importiert: 1 Organisation und 1 Angebot." in page.content()

    offer = page.goto(f"{live_server}/directory/offers/treff-{key}")
    assert offer.status == 200
    assert f"Sprachtreff {key}" in page.content() and f"Verein {key}" in page.content()
