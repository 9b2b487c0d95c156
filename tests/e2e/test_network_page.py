"""The network explorer in headless Chromium: the meeting's journey on the Herne seeds, and a
municipality-sized graph (≈600 nodes) that lays out without freezing the page."""

from __future__ import annotations

import io
import random
import time
import uuid
from pathlib import Path

import networkx as nx
import pytest

from graphsvc.bench import generate
from graphsvc.domain.seeds import read_taxonomy
from graphsvc.services import accounts, loading
from tests.e2e.conftest import login

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "netzwerk-passwort-123"
LAYOUT_BOUND_MS = 15_000  # generous for a shared 2-core machine; typical figures are far lower
BLOCK_BOUND_MS = 2_000  # longest main-thread stall while the layout runs


@pytest.fixture(scope="module")
def herne_viewer(live_graph):
    """A network viewer of Herne."""
    username = f"netz.{uuid.uuid4().hex[:6]}"
    accounts.create_user(
        live_graph,
        username,
        "Netzwerk Test",
        "stabsstelle-zukunft-gesellschaft",
        ["network"],
        PASSWORD,
    )
    return username


@pytest.fixture(scope="module")
def synthetic_viewer(live_graph):
    """A network viewer of a generated Herne-sized municipality (gen-000, ≈640 nodes)."""
    if not live_graph.query("network.actors", municipality_id="gen-000"):
        _, known = read_taxonomy(ROOT / "seeds")
        taxonomy = {kind: sorted(ids) for kind, ids in known.items()}
        loading.write(live_graph, generate.municipality(0, random.Random(3), taxonomy))
    username = f"netz.gen.{uuid.uuid4().hex[:6]}"
    accounts.create_user(live_graph, username, "Netzwerk Gen", "gen-000-a0", ["network"], PASSWORD)
    return username


def _wait_ready(page, timeout=60_000):
    page.wait_for_selector("body[data-network-ready='true']", timeout=timeout)
    return int(page.evaluate("document.body.dataset.layoutMs"))


def test_meeting_filters_work_in_wanne_finds_brokers_and_path_saves_and_exports(
    live_server, page, herne_viewer
):
    login(page, live_server, herne_viewer, PASSWORD)
    page.goto(live_server + "/network/")
    _wait_ready(page)
    page.select_option("#f-topics", ["work"])
    page.select_option("#f-districts", ["wanne"])
    page.click("#apply-filters")
    page.wait_for_url("**/network/?*topics=work*")
    _wait_ready(page)
    count = page.evaluate("document.getElementById('network-status').textContent")
    assert count and not count.startswith("0 ")

    page.click("#brokers")
    page.wait_for_selector("#broker-list li")
    assert "Kommunales Integrationszentrum" in page.locator("#broker-list li").first.inner_text()
    assert page.locator("#isolate-list li").count() >= 3

    page.select_option("#path-source", "drk-herne")
    page.select_option("#path-target", "jobcenter-herne")
    page.click("#find-path")
    page.wait_for_selector("#path-list li")
    first = page.locator("#path-list li").first.inner_text()
    assert first.startswith("DRK") and "→" in first

    page.fill("#name", "Arbeit in Wanne")
    page.click("#save-snapshot")
    page.wait_for_url("**snapshot=*")
    _wait_ready(page)
    assert "Arbeit in Wanne" in page.locator("h1").inner_text()
    assert page.locator("#snapshot-list a", has_text="Arbeit in Wanne").count() == 1

    with page.expect_download() as download:
        page.click("#export-gexf")
    back = nx.read_gexf(io.BytesIO(Path(download.value.path()).read_bytes()))
    view = page.evaluate(
        "fetch(document.getElementById('network').dataset.graphUrl).then(r => r.json())"
    )
    assert set(back.nodes) == {n["id"] for n in view["nodes"]}
    assert sorted(back.edges()) == sorted((e["source"], e["target"]) for e in view["edges"])

    svg = page.evaluate("window.networkSvg()")
    assert svg.startswith("<svg") and svg.count("<g class=") == len(view["nodes"])
    with page.expect_download() as png:
        page.click("#export-png")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_details_expand_and_presentation_mode(live_server, page, herne_viewer):
    login(page, live_server, herne_viewer, PASSWORD)
    page.goto(live_server + "/network/?districts=sodingen")
    _wait_ready(page)
    before = page.evaluate("document.getElementById('network-status').textContent")
    page.fill("#node-search", "Kommunales Integrationszentrum Herne")
    page.press("#node-search", "Enter")
    page.wait_for_selector("#details h2")
    assert "Kommunales Integrationszentrum" in page.locator("#details h2").inner_text()
    page.click("#expand-node")
    page.wait_for_selector("#expand-node:text('Nachbarn ausblenden')")
    page.click("#expand-node")
    page.wait_for_selector("#expand-node:text('Nachbarn einblenden')")
    page.click("#ego-1")
    status = page.locator("#network-status")
    deadline = time.monotonic() + 30
    while status.inner_text() == before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert status.inner_text() != before  # the ego network replaced the filtered view
    page.click("#present")
    assert "presenting" in page.locator("#stage").get_attribute("class")


def test_a_municipality_of_600_nodes_lays_out_without_freezing(live_server, page, synthetic_viewer):
    login(page, live_server, synthetic_viewer, PASSWORD)
    started = time.monotonic()
    page.goto(live_server + "/network/")
    layout_ms = _wait_ready(page)
    nodes = page.evaluate("document.getElementById('network-status').textContent")
    assert int(nodes.split()[0]) >= 550
    longest_block = int(page.evaluate("document.body.dataset.longestBlockMs"))
    assert layout_ms < LAYOUT_BOUND_MS
    assert longest_block < BLOCK_BOUND_MS  # the page never stalls long enough to feel frozen
    # The page still answers right after the layout: a click on a button reacts at once.
    page.click("#fit")
    assert time.monotonic() - started < 60
    print(
        f"\n600-node municipality: layout {layout_ms} ms, longest stall {longest_block} ms, {nodes}"
    )
