"""Getting a graph ready: schema, and the Herne seeds when the graph is empty."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from ..domain import seeds
from ..graph import Graph
from . import accounts, loading, same_client

ProgressFactory = Callable[[int, str], AbstractContextManager[Any]]


def prepare(
    graph: Graph,
    seed_dir: Path,
    progress: ProgressFactory | None = None,
    match: same_client.MatchSettings | None = None,
) -> int:
    """Apply the schema and load the seeds if the graph holds no municipality yet.

    Returns how many nodes and relationships were loaded (0 when data was already there).
    The seed files are read and checked completely before anything is written. The demo
    cases' match keys are made with `match`'s secret and compared once, so coordination
    finds the sample pairs at once.
    """
    graph.apply_schema()
    if not graph.query("meta.is_empty"):
        upgrade(graph)
        return 0
    match = match or same_client.MatchSettings()
    bundle = seeds.read(seed_dir, match_secret=match.secret)
    if progress is None:
        loaded = loading.write(graph, bundle)
    else:
        with progress(bundle.size(), "Herne seeds") as bar:
            loaded = loading.write(graph, bundle, progress=bar.update)
    for municipality in bundle.nodes.get("Municipality", []):
        same_client.scan(graph, municipality["id"], match.threshold)
    return loaded


def upgrade(graph: Graph) -> int:
    """Bring data written by an older graphsvc up to date; return how many offers changed.

    Offers keep copies of what the referral search reads (link counts, facet ids); graphs
    written before they did get them once, here, as do nodes whose label was renamed.
    """
    graph.query("meta.rename_old_labels")
    graph.query(
        "accounts.give_tokens_an_expiry",
        seconds=accounts.DEFAULT_TOKEN_DAYS * accounts.DAY_SECONDS,
    )
    missing = [row["id"] for row in graph.query("directory.offers_missing_derived_fields")]
    loading.refresh_offers(graph, missing)
    return len(missing)


def counts(graph: Graph) -> dict[str, int]:
    """How many nodes each label of the model has."""
    return {row["label"]: row["n"] for row in graph.query("meta.count_by_label")}
