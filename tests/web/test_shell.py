"""The web shell: home counts, health endpoints, error answers, a database that goes away."""

from __future__ import annotations

import pytest

from graphsvc import create_app
from graphsvc.graph.embedded import EmbeddedEngine
from graphsvc.services import setup


def test_home_shows_counts_per_label_in_german(client, seeded):
    counts = setup.counts(seeded)
    page = client.get("/").get_data(as_text=True)
    assert "Was das Netzwerk enthält" in page
    assert 'data-label="Offer"' in page
    assert f'data-count="{counts["Offer"]}"' in page
    assert f'data-count="{counts["Actor"]}"' in page


def test_language_switch_to_english_and_back(client):
    assert "What the network holds" in client.get(
        "/lang/en?next=/", follow_redirects=True
    ).get_data(as_text=True)
    assert "Was das Netzwerk enthält" in client.get(
        "/lang/de?next=/", follow_redirects=True
    ).get_data(as_text=True)


def test_language_switch_never_redirects_to_another_site(client):
    answer = client.get("/lang/en?next=//evil.example/x")
    assert answer.headers["Location"] == "/"


def test_healthz_and_readyz_answer_when_all_is_well(backend, client):
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json["engine"] == backend.name


@pytest.mark.parametrize("path, json", [("/api/v1/nothing", True), ("/nothing", False)])
def test_unknown_path_gives_json_under_api_and_html_elsewhere(client, path, json):
    answer = client.get(path)
    assert answer.status_code == 404
    if json:
        assert answer.json["error"]["status"] == 404
    else:
        assert "Diese Seite gibt es nicht." in answer.get_data(as_text=True)


def test_database_down_gives_503_and_the_app_recovers_without_restart(tmp_path, settings):
    engine = EmbeddedEngine(tmp_path / "db").start()
    app = create_app({"graph_url": engine.url, "graph_name": settings.graph_name, "env": "test"})
    app.extensions["graphsvc.graph"].apply_schema()
    client = app.test_client()
    assert client.get("/").status_code == 200
    engine.stop()
    down = client.get("/")
    assert down.status_code == 503
    assert "Datenbank nicht erreichbar" in down.get_data(as_text=True)
    assert client.get("/readyz").status_code == 503
    engine.start()
    try:
        assert client.get("/").status_code == 200
        assert client.get("/readyz").status_code == 200
    finally:
        app.extensions["graphsvc.graph"].close()
        engine.stop()
