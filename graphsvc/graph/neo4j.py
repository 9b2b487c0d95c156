"""Neo4j backend through the official driver, with managed (retried) transactions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from .backend import GraphQueryError, GraphUnavailable
from .params import check
from .queries import Query
from .schema import Schema

GRAPH_TYPES = (Node, Relationship, Path)


def _plain(value: Any) -> Any:
    """A result value as a plain value; refuse nodes, relationships and paths, which
    FalkorDB would return differently (the driver would turn a node into its properties)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, GRAPH_TYPES):
        raise GraphQueryError(
            f"query returned a Neo4j {type(value).__name__}; return map projections, not nodes"
        )
    return value


@contextlib.contextmanager
def _translated(name: str) -> Iterator[None]:
    """The driver's errors as the graph layer's: a refused login or a server out of reach is
    GraphUnavailable, a statement the server refuses is GraphQueryError naming it."""
    try:
        yield
    except AuthError as exc:  # before Neo4jError: a refused login is one too
        raise GraphUnavailable("Neo4j refused the login: check NEO4J_USER/NEO4J_PASSWORD") from exc
    except (ServiceUnavailable, SessionExpired, OSError) as exc:
        raise GraphUnavailable(f"Neo4j is not reachable: {exc}") from exc
    except Neo4jError as exc:
        raise GraphQueryError(f"{name}: {exc.message}") from exc


class Neo4jBackend:
    """Runs named queries on a Neo4j server, cluster or Aura."""

    dialect = "neo4j"

    def __init__(self, url: str, user: str, password: str, database: str | None = None):
        self.url = url
        self.graph_name = database or "neo4j"
        # Notifications (such as "this property does not exist yet" on a fresh graph) would be
        # logged as warnings for every query; the queries are linted before they ship.
        self._driver = GraphDatabase.driver(
            url, auth=(user, password), notifications_min_severity="OFF"
        )
        self._database = database

    def _session(self):
        return self._driver.session(database=self._database)

    def run(self, query: Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one statement in a managed read or write transaction."""
        check(params)

        def work(tx):
            result = tx.run(query.text, params)
            keys = result.keys()
            return [dict(zip(keys, map(_plain, record.values()), strict=True)) for record in result]

        with _translated(query.name), self._session() as session:
            if query.writes:
                return session.execute_write(work)
            return session.execute_read(work)

    def plan(self, query: Query, params: dict[str, Any]) -> list[str]:
        """EXPLAIN's operator tree, depth first, e.g. `NodeIndexSeek | c:Case(pseudonym) ...`."""
        check(params)
        with _translated(query.name), self._session() as session:
            summary = session.run("EXPLAIN " + query.text, params).consume()
        lines: list[str] = []

        def walk(operator: dict[str, Any]) -> None:
            details = operator.get("args", {}).get("Details", "")
            lines.append(f"{operator['operatorType'].split('@')[0]} | {details}")
            for child in operator.get("children", []):
                walk(child)

        walk(summary.plan)
        return lines

    def memory_mb(self) -> int | None:
        """None: a Neo4j server's memory is its configured heap and page cache."""
        return None

    def _ddl(self, statement: str) -> None:
        with _translated("schema"), self._session() as session:
            session.run(statement).consume()

    def _existing_schema(self) -> set[str]:
        with _translated("schema"), self._session() as session:
            return {
                record["name"]
                for show in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")
                for record in session.run(show)
            }

    def apply_schema(self, schema: Schema) -> None:
        """Create the uniqueness constraints, range indexes and German full-text indexes
        that do not exist yet, and wait until new ones are online."""
        wanted: dict[str, str] = {}
        for label, props in schema.unique.items():
            for prop in props:
                name = f"{label.lower()}_{prop}_unique"
                wanted[name] = (
                    f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                    f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
                )
        for label, props in schema.lookup.items():
            for prop in props:
                name = f"{label.lower()}_{prop}"
                wanted[name] = f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, props in schema.fulltext.items():
            fields = ", ".join(f"n.{p}" for p in props)
            name = f"{label.lower()}_text"
            wanted[name] = (
                f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS "
                f"FOR (n:{label}) ON EACH [{fields}] "
                "OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}"
            )
        # One question instead of thirty statements when the schema is there (every start).
        existing = self._existing_schema()
        missing = [ddl for name, ddl in wanted.items() if name not in existing]
        for statement in missing:
            self._ddl(statement)
        if missing:
            self._ddl("CALL db.awaitIndexes(300)")

    def ping(self) -> None:
        """Raise GraphUnavailable unless the server accepts a connection and the login."""
        try:
            with _translated("ping"):
                self._driver.verify_connectivity()
        except ValueError as exc:  # an address the driver cannot even parse
            raise GraphUnavailable(f"Neo4j is not reachable: {exc}") from exc

    def drop_graph(self) -> None:
        """Delete every node and relationship (Neo4j Community holds one graph per server)."""
        self._ddl("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()
