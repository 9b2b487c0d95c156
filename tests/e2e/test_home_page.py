"""The home page in a real browser: German, counts of the seeded Herne network."""

from __future__ import annotations

import json
import urllib.request


def test_home_page_shows_the_seeded_counts(live_server, page):
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == "Was das Netzwerk enthält"
    offers = int(page.locator('tr[data-label="Offer"] td.num').inner_text())
    actors = int(page.locator('tr[data-label="Actor"] td.num').inner_text())
    districts = int(page.locator('tr[data-label="District"] td.num').inner_text())
    assert offers >= 80
    assert actors >= 40
    assert districts == 4


def test_language_switch_in_the_browser(live_server, page):
    page.goto(live_server + "/")
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == "What the network holds"


def test_ready_endpoint_of_the_running_app(live_server):
    with urllib.request.urlopen(live_server + "/readyz") as answer:
        assert json.load(answer)["status"] == "ready"
