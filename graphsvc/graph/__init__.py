"""Graph access: the only package that talks to a database.

`Graph.query("area.name", **params)` runs the named query and returns what its kind says:
`:many` a list of dicts, `:one` a dict or None, `:scalar` a value or None, `:write` the
rows it returns. Parameters must match the `$names` the query uses, no more, no less.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from ..config import NEO4J_SCHEMES, Settings
from .backend import (
    Backend,
    GraphError,
    GraphQueryError,
    GraphUnavailable,
    ParameterRejected,
)
from .queries import Query, load
from .schema import SCHEMA, VERSION

__all__ = [
    "Graph",
    "GraphError",
    "GraphQueryError",
    "GraphUnavailable",
    "ParameterRejected",
    "connect",
]

# Called with (dialect, query name) for every named query that ran without an error, when
# set. The test suite sets it to prove that every query in cypher/ ran on both engines;
# unset, it costs one comparison per query.
recorder: Callable[[str, str], None] | None = None


class Graph:
    """Named queries bound to one backend."""

    def __init__(self, backend: Backend):
        self.backend = backend
        self.queries: dict[str, Query] = dict(load(backend.dialect))

    @property
    def dialect(self) -> str:
        """Which engine answers: 'falkordb' or 'neo4j'."""
        return self.backend.dialect

    def _named(self, name: str, params: dict[str, Any]) -> Query:
        try:
            query = self.queries[name]
        except KeyError:
            raise GraphError(f"no query named {name!r}") from None
        if set(params) != query.params:
            missing = sorted(query.params - set(params))
            extra = sorted(set(params) - query.params)
            raise GraphError(f"{name}: missing parameters {missing}, unexpected {extra}")
        return query

    def query(self, name: str, /, **params: Any) -> Any:
        """Run the named query with keyword parameters; the kind shapes the result."""
        query = self._named(name, params)
        rows = self.backend.run(query, params)
        if recorder is not None:
            recorder(self.backend.dialect, name)
        if query.kind == "one":
            return rows[0] if rows else None
        if query.kind == "scalar":
            return next(iter(rows[0].values())) if rows else None
        return rows

    def plan(self, name: str, /, **params: Any) -> list[str]:
        """The engine's plan for the named query (nothing runs): one line per operator."""
        return self.backend.plan(self._named(name, params), params)

    def apply_schema(self) -> None:
        """Create indexes and constraints and record the schema version."""
        self.backend.apply_schema(SCHEMA)
        self.query("meta.set_schema_version", version=VERSION)

    def schema_ready(self) -> bool:
        """Whether the schema of this code version has been applied."""
        return self.query("meta.schema_version") == VERSION

    def ping(self) -> None:
        """Raise GraphUnavailable unless the database answers."""
        self.backend.ping()

    def drop(self) -> None:
        """Delete everything in this graph."""
        self.backend.drop_graph()

    def close(self) -> None:
        """Release the backend's connections."""
        self.backend.close()


def make_backend(settings: Settings, url: str | None = None) -> Backend:
    """The backend the settings ask for; `url` overrides the configured one."""
    target = url or settings.graph_url
    if not target:
        raise GraphError("no graph URL: start the embedded engine first")
    if urlparse(target).scheme in NEO4J_SCHEMES:
        from .neo4j import Neo4jBackend

        return Neo4jBackend(target, settings.neo4j_user, settings.neo4j_password)
    from .falkordb import FalkorDBBackend

    return FalkorDBBackend(target, settings.graph_name)


def connect(settings: Settings, url: str | None = None) -> Graph:
    """A Graph on the configured backend (or on `url`, for the embedded engine)."""
    return Graph(make_backend(settings, url))
