"""The API keeps its OpenAPI document: schemathesis (the version pinned in pyproject.toml)
sends generated valid and invalid requests to the running app with a case manager's and a
coordinator's token, and every check passes: no server error, only documented statuses,
valid input accepted, invalid input refused, the one error shape, `Allow` on 405."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphsvc.services import accounts

CONFIG = Path(__file__).with_name("schemathesis.toml")
# Bounded so both runs take a few minutes on a shared 2-core machine.
MAX_EXAMPLES = 15
MAX_SECONDS = 90
SEED = 20261129


def _token(graph, role: str, actor: str) -> str:
    username = f"contract-{role.replace('_', '-')}"
    user_id, _ = accounts.create_user(
        graph, username, f"Contract {role}", actor, [role], "Vertrags-Test-Passwort-1"
    )
    return accounts.create_token(graph, user_id, "contract")


@pytest.mark.parametrize(
    ("role", "actor"), [("case_manager", "caritas-herne"), ("coordination", "ki-herne")]
)
def test_the_api_keeps_its_openapi_document(live_server, live_graph, tmp_path, role, actor):
    token = _token(live_graph, role, actor)
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{live_server}/api/v1/openapi.json",
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--max-time",
        str(MAX_SECONDS),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=MAX_SECONDS * 3)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "Tested: " in run.stdout
