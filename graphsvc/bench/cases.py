"""Case benchmark: creating a case-to-offer link with the consent and parallel-support
checks, end to end through POST /api/v1/cases/<pseudonym>/links with a Bearer token."""

from __future__ import annotations

import itertools
import random
from typing import Any

from ..domain import clock
from ..graph import Graph
from .served_app import api_client


def create_link_api(graph: Graph, ids: dict, rng: random.Random):
    """cases.create_link_api: one new link per run (consent present, reason given)."""
    actor_id = graph.query("cases.case_version", pseudonym=ids["cases"][0])["actor_id"]
    samples = graph.query("bench.case_sample", actor_id=actor_id, today=clock.today_iso())
    if not samples:
        raise RuntimeError("no open case with a consented need in the bench graph")
    client, headers = api_client(graph, "bench-case-manager", actor_id, ["case_manager"])
    versions = {s["pseudonym"]: s["version"] for s in samples}
    cycle = itertools.cycle(samples)

    def step() -> Any:
        sample = next(cycle)
        pseudonym = sample["pseudonym"]
        answer = client.post(
            f"/api/v1/cases/{pseudonym}/links",
            headers=headers,
            body={
                "version": versions[pseudonym],
                "offer_id": rng.choice(sample["offers"]),
                "topic": sample["topic"],
                "mode": "referral",
                "reason": "bench",
            },
        )
        if answer.status_code != 201:
            raise RuntimeError(f"link not created: {answer.status_code} {answer.get_json()}")
        versions[pseudonym] = answer.get_json()["version"]

    return step
