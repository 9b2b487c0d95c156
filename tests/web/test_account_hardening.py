"""API tokens end with the password and the account, expire, and wait for a one-time password
to be replaced; no secret travels in the readable session cookie; an admin's password reset
never re-enables a disabled account."""

from __future__ import annotations

import json

from graphsvc.services import accounts
from tests.web.test_auth import login


def _cookie_data(app, client) -> str:
    """The session cookie's content as text (it is signed, not encrypted)."""
    cookie = client.get_cookie("session")
    if cookie is None:
        return ""
    return json.dumps(app.session_interface.get_signing_serializer(app).loads(cookie.value))


def _change_password(client, auth, current: str, new: str):
    return client.post(
        "/profile/password",
        data={
            "current_password": current,
            "new_password": new,
            "repeat_password": new,
            "csrf_token": auth.csrf(client, "/profile"),
        },
    )


def _admin(app, auth):
    admin = app.test_client()
    auth.login(admin, roles=("admin",), actor="ki-herne")
    return admin


def test_own_password_change_ends_the_users_api_tokens(app, auth, seeded):
    client = app.test_client()
    username = auth.login(client)
    secret = accounts.create_token(seeded, accounts.find_user_id(seeded, username), "skript")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert _change_password(client, auth, auth.PASSWORD, "ein-neues-passwort-9").status_code == 302
    assert app.test_client().get("/api/v1/me", headers=headers).status_code == 401


def test_admin_reset_and_disabling_end_the_users_api_tokens(app, auth, seeded):
    admin = _admin(app, auth)
    token = auth.csrf(admin, "/admin/users")
    for action in ("reset", "disable"):
        username = auth.user()
        user_id = accounts.find_user_id(seeded, username)
        headers = {"Authorization": f"Bearer {accounts.create_token(seeded, user_id, 't')}"}
        admin.post(f"/admin/users/{user_id}/{action}", data={"csrf_token": token})
        if action == "disable":
            admin.post(f"/admin/users/{user_id}/enable", data={"csrf_token": token})
        assert app.test_client().get("/api/v1/me", headers=headers).status_code == 401, action


def test_token_is_refused_while_a_one_time_password_must_be_replaced(client, auth, seeded):
    user_id, _ = accounts.create_user(seeded, "neu.kollegin", "Neu", "caritas-herne", ["admin"])
    headers = {"Authorization": f"Bearer {accounts.create_token(seeded, user_id, 'shell')}"}
    answer = client.get("/api/v1/me", headers=headers)
    assert answer.status_code == 401
    assert "Einmal-Passwort" in answer.json["error"]["message"]


def test_token_expires_after_the_configured_days(client, auth, seeded):
    headers = auth.token()
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    seeded.query("testing.age_tokens", seconds=89 * 86400)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    seeded.query("testing.age_tokens", seconds=2 * 86400)
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_profile_shows_when_each_token_expires(client, auth):
    from graphsvc.domain import clock

    auth.login(client)
    client.post(
        "/profile/tokens", data={"name": "Skript", "csrf_token": auth.csrf(client, "/profile")}
    )
    page = client.get("/profile").get_data(as_text=True)
    expires = clock.day_of(clock.now_seconds() + accounts.DEFAULT_TOKEN_DAYS * 86400).isoformat()
    assert "gültig bis" in page
    assert f"gültig bis {expires[8:10]}.{expires[5:7]}.{expires[:4]}" in page


def test_new_token_is_shown_once_and_never_put_in_the_cookie(app, auth):
    client = app.test_client()
    auth.login(client)
    answer = client.post(
        "/profile/tokens", data={"name": "Skript", "csrf_token": auth.csrf(client, "/profile")}
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 201
    assert answer.headers["Cache-Control"] == "no-store"
    secret = page.split('id="new-token">')[1].split("<")[0]
    assert secret.startswith("gsv_")
    assert secret not in _cookie_data(app, client)
    assert secret not in client.get("/profile").get_data(as_text=True)


def test_admin_reset_shows_the_one_time_password_without_putting_it_in_the_cookie(
    app, auth, seeded
):
    admin = _admin(app, auth)
    username = auth.user()
    user_id = accounts.find_user_id(seeded, username)
    answer = admin.post(
        f"/admin/users/{user_id}/reset", data={"csrf_token": auth.csrf(admin, "/admin/users")}
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    password = page.split('id="one-time-password">')[1].split("<")[0]
    assert password not in _cookie_data(app, admin)
    assert password not in admin.get("/admin/users").get_data(as_text=True)
    assert login(app.test_client(), auth, username, password).status_code == 302


def test_admin_reset_does_not_enable_a_disabled_account(app, auth, seeded):
    admin = _admin(app, auth)
    username = auth.user()
    user_id = accounts.find_user_id(seeded, username)
    token = auth.csrf(admin, "/admin/users")
    admin.post(f"/admin/users/{user_id}/disable", data={"csrf_token": token})
    page = admin.post(f"/admin/users/{user_id}/reset", data={"csrf_token": token})
    password = page.get_data(as_text=True).split('id="one-time-password">')[1].split("<")[0]
    assert seeded.query("accounts.get_user", user_id=user_id)["user"]["active"] is False
    answer = login(app.test_client(), auth, username, password)
    assert "deaktiviert" in answer.get_data(as_text=True)
