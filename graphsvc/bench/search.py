"""The referral-search benchmarks: the bare service call and the HTTP API with a token.

Both draw the same kind of search (1–3 needs, a district, one language, an age) in one
municipality of the bench graph, so their ratio shows what the web layer costs.
"""

from __future__ import annotations

import random
from typing import Any

from ..domain import clock, ranking
from ..graph import Graph
from ..services import search
from .served_app import api_client

BENCH_USER = "bench-referral-search"


def _context(graph: Graph) -> dict[str, Any]:
    found = graph.query("bench.search_context")
    if not found:
        raise RuntimeError("the bench graph holds no offers")
    found["vocab"] = search.vocabulary(graph, found["municipality_id"])
    return found


def _draw(context: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    vocab = context["vocab"]
    return {
        "topics": [t["id"] for t in rng.sample(vocab["topics"], rng.randint(1, 3))],
        "district": rng.choice(context["districts"]),
        "languages": [rng.choice(vocab["languages"])["id"]],
        "age": str(rng.choice((17, 25, 34, 52, 70))),
    }


def referral_query(graph: Graph, ids: dict, rng: random.Random):
    """search.referral_query: the service call that the page and the API make."""
    context = _context(graph)
    today = clock.today_iso()

    def step() -> Any:
        criteria = search.parse_criteria(_draw(context, rng), context["vocab"])
        result = search.referral(graph, context["municipality_id"], criteria, today)
        # A benchmark's own check.
        assert len(result.rows) <= ranking.DEFAULT_LIMIT  # nosec B101
        return result

    return step


def referral_api(graph: Graph, ids: dict, rng: random.Random):
    """search.referral_api: GET /api/v1/offers/search through Flask with a Bearer token."""
    context = _context(graph)
    client, headers = api_client(graph, BENCH_USER, context["actor_id"], ["case_manager"])

    def step() -> Any:
        args = _draw(context, rng)
        answer = client.get("/api/v1/offers/search", query_string=args, headers=headers)
        if answer.status_code != 200:
            raise RuntimeError(
                f"API answered {answer.status_code}: {answer.get_data(as_text=True)}"
            )
        return answer

    return step
