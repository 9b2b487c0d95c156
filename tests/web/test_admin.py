"""Admins manage the users of their municipality; everything lands in the audit trail."""

from __future__ import annotations

import re

import pytest

from graphsvc.services import audit

INJECTIONS = [
    "' OR 1=1 //",
    'x") DETACH DELETE n //',
    "}) MATCH (n) DETACH DELETE n //",
    "<script>alert(1)</script>",
    "$x`y`",
]


def create(client, auth, **fields):
    data = {
        "username": "neu.cm",
        "display_name": "Neue CM",
        "actor_id": "awo-herne",
        "roles": ["case_manager"],
        **fields,
        "csrf_token": auth.csrf(client, "/admin/users"),
    }
    return client.post("/admin/users", data=data)


def test_admin_creates_a_user_and_sees_the_one_time_password_once(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    page = create(client, auth).get_data(as_text=True)
    password = re.search(r'id="one-time-password">([^<]+)<', page).group(1)
    assert 'data-username="neu.cm"' in page
    assert "one-time-password" not in client.get("/admin/users").get_data(as_text=True)
    newcomer = app.test_client()
    answer = newcomer.post(
        "/login",
        data={
            "username": "neu.cm",
            "password": password,
            "csrf_token": auth.csrf(newcomer, "/login"),
        },
    )
    assert answer.headers["Location"].endswith("/profile")  # must choose an own password first
    assert newcomer.get("/admin/users").headers["Location"].endswith("/profile")
    actions = [e["action"] for e in audit.search(seeded)]
    assert "user.create" in actions


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"username": "AB"}, "Feld muss zwischen 3 und 40 Zeichen beinhalten."),
        ({"username": "Groß Buchstaben"}, "Nur Kleinbuchstaben"),
        ({"roles": []}, "Bitte mindestens eine Rolle wählen."),
        ({"actor_id": "no-such-actor"}, "Keine gültige Auswahl"),
    ],
)
def test_invalid_user_form_names_the_field(app, auth, fields, message):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    answer = create(client, auth, **fields)
    assert answer.status_code == 400
    assert message in answer.get_data(as_text=True)


def test_duplicate_username_is_refused_and_nothing_written(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    create(client, auth)
    answer = create(client, auth, display_name="Doppelt")
    assert answer.status_code == 400
    assert "Dieser Benutzername ist bereits vergeben." in answer.get_data(as_text=True)
    assert "Doppelt" not in client.get("/admin/users").get_data(as_text=True)


def test_disable_enable_and_reset_a_user(app, auth, seeded):
    from graphsvc.services import accounts

    admin = app.test_client()
    auth.login(admin, roles=("admin",), actor="ki-herne")
    victim = app.test_client()
    username = auth.login(victim)
    user_id = accounts.find_user_id(seeded, username)
    token = auth.csrf(admin, "/admin/users")
    admin.post(f"/admin/users/{user_id}/disable", data={"csrf_token": token})
    assert victim.get("/profile").status_code == 302
    admin.post(f"/admin/users/{user_id}/enable", data={"csrf_token": token})
    page = admin.post(f"/admin/users/{user_id}/reset", data={"csrf_token": token})
    assert 'id="one-time-password"' in page.get_data(as_text=True)
    assert [e["action"] for e in audit.search(seeded, action="user.")][:3] == [
        "user.reset",
        "user.enable",
        "user.disable",
    ]


def test_audit_log_filters_and_exports_csv(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    page = client.get("/admin/audit?action=login").get_data(as_text=True)
    assert "login" in page
    csv = client.get("/admin/audit.csv?action=login")
    assert csv.mimetype == "text/csv"
    assert csv.get_data(as_text=True).splitlines()[0].startswith("at,username,action")
    assert client.get("/admin/audit?since=not-a-date").status_code == 400


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_in_every_admin_and_login_field_change_nothing(app, auth, seeded, text):
    from graphsvc.services import setup

    before = setup.counts(seeded)
    client = app.test_client()
    client.post(
        "/login",
        data={"username": text, "password": text, "csrf_token": auth.csrf(client, "/login")},
    )
    auth.login(client, roles=("admin",), actor="ki-herne")
    answers = [
        create(client, auth, username=text, display_name=text, actor_id=text),
        client.get("/admin/audit", query_string={"username": text, "action": text}),
        client.post(
            "/profile/tokens", data={"name": text, "csrf_token": auth.csrf(client, "/profile")}
        ),
    ]
    assert all(a.status_code < 500 for a in answers)
    assert "<script>alert(1)</script>" not in "".join(a.get_data(as_text=True) for a in answers)
    after = setup.counts(seeded)
    assert after["Offer"] == before["Offer"] and after["Actor"] == before["Actor"]
    assert after["User"] == before["User"] + 1  # only the admin this test logged in as
