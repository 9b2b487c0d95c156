"""Same-client benchmark: what an intake adds besides its write — key one new identity and
compare it with every case of its municipality held by other organisations."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ..graph import Graph
from ..services.same_client import Identity, MatchSettings, candidates, case_keys, key_text
from .factories import Step
from .generate import FAMILY_NAMES, GIVEN_NAMES


def intake_match(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """coordination.duplicate_client_match: one synthetic intake against its municipality."""
    places = []
    for row in graph.query("network.municipality_ids"):
        keys = case_keys(graph, row["id"])
        if keys:
            places.append((row["id"], sorted({k.actor_id for k in keys})))
    if not places:
        raise RuntimeError("no case with a match key in the bench graph")
    settings = MatchSettings()

    def step() -> Any:
        municipality_id, actors = rng.choice(places)
        names = (rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES))
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 58 * 365))
        key = key_text(Identity(names, born), settings.secret)
        return candidates(graph, municipality_id, rng.choice(actors), key, settings.threshold)

    return step


BENCHMARKS = {"coordination.duplicate_client_match": intake_match}
