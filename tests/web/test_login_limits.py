"""Lockout per account and address, and the current-password check on the profile page
counted like a login: a known account cannot be locked from elsewhere, a stolen session
cannot guess the password."""

from __future__ import annotations

from graphsvc.services import audit
from tests.web.test_auth import login


def _from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(app, auth):
    username = auth.user()
    attacker = _from(app, "203.0.113.9")
    for _ in range(6):
        answer = login(attacker, auth, username, "wrong-password-123")
    assert "Zu viele fehlgeschlagene Versuche" in answer.get_data(as_text=True)
    assert login(attacker, auth, username, auth.PASSWORD).status_code == 200  # still locked
    colleague = _from(app, "192.0.2.20")
    assert login(colleague, auth, username, auth.PASSWORD).status_code == 302


def test_wrong_current_passwords_end_the_session_after_five(app, auth, seeded):
    client = _from(app, "198.51.100.7")
    username = auth.login(client)
    token = auth.csrf(client, "/profile")
    statuses = []
    for n in range(5):
        answer = client.post(
            "/profile/password",
            data={
                "current_password": f"guess-number-{n}",
                "new_password": "a-new-password-1",
                "repeat_password": "a-new-password-1",
                "csrf_token": token,
            },
        )
        statuses.append(answer.status_code)
    assert statuses == [400, 400, 400, 400, 302]
    assert client.get("/profile").status_code == 302  # logged out
    assert login(client, auth, username, auth.PASSWORD).status_code == 200  # locked here
    assert login(_from(app, "192.0.2.21"), auth, username, auth.PASSWORD).status_code == 302
    outcomes = [e["outcome"] for e in audit.search(seeded, action="user.password_change")]
    assert "locked" in outcomes


def test_an_admin_reset_lifts_the_lock(app, auth, seeded):
    from graphsvc.services import accounts

    username = auth.user()
    attacker = _from(app, "203.0.113.10")
    for _ in range(5):
        login(attacker, auth, username, "wrong-password-123")
    password = accounts.reset_password(seeded, accounts.find_user_id(seeded, username))
    assert login(attacker, auth, username, password).status_code == 302
