"""The Neo4j that `make neo4j`, the tests and the engine bench start (tools/neo4j)."""

from __future__ import annotations

import pytest
from neo4j import GraphDatabase

from graphsvc.dev.neo4j import LocalNeo4j, missing_tools

pytestmark = pytest.mark.neo4j


def _run(server: LocalNeo4j, statement: str) -> list:
    with GraphDatabase.driver(server.url, auth=(server.user, server.password)) as driver:
        records, _, _ = driver.execute_query(statement)
    return [record.data() for record in records]


def test_a_kept_store_starts_again_with_its_data_and_the_same_password(tmp_path):
    if missing_tools():
        pytest.skip("no Java or Maven: " + ", ".join(missing_tools()))
    store = tmp_path / "kept"
    with LocalNeo4j(store) as first:
        _run(first, "CREATE (:Kept {name: 'from the first start'})")
    # The second start sets the password it already has: Neo4j refuses that, and the
    # launcher used to hang without a READY line until the caller's timeout (300 s).
    with LocalNeo4j(store) as second:
        assert _run(second, "MATCH (k:Kept) RETURN k.name AS name") == [
            {"name": "from the first start"}
        ]
