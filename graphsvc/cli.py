"""The `graphsvc` command: run, init, seed, generate, bench."""

from __future__ import annotations

import contextlib
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from tqdm import tqdm

from . import config as config_module
from .config import ConfigError, Settings
from .domain.yamlfile import SeedError
from .graph import Graph, GraphError, connect
from .graph.embedded import EmbeddedEngine, socket_path

FRIENDLY = (ConfigError, SeedError, GraphError)


def _settings() -> Settings:
    return config_module.from_env()


@contextlib.contextmanager
def open_graph(settings: Settings, graph_name: str | None = None) -> Iterator[Graph]:
    """A graph for one command: the configured server, a running graphsvc's engine, or a
    freshly started embedded engine that stops when the command ends."""
    if graph_name:
        settings = settings.with_overrides(graph_name=graph_name)
    engine = None
    url = settings.graph_url
    if url is None:
        engine = EmbeddedEngine(settings.data_dir)
        try:
            engine.start()
        except ConfigError:
            running = socket_path(settings.data_dir.resolve())
            if not running.exists():
                raise
            engine = None  # `graphsvc run` holds the directory: use its engine
            url = f"unix://{running}"
        else:
            url = engine.url
    graph = connect(settings, url)
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


def seed_graph(graph: Graph, settings: Settings) -> int:
    """Apply the schema and load the Herne seeds into an empty graph, with a progress bar."""
    from .services import client_match, setup

    match = client_match.MatchSettings(settings.match_key_secret, settings.match_threshold)
    return setup.prepare(graph, settings.seed_dir, progress_bar, match)


@click.group()
def cli() -> None:
    """graphsvc: the referral and network graph for municipal integration management."""


@cli.command()
@click.option("--host", default=None, help="Address to listen on (GRAPHSVC_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (GRAPHSVC_PORT).")
@click.option("--workers", type=int, default=2, show_default=True, help="Web worker processes.")
def run(host: str | None, port: int | None, workers: int) -> None:
    """Start the embedded engine (unless GRAPH_URL is set), prepare the graph, serve the app."""
    settings = _settings()
    host = host or settings.host
    port = port or settings.port
    _check_port_free(host, port)
    engine = None
    url = settings.graph_url
    if url is None:
        engine = EmbeddedEngine(settings.data_dir).start()
        url = engine.url
    try:
        graph = connect(settings, url)
        graph.ping()
        loaded = seed_graph(graph, settings)
        first_admin = _first_admin(graph, settings)
        graph.close()
        where = f"http://{host}:{port}"
        click.echo("")
        click.echo(f"graphsvc läuft auf {where}  (engine: {settings.backend_kind})")
        if loaded:
            click.echo(f"Herne-Beispieldaten geladen: {loaded} Knoten und Kanten.")
        if first_admin:
            click.echo(f"Erste Anmeldung: Benutzer »admin«, Einmal-Passwort »{first_admin}«")
            click.echo("(bitte nach der Anmeldung ändern; oder GRAPHSVC_ADMIN_PASSWORD setzen)")
        else:
            click.echo("Anmelden mit einem vorhandenen Konto (graphsvc user list zeigt sie).")
        click.echo("Beenden mit Strg-C.")
        _serve(settings, url if engine else None, host, port, workers)
    finally:
        if engine and engine.owned_here:
            engine.stop()
            click.echo("Graph-Engine gestoppt; die Daten liegen in " + str(settings.data_dir))


def _first_admin(graph: Graph, settings: Settings) -> str | None:
    """Create the first admin on a graph without one; return the password to print."""
    from .services import accounts

    actor = graph.query("accounts.first_city_office")
    if not actor:
        return None
    try:
        return accounts.ensure_first_admin(graph, actor, settings.admin_password)
    except accounts.AccountError as exc:  # only a set GRAPHSVC_ADMIN_PASSWORD can be refused
        raise ConfigError(f"GRAPHSVC_ADMIN_PASSWORD is not accepted: it {exc}") from None


def _check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); "
                "stop the program using it or set GRAPHSVC_PORT"
            ) from None


def _serve(settings: Settings, engine_url: str | None, host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from . import create_app

    overrides = {"graph_url": engine_url} if engine_url else {}

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", None)
            self.cfg.set("graceful_timeout", 5)

        def load(self):
            # Each worker builds its own app (and connection pool) after the fork.
            return create_app(overrides)

    Server().run()


@cli.command()
def init() -> None:
    """Apply the schema (and load the Herne seeds if the graph is empty)."""
    settings = _settings()
    with open_graph(settings) as graph:
        loaded = seed_graph(graph, settings)
    click.echo(f"schema applied; {loaded} seed items loaded" if loaded else "schema applied")


@cli.command()
@click.option("--check", is_flag=True, help="Only read and check the seed files.")
def seed(check: bool) -> None:
    """Load the Herne seed data into an empty graph (or only check the files)."""
    from .domain import seeds

    settings = _settings()
    bundle = seeds.read(settings.seed_dir, match_secret=settings.match_key_secret)
    if check:
        click.echo(
            f"seed files ok: {sum(map(len, bundle.nodes.values()))} nodes, "
            f"{sum(map(len, bundle.edges.values()))} relationships"
        )
        return
    with open_graph(settings) as graph:
        loaded = seed_graph(graph, settings)
    click.echo(f"{loaded} seed items loaded" if loaded else "graph not empty: nothing loaded")


@cli.command()
@click.option(
    "--scale", type=click.Choice(["herne", "nrw", "nrw10"]), default="herne", show_default=True
)
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option("--graph", "graph_name", default=None, help="Graph name (default: GRAPH_NAME).")
def generate(scale: str, seed_value: int, graph_name: str | None) -> None:
    """Fill an empty graph with synthetic data of the given scale."""

    settings = _settings()
    with open_graph(settings, graph_name) as graph:
        seconds, total = _fill(graph, settings, scale, seed_value)
    click.echo(f"generated {scale}: {total} nodes and relationships in {seconds:.1f} s")


def _fill(graph: Graph, settings: Settings, scale: str, seed_value: int) -> tuple[float, int]:
    """Generate a synthetic graph with a progress bar and the configured match-key secret."""
    from .services import generate as generator

    return generator.fill(
        graph,
        settings.seed_dir,
        scale,
        seed_value,
        progress_bar,
        match_secret=settings.match_key_secret,
    )


@cli.command()
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
    from .services import bench as benchmarks
    from .services import setup

    settings = _settings()
    with open_graph(settings, f"bench-{scale}-{seed_value}") as graph:
        load_seconds = None
        graph.apply_schema()
        setup.upgrade(graph)  # a bench graph made by an older graphsvc
        if graph.query("meta.is_empty"):
            load_seconds, _ = _fill(graph, settings, scale, seed_value)
        report = benchmarks.run_all(graph, scale, repeat, progress_bar, only)
    report["generate_seconds"] = load_seconds
    click.echo(benchmarks.format_table(report))
    if json_file:
        json_file.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        click.echo(f"written to {json_file}")


# Commands of the feature areas live in graphsvc/commands/<area>.py and are added here.
from .commands import cases as _cases  # noqa: E402
from .commands import users as _users  # noqa: E402

cli.add_command(_users.user)
cli.add_command(_users.token)
cli.add_command(_cases.purge)
from .commands import client_match as _client_match  # noqa: E402

cli.add_command(_client_match.same_client_scan)
from .commands import io as _io  # noqa: E402

for _command in _io.COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """Entry point: run the command; known faults print one line, not a traceback."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except FRIENDLY as exc:
        click.echo(f"graphsvc: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
