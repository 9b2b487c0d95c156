"""Shared fixtures: a fresh graph per test, on each engine (tests/engines.py).

One real embedded FalkorDB serves the session, where every test gets a graph of its own, and
one real Neo4j, which the tests share one after another, each starting from an empty graph.
Tests using `graph`, `seeded`, `app`, `client` or `auth` run on both engines.
"""

from __future__ import annotations

import copy
import uuid
from pathlib import Path

import pytest

from graphsvc.config import Settings, from_env
from graphsvc.graph import Graph
from graphsvc.graph.embedded import EmbeddedEngine
from graphsvc.services import setup
from tests.support import ROOT, SEEDS, connect_for_tests

# Imported by pytest (not here), so that its assertions are rewritten like a conftest's.
pytest_plugins = ["tests.engines"]


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
        if (
            "neo4j" in path.parts
            or (callspec and "neo4j" in callspec.id.split("-"))
            or "neo4j_server" in getattr(item, "fixturenames", ())
        ):
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


@pytest.fixture
def graph(backend) -> Graph:
    """An empty graph with the schema applied, on this test's engine."""
    from tests.engines import reset

    graph = connect_for_tests(backend.settings)
    try:
        reset(graph)
        yield graph
        if backend.name == "falkordb":
            graph.drop()  # the next Neo4j test empties its database when it starts
    finally:
        graph.close()


@pytest.fixture
def any_graph(graph) -> Graph:
    """The same as `graph` (every test on a graph runs on both engines); kept for older tests."""
    return graph


@pytest.fixture(scope="session")
def seed_files():
    """Read the seed files once per session: parsing the YAML took a second per test."""
    from graphsvc.domain import seeds

    read = seeds.read
    cache: dict[tuple, seeds.Bundle] = {}

    def cached(seed_dir, *args, **kwargs):
        key = (str(seed_dir), args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = read(seed_dir, *args, **kwargs)
        return copy.deepcopy(cache[key])  # loading adds derived fields to the bundle

    return cached


@pytest.fixture
def seeded(graph, seed_files) -> Graph:
    """The graph with the Herne seeds loaded."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(setup.seeds, "read", seed_files)
        setup.prepare(graph, SEEDS)
    return graph


@pytest.fixture
def app(backend, seeded):
    """The web app on the seeded graph of this test."""
    from graphsvc import create_app

    app = create_app(backend.app_config())
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
    """pytest-docker: start only Neo4j, not the app (where no Java and Maven are)."""
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
