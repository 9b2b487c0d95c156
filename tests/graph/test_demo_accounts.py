"""Trying the roles on a development machine: the seeds' demo accounts share one password
there, and nowhere else."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from graphsvc.commands import server
from graphsvc.services import accounts


def test_in_development_every_demo_account_logs_in_with_the_demo_password(seeded, settings):
    demo = server._demo_users(seeded, settings.with_overrides(env="development"))
    names = {row["username"] for row in demo}
    assert {"cm.ki1", "cm.awo1", "koordination1", "netzwerk1", "partner.awo"} <= names
    roles = {role for row in demo for role in row["roles"]}
    assert roles == {"case_manager", "coordination", "network", "partner"}
    for username in ("cm.ki1", "koordination1", "netzwerk1", "partner.awo"):
        result = accounts.login(seeded, username, accounts.DEMO_PASSWORD)
        assert result.session_id, username
        assert not result.user["must_change_password"]
    banner = server.demo_banner(demo)
    assert accounts.DEMO_PASSWORD in banner and "koordination1 (coordination)" in banner


def test_a_demo_account_with_its_own_password_keeps_it(seeded, settings):
    development = settings.with_overrides(env="development")
    server._demo_users(seeded, development)
    user_id = accounts.find_user_id(seeded, "cm.awo1")
    accounts.change_password(seeded, user_id, accounts.DEMO_PASSWORD, "ein-eigenes-Passwort-7")
    server._demo_users(seeded, development)
    assert accounts.login(seeded, "cm.awo1", "ein-eigenes-Passwort-7").session_id
    assert accounts.login(seeded, "cm.awo1", accounts.DEMO_PASSWORD).reason == "invalid"


@pytest.mark.parametrize("env", ["production", "test"])
def test_outside_development_demo_accounts_stay_disabled_without_password(seeded, settings, env):
    secrets = {
        "secret_key": "a-long-random-production-secret-0123456789",
        "match_key_secret": "another-long-random-secret-0123456789",
    }
    assert server._demo_users(seeded, settings.with_overrides(env=env, **secrets)) == []
    with pytest.raises(accounts.AccountError):
        accounts.enable_demo_users(seeded, env)
    assert accounts.login(seeded, "cm.ki1", accounts.DEMO_PASSWORD).session_id is None


def test_the_demo_passwords_command_refuses_in_production(tmp_path):
    env = {
        **os.environ,
        "GRAPHSVC_DATA_DIR": str(tmp_path / "data"),
        "GRAPHSVC_ENV": "production",
        "SECRET_KEY": "a-long-random-production-secret-0123456789",
        "GRAPHSVC_MATCH_KEY_SECRET": "another-long-random-secret-0123456789",
    }
    env.pop("GRAPH_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "graphsvc.cli", "demo-passwords"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "only in development" in result.stderr
