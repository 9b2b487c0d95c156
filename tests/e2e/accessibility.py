"""Checks every browser test runs on the pages and states it visits (BITV 2.0 / WCAG 2.1 AA).

axe-core comes from npm (node_modules/axe-core). The app's Content-Security-Policy blocks
injected <script> tags, so its source is evaluated through Playwright instead. axe 4.x no
longer reports duplicate ids, so those and controls without a label are checked here too.
"""

from __future__ import annotations

import statistics
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every id once; every visible form control named by a label, aria-label or aria-labelledby.
STRUCTURE = """() => {
  const ids = {};
  for (const el of document.querySelectorAll('[id]')) { ids[el.id] = (ids[el.id] || 0) + 1; }
  const duplicates = Object.keys(ids).filter((id) => ids[id] > 1);
  const unlabelled = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby') || el.getAttribute('title');
    if (!named) unlabelled.push(el.outerHTML.slice(0, 120));
  }
  const wide = document.documentElement.scrollWidth;
  return {duplicates, unlabelled, wide, viewport: window.innerWidth};
}"""


@cache
def axe_source() -> str:
    """The axe-core script from node_modules (make setup-test installs it)."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run make setup-test")
    return AXE.read_text(encoding="utf-8")


def violations(page) -> list[dict]:
    """axe-core's violations of WCAG 2.1 A/AA of impact serious or critical in the page's
    current state: rule, impact, help and the first targets."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        "(tags) => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:3],
        }
        for v in result["violations"]
        if v["impact"] in FAILING_IMPACTS
    ]


def check(page, state: str) -> None:
    """Fail on axe violations of impact serious or critical, duplicate ids, unlabelled
    controls and sideways scrolling in the page's current state."""
    failing = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes']}" for v in violations(page)]
    structure = page.evaluate(STRUCTURE)
    problems = failing[:]
    if structure["duplicates"]:
        problems.append(f"duplicate ids: {structure['duplicates']}")
    if structure["unlabelled"]:
        problems.append(f"controls without a label: {structure['unlabelled']}")
    if structure["wide"] > structure["viewport"] + 1:
        problems.append(
            f"scrolls sideways: {structure['wide']} px wide in a {structure['viewport']} px window"
        )
    assert not problems, f"{state} ({page.url}):\n" + "\n".join(problems)


def interactive_ms(page) -> float:
    """Milliseconds from the start of navigation until the page was interactive: its HTML
    parsed and its deferred scripts run (DOMContentLoaded finished)."""
    return page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.domContentLoadedEventEnd - n.startTime; }"
    )


def median_interactive_ms(page, url: str, runs: int = 3) -> float:
    """Median time to interactive over `runs` loads of `url`, after one warm-up load."""
    page.goto(url)
    return statistics.median(_load_interactive_ms(page, url) for _ in range(runs))


def _load_interactive_ms(page, url: str) -> float:
    page.goto(url)
    return interactive_ms(page)
