"""Login, sessions, tokens, lockout and the audit trail."""

from __future__ import annotations

import logging

import pytest

from graphsvc.services import accounts, audit


def login(client, auth, username, password):
    return client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": auth.csrf(client, "/login"),
        },
    )


def test_login_with_wrong_password_is_refused_with_a_message(client, auth):
    username = auth.user()
    answer = login(client, auth, username, "wrong-password-123")
    assert answer.status_code == 200
    assert "Benutzername oder Passwort ist nicht korrekt." in answer.get_data(as_text=True)
    assert client.get("/profile").status_code == 302


def test_login_changes_the_session_id_and_profile_opens(client, auth):
    client.get("/login")
    with client.session_transaction() as before:
        before["marker"] = "from before login"
    username = auth.user()
    assert login(client, auth, username, auth.PASSWORD).status_code == 302
    with client.session_transaction() as after:
        assert "marker" not in after
        assert after["sid"]
    assert username in client.get("/profile").get_data(as_text=True)


def test_cookie_replayed_after_logout_is_refused(app, auth):
    client = app.test_client()
    auth.login(client)
    cookie = client.get_cookie("session").value
    token = auth.csrf(client, "/profile")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", cookie)
    assert replay.get("/profile").status_code == 302  # back to login


def test_disabling_a_user_ends_their_sessions(client, auth, seeded):
    username = auth.login(client)
    accounts.set_active(seeded, accounts.find_user_id(seeded, username), False)
    assert client.get("/profile").status_code == 302


def test_password_change_needs_the_current_password_and_ends_sessions(app, client, auth):
    username = auth.login(client)
    other = app.test_client()
    assert login(other, auth, username, auth.PASSWORD).status_code == 302
    token = auth.csrf(client, "/profile")
    wrong = client.post(
        "/profile/password",
        data={
            "current_password": "not-it-at-all",
            "new_password": "a-new-password-1",
            "repeat_password": "a-new-password-1",
            "csrf_token": token,
        },
    )
    assert wrong.status_code == 400
    assert "Das aktuelle Passwort ist nicht korrekt." in wrong.get_data(as_text=True)
    right = client.post(
        "/profile/password",
        data={
            "current_password": auth.PASSWORD,
            "new_password": "a-new-password-1",
            "repeat_password": "a-new-password-1",
            "csrf_token": token,
        },
    )
    assert right.status_code == 302
    assert other.get("/profile").status_code == 302  # the other session ended too
    assert login(app.test_client(), auth, username, "a-new-password-1").status_code == 302


def test_session_expires_after_inactivity(backend, seeded, auth):
    from graphsvc import create_app

    app = create_app(backend.app_config(session_idle_minutes=1))
    client = app.test_client()
    auth.login(client)
    assert client.get("/profile").status_code == 200
    seeded.query("testing.age_sessions", seconds=120)
    assert client.get("/profile").status_code == 302
    app.extensions["graphsvc.graph"].close()


def test_session_ends_after_its_absolute_lifetime(client, auth, seeded):
    auth.login(client)
    seeded.query("testing.age_sessions", seconds=13 * 3600)
    assert client.get("/profile").status_code == 302


def test_account_locks_after_five_failures_even_with_the_right_password(client, auth):
    username = auth.user()
    for _ in range(5):
        login(client, auth, username, "wrong-password-123")
    answer = login(client, auth, username, auth.PASSWORD)
    assert "Zu viele fehlgeschlagene Versuche" in answer.get_data(as_text=True)


def test_login_attempts_are_limited_per_address(backend, seeded, auth):
    from graphsvc import create_app

    app = create_app(backend.app_config(login_limit="3 per minute"))
    client = app.test_client()
    statuses = [login(client, auth, f"nobody{i}", "whatever-123").status_code for i in range(4)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    assert "Zu viele Versuche" in login(client, auth, "x", "y").get_data(as_text=True)
    app.extensions["graphsvc.graph"].close()


def test_api_token_acts_as_its_user_until_revoked(client, auth, seeded):
    headers = auth.token(roles=("admin",))
    assert client.get("/api/v1/me", headers=headers).json["roles"] == ["admin"]
    user_id = client.get("/api/v1/me", headers=headers).json["id"]
    prefix = headers["Authorization"][7:19]
    accounts.revoke_token(seeded, user_id, prefix)
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_tokens_are_stored_hashed(auth, seeded):
    headers = auth.token()
    secret = headers["Authorization"][7:]
    assert seeded.query("testing.count_nodes_with_value", value=secret) == 0


def test_token_created_on_profile_is_shown_once(client, auth):
    auth.login(client)
    token = auth.csrf(client, "/profile")
    answer = client.post("/profile/tokens", data={"name": "Mein Skript", "csrf_token": token})
    assert 'id="new-token"' in answer.get_data(as_text=True)
    assert 'id="new-token"' not in client.get("/profile").get_data(as_text=True)


def test_post_without_csrf_token_is_refused(client, auth):
    auth.login(client)
    answer = client.post("/profile/tokens", data={"name": "x"})
    assert answer.status_code == 400


def test_logins_and_user_changes_are_audited(client, auth, seeded):
    username = auth.user()
    login(client, auth, username, "wrong-password-123")
    login(client, auth, username, auth.PASSWORD)
    events = audit.search(seeded, username=username)
    assert [(e["action"], e["outcome"]) for e in events[:2]] == [
        ("login", "ok"),
        ("login", "invalid"),
    ]
    assert events[0]["address"] == "127.0.0.1"


def test_no_password_token_or_session_id_reaches_any_log(app, client, auth, caplog, seeded):
    caplog.set_level(logging.DEBUG)
    canary = "Kanarienvogel-Passwort-4711"
    username = auth.user(password=canary)
    login(client, auth, username, canary)
    sid = None
    with client.session_transaction() as session:
        sid = session["sid"]
    headers = auth.token()
    client.get("/api/v1/me", headers=headers)
    logged = caplog.text + "".join(str(e) for e in audit.search(seeded))
    for secret in (canary, sid, headers["Authorization"][7:]):
        assert secret not in logged


@pytest.mark.parametrize(
    "header",
    ["Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options"],
)
def test_security_headers_are_set(client, header):
    assert client.get("/").headers.get(header)


def test_csp_forbids_inline_scripts(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_session_cookie_is_httponly_and_lax(client, auth):
    auth.login(client)
    cookie = client.get_cookie("session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"
