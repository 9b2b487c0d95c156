"""Malformed configuration stops start-up with one clear line."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from graphsvc.config import DEV_SECRET, ConfigError, from_env


def test_defaults_mean_embedded_engine_in_var():
    settings = from_env({})
    assert settings.backend_kind == "embedded"
    assert settings.data_dir.name == "var"
    assert (settings.host, settings.port) == ("127.0.0.1", 5000)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"GRAPH_URL": "mysql://x"}, "GRAPH_URL scheme 'mysql' is unknown"),
        ({"GRAPH_URL": "localhost:7687"}, "is unknown"),
        ({"GRAPHSVC_PORT": "web"}, "GRAPHSVC_PORT='web' is not a whole number"),
        ({"GRAPHSVC_PORT": "70000"}, "must be between 1 and 65535"),
        ({"GRAPHSVC_ENV": "production"}, "SECRET_KEY must be set"),
        ({"GRAPHSVC_ENV": "staging"}, "must be development, production or test"),
        ({"GRAPHSVC_LANGUAGE": "fr"}, "must be de or en"),
        (
            {"GRAPHSVC_ENV": "production", "SECRET_KEY": "a" * 40},
            "GRAPHSVC_MATCH_KEY_SECRET must be set",
        ),
        (
            {
                "GRAPHSVC_ENV": "production",
                "SECRET_KEY": "a" * 40,
                "GRAPHSVC_MATCH_KEY_SECRET": "x",
            },
            "GRAPHSVC_MATCH_KEY_SECRET must be set",
        ),
        ({"GRAPHSVC_MATCH_THRESHOLD": "high"}, "GRAPHSVC_MATCH_THRESHOLD='high' is not a number"),
        ({"GRAPHSVC_MATCH_THRESHOLD": "0.2"}, "must be between 0.5 and 1.0"),
        ({"GRAPHSVC_FOLLOW_UP_DAYS": "0"}, "GRAPHSVC_FOLLOW_UP_DAYS=0 must be between 1 and 90"),
        ({"GRAPHSVC_UNMET_WAIT_DAYS": "soon"}, "GRAPHSVC_UNMET_WAIT_DAYS='soon' is not a whole"),
        ({"GRAPHSVC_SMTP_PORT": "70000"}, "GRAPHSVC_SMTP_PORT=70000 must be between"),
        ({"GRAPHSVC_SMTP_STARTTLS": "yes"}, "GRAPHSVC_SMTP_STARTTLS='yes' must be 0 or 1"),
        (
            {"GRAPHSVC_SMTP_HOST": "mail.example", "GRAPHSVC_MAIL_FROM": "kim"},
            "GRAPHSVC_MAIL_FROM='kim' is not an e-mail address",
        ),
        ({"GRAPHSVC_BASE_URL": "kim.herne.de"}, "GRAPHSVC_BASE_URL='kim.herne.de' must start"),
    ],
)
def test_bad_setting_names_itself(env, message):
    with pytest.raises(ConfigError, match=message):
        from_env(env)


@pytest.mark.parametrize(
    "url, kind",
    [
        ("bolt://db:7687", "neo4j"),
        ("neo4j+s://x.databases.neo4j.io", "neo4j"),
        ("falkordb://localhost:6379", "falkordb"),
        ("redis://localhost:6379", "falkordb"),
    ],
)
def test_graph_url_picks_the_backend(url, kind):
    assert from_env({"GRAPH_URL": url}).backend_kind == kind


def test_production_accepts_a_real_secret():
    settings = from_env(
        {
            "GRAPHSVC_ENV": "production",
            "SECRET_KEY": "a" * 40,
            "GRAPHSVC_MATCH_KEY_SECRET": "b" * 32,
        }
    )
    assert settings.secret_key == "a" * 40
    assert settings.match_key_secret == "b" * 32


def test_match_key_secret_and_threshold_come_from_the_environment():
    settings = from_env({"GRAPHSVC_MATCH_KEY_SECRET": "c" * 20, "GRAPHSVC_MATCH_THRESHOLD": "0.9"})
    assert (settings.match_key_secret, settings.match_threshold) == ("c" * 20, 0.9)


def test_referral_and_mail_settings_come_from_the_environment():
    settings = from_env(
        {
            "GRAPHSVC_FOLLOW_UP_DAYS": "14",
            "GRAPHSVC_UNMET_WAIT_DAYS": "21",
            "GRAPHSVC_SMTP_HOST": "mail.herne.example",
            "GRAPHSVC_SMTP_PORT": "587",
            "GRAPHSVC_SMTP_STARTTLS": "1",
            "GRAPHSVC_MAIL_FROM": "kim@herne.example",
            "GRAPHSVC_BASE_URL": "https://kim.herne.example/",
        }
    )
    assert (settings.follow_up_days, settings.unmet_wait_days) == (14, 21)
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_starttls) == (
        "mail.herne.example",
        587,
        True,
    )
    assert settings.base_url == "https://kim.herne.example"
    defaults = from_env({})
    assert (defaults.follow_up_days, defaults.smtp_host) == (10, None)


def test_without_secret_key_each_data_directory_gets_its_own_random_key_kept_across_restarts(
    tmp_path,
):
    first = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path / "a")}).secret_key
    again = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path / "a")}).secret_key
    other = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path / "b")}).secret_key
    assert first == again
    assert first != other
    assert DEV_SECRET not in {first, other} and len(first) >= 64
    mode = stat.S_IMODE((tmp_path / "a" / "secret_key").stat().st_mode)
    assert mode == 0o600  # the owner only
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["secret_key"]  # no drafts


def test_workers_starting_together_agree_on_the_key(tmp_path):
    environ = {"GRAPHSVC_DATA_DIR": str(tmp_path / "fresh")}
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: from_env(environ).secret_key, range(32)))
    assert len(keys) == 1


def test_a_set_secret_key_is_used_as_given_and_no_key_file_is_made(tmp_path):
    settings = from_env({"GRAPHSVC_DATA_DIR": str(tmp_path), "SECRET_KEY": "k" * 40})
    assert settings.secret_key == "k" * 40
    assert not (tmp_path / "secret_key").exists()
