"""Referral benchmarks through the token API: the inbox of one organisation, and a partner's
answer with the notification it writes for the referring case manager."""

from __future__ import annotations

import itertools
import random
from typing import Any

from ..graph import Graph
from .factories import Step
from .served_app import api_client

ANSWERS = ("accept", "start", "complete")  # each a valid next step after the one before
# Enough organisations that their proposed referrals outlast a run of -n 200 (≈18 each at nrw).
ORGANISATIONS = 20


def _sample(graph: Graph, ids: dict, limit: int) -> list[dict]:
    rows = graph.query("bench.referral_sample", pseudonym=ids["cases"][0], limit=limit)
    if not rows:
        raise RuntimeError("no proposed referral in the bench graph")
    return rows


def inbox_api(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """referrals.inbox_api: GET /api/v1/referrals of the organisation with the most open
    referrals of its municipality."""
    actor = _sample(graph, ids, 1)[0]["actor_id"]
    client, headers = api_client(graph, f"bench-partner-{actor}", actor, ["partner"])

    def step() -> Any:
        answer = client.get("/api/v1/referrals", headers=headers)
        if answer.status_code != 200:
            raise RuntimeError(f"inbox not read: {answer.status_code}")
        return answer

    return step


def answer_api(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """referrals.answer_api: POST /api/v1/referrals/<id>/answer (accept, then start, then
    complete per referral), the notification written in the same statement."""
    rows = _sample(graph, ids, ORGANISATIONS)
    clients = {
        row["actor_id"]: api_client(
            graph, f"bench-partner-{row['actor_id']}", row["actor_id"], ["partner"]
        )
        for row in rows
    }
    links = [(row["actor_id"], link["id"]) for row in rows for link in row["links"]]
    versions = {link["id"]: link["version"] for row in rows for link in row["links"]}
    rounds = itertools.chain.from_iterable(
        ((actor, link, action) for actor, link in links) for action in ANSWERS
    )

    def step() -> Any:
        found = next(rounds, None)
        if found is None:
            raise RuntimeError("no proposed referral left to answer: generate a fresh graph")
        actor, link, action = found
        client, headers = clients[actor]
        answer = client.post(
            f"/api/v1/referrals/{link}/answer",
            headers=headers,
            body={"version": versions[link], "action": action, "feedback": "bench"},
        )
        if answer.status_code != 200:
            raise RuntimeError(f"answer refused: {answer.status_code} {answer.get_json()}")
        versions[link] = answer.get_json()["version"]

    return step


BENCHMARKS = {"referrals.inbox_api": inbox_api, "referrals.answer_api": answer_api}
