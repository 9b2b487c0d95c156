"""The Neo4j backend with the real seeds: runs when NEO4J_URI is set or Docker runs.

The parameter and schema tests in tests/graph run on Neo4j too (the `any_graph` fixture);
this suite adds the whole Herne load and the case rules, which need a full graph.
"""

from __future__ import annotations

import os

import pytest

from graphsvc.services import setup
from tests.conftest import _neo4j_url
from tests.support import SEEDS, connect_for_tests


@pytest.fixture
def neo4j_graph(request, settings):
    url = _neo4j_url(request)
    graph = connect_for_tests(
        settings.with_overrides(
            graph_url=url,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", "graphsvc-test"),
        )
    )
    graph.drop()
    graph.apply_schema()
    yield graph
    graph.drop()
    graph.close()


def test_herne_seeds_load_on_neo4j_with_the_same_counts(neo4j_graph, seeded):
    setup.prepare(neo4j_graph, SEEDS)
    assert setup.counts(neo4j_graph) == setup.counts(seeded)


def test_schema_is_ready_on_neo4j(neo4j_graph):
    assert neo4j_graph.schema_ready()
