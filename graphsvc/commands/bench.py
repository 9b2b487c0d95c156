"""`graphsvc generate` and `graphsvc bench`: synthetic graphs at three scales, and the
named benchmarks timed on them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..graph import Graph
from .common import GRAPH_OPTION, open_graph, progress_bar, settings


@click.command()
@click.option(
    "--scale", type=click.Choice(["herne", "nrw", "nrw10"]), default="herne", show_default=True
)
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@GRAPH_OPTION
def generate(scale: str, seed_value: int, graph_name: str | None) -> None:
    """Fill an empty graph with synthetic data of the given scale."""

    config = settings()
    with open_graph(config, graph_name) as graph:
        seconds, total = _fill(graph, config, scale, seed_value)
    click.echo(f"generated {scale}: {total} nodes and relationships in {seconds:.1f} s")


def _fill(graph: Graph, config: Settings, scale: str, seed_value: int) -> tuple[float, int]:
    """Generate a synthetic graph with a progress bar and the configured match-key secret."""
    from ..bench import generate as generator

    return generator.fill(
        graph,
        config.seed_dir,
        scale,
        seed_value,
        progress_bar,
        match_secret=config.match_key_secret,
    )


@click.command()
@click.option(
    "--scale", type=click.Choice(["herne", "nrw", "nrw10"]), default="herne", show_default=True
)
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option(
    "--json",
    "json_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write n, p50, p95 and max per benchmark (ms) to this file.",
)
@click.option("-n", "repeat", type=int, default=200, show_default=True, help="Runs per benchmark.")
@click.option(
    "--only",
    "only",
    multiple=True,
    help="Run only the benchmarks whose name starts with this (repeatable), e.g. --only search.",
)
def bench(
    scale: str, seed_value: int, json_file: Path | None, repeat: int, only: tuple[str, ...]
) -> None:
    """Run the named benchmarks on a generated graph of the given scale (made if missing)."""
    from ..bench import harness
    from ..services import setup

    config = settings()
    with open_graph(config, f"bench-{scale}-{seed_value}") as graph:
        load_seconds = None
        graph.apply_schema()
        setup.upgrade(graph)  # a bench graph made by an older graphsvc
        if graph.query("meta.is_empty"):
            load_seconds, _ = _fill(graph, config, scale, seed_value)
        report = harness.run_all(graph, scale, repeat, progress_bar, only)
    report["generate_seconds"] = load_seconds
    click.echo(harness.format_table(report))
    if json_file:
        json_file.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        click.echo(f"written to {json_file}")


@click.command()
@click.option(
    "--clients",
    "client_counts",
    type=click.IntRange(1, 256),
    multiple=True,
    default=(8, 32),
    show_default=True,
    help="Concurrent clients of one round (repeatable: one round each).",
)
@click.option("--seconds", type=click.FloatRange(1, 600), default=60, show_default=True)
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True)
@click.option(
    "--docs",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the table into this page (between the loadtest markers).",
)
def loadtest(
    client_counts: tuple[int, ...], seconds: float, workers: int, docs: Path | None
) -> None:
    """Concurrent clients against `graphsvc run` on loopback: requests/s, latencies, errors."""
    from ..bench import loadtest as runner

    runner.main(list(client_counts), seconds, docs, workers)
