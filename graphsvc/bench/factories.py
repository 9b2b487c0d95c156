"""How a benchmark is made: a factory takes the graph, sample ids and a random source and
returns the step that `graphsvc bench` times."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from ..graph import Graph

Step = Callable[[], Any]
Factory = Callable[[Graph, dict[str, list[str]], random.Random], Step]


def query_step(name: str, **draws: Callable[[dict, random.Random], Any]) -> Factory:
    """A benchmark of one named query, its parameters drawn from the sample ids."""

    def factory(graph: Graph, ids: dict[str, list[str]], rng: random.Random) -> Step:
        def step() -> Any:
            return graph.query(name, **{k: draw(ids, rng) for k, draw in draws.items()})

        return step

    return factory


def one_of(kind: str) -> Callable[[dict, random.Random], Any]:
    """Draw one sample id of `kind` (offers, districts, topics, cases)."""
    return lambda ids, rng: rng.choice(ids[kind])


def each_municipality(make: Callable[[Graph, str], Any]) -> Factory:
    """A benchmark whose step picks a random municipality and JSON-encodes the answer, as the
    API would."""

    def factory(graph: Graph, ids: dict, rng: random.Random) -> Step:
        municipalities = [r["id"] for r in graph.query("network.municipality_ids")]
        return lambda: json.dumps(make(graph, rng.choice(municipalities)))

    return factory
