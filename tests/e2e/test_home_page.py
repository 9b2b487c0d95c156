"""The home page in a real browser: German, what this is and where to log in; no figures."""

from __future__ import annotations

import json
import urllib.request

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import PHONE


def test_home_page_explains_and_leads_to_the_login(live_server, page):
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == (
        "Verweis- und Netzwerkgraph des Kommunalen Integrationsmanagements"
    )
    a11y.check(page, "home")
    page.locator("main").get_by_role("link", name="Anmelden").click()
    assert page.url.endswith("/login")
    a11y.check(page, "login")


def test_home_and_login_fit_a_phone(live_server, open_page):
    page = open_page(PHONE)
    page.goto(live_server + "/")
    a11y.check(page, "home on a phone")


def test_language_switch_in_the_browser(live_server, page):
    page.goto(live_server + "/")
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == (
        "Referral and network graph of the municipal integration management"
    )


def test_ready_endpoint_of_the_running_app(live_server):
    with urllib.request.urlopen(live_server + "/readyz") as answer:
        assert json.load(answer)["status"] == "ready"
