"""What `graphsvc run` writes to its log: never a password the operator gave it."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import ADMIN_PASSWORD


def test_run_never_prints_the_admin_password_from_the_environment(live_server, live_server_env):
    log = (Path(live_server_env["GRAPHSVC_DATA_DIR"]) / "server.log").read_text()
    assert "GRAPHSVC_ADMIN_PASSWORD" in log  # the first-login hint is there
    assert ADMIN_PASSWORD not in log
