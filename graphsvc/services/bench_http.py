"""Benchmarks through the HTTP API: an app on the bench graph and a token for a user."""

from __future__ import annotations

from typing import Any

from ..graph import Graph
from . import accounts

BENCH_PASSWORD = "timing-only-5f3a9c-never-used"  # never used to log in


def api_client(graph: Graph, username: str, actor_id: str, roles: list[str]) -> tuple[Any, dict]:
    """A Flask test client of an app on the same graph, and a Bearer header for `username`."""
    from .. import create_app

    try:
        user_id = accounts.find_user_id(graph, username)
    except accounts.AccountError:
        user_id, _ = accounts.create_user(graph, username, "Bench", actor_id, roles, BENCH_PASSWORD)
    token = accounts.create_token(graph, user_id, "bench")
    backend = graph.backend
    app = create_app({"graph_url": backend.url, "graph_name": backend.graph_name, "env": "test"})
    return app.test_client(), {"Authorization": f"Bearer {token}"}
