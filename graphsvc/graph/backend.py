"""The small interface every graph backend implements, and the errors it raises.

A backend runs one named query (one statement, so every write is atomic on both engines)
with parameters and returns plain Python values: dicts, lists, strings, numbers, None.
"""

from __future__ import annotations

from typing import Any, Protocol

from .queries import Query
from .schema import Schema


class GraphError(Exception):
    """Base of every error the graph layer raises."""


class GraphUnavailable(GraphError):
    """The database cannot be reached; the web layer answers 503."""


class GraphQueryError(GraphError):
    """The database refused a query (a bug in a query file or a constraint violation)."""


class ParameterRejected(GraphError, ValueError):
    """A parameter value is not a plain value and was stopped before reaching the engine.

    The message names the parameter's path for the log; `field` is the last plain name in
    it (what the caller sent, not how a query nests it) and `problem` one of "control",
    "number", "type", "name", so the web layer can say what is wrong in the user's words."""

    def __init__(self, message: str, field: str = "", problem: str = "type"):
        super().__init__(message)
        self.field = field
        self.problem = problem


class Backend(Protocol):
    """What the rest of graphsvc needs from a database."""

    dialect: str  # "falkordb" or "neo4j": picks the dialect overrides in cypher/
    url: str  # where it connects (lets a bench start an app on the same graph)
    graph_name: str

    def run(self, query: Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one statement and return its rows as dicts keyed by column name."""
        ...

    def plan(self, query: Query, params: dict[str, Any]) -> list[str]:
        """The operators the engine would run for the statement (EXPLAIN, nothing runs), one
        line per operator with what it reads: how tests tell an index lookup from a scan."""
        ...

    def memory_mb(self) -> int | None:
        """Memory this graph takes in the database server, where it says (the bench's sizing
        guide)."""
        ...

    def apply_schema(self, schema: Schema) -> None:
        """Create the indexes and constraints the schema asks for, idempotently."""
        ...

    def ping(self) -> None:
        """Raise GraphUnavailable unless the database answers."""
        ...

    def drop_graph(self) -> None:
        """Delete every node, relationship and index of this graph (tests, import)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
