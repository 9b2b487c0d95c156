"""The directory in the browser: every role that may read it finds it; an editor writes
descriptions of two lines, and an offer with a stored line break saves again unchanged."""

from __future__ import annotations

import uuid

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import DESK, add_user, demo_login, login


def test_the_network_role_lands_on_the_explorer_and_finds_the_directory(live_server, open_page):
    page = open_page(DESK)
    demo_login(page, live_server, "netzwerk1")
    assert page.url.endswith("/network/"), "the network role starts at the explorer"
    page.locator("header nav").get_by_role("link", name="Verzeichnis").click()
    a11y.check(page, "directory")
    page.locator("#offers a").first.click()
    a11y.check(page, "offer page")


def test_an_editor_writes_two_lines_and_saves_an_offer_again_unchanged(
    live_server, live_server_env, open_page
):
    editor, password = f"ed.{uuid.uuid4().hex[:6]}", "Verzeichnis-pflegen-1"
    add_user(live_server_env, editor, "ki-herne", "directory_editor", password)
    page = open_page(DESK)
    login(page, live_server, editor, password)
    assert page.url.endswith("/directory/")

    page.get_by_role("link", name="Neue Organisation").click()
    a11y.check(page, "new organisation")
    page.fill("#name", f"Nachbarschaftstreff {editor}")
    page.select_option("#kind", "association")
    page.select_option("#district_id", "wanne")
    page.locator("#description").click()
    page.keyboard.type("Offener Treff am Dienstag")
    page.keyboard.press("Enter")
    page.keyboard.type("Beratung nach Vereinbarung")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert page.locator("#messages .flash.success").is_visible()
    assert page.locator("#actor-description").inner_text() == (
        "Offener Treff am Dienstag\nBeratung nach Vereinbarung"
    )

    page.get_by_role("link", name="Neues Angebot").click()
    a11y.check(page, "new offer")
    page.fill("#name", f"Sprachcafé {editor}")
    page.locator("#description").click()
    page.keyboard.type("Deutsch üben in kleiner Runde")
    page.keyboard.press("Enter")
    page.keyboard.type("Kinderbetreuung vor Ort")
    page.locator("#topic_ids").get_by_label("Sprachkurs").check()
    page.locator("#district_ids").get_by_label("Wanne").check()
    page.locator("#language_ids").get_by_label("Deutsch", exact=True).check()
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert page.locator("#messages .flash.success").is_visible()
    lines = "Deutsch üben in kleiner Runde\nKinderbetreuung vor Ort"
    assert page.locator("#offer-description").inner_text() == lines
    offer_url = page.url

    # The stored line break comes back in the form and saves again without a complaint.
    page.get_by_role("link", name="Angebot bearbeiten").click()
    a11y.check(page, "edit offer")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert page.url == offer_url
    assert "gespeichert" in page.locator("#messages .flash.success").inner_text()
    assert page.locator("#offer-description").inner_text() == lines
