"""The referral search in headless Chromium: a case manager's "Wohnen + Arbeit, Sodingen,
Arabisch" on the Herne seeds, from the form to the offer page."""

from __future__ import annotations

import uuid

import pytest

from graphsvc.services import accounts
from tests.e2e import accessibility as a11y
from tests.e2e.conftest import login

PASSWORD = "vermittlung-passwort-123"


@pytest.fixture(scope="module")
def case_manager(live_graph):
    """A case manager of Caritas Herne in the running app's graph."""
    username = f"cm.{uuid.uuid4().hex[:6]}"
    accounts.create_user(
        live_graph, username, "CM Test", "caritas-herne", ["case_manager"], PASSWORD
    )
    return username


def test_case_manager_searches_housing_and_work_in_sodingen_in_arabic(
    live_server, page, case_manager
):
    login(page, live_server, case_manager, PASSWORD)
    page.goto(live_server + "/")
    page.get_by_role("link", name="Vermittlungssuche").click()
    page.locator("#topics").get_by_label("Wohnen", exact=True).check()
    page.locator("#topics").get_by_label("Arbeit", exact=True).check()
    page.select_option("#district", "sodingen")
    page.locator("#languages").get_by_label("Arabisch", exact=True).check()
    page.get_by_role("button", name="Suchen", exact=True).click()
    rows = page.locator("#results li.result-card")
    assert rows.count() >= 5
    first = rows.first.inner_text()
    assert "Deckt Wohnen, Arbeit ab" in first or "Deckt Arbeit, Wohnen ab" in first
    assert "Beratung in Arabisch" in first
    rows.first.locator("details.explanation summary").click()  # every reason on demand
    first = rows.first.locator("details.explanation").inner_text()
    assert "Bedient den Stadtbezirk der Person" in first
    assert page.locator("#help-network li").count() == 1
    a11y.check(page, "search results")
    rows.first.locator("h3 a").click()
    assert page.locator("h1").inner_text()
    assert "Sprachen" in page.locator("dl.facts").inner_text()
    a11y.check(page, "offer page")


def test_empty_needs_give_a_form_error_in_the_browser(live_server, page, case_manager):
    login(page, live_server, case_manager, PASSWORD)
    page.goto(live_server + "/search?district=sodingen")
    assert page.locator(".field.has-error ul.errors").first.is_visible()
    a11y.check(page, "search form with an error")
