"""`graphsvc run` as it serves in production (gunicorn, two workers, the embedded engine),
on a fresh data directory and a free port, for the fault and limit tests."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from graphsvc.config import from_env
from graphsvc.dev import served as serving
from graphsvc.graph.embedded import socket_path
from graphsvc.services import accounts
from tests.support import connect_for_tests


class ServedApp:
    """A running `graphsvc run` (graphsvc.dev.served) with its graph, as the tests use it."""

    def __init__(self, app: serving.Served, graph):
        self.base, self.data, self.process, self.graph = app.base, app.data, app.process, graph
        self.log = app.log_text

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


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`graphsvc run --workers 2` with a login limit of 10 per minute."""
    env = serving.environment(
        tmp_path_factory.mktemp("served"),
        GRAPHSVC_ADMIN_PASSWORD="Served-Geheim-Passwort-1",
        GRAPHSVC_LOGIN_LIMIT="10 per minute",
    )
    try:
        app = serving.start(env, workers=2, ready_within=90)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    graph = connect_for_tests(
        from_env({"GRAPHSVC_DATA_DIR": str(app.data)}),
        f"unix://{socket_path(app.data.resolve())}",
    )
    yield ServedApp(app, graph)
    graph.close()
    app.stop()
