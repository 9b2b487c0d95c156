"""Generative themes: coordination records, edits and closes them; only own cases link."""

from __future__ import annotations

import re

import pytest

from graphsvc.services import audit, themes


@pytest.fixture
def coord(app, auth):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    return client


def _post(client, auth, path, **data):
    data.setdefault("csrf_token", auth.csrf(client, "/coordination/themes/new"))
    return client.post(path, data=data)


def test_coordination_records_a_theme_and_the_report_lists_it(coord, auth, seeded):
    answer = _post(
        coord,
        auth,
        "/coordination/themes/new",
        title="Wartelisten Wohnraumberatung Wanne",
        topics=["housing"],
        districts=["wanne"],
        cases="HER-2026-0218, her-2026-0219",
    )
    assert answer.status_code == 302
    found = [t for t in themes.list_themes(seeded, "herne") if t["title"].startswith("Wartel")]
    assert found and sorted(found[0]["cases"]) == ["HER-2026-0218", "HER-2026-0219"]
    assert audit.search(seeded, action="themes.create")
    report = coord.get("/coordination/gaps").get_data(as_text=True)
    assert "Wartelisten Wohnraumberatung Wanne" in report and "HER-2026-0218" not in report


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Titel"),
        ({"title": "ok ok", "cases": "Max Mustermann"}, "Kein Pseudonym"),
        ({"title": "ok ok", "cases": "HER-2026-9999"}, "Kein Fall Ihrer Kommune"),
        ({"title": "Frau Almaz Tesfaye wartet", "cases": ""}, "persönlichen Angabe"),
        ({"title": "ok ok", "description": "Tel. 0176 1234567"}, "persönlichen Angabe"),
    ],
)
def test_bad_theme_input_is_refused_with_the_field_named(coord, auth, seeded, data, message):
    answer = _post(coord, auth, "/coordination/themes/new", **data)
    assert answer.status_code == 400
    assert message in answer.get_data(as_text=True)
    assert len(themes.list_themes(seeded, "herne")) == 3  # the seeded ones only


def test_a_stale_edit_is_refused_and_closing_removes_it_from_the_report(coord, auth, seeded):
    page = coord.get("/coordination/themes/theme-tigrinya/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    token = auth.csrf(coord, "/coordination/themes/new")
    ok = coord.post(
        "/coordination/themes/theme-tigrinya/edit",
        data={
            "csrf_token": token,
            "version": version,
            "title": "Tigrinya fehlt",
            "topics": ["psychosocial"],
            "cases": "HER-2026-0009",
        },
    )
    assert ok.status_code == 302
    stale = coord.post(
        "/coordination/themes/theme-tigrinya/edit",
        data={"csrf_token": token, "version": version, "title": "Überschrieben"},
    )
    assert stale.status_code == 400 and "inzwischen" in stale.get_data(as_text=True)
    current = themes.get(seeded, "herne", "theme-tigrinya")
    closed = coord.post(
        "/coordination/themes/theme-tigrinya/close",
        data={"csrf_token": token, "version": str(current["version"])},
    )
    assert closed.status_code == 302
    again = coord.post(
        "/coordination/themes/theme-tigrinya/close",
        data={"csrf_token": token, "version": str(current["version"])},
    )
    assert again.status_code == 409 and "inzwischen" in again.get_data(as_text=True)
    assert "Tigrinya fehlt" not in coord.get("/coordination/gaps").get_data(as_text=True)


def test_theme_case_counts_show_only_as_a_band(coord):
    data = coord.get("/coordination/gaps.json").json
    bands = {t["id"]: t["many_cases"] for t in data["themes"]}
    assert bands == {"theme-sucht-eickel": True, "theme-tigrinya": False}
