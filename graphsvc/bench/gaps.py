"""Gap-report benchmarks: the service with JSON encoding for a random municipality, and the
rendered page through gunicorn for a logged-in coordinator."""

from __future__ import annotations

import json
import random
from typing import Any

from ..domain import clock
from ..domain.gaps import Period
from ..graph import Graph
from ..services.gaps import report, to_json
from .factories import Step
from .served_app import page_client


def gap_report(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """coordination.gap_report: the default report of one municipality, JSON-encoded."""
    municipalities = [r["id"] for r in graph.query("network.municipality_ids")]
    today = clock.today()

    def step() -> str:
        found = report(graph, rng.choice(municipalities), Period.default(today), 6, today)
        return json.dumps(to_json(found))

    return step


def gap_report_page(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """coordination.gap_report_page: GET /coordination/gaps, logged in, default options."""
    context = graph.query("bench.search_context")
    client = page_client(graph, "bench-coordination", context["actor_id"], ["coordination"])

    def step() -> Any:
        answer = client.get("/coordination/gaps")
        if answer.status_code != 200:
            raise RuntimeError(f"gap report answered {answer.status_code}")
        return len(answer.body)

    return step


BENCHMARKS = {
    "coordination.gap_report": gap_report,
    "coordination.gap_report_page": gap_report_page,
}
