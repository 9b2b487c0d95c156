"""Neo4j backend through the official driver, with managed (retried) transactions."""

from __future__ import annotations

from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from .backend import GraphQueryError, GraphUnavailable
from .params import check
from .queries import Query
from .schema import Schema


class Neo4jBackend:
    """Runs named queries on a Neo4j server, cluster or Aura."""

    dialect = "neo4j"

    def __init__(self, url: str, user: str, password: str, database: str | None = None):
        self.url = url
        self.graph_name = database or "neo4j"
        self._driver = GraphDatabase.driver(url, auth=(user, password))
        self._database = database

    def _session(self):
        return self._driver.session(database=self._database)

    def run(self, query: Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one statement in a managed read or write transaction."""
        check(params)

        def work(tx):
            return [record.data() for record in tx.run(query.text, params)]

        try:
            with self._session() as session:
                if query.writes:
                    return session.execute_write(work)
                return session.execute_read(work)
        except AuthError as exc:
            raise GraphUnavailable(
                "Neo4j refused the login: check NEO4J_USER/NEO4J_PASSWORD"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j is not reachable: {exc}") from exc
        except Neo4jError as exc:
            raise GraphQueryError(f"{query.name}: {exc.message}") from exc

    def _ddl(self, statement: str) -> None:
        try:
            with self._session() as session:
                session.run(statement).consume()
        except AuthError as exc:
            raise GraphUnavailable(
                "Neo4j refused the login: check NEO4J_USER/NEO4J_PASSWORD"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j is not reachable: {exc}") from exc

    def apply_schema(self, schema: Schema) -> None:
        """Create uniqueness constraints, range indexes and German full-text indexes."""
        for label, props in schema.unique.items():
            for prop in props:
                name = f"{label.lower()}_{prop}_unique"
                self._ddl(
                    f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                    f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
                )
        for label, props in schema.lookup.items():
            for prop in props:
                name = f"{label.lower()}_{prop}"
                self._ddl(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        for label, props in schema.fulltext.items():
            fields = ", ".join(f"n.{p}" for p in props)
            self._ddl(
                f"CREATE FULLTEXT INDEX {label.lower()}_text IF NOT EXISTS "
                f"FOR (n:{label}) ON EACH [{fields}] "
                "OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}"
            )
        self._ddl("CALL db.awaitIndexes(300)")

    def ping(self) -> None:
        """Raise GraphUnavailable unless the server accepts a connection and the login."""
        try:
            self._driver.verify_connectivity()
        except AuthError as exc:
            raise GraphUnavailable(
                "Neo4j refused the login: check NEO4J_USER/NEO4J_PASSWORD"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError, ValueError) as exc:
            raise GraphUnavailable(f"Neo4j is not reachable: {exc}") from exc

    def drop_graph(self) -> None:
        """Delete every node and relationship (Neo4j Community holds one graph per server)."""
        self._ddl("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()
