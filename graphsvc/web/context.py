"""Request-side access to the graph and settings, so views stay thin."""

from __future__ import annotations

from flask import current_app

from ..config import Settings
from ..graph import Graph


def graph() -> Graph:
    """The graph of this app (one connection pool per process, shared by threads)."""
    return current_app.extensions["graphsvc.graph"]


def settings() -> Settings:
    """The validated settings of this app."""
    return current_app.config["GRAPHSVC"]
