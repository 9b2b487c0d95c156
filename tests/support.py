"""Helpers the tests share beyond fixtures: paths, a graph with the test-only queries, and
checks used by several test modules."""

from __future__ import annotations

from pathlib import Path

from graphsvc.config import Settings
from graphsvc.graph import Graph, connect
from graphsvc.graph.queries import load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TEST_QUERIES = ROOT / "tests" / "cypher"  # testing.* queries: only tests run them


def connect_for_tests(settings: Settings, url: str | None = None) -> Graph:
    """A graph on the configured backend that also knows the testing.* queries."""
    graph = connect(settings, url)
    graph.queries.update(load(graph.dialect, TEST_QUERIES))
    return graph


def assert_offer_facets_match_relationships(graph: Graph) -> None:
    """Every offer's copied language, district and target-group ids equal its relationships'."""
    rows = graph.query("testing.offer_facets_against_relationships")
    assert rows
    for row in rows:
        stored = [sorted(ids) if ids is not None else None for ids in row["stored"]]
        assert stored == [sorted(ids) for ids in row["related"]], row["id"]
