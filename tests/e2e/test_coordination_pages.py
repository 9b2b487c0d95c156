"""The coordination views in headless Chromium: duplicate structures found and filtered on the
Herne seeds, and printouts without forms or pseudonyms."""

from __future__ import annotations

import uuid

import pytest

from graphsvc.services import accounts
from tests.e2e import accessibility as a11y
from tests.e2e.conftest import login

PASSWORD = "koordination-passwort-123"


@pytest.fixture(scope="module")
def coordinator(live_graph):
    """A coordination user of the city's integration centre in the running app's graph."""
    username = f"ko.{uuid.uuid4().hex[:6]}"
    accounts.create_user(live_graph, username, "KO Test", "ki-herne", ["coordination"], PASSWORD)
    return username


def test_coordination_finds_duplicate_structure_a_in_wanne_and_prints_it(
    live_server, page, coordinator
):
    login(page, live_server, coordinator, PASSWORD)
    page.goto(live_server + "/coordination/")
    page.get_by_role("link", name="Doppelstrukturen").click()
    page.select_option("#district", "wanne")
    page.get_by_role("button", name="Anwenden").click()
    first = page.locator("section.cluster").first
    assert "Wohnungslotsen Wanne" in first.inner_text()
    assert "Alle 3 decken" in first.locator("p.why").inner_text()
    a11y.check(page, "duplicate structures in Wanne")
    page.emulate_media(media="print")
    assert not page.locator("#structure-filters").is_visible()
    assert first.is_visible()


def test_parallel_support_printout_leaves_out_the_pseudonyms(live_server, page, coordinator):
    login(page, live_server, coordinator, PASSWORD)
    page.goto(live_server + "/coordination/parallel-support?status=active&status=completed")
    assert page.locator("#parallel-over-time").is_visible()
    page.locator("#parallel-cases summary").click()
    assert "HER-2026-0001" in page.locator("#parallel-cases").inner_text()
    a11y.check(page, "parallel support with pseudonyms")
    page.emulate_media(media="print")
    assert not page.locator("#parallel-cases").is_visible()
    assert not page.locator("#parallel-rules").is_visible()
    assert page.locator("#parallel-table").is_visible()
