"""Measure how fast the network explorer opens a municipality at NRW scale in headless Chromium.

Starts `graphsvc run` on a fresh data directory and a free port, adds one generated
municipality of NRW shape (gen-000, about 600 nodes and 2,400 edges) and a network viewer,
then opens /network/ RUNS times in a fresh browser context each and reports, per run and as
the median: the finished picture (navigation start to the picture drawn, fitted and labelled),
the layout in the worker, the draw, and the longest main-thread stall after the first render.
As a reference measured in the same run, the load event of the login page.

    .venv/bin/python tools/measure_network_page.py [RUNS]

Needs the test tools (`make setup-test`: Playwright and /usr/bin/chromium). Prints the load
average before and after, for docs/performance.md.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphsvc.bench import generate  # noqa: E402
from graphsvc.config import from_env  # noqa: E402
from graphsvc.dev import served  # noqa: E402
from graphsvc.domain.seeds import read_taxonomy  # noqa: E402
from graphsvc.graph.embedded import socket_path  # noqa: E402
from graphsvc.services import accounts, loading  # noqa: E402
from tests.support import connect_for_tests  # noqa: E402

PASSWORD = "netzwerk-zeit-3b1f0c"
FIGURES = """() => {
  const first = +document.body.dataset.firstRenderAt;
  const after = window.networkLongTasks.filter(t => t.start >= first).map(t => t.duration);
  return {ready: +document.body.dataset.readyAt, first: first,
          worker: +document.body.dataset.workerMs, draw: +document.body.dataset.drawMs,
          layout: document.body.dataset.layoutName, stall: Math.max(0, ...after),
          nodes: +document.body.dataset.drawnNodes};
}"""


def main(runs: int) -> None:
    print("load average before:", os.getloadavg())
    data = Path(tempfile.mkdtemp(prefix="measure-network-"))
    env = served.environment(
        data,
        GRAPHSVC_ADMIN_PASSWORD="Messung-Geheim-Passwort-7",
        GRAPHSVC_LOGIN_LIMIT="1000 per minute",
    )
    try:
        server = served.start(env)
    except RuntimeError as exc:
        raise SystemExit(str(exc)) from None
    base = server.base
    try:
        graph = connect_for_tests(
            from_env({"GRAPHSVC_DATA_DIR": str(data)}), f"unix://{socket_path(data.resolve())}"
        )
        _, known = read_taxonomy(ROOT / "seeds")
        taxonomy = {kind: sorted(ids) for kind, ids in known.items()}
        loading.write(graph, generate.municipality(0, random.Random(3), taxonomy))
        accounts.create_user(graph, "measure", "Measure", "gen-000-a0", ["network"], PASSWORD)
        graph.close()
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for run in range(runs):
                context = browser.new_context(viewport={"width": 1920, "height": 1080})
                page = context.new_page()
                page.goto(base + "/login")
                reference = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"
                )
                page.fill("#username", "measure")
                page.fill("#password", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state()
                page.goto(base + "/network/")
                page.wait_for_selector(
                    "body[data-network-ready='true']", state="attached", timeout=120_000
                )
                page.wait_for_timeout(1500)  # stalls right after the picture count too
                figures = page.evaluate(FIGURES)
                figures["reference"] = reference
                rows.append(figures)
                print(f"run {run + 1}: {figures}")
                context.close()
            browser.close()
        for key in ("ready", "worker", "draw", "stall", "reference"):
            print(f"median {key}: {statistics.median(r[key] for r in rows):.0f} ms")
        print(f"nodes: {rows[0]['nodes']}, layout: {rows[0]['layout']}")
    finally:
        server.stop()
        print("load average after:", os.getloadavg())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
