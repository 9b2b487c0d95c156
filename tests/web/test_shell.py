"""The web shell: the home page and landing pages, health endpoints, error answers, a database
that goes away."""

from __future__ import annotations

import re

import pytest

from graphsvc import create_app
from graphsvc.graph.embedded import EmbeddedEngine


def test_home_for_visitors_explains_and_offers_login_but_shows_no_figures(client, seeded):
    page = client.get("/").get_data(as_text=True)
    assert "Verweis- und Netzwerkgraph des Kommunalen Integrationsmanagements" in page
    assert 'href="/login"' in page
    assert "data-count" not in page and "<table" not in page


@pytest.mark.parametrize(
    "roles, landing",
    [
        (("case_manager",), "/cases/"),
        (("coordination",), "/coordination/"),
        (("network",), "/network/"),
        (("admin",), "/admin/users"),
        (("directory_editor",), "/directory/"),
        (("partner",), "/referrals/"),
        (("coordination", "case_manager"), "/cases/"),
    ],
)
def test_each_role_lands_on_its_daily_work(app, auth, roles, landing):
    client = app.test_client()
    auth.login(client, roles=roles, actor="ki-herne")
    answer = client.get("/")
    assert answer.status_code == 302 and answer.headers["Location"] == landing


@pytest.mark.parametrize(
    "roles", [("case_manager",), ("coordination",), ("network",), ("admin",), ("partner",)]
)
def test_the_directory_is_in_the_navigation_of_every_role_that_may_read_it(app, auth, roles):
    client = app.test_client()
    auth.login(client, roles=roles, actor="ki-herne")
    page = client.get("/profile").get_data(as_text=True)
    assert 'href="/directory/">Verzeichnis</a>' in page


def test_language_switch_to_english_and_back(client):
    assert "Referral and network graph of the municipal" in client.get(
        "/lang/en?next=/", follow_redirects=True
    ).get_data(as_text=True)
    assert "Verweis- und Netzwerkgraph des Kommunalen" in client.get(
        "/lang/de?next=/", follow_redirects=True
    ).get_data(as_text=True)


def test_favicon_is_found_where_browsers_look_for_it(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith("/static/favicon.svg")
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/login").get_data(as_text=True)


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
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    login = {"username": "nobody", "password": "not-the-password", "csrf_token": token}
    assert client.post("/login", data=login).status_code == 200
    engine.stop()
    down = client.post("/login", data=login)
    assert down.status_code == 503
    assert "Datenbank nicht erreichbar" in down.get_data(as_text=True)
    assert client.get("/readyz").status_code == 503
    engine.start()
    try:
        assert client.post("/login", data=login).status_code == 200
        assert client.get("/readyz").status_code == 200
    finally:
        app.extensions["graphsvc.graph"].close()
        engine.stop()
