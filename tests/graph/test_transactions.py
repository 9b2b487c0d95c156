"""Reads run as read transactions and writes as write transactions, on both engines, so a
Neo4j cluster can send reads to its secondaries (docs/engines.md)."""

from __future__ import annotations

import pytest

from graphsvc.graph import GraphQueryError
from graphsvc.graph.schema import VERSION
from tests.support import connect_for_tests


def test_a_read_query_cannot_write_on_either_engine(graph):
    before = graph.query("testing.count_all_nodes")
    with pytest.raises(GraphQueryError, match="testing.write_in_read"):
        graph.query("testing.write_in_read")
    assert graph.query("testing.count_all_nodes") == before


def test_the_routing_scheme_reaches_a_single_neo4j_for_reads_and_writes(neo4j_server, settings):
    # neo4j:// asks the server for a routing table, as with a cluster or Aura (neo4j+s://).
    url = neo4j_server.url.replace("bolt://", "neo4j://", 1)
    graph = connect_for_tests(
        settings.with_overrides(
            graph_url=url, neo4j_user=neo4j_server.user, neo4j_password=neo4j_server.password
        )
    )
    try:
        graph.drop()
        graph.apply_schema()  # writes the schema version in a write transaction
        assert graph.query("meta.schema_version") == VERSION  # a read transaction
    finally:
        graph.drop()
        graph.close()
