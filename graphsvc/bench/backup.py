"""Data-out benchmarks: one export page, the whole export, the round trip through a scratch
graph, and one page of the HSDS API's services."""

from __future__ import annotations

import contextlib
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import from_env
from ..graph import Graph, bulk, connect
from ..services import hsds
from ..services.backup import (
    BACKUP_EDGES,
    PAGE,
    BackupError,
    export_file,
    restore,
    same_content,
)
from .factories import Step


def export_page(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """backup.export_page_5000_cases: PAGE case ids, their nodes and outgoing relationships."""

    def step() -> Any:
        page = graph.query(bulk.ids_query("Case"), skip=0, page=PAGE) or []
        return graph.query(bulk.export_query("Case"), ids=page), [
            graph.query(bulk.rels_query(key), ids=page) for key in BACKUP_EDGES if key[0] == "Case"
        ]

    return step


def whole_export(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """backup.export_whole_graph: `graphsvc export` of the bench graph into a file, once."""

    def step() -> Any:
        with tempfile.TemporaryDirectory() as directory:
            return export_file(graph, Path(directory) / "backup.jsonl")

    step.runs = 1  # type: ignore[attr-defined]  # 30-60 s at nrw scale: once is enough
    return step


@contextlib.contextmanager
def _scratch_graph(graph: Graph) -> Iterator[Graph]:
    """An empty graph on the same FalkorDB server, dropped afterwards."""
    name = f"{graph.backend.graph_name}-round-trip"
    copy = connect(from_env().with_overrides(graph_name=name), graph.backend.url)
    copy.drop()
    try:
        yield copy
    finally:
        copy.drop()
        copy.close()


def round_trip(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """backup.round_trip_whole_graph: export, restore into a scratch graph, export again; the
    lines after the header must agree. Run once.

    Neo4j Community holds one database, so there the entry only checks that two exports of
    the same graph agree.
    """

    def step() -> Any:
        with tempfile.TemporaryDirectory() as directory:
            first, second = Path(directory) / "first.jsonl", Path(directory) / "second.jsonl"
            export_file(graph, first)
            if graph.dialect == "falkordb":
                with _scratch_graph(graph) as copy:
                    restore(copy, first)
                    export_file(copy, second)
            else:
                export_file(graph, second)
            if not same_content(first, second):
                raise BackupError(f"round trip: {second.name} differs from {first.name}")

    step.runs = 1  # type: ignore[attr-defined]
    return step


def hsds_page(graph: Graph, ids: dict, rng: random.Random) -> Step:
    """hsds.services_page_50: one page of 50 HSDS services (the API's default page)."""
    return lambda: hsds.services_page(graph, page=rng.randint(1, 20), per_page=50)


BENCHMARKS = {
    "backup.export_page_5000_cases": export_page,
    "backup.export_whole_graph": whole_export,
    "backup.round_trip_whole_graph": round_trip,
    "hsds.services_page_50": hsds_page,
}
