"""Benchmarks through the HTTP API: the app served by gunicorn on the bench graph, a token.

The server runs in its own process, as in production (`graphsvc run`), and every request
crosses a real socket, so the figures include HTTP parsing, token check, JSON encoding and
the network stack, not only the view function.
"""

from __future__ import annotations

import atexit
import http.client
import json
import os
import re
import socket

# Starts gunicorn with a fixed argument list.
import subprocess  # nosec B404
import sys
import time
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

from ..dev.served import free_port
from ..graph import Graph
from ..services import accounts

# Bench users on bench graphs only; page benchmarks log in with it.
# Bench graphs only.
BENCH_PASSWORD = "timing-only-5f3a9c-never-used"  # nosec B105
START_SECONDS = 30
_servers: dict[tuple[str, str], int] = {}  # (graph URL, graph name) -> port


class Answer:
    """Status and body of one HTTP answer."""

    def __init__(self, status_code: int, body: bytes):
        self.status_code = status_code
        self.body = body

    def get_json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)

    def get_data(self, as_text: bool = False) -> str | bytes:
        """The body (as text if asked)."""
        return self.body.decode() if as_text else self.body


class HttpClient:
    """GET and POST against the bench server over one kept-alive connection, keeping the
    cookies it is given (so a page benchmark can log in like a browser)."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: SimpleCookie = SimpleCookie()

    def _send(self, method: str, path: str, body: bytes | None, headers: dict) -> Answer:
        if self.cookies:
            cookie = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
            headers = {**headers, "Cookie": cookie}
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        answer = Answer(response.status, response.read())
        if response.will_close:
            self.connection.close()  # reconnects on the next request
        return answer

    def get(
        self, path: str, query_string: dict | None = None, headers: dict | None = None
    ) -> Answer:
        """GET path?query_string."""
        query = f"?{urlencode(query_string, doseq=True)}" if query_string else ""
        return self._send("GET", path + query, None, headers or {})

    def post(self, path: str, body: Any = None, headers: dict | None = None) -> Answer:
        """POST `body` as JSON."""
        data = json.dumps(body).encode()
        return self._send(
            "POST", path, data, {**(headers or {}), "Content-Type": "application/json"}
        )

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        """POST an HTML form."""
        data = urlencode(fields).encode()
        return self._send("POST", path, data, {"Content-Type": "application/x-www-form-urlencoded"})


def _server(graph: Graph) -> int:
    """The port of a gunicorn serving the app on this graph (started once per process)."""
    backend = graph.backend
    key = (backend.url, backend.graph_name)
    if key in _servers:
        return _servers[key]
    port = free_port()
    env = {
        **os.environ,
        "GRAPH_URL": backend.url,
        "GRAPH_NAME": backend.graph_name,
        "GRAPHSVC_ENV": "development",
    }
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--threads", "4", "--log-level", "warning"]
    process = subprocess.Popen([*command, "graphsvc:create_app()"], env=env)  # nosec B603
    atexit.register(process.terminate)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the bench server did not start") from None
            time.sleep(0.1)
    else:
        raise RuntimeError("the bench server did not answer within 30 s")
    _servers[key] = port
    return port


def api_client(graph: Graph, username: str, actor_id: str, roles: list[str]) -> tuple[Any, dict]:
    """An HTTP client of the app served on the same graph, and a Bearer header for `username`."""
    try:
        user_id = accounts.find_user_id(graph, username)
    except accounts.AccountError:
        user_id, _ = accounts.create_user(graph, username, "Bench", actor_id, roles, BENCH_PASSWORD)
    token = accounts.create_token(graph, user_id, "bench")
    return HttpClient(_server(graph)), {"Authorization": f"Bearer {token}"}


def page_client(graph: Graph, username: str, actor_id: str, roles: list[str]) -> HttpClient:
    """An HTTP client of the app on the same graph, logged in through the login form like a
    browser (so page benchmarks include the session lookup)."""
    client, _ = api_client(graph, username, actor_id, roles)
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', str(login))
    client.post_form(
        "/login",
        {
            "username": username,
            "password": BENCH_PASSWORD,
            "csrf_token": token.group(1) if token else "",
        },
    )
    return client
