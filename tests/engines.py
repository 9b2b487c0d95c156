"""The two engines the graph, service and web tests run on, and the proof that they did.

Every test that uses the `backend` fixture (directly or through `graph`, `seeded`, `app`,
`client`, `auth`) runs once on the embedded FalkorDB and once on a real Neo4j 5 Community:

- `NEO4J_URI` (with `NEO4J_USER`, `NEO4J_PASSWORD`) points the suite at a Neo4j it may empty;
- otherwise the suite starts its own from Maven Central artifacts (`tools/neo4j/`, started by
  `graphsvc.dev.neo4j`), once per session, and stops it at the end;
- without Java and Maven, a Docker engine serves docker-compose.yml's Neo4j (pytest-docker);
- with none of these the Neo4j variants are skipped, and the summary says so.

A test opts out of the second engine with `@pytest.mark.engines("falkordb")`.

While the tests run, the graph layer's recorder notes which named query ran on which engine.
A whole-suite run on both engines fails when a query of cypher/ did not run on both, so a
dialect difference cannot hide in a query no test reaches on one engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

import pytest

import graphsvc.graph
from graphsvc.config import Settings
from graphsvc.graph import Graph
from graphsvc.graph.queries import load

ENGINES = ("falkordb", "neo4j")
NEO4J_PASSWORD = "graphsvc-test"


@dataclass
class Record:
    """What ran in this session: named queries per engine and tests per engine."""

    queries: dict[str, set[str]] = field(default_factory=lambda: {e: set() for e in ENGINES})
    tests: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENGINES, 0))
    neo4j: str = "not needed by the selected tests"
    deselected: int = 0
    session: Any = None

    def note(self, dialect: str, name: str) -> None:
        """The graph layer's recorder: `name` ran on `dialect`."""
        self.queries[dialect].add(name)


RECORD = Record()


@dataclass(frozen=True)
class Neo4jServer:
    """A Neo4j the suite may empty and fill."""

    url: str
    user: str
    password: str
    source: str


@dataclass(frozen=True)
class Backend:
    """The engine one test runs on: its settings, and how an app or a command reaches it."""

    name: str
    settings: Settings

    def app_config(self, **overrides: Any) -> dict[str, Any]:
        """Settings overrides for `create_app` that reach this test's graph."""
        s = self.settings
        return {
            "graph_url": s.graph_url,
            "graph_name": s.graph_name,
            "neo4j_user": s.neo4j_user,
            "neo4j_password": s.neo4j_password,
            "env": "test",
            **overrides,
        }

    def env(self) -> dict[str, str]:
        """Environment variables that point the `graphsvc` command at this test's graph."""
        s = self.settings
        assert s.graph_url
        return {
            "GRAPH_URL": s.graph_url,
            "GRAPH_NAME": s.graph_name,
            "NEO4J_USER": s.neo4j_user,
            "NEO4J_PASSWORD": s.neo4j_password,
        }


def _docker_engine() -> bool:
    docker = shutil.which("docker")
    return bool(docker) and subprocess.run([docker, "info"], capture_output=True).returncode == 0


def _server_version(server: Neo4jServer) -> str:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(server.url, auth=(server.user, server.password)) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e"
        )
    return f"{records[0]['v']} {records[0]['e']}"


@pytest.fixture(scope="session")
def neo4j_server(request, tmp_path_factory):
    """The session's Neo4j: NEO4J_URI, else one started here, else Docker, else skip."""
    from graphsvc.dev import neo4j as local

    if os.environ.get("NEO4J_URI"):
        server = Neo4jServer(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", NEO4J_PASSWORD),
            "NEO4J_URI",
        )
        yield _announce(server)
        _empty(server)
        return
    missing = local.missing_tools()
    if not missing:
        with local.LocalNeo4j(tmp_path_factory.mktemp("neo4j")) as started:
            assert started.url
            yield _announce(
                Neo4jServer(started.url, started.user, started.password, "started by the tests")
            )
        return
    if _docker_engine():
        services = request.getfixturevalue("docker_services")
        url = f"bolt://127.0.0.1:{services.port_for('neo4j', 7687)}"
        yield _announce(Neo4jServer(url, "neo4j", NEO4J_PASSWORD, "docker compose"))
        return
    RECORD.neo4j = "not reachable: missing " + ", ".join(missing) + " and no Docker engine"
    pytest.skip(f"no Neo4j: set NEO4J_URI, or install {', '.join(missing)}, or run Docker")


def _announce(server: Neo4jServer) -> Neo4jServer:
    RECORD.neo4j = f"Neo4j {_server_version(server)} at {server.url} ({server.source})"
    return server


def _empty(server: Neo4jServer) -> None:
    from graphsvc.graph.neo4j import Neo4jBackend

    backend = Neo4jBackend(server.url, server.user, server.password)
    backend.drop_graph()
    backend.close()


@pytest.fixture
def backend(request, engine, settings) -> Backend:
    """The engine this test runs on (parametrised: every engine unless the test opts out)."""
    name = request.param
    RECORD.tests[name] += 1
    if name == "neo4j":
        server = request.getfixturevalue("neo4j_server")
        target = settings.with_overrides(
            graph_url=server.url, neo4j_user=server.user, neo4j_password=server.password
        )
    else:
        target = settings.with_overrides(graph_url=engine.url)
    return Backend(name, target)


@pytest.fixture
def both_engines(engine, settings, neo4j_server) -> dict[str, tuple[Backend, Graph]]:
    """An empty graph with the schema on each engine, for tests that compare the engines."""
    from tests.support import connect_for_tests

    backends = {
        "falkordb": Backend("falkordb", settings.with_overrides(graph_url=engine.url)),
        "neo4j": Backend(
            "neo4j",
            settings.with_overrides(
                graph_url=neo4j_server.url,
                neo4j_user=neo4j_server.user,
                neo4j_password=neo4j_server.password,
            ),
        ),
    }
    graphs = {name: connect_for_tests(b.settings) for name, b in backends.items()}
    try:
        for name, graph in graphs.items():
            RECORD.tests[name] += 1
            reset(graph)
        yield {name: (backends[name], graphs[name]) for name in backends}
        graphs["falkordb"].drop()
    finally:
        for graph in graphs.values():
            graph.close()


def reset(graph: Graph) -> None:
    """Start a test from an empty graph with the schema applied.

    Neo4j Community holds one database, so its tests share it one after another: the graph
    is emptied before each test (constraints and indexes stay, so re-applying the schema
    only records its version). FalkorDB gives each test a graph of its own.
    """
    from graphsvc.services import search, unmet_searches

    # Per-process memories would carry one test's state into the next (the same test on the
    # other engine included): the search vocabulary is kept per graph name, and Neo4j has
    # one name for all; a search already counted as unmet is not counted again.
    search._vocabularies.clear()
    unmet_searches._recent.clear()
    if graph.dialect == "neo4j":
        graph.drop()
    graph.apply_schema()


def pytest_generate_tests(metafunc):
    """Run every test that needs a graph on each engine, unless it names its engines."""
    if "backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("engines")
    engines = marker.args if marker else ENGINES
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: unknown engines {unknown}")
    metafunc.parametrize("backend", engines, indirect=True, scope="function")


def pytest_configure(config):
    """Register the marker and start recording which queries run where."""
    config.addinivalue_line(
        "markers", "engines(*names): run only on these engines (default: falkordb and neo4j)"
    )
    graphsvc.graph.recorder = RECORD.note


def pytest_sessionstart(session):
    """Keep the session for the summary."""
    RECORD.session = session


def pytest_deselected(items):
    """Count deselected tests: a partial run does not judge query coverage."""
    RECORD.deselected += len(items)


def pytest_report_header(config):
    """Say which engines the graph tests will use."""
    from graphsvc.dev import neo4j as local

    if os.environ.get("NEO4J_URI"):
        second = f"Neo4j at NEO4J_URI={os.environ['NEO4J_URI']}"
    elif not local.missing_tools():
        second = "Neo4j started by the tests from tools/neo4j (Maven Central)"
    elif _docker_engine():
        second = "Neo4j from docker-compose.yml"
    else:
        second = "Neo4j unavailable (" + ", ".join(local.missing_tools()) + " missing)"
    return f"engines: embedded FalkorDB; {second} (tests marked neo4j)"


def _whole_run(session) -> bool:
    config = session.config
    return (
        config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and RECORD.deselected == 0
        and not config.getoption("keyword")
        and not config.getoption("markexpr")
    )


def uncovered() -> dict[str, list[str]]:
    """Named queries of cypher/ that did not run, per engine."""
    names = set(load("falkordb")) | set(load("neo4j"))
    return {e: sorted(names - RECORD.queries[e]) for e in ENGINES}


def _judged(session) -> bool:
    ran_both = all(RECORD.queries[e] for e in ENGINES)
    forced = session.config.getoption("--query-coverage")
    return ran_both and (forced or _whole_run(session))


def pytest_addoption(parser):
    """--query-coverage judges query coverage on a partial run too."""
    parser.addoption(
        "--query-coverage",
        action="store_true",
        help="fail unless every named query of cypher/ ran on both engines (a whole run "
        "on both engines checks this anyway)",
    )


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when a judged run left a named query unexecuted on an engine."""
    if _judged(session) and any(uncovered().values()) and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say which engines ran how many tests, and which named queries ran on both."""
    write = terminalreporter.write_line
    terminalreporter.section("engines")
    if not any(RECORD.tests.values()):
        write("no test on a graph engine ran")
        return
    write(f"falkordb (embedded): {RECORD.tests['falkordb']} tests")
    write(f"neo4j: {RECORD.tests['neo4j']} tests; {RECORD.neo4j}")
    total = len(set(load("falkordb")) | set(load("neo4j")))
    missing = uncovered()
    both = total - len(set(missing["falkordb"]) | set(missing["neo4j"]))
    write(f"named queries of cypher/ run on both engines: {both} of {total}")
    if not all(RECORD.queries[e] for e in ENGINES):
        write("query coverage not judged: not every engine ran")
    elif not _judged(RECORD.session):
        write("query coverage not judged: a partial run (use --query-coverage to judge it)")
    elif any(missing.values()):
        for engine, names in missing.items():
            if names:
                write(f"NOT RUN on {engine}: {', '.join(names)}", red=True)
        write("every named query must run on both engines: add a test that reaches it", red=True)
