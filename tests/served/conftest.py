"""`graphsvc run` as it serves in production (gunicorn, two workers, the embedded engine),
on a fresh data directory and a free port, for the fault and limit tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from graphsvc.config import from_env
from graphsvc.graph.embedded import socket_path
from graphsvc.services import accounts
from tests.e2e.conftest import _free_port
from tests.support import connect_for_tests


class Served:
    """A running `graphsvc run`: its address, data directory, process and graph."""

    def __init__(self, base: str, data: Path, process: subprocess.Popen, graph):
        self.base, self.data, self.process, self.graph = base, data, process, graph

    def call(self, method: str, path: str, body=None, headers=None, timeout=10.0):
        """(status, headers, parsed JSON or text) of one request; never raises on 4xx/5xx."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                status, head, raw = answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            status, head, raw = error.code, dict(error.headers), error.read()
        text = raw.decode(errors="replace")
        try:
            return status, head, json.loads(text)
        except ValueError:
            return status, head, text

    def token(self, roles=("case_manager",), actor="caritas-herne") -> dict[str, str]:
        """An Authorization header of a new user."""
        name = f"served-{time.monotonic_ns()}"
        user_id, _ = accounts.create_user(
            self.graph, name, name, actor, list(roles), "served-password-123"
        )
        return {"Authorization": "Bearer " + accounts.create_token(self.graph, user_id, "t")}

    def engine_pid(self) -> int:
        """The pid of the engine, a child of the graphsvc process."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            if ppid == self.process.pid and comm.startswith("redis-server"):
                return int(entry.name)
        raise AssertionError("no engine process under graphsvc run")

    def log(self) -> str:
        return (self.data / "server.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`graphsvc run --workers 2` with a login limit of 10 per minute."""
    data = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {
        **os.environ,
        "GRAPHSVC_DATA_DIR": str(data),
        "GRAPHSVC_PORT": str(port),
        "GRAPHSVC_ADMIN_PASSWORD": "Served-Geheim-Passwort-1",
        "GRAPHSVC_LOGIN_LIMIT": "10 per minute",
    }
    env.pop("GRAPH_URL", None)
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "graphsvc.cli", "run", "--workers", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        pytest.fail("graphsvc run did not get ready:\n" + (data / "server.log").read_text())
    graph = connect_for_tests(
        from_env({"GRAPHSVC_DATA_DIR": str(data)}), f"unix://{socket_path(data.resolve())}"
    )
    yield Served(base, data, process, graph)
    graph.close()
    process.terminate()
    process.wait(timeout=30)
    log.close()
