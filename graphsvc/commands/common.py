"""What every `graphsvc` subcommand needs: the settings, a graph for the command's
lifetime, a progress bar, and preparing a graph (schema and Herne seeds)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import click
from tqdm import tqdm

from .. import config as config_module
from ..config import ConfigError, Settings
from ..graph import Graph, connect
from ..graph.embedded import EmbeddedEngine, socket_path

GRAPH_OPTION = click.option(
    "--graph", "graph_name", default=None, help="Graph name (default: GRAPH_NAME)."
)


def settings() -> Settings:
    """The validated settings from the environment."""
    return config_module.from_env()


@contextlib.contextmanager
def open_graph(config: Settings, graph_name: str | None = None) -> Iterator[Graph]:
    """A graph for one command: the configured server, a running graphsvc's engine, or a
    freshly started embedded engine that stops when the command ends."""
    if graph_name:
        config = config.with_overrides(graph_name=graph_name)
    engine = None
    url = config.graph_url
    if url is None:
        engine = EmbeddedEngine(config.data_dir)
        try:
            engine.start()
        except ConfigError:
            running = socket_path(config.data_dir.resolve())
            if not running.exists():
                raise
            engine = None  # `graphsvc run` holds the directory: use its engine
            url = f"unix://{running}"
        else:
            url = engine.url
    graph = connect(config, url)
    try:
        graph.ping()
        yield graph
    finally:
        graph.close()
        if engine:
            engine.stop()


def progress_bar(total: int, what: str) -> tqdm:
    """A progress bar on stderr for long commands."""
    return tqdm(total=total, desc=what, unit=" items", unit_scale=True, file=sys.stderr)


def seed_graph(graph: Graph, config: Settings) -> int:
    """Apply the schema and load the Herne seeds into an empty graph, with a progress bar."""
    from ..services import same_client, setup

    match = same_client.MatchSettings(config.match_key_secret, config.match_threshold)
    return setup.prepare(graph, config.seed_dir, progress_bar, match)
