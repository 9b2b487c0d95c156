"""Shared fixtures: one real embedded FalkorDB per test session, a fresh graph per test.

Graphs are cheap, so every test gets its own empty graph (or the Herne seeds) and cannot
see another test's data. Set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to run the graph
tests against Neo4j as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from graphsvc.config import Settings, from_env
from graphsvc.graph import Graph
from graphsvc.graph.embedded import EmbeddedEngine
from graphsvc.services import setup
from tests.support import ROOT, SEEDS, connect_for_tests


def pytest_collection_modifyitems(items):
    """Mark what needs more than the embedded engine, so `make test-fast` can leave it out:
    browser tests (e2e), tests of `graphsvc run` as it serves (served) and tests that run on
    Neo4j (neo4j)."""
    for item in items:
        path = Path(str(item.fspath))
        if "e2e" in path.parts:
            item.add_marker(pytest.mark.e2e)
        if "served" in path.parts:
            item.add_marker(pytest.mark.served)
        callspec = getattr(item, "callspec", None)
        if "neo4j" in path.parts or (callspec and "neo4j" in callspec.id.split("-")):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """The embedded FalkorDB server all tests of this session share."""
    with EmbeddedEngine(tmp_path_factory.mktemp("engine")) as running:
        yield running


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for one test: its own graph name, test mode."""
    base = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path / "data"), "GRAPHSVC_ENV": "test"})
    return base.with_overrides(graph_name=f"test-{uuid.uuid4().hex[:12]}")


def _neo4j_url(request) -> str:
    if os.environ.get("NEO4J_URI"):
        return os.environ["NEO4J_URI"]
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "info"], capture_output=True).returncode == 0:
        services = request.getfixturevalue("docker_services")
        port = services.port_for("neo4j", 7687)
        return f"bolt://127.0.0.1:{port}"
    pytest.skip("no Neo4j reachable: set NEO4J_URI or start a Docker engine to run these")


@pytest.fixture(params=["falkordb", "neo4j"])
def any_graph(request, engine, settings):
    """An empty graph with the schema applied, on every reachable backend."""
    if request.param == "neo4j":
        url = _neo4j_url(request)
        neo = settings.with_overrides(
            graph_url=url,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", "graphsvc-test"),
        )
        graph = connect_for_tests(neo)
    else:
        graph = connect_for_tests(settings, engine.url)
    graph.drop()
    graph.apply_schema()
    yield graph
    graph.drop()
    graph.close()


@pytest.fixture
def graph(engine, settings) -> Graph:
    """An empty graph on the embedded engine, schema applied."""
    graph = connect_for_tests(settings, engine.url)
    graph.apply_schema()
    yield graph
    graph.drop()
    graph.close()


@pytest.fixture
def seeded(graph) -> Graph:
    """The graph with the Herne seeds loaded."""
    setup.prepare(graph, SEEDS)
    return graph


@pytest.fixture
def app(engine, settings, seeded):
    """The web app on the seeded graph of this test."""
    from graphsvc import create_app

    app = create_app({"graph_url": engine.url, "graph_name": settings.graph_name, "env": "test"})
    yield app
    app.extensions["graphsvc.graph"].close()


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture(scope="session")
def docker_compose_file():
    """pytest-docker: the project's compose file (used only when a Docker engine runs)."""
    return str(ROOT / "docker-compose.yml")


@pytest.fixture(scope="session")
def docker_setup():
    """pytest-docker: start only Neo4j, not the app."""
    return ["up -d neo4j"]


class Auth:
    """Log test clients in as freshly made users of the seeded graph."""

    PASSWORD = "correct-horse-battery-staple"

    def __init__(self, graph: Graph):
        self.graph = graph
        self.made = 0

    def user(self, roles=("case_manager",), actor="caritas-herne", password=None) -> str:
        """Create a user; return its username (password: Auth.PASSWORD unless given)."""
        from graphsvc.services import accounts

        self.made += 1
        username = f"{'-'.join(roles).replace('_', '')}{self.made}-{uuid.uuid4().hex[:6]}"
        accounts.create_user(
            self.graph, username, f"Test {username}", actor, list(roles), password or self.PASSWORD
        )
        return username

    def csrf(self, client, path: str) -> str:
        """The CSRF token found on the page at `path`."""
        import re

        page = client.get(path).get_data(as_text=True)
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def login(self, client, roles=("case_manager",), actor="caritas-herne") -> str:
        """Log `client` in as a new user with `roles` at `actor`; return the username."""
        username = self.user(roles, actor)
        answer = client.post(
            "/login",
            data={
                "username": username,
                "password": self.PASSWORD,
                "csrf_token": self.csrf(client, "/login"),
            },
        )
        assert answer.status_code == 302, answer.get_data(as_text=True)
        return username

    def token(self, roles=("case_manager",), actor="caritas-herne") -> dict[str, str]:
        """An Authorization header for a new user with `roles` at `actor`."""
        from graphsvc.services import accounts

        username = self.user(roles, actor)
        secret = accounts.create_token(self.graph, accounts.find_user_id(self.graph, username), "t")
        return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def auth(seeded) -> Auth:
    """Helpers to log in as users with given roles (see Auth)."""
    return Auth(seeded)
