"""`graphsvc generate` and `graphsvc bench`: synthetic graphs at three scales, and the
named benchmarks timed on them."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
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


ENGINES = ("falkordb", "neo4j")
# The bench's own Neo4j holds a whole nrw graph (1.45 million nodes and relationships).
BENCH_HEAP = "3g"
BENCH_PAGECACHE = "2g"


def _engines(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    chosen = tuple(e.strip() for e in value.split(",") if e.strip())
    unknown = [e for e in chosen if e not in ENGINES]
    if unknown or not chosen or len(set(chosen)) != len(chosen):
        raise click.BadParameter(
            f"{value!r}: give engines from {', '.join(ENGINES)}, separated by commas, once each",
            param_hint="--engines",
        )
    return chosen


@contextlib.contextmanager
def _bench_graph(config: Settings, engine: str | None, name: str) -> Iterator[Graph]:
    """The graph one engine benches on.

    Without `engine`, the configured one. `falkordb`: the configured FalkorDB, else the
    embedded engine in the data directory. `neo4j`: GRAPH_URL when it names a Neo4j, else a
    Neo4j of the bench's own (tools/neo4j) with its store in the data directory, kept for
    the next run like the FalkorDB bench graph.
    """
    if (
        engine is None
        or engine == config.backend_kind
        or (engine == "falkordb" and config.backend_kind == "embedded")
    ):
        with open_graph(config, name) as graph:
            yield graph
        return
    if engine == "falkordb":
        with open_graph(config.with_overrides(graph_url=None), name) as graph:
            yield graph
        return
    from ..dev.neo4j import LocalNeo4j, Neo4jUnavailable

    server = LocalNeo4j(
        config.data_dir / f"neo4j-{name}", heap=BENCH_HEAP, pagecache=BENCH_PAGECACHE
    )
    click.echo(f"starting Neo4j for the bench (store in {server.data_dir}) …", err=True)
    try:
        server.start()
    except Neo4jUnavailable as exc:
        raise click.ClickException(
            f"{exc}; or set GRAPH_URL to a Neo4j the bench may fill"
        ) from None
    saved = {k: os.environ.get(k) for k in ("NEO4J_USER", "NEO4J_PASSWORD")}
    # The API benchmarks start the app in another process: it logs in like this one.
    os.environ.update(NEO4J_USER=server.user, NEO4J_PASSWORD=server.password)
    try:
        assert server.url  # nosec B101
        target = config.with_overrides(
            graph_url=server.url, neo4j_user=server.user, neo4j_password=server.password
        )
        with open_graph(target) as graph:
            yield graph
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


def _prepare(graph: Graph, config: Settings, scale: str, seed_value: int) -> float | None:
    """Apply the schema and generate the graph when empty; return the seconds generating took.

    On Neo4j the graph name does not keep graphs apart (Community holds one database), so a
    database that holds anything but a generated graph of this scale is refused.
    """
    from ..bench.generate import SCALES
    from ..services import setup

    graph.apply_schema()
    shape = graph.query("bench.graph_shape") or {}
    found, synthetic = shape.get("municipalities", 0), shape.get("synthetic", 0)
    if found and not found == synthetic == SCALES[scale]:
        raise click.ClickException(
            f"the {graph.dialect} graph {graph.backend.graph_name!r} at {graph.backend.url} "
            f"holds {found} municipalities ({synthetic} generated), not a generated {scale} "
            "graph: the bench fills only an empty graph or reuses its own"
        )
    setup.upgrade(graph)  # a bench graph made by an older graphsvc
    if graph.query("meta.is_empty"):
        seconds, _ = _fill(graph, config, scale, seed_value)
        return seconds
    return None


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
@click.option(
    "--engines",
    "engines",
    default=None,
    metavar="falkordb,neo4j",
    help="Bench these engines one after another on the same generated graph and print one "
    "table side by side (default: only the configured engine).",
)
@click.option(
    "--growth",
    "growth",
    default=None,
    metavar="herne,nrw,nrw10",
    help="Bench these scales one after another (each graph made if missing, else reused) and "
    "print one table with the growth from the last two and the machine gauge.",
)
def bench(
    scale: str,
    seed_value: int,
    json_file: Path | None,
    repeat: int,
    only: tuple[str, ...],
    engines: str | None,
    growth: str | None,
) -> None:
    """Run the named benchmarks on a generated graph of the given scale (made if missing)."""
    from ..bench import harness

    config = settings()
    chosen = _engines(engines)
    result: dict
    if growth is not None:
        if chosen:
            raise click.BadParameter("give either --growth or --engines", param_hint="--growth")
        result = _growth(config, _scales(growth), seed_value, repeat, only)
        _write(json_file, result)
        return
    reports = {}
    for engine in chosen or (None,):
        report = _bench_one(config, engine, scale, seed_value, repeat, only)
        reports[report["engine"]] = report
    if chosen:
        click.echo(harness.format_comparison(reports))
        result = {"scale": scale, "engines": reports}
    else:
        (result,) = reports.values()
        click.echo(harness.format_table(result))
    _write(json_file, result)


def _bench_one(
    config: Settings,
    engine: str | None,
    scale: str,
    seed_value: int,
    repeat: int,
    only: tuple[str, ...],
) -> dict:
    """The benchmarks on one engine's graph of one scale (generated first when missing)."""
    from ..bench import harness

    with _bench_graph(config, engine, f"bench-{scale}-{seed_value}") as graph:
        load_seconds = _prepare(graph, config, scale, seed_value)
        report = harness.run_all(graph, scale, repeat, progress_bar, only)
    report["generate_seconds"] = load_seconds
    return report


def _write(json_file: Path | None, result: dict) -> None:
    if json_file:
        json_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        click.echo(f"written to {json_file}")


def _scales(value: str) -> tuple[str, ...]:
    from ..bench.generate import SCALES

    chosen = tuple(s.strip() for s in value.split(",") if s.strip())
    if len(chosen) < 2 or len(set(chosen)) != len(chosen) or not set(chosen) <= set(SCALES):
        raise click.BadParameter(
            f"{value!r}: give two or more scales from {', '.join(SCALES)}, separated by "
            "commas, once each, smallest first",
            param_hint="--growth",
        )
    return chosen


def _growth(
    config: Settings, scales: tuple[str, ...], seed_value: int, repeat: int, only: tuple[str, ...]
) -> dict:
    """The benchmarks at each scale on the configured engine, printed side by side."""
    from ..bench import harness

    gauge = harness.machine_gauge()
    reports = {scale: _bench_one(config, None, scale, seed_value, repeat, only) for scale in scales}
    click.echo(harness.format_growth(reports, gauge))
    misses = sorted(harness.growth_misses(reports))
    return {"gauge": gauge, "scales": reports, "growth_misses": misses}


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
