"""Notification e-mails go through a real SMTP server (aiosmtpd, started here on a free
port) and say only the pseudonym and the status."""

from __future__ import annotations

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller

from graphsvc.dev.served import free_port
from graphsvc.services import accounts
from tests.web.test_referrals_web import AWO_OFFER, incoming, refer


class Inbox:
    """An aiosmtpd handler that keeps every message it is handed."""

    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp():
    """A real SMTP server on 127.0.0.1 for this test."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def mail_app(backend, seeded, smtp):
    from graphsvc import create_app

    port, _ = smtp
    app = create_app(
        backend.app_config(
            smtp_host="127.0.0.1",
            smtp_port=port,
            mail_from="kim@herne.example",
            base_url="https://kim.herne.example",
        )
    )
    yield app
    app.extensions["graphsvc.graph"].close()


def test_the_case_manager_gets_a_mail_with_pseudonym_and_status_only(mail_app, auth, smtp):
    _, inbox = smtp
    client = mail_app.test_client()
    cm_page = mail_app.test_client()
    username = auth.login(cm_page, actor="ki-herne")
    token = auth.csrf(cm_page, "/notifications/")
    saved = cm_page.post(
        "/notifications/email", data={"email": "cm@ki.herne.example", "csrf_token": token}
    )
    assert saved.status_code == 303
    secret = accounts.create_token(auth.graph, accounts.find_user_id(auth.graph, username), "t")
    pseudonym = refer(client, {"Authorization": f"Bearer {secret}"})
    partner = auth.token(roles=("partner",), actor="awo-herne")
    [row] = incoming(client, partner, pseudonym)
    answered = client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={
            "version": row["version"],
            "action": "decline",
            "reason": "no_capacity",
            "feedback": "Frau K. bitte im Februar erneut melden.",
        },
    )
    assert answered.status_code == 200
    assert mail_app.extensions["graphsvc.mailer"].wait(10)
    [message] = inbox.messages
    assert message.rcpt_tos == ["cm@ki.herne.example"]
    mail = email.message_from_bytes(message.content, policy=email.policy.default)
    text = f"{mail['Subject']}\n{mail.get_content()}"
    assert pseudonym in text and "keine Kapazität" in text
    assert "https://kim.herne.example/notifications/" in text
    for secret in ("Frau K.", "Februar", AWO_OFFER, "Wohnraum", "AWO", "housing", "Wohnen"):
        assert secret not in text, secret


def test_without_an_address_or_a_server_no_mail_is_sent(app, auth):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    pseudonym = refer(client, cm)
    partner = auth.token(roles=("partner",), actor="awo-herne")
    [row] = incoming(client, partner, pseudonym)
    client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={"version": row["version"], "action": "accept"},
    )
    mailer = app.extensions["graphsvc.mailer"]
    assert mailer.enabled is False and mailer.wait(1)
    page = app.test_client()
    auth.login(page)
    assert 'name="email"' not in page.get("/notifications/").get_data(as_text=True)


def test_an_invalid_address_is_refused_naming_the_field(app, auth):
    page = app.test_client()
    auth.login(page)
    token = auth.csrf(page, "/notifications/")
    refused = page.post("/notifications/email", data={"email": "no-at-sign", "csrf_token": token})
    assert refused.status_code == 400
