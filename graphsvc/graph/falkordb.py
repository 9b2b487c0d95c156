"""FalkorDB backend: the embedded engine's socket or an external server."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import redis
from falkordb import FalkorDB
from falkordb import Graph as FalkorGraph

from .backend import GraphQueryError, GraphUnavailable
from .params import check
from .queries import Query
from .schema import Schema

UNAVAILABLE = (redis.ConnectionError, redis.TimeoutError, ConnectionError, OSError)


# Type codes of FalkorDB's compact result format (see falkordb.query_result.ResultSetScalarTypes).
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
_SCALARS = {_STRING, _INTEGER}


def _plain(cell: Sequence[Any]) -> Any:
    """One cell of a compact reply as a plain value; refuse nodes, edges and paths.

    Decoding here instead of through the client's QueryResult (which builds OrderedDicts
    through a function call per value) made reading results about twice as fast; that is
    most of the time of a referral search and of a backup export.
    """
    kind, value = cell
    if kind in _SCALARS:
        return value
    if kind == _NULL:
        return None
    if kind == _ARRAY:
        return [v if k in _SCALARS else _plain((k, v)) for k, v in value]
    if kind == _MAP:
        pairs = zip(value[::2], value[1::2], strict=True)  # key, [type, value], key, ...
        return {key: v if k in _SCALARS else _plain((k, v)) for key, (k, v) in pairs}
    if kind == _DOUBLE:
        return float(value)
    if kind == _BOOLEAN:
        return value == "true"
    raise GraphQueryError(
        f"query returned a value of FalkorDB type {kind}; return map projections, not nodes"
    )


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class FalkorDBBackend:
    """Runs named queries on one FalkorDB graph."""

    dialect = "falkordb"

    def __init__(self, url: str, graph_name: str):
        self.url = url
        self.graph_name = graph_name
        self._client: FalkorDB | None = None
        self._selected: FalkorGraph | None = None
        self._client_lock = threading.Lock()

    def _connect(self) -> FalkorDB:
        parts = urlparse(self.url)
        common = {"socket_connect_timeout": 2, "socket_timeout": 30}
        if parts.scheme == "unix":
            return FalkorDB(unix_socket_path=parts.path, **common)
        if parts.scheme == "redis":
            return FalkorDB.from_url(self.url, **common)
        return FalkorDB(
            host=parts.hostname or "localhost",
            port=parts.port or 6379,
            password=parts.password,
            **common,
        )

    @property
    def _db(self) -> FalkorDB:
        """The client, made on first use. Making it asks the server whether it is a sentinel
        or a cluster, so a worker that boots while the server is down would fail to boot;
        made late, the worker boots and answers 503 until the server is back."""
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    try:
                        self._client = self._connect()
                    except UNAVAILABLE as exc:
                        raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc
        return self._client

    @property
    def _graph(self) -> FalkorGraph:
        """The client's handle of this graph (made once; making it twice would do no harm)."""
        if self._selected is None:
            self._selected = self._db.select_graph(self.graph_name)
        return self._selected

    def run(self, query: Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one statement; reads go through GRAPH.RO_QUERY so they can never write."""
        check(params)
        command = "GRAPH.QUERY" if query.writes else "GRAPH.RO_QUERY"
        text = self._graph._build_params_header(params or None) + query.text
        # A read may be sent again: after the engine restarted, the first use of each pooled
        # connection fails once. A write never is: it may have been applied before the
        # connection broke, and only the caller can tell whether to repeat it.
        attempts = 1 if query.writes else 2
        for attempt in range(1, attempts + 1):
            try:
                reply = self._db.connection.execute_command(
                    command, self.graph_name, text, "--compact"
                )
                break
            except UNAVAILABLE as exc:
                if attempt == attempts:
                    raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc
            except redis.ResponseError as exc:
                raise GraphQueryError(f"{query.name}: {exc}") from exc
        if isinstance(reply[-1], redis.ResponseError):  # a run-time error ends the reply
            raise GraphQueryError(f"{query.name}: {reply[-1]}")
        if len(reply) < 3:  # statistics only: a write without RETURN
            return []
        columns = [name for _, name in reply[0]]
        return [dict(zip(columns, (_plain(cell) for cell in row), strict=True)) for row in reply[1]]

    def plan(self, query: Query, params: dict[str, Any]) -> list[str]:
        """GRAPH.EXPLAIN's lines, e.g. `Node By Index Scan | (c:Case)`, stripped."""
        check(params)
        text = self._graph._build_params_header(params or None) + query.text
        try:
            lines = self._db.connection.execute_command("GRAPH.EXPLAIN", self.graph_name, text)
        except redis.ResponseError as exc:
            raise GraphQueryError(f"{query.name}: {exc}") from exc
        return [_text(line).strip() for line in lines]

    def memory_mb(self) -> int | None:
        """FalkorDB's account of this graph's memory (GRAPH.MEMORY USAGE: matrices, nodes,
        relationships, properties and indexes), in MB."""
        try:
            usage = self._db.connection.execute_command("GRAPH.MEMORY", "USAGE", self.graph_name)
        except UNAVAILABLE as exc:
            raise GraphUnavailable(f"FalkorDB is not reachable: {exc}") from exc
        except redis.ResponseError as exc:
            raise GraphQueryError(f"memory usage: {exc}") from exc
        if isinstance(usage, list):  # a flat [key, value, …] reply from older servers
            usage = dict(zip(usage[::2], usage[1::2], strict=True))
        return int({_text(k): v for k, v in usage.items()}["total_graph_sz_mb"])

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
        """Release the connection pool (if one was made)."""
        if self._client is not None:
            self._client.connection.close()
