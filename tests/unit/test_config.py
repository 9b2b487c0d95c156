"""Malformed configuration stops start-up with one clear line."""

from __future__ import annotations

import pytest

from graphsvc.config import ConfigError, from_env


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
    settings = from_env({"GRAPHSVC_ENV": "production", "SECRET_KEY": "a" * 40})
    assert settings.secret_key == "a" * 40
