"""Rate limits (login and password attempts per address), counted where every worker sees
them. The per-account-and-address lockout lives in services/accounts.

The counters live in the graph engine's server when it is FalkorDB (a Redis server, which
Flask-Limiter stores in): all gunicorn workers share them, so "10 per minute" means 10, not
10 per worker. On Neo4j there is no such server: GRAPHSVC_RATE_LIMIT_URL names a Redis to
share them, else each worker counts in its own memory (the lockout in the graph still holds
across workers, see docs/security-and-privacy.md).
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from ..config import NEO4J_SCHEMES, Settings

log = logging.getLogger(__name__)


def _address_key() -> str:
    # One graph, one set of counters: graphs of one FalkorDB server (tests, several
    # municipalities' installations) do not count each other's attempts.
    return f"{current_app.config['GRAPHSVC'].graph_name}|{get_remote_address()}"


# A failing counter store (the engine restarting) must not turn a login into a 500: the
# request goes on and meets the graph, which answers 503 while it is away.
limiter = Limiter(key_func=_address_key, default_limits=[], swallow_errors=True)


def storage_uri(settings: Settings, graph_url: str) -> str:
    """Where the counters live: GRAPHSVC_RATE_LIMIT_URL, else the FalkorDB server the graph
    is on, else (Neo4j) each worker's memory."""
    if settings.rate_limit_url:
        return settings.rate_limit_url
    parts = urlparse(graph_url)
    if parts.scheme in NEO4J_SCHEMES:
        return "memory://"
    if parts.scheme == "unix":
        return f"redis+unix://{parts.path}"
    if parts.scheme == "falkordb":
        return "redis://" + graph_url.split("://", 1)[1]
    return graph_url


def init_app(app: Flask, settings: Settings, graph_url: str) -> None:
    """Bind the limiter to the app with its shared store."""
    uri = storage_uri(settings, graph_url)
    if uri == "memory://":
        log.warning(
            "login limits are counted per worker process: set GRAPHSVC_RATE_LIMIT_URL to a "
            "Redis server to share them"
        )
    app.config["RATELIMIT_STORAGE_URI"] = uri
    limiter.init_app(app)
