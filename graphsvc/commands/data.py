"""`graphsvc init` and `graphsvc seed`: prepare a graph and load the Herne seed data."""

from __future__ import annotations

import click

from .common import open_graph, seed_graph, settings


@click.command()
def init() -> None:
    """Apply the schema (and load the Herne seeds if the graph is empty)."""
    config = settings()
    with open_graph(config) as graph:
        loaded = seed_graph(graph, config)
    click.echo(f"schema applied; {loaded} seed items loaded" if loaded else "schema applied")


@click.command()
@click.option("--check", is_flag=True, help="Only read and check the seed files.")
def seed(check: bool) -> None:
    """Load the Herne seed data into an empty graph (or only check the files)."""
    from ..domain import seeds

    config = settings()
    bundle = seeds.read(config.seed_dir, match_secret=config.match_key_secret)
    if check:
        click.echo(
            f"seed files ok: {sum(map(len, bundle.nodes.values()))} nodes, "
            f"{sum(map(len, bundle.edges.values()))} relationships"
        )
        return
    with open_graph(config) as graph:
        loaded = seed_graph(graph, config)
    click.echo(f"{loaded} seed items loaded" if loaded else "graph not empty: nothing loaded")
