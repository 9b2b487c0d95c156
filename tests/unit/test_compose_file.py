"""docker-compose.yml runs Neo4j 5 and the app (gunicorn) against it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from tests.support import ROOT

COMPOSE = ROOT / "docker-compose.yml"


def test_compose_file_runs_neo4j_5_and_the_app_against_it():
    spec = yaml.safe_load(COMPOSE.read_text())
    neo4j, app = spec["services"]["neo4j"], spec["services"]["app"]
    assert neo4j["image"].startswith("neo4j:5")
    assert app["environment"]["GRAPH_URL"].startswith("bolt://neo4j:")
    assert "gunicorn" in app["command"] and "graphsvc init" in app["command"]
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_compose_fetches_the_front_end_libraries_before_the_app_installs_itself():
    spec = yaml.safe_load(COMPOSE.read_text())
    vendor, app = spec["services"]["vendor"], spec["services"]["app"]
    assert vendor["image"].startswith("node:")
    assert "npm ci" in vendor["command"] and "node tools/vendor.mjs" in vendor["command"]
    assert app["depends_on"]["vendor"]["condition"] == "service_completed_successfully"
    assert "pip install" in app["command"]


def test_every_library_a_page_loads_is_in_the_vendor_list():
    """package.json's "vendor" map is what make, docker compose and the wheel build fetch."""
    import json
    import re

    listed = set(json.loads((ROOT / "package.json").read_text())["vendor"])
    sources = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "graphsvc/static/js").rglob("*.js")]
    loaded = {
        name
        for path in sources
        for name in re.findall(r"vendor/([A-Za-z0-9_.-]+\.(?:js|css))", path.read_text())
    }
    assert loaded and loaded <= listed, sorted(loaded - listed)


def test_compose_file_passes_docker_compose_config():
    docker = shutil.which("docker")
    plugin = (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    )
    command = (
        [docker, "compose"]
        if plugin
        else [shutil.which("docker-compose")]
        if shutil.which("docker-compose")
        else None
    )
    if not command:
        pytest.skip("neither 'docker compose' nor 'docker-compose' is installed here")
    result = subprocess.run(
        [*command, "-f", str(COMPOSE), "config"],
        capture_output=True,
        text=True,
        env={**os.environ, "SECRET_KEY": "x" * 32, "GRAPHSVC_MATCH_KEY_SECRET": "y" * 32},
    )
    assert result.returncode == 0, result.stderr
