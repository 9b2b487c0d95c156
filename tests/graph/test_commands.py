"""The `graphsvc` commands on each engine, run in this process against the test's graph.

tests/graph/test_cli.py runs them as a shell would (a subprocess on the embedded engine);
here the same commands reach Neo4j too, so the queries only the shell uses run on both.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc.cli import cli


@pytest.fixture
def shell(backend, graph, monkeypatch, tmp_path):
    """Run a `graphsvc` command against this test's (emptied) graph; return its output."""

    def run(*args: str, code: int = 0) -> str:
        with monkeypatch.context() as patch:
            patch.setenv("GRAPHSVC_DATA_DIR", str(tmp_path / "data"))
            patch.setenv("GRAPHSVC_MATCH_KEY_SECRET", "commands-test-secret-0123456789")
            for name, value in backend.env().items():
                patch.setenv(name, value)
            answer = CliRunner().invoke(cli, list(args))
        assert answer.exit_code == code, answer.output
        return answer.output

    return run


def test_init_users_and_tokens_from_the_shell(shell):
    assert "seed items loaded" in shell("init")
    assert "schema applied" in shell("init")  # the second time: nothing more to load
    added = shell("user", "add", "cm.shell", "--actor", "caritas-herne", "--role", "case_manager")
    assert "one-time password:" in added
    listed = shell("user", "list")
    assert "cm.shell" in listed and "active" in listed
    assert shell("token", "create", "cm.shell").strip().startswith("gsv_")
    assert "cm.shell disabled" in shell("user", "disable", "cm.shell")
    row = next(line for line in shell("user", "list").splitlines() if "cm.shell" in line)
    assert "disabled" in row
    assert "cm.shell enabled" in shell("user", "enable", "cm.shell")
    assert "no user named 'nobody'" in shell("token", "create", "nobody", code=1)


def test_seed_check_and_seed_from_the_shell(shell):
    assert "seed files" in shell("seed", "--check").lower()
    assert "seed items loaded" in shell("seed")
    assert "nothing loaded" in shell("seed")


def test_purge_and_same_client_scan_from_the_shell(shell):
    shell("init")
    dry = shell("purge", "--months", "1")
    listed = [line.split()[0] for line in dry.splitlines() if line.startswith("HER-")]
    assert listed and "would be deleted" in dry
    assert f"{len(listed)} case(s) deleted" in shell("purge", "--months", "1", "--yes")
    assert "likely pairs at or above" in shell("same-client-scan", "--municipality", "herne")


def test_hsds_export_from_the_shell(shell, tmp_path):
    shell("init")
    out = tmp_path / "hsds"
    shell("export-hsds", str(out))
    services = json.loads((out / "services.json").read_text(encoding="utf-8"))
    assert services


def test_run_makes_the_first_admin_once_at_the_first_city_office(seeded, backend):
    from graphsvc.commands.server import _first_admin
    from graphsvc.services import accounts

    password = _first_admin(seeded, backend.settings)
    assert password
    assert accounts.login(seeded, "admin", password).session_id
    assert _first_admin(seeded, backend.settings) is None  # an active admin exists
