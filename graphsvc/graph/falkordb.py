"""FalkorDB backend: the embedded engine's socket or an external server."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from urllib.parse import urlparse

import redis
from falkordb import FalkorDB

from .backend import GraphQueryError, GraphUnavailable
from .params import check
from .queries import Query
from .schema import Schema

UNAVAILABLE = (redis.ConnectionError, redis.TimeoutError, ConnectionError, OSError)


def _plain(value: Any) -> Any:
    """Turn client containers into plain dicts and lists; refuse driver objects."""
    if isinstance(value, OrderedDict | dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise GraphQueryError(
        f"query returned a {type(value).__name__}; return map projections, not nodes"
    )


class FalkorDBBackend:
    """Runs named queries on one FalkorDB graph."""

    dialect = "falkordb"

    def __init__(self, url: str, graph_name: str):
        self.url = url
        parts = urlparse(url)
        common = {"socket_connect_timeout": 2, "socket_timeout": 30}
        if parts.scheme == "unix":
            self._db = FalkorDB(unix_socket_path=parts.path, **common)
        elif parts.scheme == "redis":
            self._db = FalkorDB.from_url(url, **common)
        else:
            self._db = FalkorDB(
                host=parts.hostname or "localhost",
                port=parts.port or 6379,
                password=parts.password,
                **common,
            )
        self.graph_name = graph_name
        self._graph = self._db.select_graph(graph_name)

    def run(self, query: Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one statement; reads go through GRAPH.RO_QUERY so they can never write."""
        check(params)
        execute = self._graph.query if query.writes else self._graph.ro_query
        try:
            result = execute(query.text, params or None)
        except UNAVAILABLE as exc:
            raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc
        except redis.ResponseError as exc:
            raise GraphQueryError(f"{query.name}: {exc}") from exc
        columns = [h[1] for h in result.header]
        return [
            dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in result.result_set
        ]

    def _ddl(self, statement: str) -> None:
        try:
            self._graph.query(statement)
        except redis.ResponseError as exc:
            if "already" not in str(exc).lower():
                raise GraphQueryError(f"schema: {exc}") from exc
        except UNAVAILABLE as exc:
            raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc

    def apply_schema(self, schema: Schema) -> None:
        """Create range indexes, unique constraints and German full-text indexes."""
        for label, props in schema.unique.items():
            for prop in props:
                self._ddl(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        for label, props in schema.lookup.items():
            for prop in props:
                self._ddl(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        for label, props in schema.unique.items():
            for prop in props:
                try:
                    self._graph.create_node_unique_constraint(label, prop)
                except redis.ResponseError as exc:
                    if "already" not in str(exc).lower() and "exist" not in str(exc).lower():
                        raise GraphQueryError(f"schema: {exc}") from exc
        for label, props in schema.fulltext.items():
            fields = ", ".join(f"'{p}'" for p in props)
            self._ddl(
                "CALL db.idx.fulltext.createNodeIndex("
                f"{{label: '{label}', language: 'german'}}, {fields})"
            )

    def ping(self) -> None:
        """Raise GraphUnavailable unless the server answers PING."""
        try:
            self._db.connection.ping()
        except UNAVAILABLE as exc:
            raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc

    def drop_graph(self) -> None:
        """Delete the whole graph with its indexes."""
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # the graph did not exist yet
        except UNAVAILABLE as exc:
            raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc

    def close(self) -> None:
        """Release the connection pool."""
        self._db.connection.close()
