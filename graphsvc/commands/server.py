"""`graphsvc run`: start the embedded engine (unless GRAPH_URL is set), prepare the graph,
create the first admin, and serve the app with gunicorn."""

from __future__ import annotations

import os
import signal
import socket

import click

from ..config import ConfigError, Settings
from ..graph import Graph, connect
from ..graph.embedded import EmbeddedEngine
from .common import open_graph, seed_graph, settings


@click.command()
@click.option("--host", default=None, help="Address to listen on (GRAPHSVC_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (GRAPHSVC_PORT).")
@click.option("--workers", type=int, default=2, show_default=True, help="Web worker processes.")
def run(host: str | None, port: int | None, workers: int) -> None:
    """Start the embedded engine (unless GRAPH_URL is set), prepare the graph, serve the app."""
    config = settings()
    host = host or config.host
    port = port or config.port
    _check_port_free(host, port)
    engine = None
    url = config.graph_url
    if url is None:
        engine = EmbeddedEngine(config.data_dir).start()
        url = engine.url
    try:
        graph = connect(config, url)
        graph.ping()
        loaded = seed_graph(graph, config)
        first_admin = _first_admin(graph, config)
        demo = _demo_users(graph, config)
        graph.close()
        where = f"http://{host}:{port}"
        click.echo("")
        click.echo(f"graphsvc läuft auf {where}  (engine: {config.backend_kind})")
        if loaded:
            click.echo(f"Herne-Beispieldaten geladen: {loaded} Knoten und Kanten.")
        if first_admin and config.admin_password:
            # The operator chose this password: it is never echoed into a log.
            click.echo("Erste Anmeldung: Benutzer »admin«, Passwort aus GRAPHSVC_ADMIN_PASSWORD")
        elif first_admin:
            click.echo(f"Erste Anmeldung: Benutzer »admin«, Einmal-Passwort »{first_admin}«")
            click.echo("(bitte nach der Anmeldung ändern; oder GRAPHSVC_ADMIN_PASSWORD setzen)")
        else:
            click.echo("Anmelden mit einem vorhandenen Konto (graphsvc user list zeigt sie).")
        if demo:
            click.echo(demo_banner(demo))
        click.echo("Beenden mit Strg-C.")
        if engine:
            # A dead engine is restarted; when that fails for good, graphsvc stops, so a
            # service manager (or a person reading the log) starts it afresh.
            engine.supervise(give_up=lambda: os.kill(os.getpid(), signal.SIGTERM))
        _serve(config, url if engine else None, host, port, workers)
    finally:
        if engine and engine.owned_here:
            engine.stop()
            click.echo("Graph-Engine gestoppt; die Daten liegen in " + str(config.data_dir))


def _first_admin(graph: Graph, config: Settings) -> str | None:
    """Create the first admin on a graph without one; return the password to print."""
    from ..services import accounts

    actor = graph.query("accounts.first_city_office")
    if not actor:
        return None
    try:
        return accounts.ensure_first_admin(graph, actor, config.admin_password)
    except accounts.AccountError as exc:  # only a set GRAPHSVC_ADMIN_PASSWORD can be refused
        raise ConfigError(f"GRAPHSVC_ADMIN_PASSWORD is not accepted: it {exc}") from None


def _demo_users(graph: Graph, config: Settings) -> list[dict]:
    """The demo accounts made usable in development; none elsewhere."""
    from ..services import accounts

    if config.env != "development":
        return []
    return accounts.enable_demo_users(graph, config.env)


def demo_banner(demo: list[dict]) -> str:
    """What `graphsvc run` prints about the demo accounts: one password, one account per role."""
    from ..services.accounts import DEMO_PASSWORD

    first: dict[str, str] = {}
    for row in demo:
        for role in row["roles"] or []:
            first.setdefault(role, row["username"])
    examples = ", ".join(f"{user} ({role})" for role, user in first.items())
    return (
        f"Demo-Konten ({len(demo)}, nur in der Entwicklung): Passwort »{DEMO_PASSWORD}«, "
        f"z. B. {examples}"
    )


@click.command("demo-passwords")
def demo_passwords() -> None:
    """Development only: give the seeds' demo accounts that have no password the demo password."""
    from ..services import accounts

    config = settings()
    with open_graph(config) as graph:
        try:
            demo = accounts.enable_demo_users(graph, config.env)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(demo_banner(demo) if demo else "no demo accounts (load the seeds first)")


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


def _serve(config: Settings, engine_url: str | None, host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from .. import create_app

    overrides = {"graph_url": engine_url} if engine_url else {}

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", None)
            self.cfg.set("graceful_timeout", 5)
            # gunicorn's control socket is one file per user (~/.gunicorn/gunicorn.ctl),
            # shared by every instance; graphsvc does not use it.
            self.cfg.set("control_socket_disable", True)

        def load(self):
            # Each worker builds its own app (and connection pool) after the fork.
            return create_app(overrides)

    Server().run()
