"""The network explorer in headless Chromium on the Herne seeds: every sequence of two view
changes draws what it says, presentation mode on a 1920×1080 projector, what changed since the
last meeting, saved views, exports, keyboard and axe; and a municipality at NRW scale that
opens without freezing the page.

With GRAPHSVC_SCREENSHOTS set to a folder, the tests leave the screenshots of the README and
docs/features.md there.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import struct
import time
import uuid
from pathlib import Path

import networkx as nx
import pytest

from graphsvc.bench import generate
from graphsvc.domain.seeds import read_taxonomy
from graphsvc.services import accounts, loading
from tests.e2e.accessibility import violations
from tests.e2e.conftest import login

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "netzwerk-passwort-123"
PROJECTOR = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 768}
LAST_MEETING = "2026-09-17"  # the seeds' sample history starts after this HIN meeting
# Generous for a shared 2-core machine with other test suites running: the figures measured
# on a quiet machine (docs/performance.md) are far lower. The test proves the page opens the
# picture in one go and never stalls long; the speed itself is measured and reported.
OPEN_BOUND_MS = 20_000
STALL_BOUND_MS = 2_000
SCREENSHOTS = os.environ.get("GRAPHSVC_SCREENSHOTS")


def _user(graph, actor: str) -> str:
    username = f"netz.{uuid.uuid4().hex[:6]}"
    accounts.create_user(graph, username, "Netzwerk Test", actor, ["network"], PASSWORD)
    return username


@pytest.fixture(scope="module")
def herne_viewer(live_graph):
    """A network viewer of Herne."""
    return _user(live_graph, "stabsstelle-zukunft-gesellschaft")


@pytest.fixture(scope="module")
def synthetic_viewer(live_graph):
    """A network viewer of a generated municipality of NRW scale (gen-000, ≈600 nodes)."""
    if not live_graph.query("network.actors", municipality_id="gen-000"):
        _, known = read_taxonomy(ROOT / "seeds")
        taxonomy = {kind: sorted(ids) for kind, ids in known.items()}
        loading.write(live_graph, generate.municipality(0, random.Random(3), taxonomy))
    return _user(live_graph, "gen-000-a0")


@contextlib.contextmanager
def _opened(browser, live_server, user, viewport=PROJECTOR, path="/network/", **options):
    """A page of a new browser context, logged in as `user`, showing the explorer at `path`
    once its picture is ready; the context closes afterwards."""
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    try:
        login(page, live_server, user, PASSWORD)
        page.goto(live_server + path)
        _wait(page, "graph")
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def explorer(browser, live_server, herne_viewer):
    """One logged-in explorer page at projector size, shared by the view-change sequences."""
    with _opened(browser, live_server, herne_viewer) as page:
        yield page


def _wait(page, view: str, timeout: int = 90_000) -> None:
    page.wait_for_selector(
        f"body[data-network-ready='true'][data-view='{view}']", state="attached", timeout=timeout
    )


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"))


STATE = """() => {
  const cy = window.networkCy;
  const status = document.getElementById('network-status').textContent;
  const numbers = (status.match(/\\d+/g) || []).map(Number);
  const nodes = cy.nodes("[type != 'compound']");
  const at = new Set(nodes.map(n =>
    Math.round(n.position('x')) + ',' + Math.round(n.position('y'))));
  const box = document.getElementById('network').getBoundingClientRect();
  const outside = nodes.filter(n => {
    const p = n.renderedPosition();
    return p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height;
  }).map(n => n.id());
  return {shown: numbers.slice(0, 2), drawn: [nodes.length, cy.edges().length],
          places: at.size, outside: outside, view: document.body.dataset.view,
          hidden: nodes.filter(n => !n.visible()).length};
}"""


def _check(page, what: str) -> dict:
    state = page.evaluate(STATE)
    assert state["shown"] == state["drawn"], f"{what}: the counts shown are not what is drawn"
    assert state["drawn"][0] > 0, f"{what}: nothing drawn"
    assert state["places"] == state["drawn"][0], f"{what}: two nodes share a position"
    assert state["outside"] == [], f"{what}: nodes outside the visible stage"
    assert state["hidden"] == 0, f"{what}: nodes drawn invisible"
    return state


_filter_turn = [0]


def _labels(page) -> list[dict]:
    """The labels drawn on node: font size on screen (px) and box as Cytoscape bounds it (b)."""
    return page.evaluate(
        """() => {
          const cy = window.networkCy, z = cy.zoom();
          return cy.nodes("[type != 'compound']").filter(n => !n.hasClass('nolabel'))
            .map(n => ({px: n.data('fs') * z,
                        b: n.boundingBox({includeNodes: false, includeEdges: false,
                                          includeLabels: true})}));
        }"""
    )


def _overlapping(labels: list[dict]) -> list[tuple[dict, dict]]:
    """The pairs of label boxes that overlap at all."""
    boxes = [label["b"] for label in labels]
    return [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
    ]


def _filter(page):
    _filter_turn[0] += 1
    choices = [(["work"], ["wanne"]), (["housing"], [])][_filter_turn[0] % 2]
    page.select_option("#f-topics", choices[0])
    page.select_option("#f-districts", choices[1])
    page.click("#apply-filters")
    _wait(page, "graph")


def _ego(hops):
    def change(page):
        page.select_option("#ego-actor", "caritas-herne")
        page.select_option("#ego-hops", str(hops))
        page.click("#show-ego")
        _wait(page, "ego")

    return change


def _reset(page):
    page.click("#reset-view")
    _wait(page, "graph")


def _path(page):
    page.select_option("#path-source", "drk-herne")
    page.select_option("#path-target", "jobcenter-herne")
    page.click("#find-path")
    _wait(page, "path")


def _centrality(page):
    page.click("#brokers")
    _wait(page, "centrality")


def _coverage(page):
    page.click("#coverage-view")
    _wait(page, "coverage")


CHANGES = {
    "filter": _filter,
    "ego1": _ego(1),
    "ego2": _ego(2),
    "ego3": _ego(3),
    "reset": _reset,
    "path": _path,
    "centrality": _centrality,
    "coverage": _coverage,
}


@pytest.mark.parametrize("second", list(CHANGES))
@pytest.mark.parametrize("first", list(CHANGES))
def test_every_sequence_of_two_view_changes_draws_what_it_says(explorer, first, second):
    CHANGES[first](explorer)
    _check(explorer, first)
    CHANGES[second](explorer)
    _check(explorer, f"{first} then {second}")


def test_back_to_the_whole_view_after_an_ego_network_restores_the_same_picture(explorer):
    _filter(explorer)
    before = explorer.evaluate(PLACES)
    _ego(2)(explorer)
    _reset(explorer)
    assert explorer.evaluate(PLACES) == before
    _check(explorer, "ego then back")


PLACES = """() => Object.fromEntries(window.networkCy.nodes("[type != 'compound']")
  .map(n => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))"""


def test_path_view_explains_each_step_in_german(explorer):
    _path(explorer)
    items = explorer.locator("#path-list > li")
    assert items.count() >= 1
    first = items.first.inner_text()
    assert first.startswith("DRK") and "→" in first
    assert "Verbinden könnte" in first or "treffen sich" in first
    assert "Mitglied" in first or "arbeitet mit" in first


def test_centrality_is_told_in_words_with_german_percentages(explorer):
    _centrality(explorer)
    top = explorer.locator("#broker-list li").first.inner_text()
    assert top.startswith("Kommunales Integrationszentrum")
    assert "Brücke" in top and "%" in top and "Betweenness" not in top
    assert "." not in top.split("%")[0][-6:]  # no English decimal point in the share
    assert explorer.locator("#isolate-list li").count() >= 3


def test_node_search_highlights_and_details_show_words_not_ids(explorer):
    _reset(explorer)
    explorer.fill("#node-search", "Caritasverband Herne")
    explorer.press("#node-search", "Enter")
    explorer.wait_for_selector("#details h2")
    assert explorer.locator("#details h2").inner_text() == "Caritasverband Herne"
    text = explorer.locator("#details").inner_text()
    assert "Wohlfahrtsverband" in text and "welfare" not in text
    assert "Arbeitskreise" in text and "Angebote" in text
    hit = explorer.evaluate("window.networkCy.nodes('.hit').map(n => n.id())")
    assert hit == ["actor:caritas-herne"]


def test_a_view_change_during_a_search_zoom_still_fits_the_new_view(explorer):
    _ego(1)(explorer)  # laid out once, so the next time it is drawn at once
    _reset(explorer)
    explorer.fill("#node-search", "Caritasverband Herne")
    explorer.press("#node-search", "Enter")  # starts a zoom animation to the hit
    _ego(1)(explorer)
    _check(explorer, "ego during a search zoom")


def test_presentation_mode_fills_a_projector_with_large_labels_that_do_not_overlap(
    browser, live_server, herne_viewer
):
    with _opened(browser, live_server, herne_viewer) as page:
        _shot(page, "network-whole")
        page.click("#present")
        page.wait_for_selector("body[data-presenting='true'][data-network-ready='true']")
        stage = page.locator("#stage").bounding_box()
        assert (stage["x"], stage["y"], stage["width"], stage["height"]) == (0, 0, 1920, 1080)
        canvas = page.locator("#network").bounding_box()
        assert canvas["width"] >= 1900 and canvas["height"] >= 1050
        labels = _labels(page)
        assert len(labels) >= 15
        assert min(label["px"] for label in labels) >= 16  # readable from the back of a room
        assert _overlapping(labels) == []
        legend_px = page.evaluate(
            "parseFloat(getComputedStyle(document.getElementById('legend')).fontSize)"
        )
        assert legend_px >= 22
        _check(page, "presentation")
        _shot(page, "network-presentation")
        page.keyboard.press("Escape")
        page.wait_for_selector("body[data-presenting='false']", state="attached")


def test_what_changed_since_the_last_meeting_is_highlighted_listed_and_exported(
    browser, live_server, herne_viewer
):
    with _opened(browser, live_server, herne_viewer, accept_downloads=True) as page:
        page.fill("#compare-since", LAST_MEETING)
        page.click("#compare")
        _wait(page, "changes")
        _check(page, "comparison")
        lists = {
            (ul.get_attribute("data-kind"), ul.get_attribute("data-change")): ul.inner_text()
            for ul in page.locator("#answer ul.changes").all()
        }
        assert "Afrika-Forum" in lists["organisations", "new"]
        assert "Community-Beratung" in lists["offers", "new"]
        assert "Einbürgerungsfeier" in lists["offers", "ended"]
        assert "15.10.2026" in lists["offers", "ended"]
        assert "Diakonisches Werk" in lists["memberships", "ended"]
        assert "Caritasverband" in lists["memberships", "new"]
        assert "ABH" in lists["cooperations", "new"]
        assert "DRK" in lists["cooperations", "ended"]
        marked = page.evaluate(
            "() => ({n: window.networkCy.nodes('.change-new').map(n => n.id()),"
            " e: window.networkCy.nodes('.change-ended').map(n => n.id())})"
        )
        assert "actor:afrika-forum-herne" in marked["n"]
        assert "offer:ebh-einbuergerungsfeier" in marked["e"]
        assert page.locator(".change-key").first.is_visible()
        _shot(page, "network-comparison")

        with page.expect_download() as csv:
            page.click("#export-changes-csv")
        text = Path(csv.value.path()).read_text(encoding="utf-8")
        assert "Afrika-Forum" in text and "Einbürgerungsfeier" in text
        with page.expect_download() as pdf:
            page.click("#export-pdf")
        data = Path(pdf.value.path()).read_bytes()
        assert data[:5] == b"%PDF-" and len(data) > 3000


def test_a_saved_view_keeps_its_day_and_picture_and_reopens_read_only(
    browser, live_server, herne_viewer
):
    with _opened(browser, live_server, herne_viewer) as page:
        page.fill("#f-as_of", LAST_MEETING)
        page.select_option("#f-group_by", "district")
        page.click("#apply-filters")
        _wait(page, "graph")
        _check(page, "grouped by district on the day of the last meeting")
        compounds = page.evaluate("window.networkCy.nodes('[type = \"compound\"]').length")
        assert compounds == 4
        saved = page.evaluate(PLACES)
        assert "actor:afrika-forum-herne" not in saved  # joined after that day
        name = f"HIN September {uuid.uuid4().hex[:4]}"
        page.fill("#name", name)
        page.click("#save-snapshot")
        page.wait_for_url("**snapshot=*")
        _wait(page, "graph")
        assert name in page.locator("h1").inner_text()
        assert page.locator("#read-only").is_visible()
        assert page.evaluate("window.networkCy.autoungrabify()") is True
        reopened = page.evaluate(PLACES)
        assert reopened.keys() == saved.keys()
        moved = [k for k in saved if abs(saved[k][0] - reopened[k][0]) > 1]
        assert moved == []
        page.select_option("#compare-snapshot", LAST_MEETING)
        page.click("#compare")
        _wait(page, "changes")
        _check(page, "comparison with a saved view")
        assert "Afrika-Forum" in page.locator("#answer").inner_text()


def test_exports_carry_title_legend_and_at_least_twice_the_screen(
    browser, live_server, herne_viewer
):
    with _opened(
        browser,
        live_server,
        herne_viewer,
        path="/network/?topics=work&districts=wanne",
        accept_downloads=True,
    ) as page:
        with page.expect_download() as download:
            page.click("#export-gexf")
        back = nx.read_gexf(io.BytesIO(Path(download.value.path()).read_bytes()))
        view = page.evaluate(
            "fetch(document.getElementById('network').dataset.graphUrl).then(r => r.json())"
        )
        assert set(back.nodes) == {n["id"] for n in view["nodes"]}
        svg = page.evaluate("window.networkSvg()")
        assert svg.startswith("<svg") and svg.count("<g class=") >= len(view["nodes"])
        assert 'class="legend"' in svg and "Legende" in svg and "Stand:" in svg
        assert "Thema: Arbeit" in svg
        with page.expect_download() as png:
            page.click("#export-png")
        data = Path(png.value.path()).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert width >= 2 * PROJECTOR["width"] and height > 600


@pytest.mark.parametrize("viewport", [LAPTOP, PROJECTOR], ids=["laptop", "projector"])
def test_the_whole_network_shows_many_labels_and_none_overlap(
    browser, live_server, herne_viewer, viewport
):
    with _opened(browser, live_server, herne_viewer, viewport=viewport) as page:
        labels = _labels(page)
        assert len(labels) >= 15
        assert min(label["px"] for label in labels) >= 9  # the smallest label size of the page
        assert _overlapping(labels) == []


def test_side_panel_and_questions_work_from_the_keyboard(browser, live_server, herne_viewer):
    with _opened(browser, live_server, herne_viewer, viewport=LAPTOP) as page:
        page.focus("#panel-toggle")
        page.keyboard.press("Enter")
        assert page.get_attribute("#panel-toggle", "aria-expanded") == "false"
        assert page.locator("#side-panel").is_hidden()
        page.keyboard.press("Enter")
        assert page.locator("#side-panel").is_visible()
        page.focus("#brokers")
        page.keyboard.press("Enter")
        _wait(page, "centrality")
        page.focus("#table-toggle")
        page.keyboard.press("Enter")
        rows = page.locator("#network-table tbody tr")
        shown = page.evaluate(STATE)["drawn"][0]
        assert rows.count() == shown
        assert page.evaluate("document.activeElement.id") == "table-view"
        assert violations(page) == []


@pytest.mark.parametrize("path", ["/network/", "/network/overlap", "/network/coverage"])
def test_network_pages_have_no_serious_accessibility_violations(
    page, live_server, herne_viewer, path
):
    login(page, live_server, herne_viewer, PASSWORD)
    page.goto(live_server + path)
    if path == "/network/":
        _wait(page, "graph")
    assert violations(page) == []


def test_ego_network_screenshot_for_the_docs(explorer):
    _ego(1)(explorer)
    _check(explorer, "ego")
    _shot(explorer, "network-ego")


def test_a_municipality_at_nrw_scale_opens_in_one_go_without_freezing(
    browser, live_server, synthetic_viewer
):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    try:
        login(page, live_server, synthetic_viewer, PASSWORD)
        started = time.monotonic()
        page.goto(live_server + "/network/")
        _wait(page, "graph")
        state = _check(page, "a municipality at NRW scale")
        assert state["drawn"][0] >= 500
        figures = page.evaluate(
            """() => {
              const first = +document.body.dataset.firstRenderAt;
              const stalls = window.networkLongTasks.filter(t => t.start >= first);
              return {ready: +document.body.dataset.readyAt, first: first,
                      stall: Math.max(0, ...stalls.map(t => t.duration))};
            }"""
        )
        page.wait_for_timeout(1000)  # whatever runs after the picture is there counts too
        later = page.evaluate(
            "() => Math.max(0, ...window.networkLongTasks"
            ".filter(t => t.start >= +document.body.dataset.firstRenderAt).map(t => t.duration))"
        )
        assert figures["ready"] < OPEN_BOUND_MS
        assert later < STALL_BOUND_MS
        page.click("#fit")  # the page answers at once
        assert time.monotonic() - started < 90
        print(
            f"\nNRW-scale municipality: {state['drawn'][0]} nodes, {state['drawn'][1]} edges; "
            f"finished picture {figures['ready']} ms after navigation, longest stall after the "
            f"first render {later:.0f} ms"
        )
    finally:
        context.close()
