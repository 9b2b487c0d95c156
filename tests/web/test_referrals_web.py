"""The closed referral loop through pages and the token API: a case manager refers, the
receiving organisation answers, the case manager is told, the gap report counts it; and
what a partner may (not) see."""

from __future__ import annotations

import pytest

from graphsvc.domain import clock
from graphsvc.services import accounts, audit, cases
from graphsvc.services.audit import Who

INTAKE = {
    "district_id": "wanne",
    "needs": ["housing", "work"],
    "intake_outcome": "case_management",
    "criteria": ["multi_dimensional"],
    "access_route": "referral_by_actor",
    "age_band": "27-44",
    "residence_status": "protection-granted",
    "languages": ["ar", "de"],
}
AWO_OFFER = "awo-wohnraumberatung-wanne"


def refer(client, headers, offer=AWO_OFFER, consent=True) -> str:
    """A KI case with a waiver for housing, referred to `offer`; returns the pseudonym."""
    pseudonym = client.post("/api/v1/cases", json=INTAKE, headers=headers).json["pseudonym"]
    version = 1
    if consent:
        signed = client.patch(
            f"/api/v1/cases/{pseudonym}",
            headers=headers,
            json={"version": 1, "consent": {"topic": "housing", "signed_on": "2026-01-02"}},
        )
        version = signed.json["version"]
    linked = client.post(
        f"/api/v1/cases/{pseudonym}/links",
        headers=headers,
        json={
            "version": version,
            "offer_id": offer,
            "topic": "housing",
            "mode": "referral",
            "self_referral": not consent,
        },
    )
    assert linked.status_code == 201, linked.json
    return pseudonym


def incoming(client, headers, pseudonym=None, status="open") -> list[dict]:
    answer = client.get(f"/api/v1/referrals?status={status}", headers=headers)
    assert answer.status_code == 200, answer.json
    rows = answer.json["referrals"]
    return [r for r in rows if pseudonym is None or r["pseudonym"] == pseudonym]


def test_api_path_refer_decline_no_capacity_notify_and_count_in_the_gap_report(app, auth):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    coordination = app.test_client()
    auth.login(coordination, roles=("coordination",), actor="ki-herne")
    before = coordination.get("/coordination/gaps.json").json
    pseudonym = refer(client, cm)

    [row] = incoming(client, partner, pseudonym)
    assert row["shared"] and row["topic"] == "housing" and row["languages"] == ["ar", "de"]
    assert (
        row["age_band"] == "27-44"
        and row["referred_by"]
        and row["actions"]
        == [
            "accept",
            "decline",
        ]
    )
    declined = client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={
            "version": row["version"],
            "action": "decline",
            "reason": "no_capacity",
            "feedback": "Keine Plätze bis Februar.",
        },
    )
    assert declined.status_code == 200, declined.json
    assert declined.json["status"] == "no_capacity"

    told = client.get("/api/v1/notifications", headers=cm).json
    assert told["unread"] == 1
    [note] = told["notifications"]
    assert (note["pseudonym"], note["status"], note["decline_reason"]) == (
        pseudonym,
        "no_capacity",
        "no_capacity",
    )
    assert note["feedback"] == "Keine Plätze bis Februar." and note["actor_name"]
    case = client.get(f"/api/v1/cases/{pseudonym}", headers=cm).json
    [link] = case["links"]
    assert link["status"] == "no_capacity" and link["decline_reason"] == "no_capacity"
    assert link["answered_on"] == clock.today_iso()

    after = coordination.get("/coordination/gaps.json").json

    def cell(report, table, **where):
        found = [c for c in report[table] if all(c[k] == v for k, v in where.items())]
        return found[0]["cases"] if found else 0

    for table, where in (
        ("refusals", {"topic": "housing", "reason": "no_capacity"}),
        ("refusals_by_district", {"topic": "housing", "district": "wanne"}),
    ):
        assert cell(before, table, **where) >= 5  # seeded, so the cell is shown
        assert cell(after, table, **where) == cell(before, table, **where) + 1

    marked = client.post("/api/v1/notifications/read", headers=cm, json={})
    assert marked.json["marked"] == 1
    assert client.get("/api/v1/notifications", headers=cm).json["unread"] == 0


def test_a_stale_answer_gets_409_and_changes_nothing(app, auth):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm)
    [row] = incoming(client, partner, pseudonym)
    url = f"/api/v1/referrals/{row['id']}/answer"
    accepted = client.post(
        url, headers=partner, json={"version": row["version"], "action": "accept"}
    )
    assert accepted.status_code == 200 and accepted.json["version"] == row["version"] + 1
    stale = client.post(
        url,
        headers=partner,
        json={"version": row["version"], "action": "decline", "reason": "not_eligible"},
    )
    assert stale.status_code == 409
    assert (
        client.get(f"/api/v1/referrals/{row['id']}", headers=partner).json["status"] == "accepted"
    )


def test_a_case_managers_change_makes_the_partners_open_answer_stale(app, auth, seeded):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm)
    [row] = incoming(client, partner, pseudonym)
    version = client.get(f"/api/v1/cases/{pseudonym}", headers=cm).json["case"]["version"]
    cancelled = client.patch(
        f"/api/v1/cases/{pseudonym}/links/{row['id']}",
        headers=cm,
        json={"version": version, "status": "cancelled"},
    )
    assert cancelled.status_code == 200
    late = client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={"version": row["version"], "action": "accept"},
    )
    assert late.status_code == 409


@pytest.mark.parametrize(
    "body, field",
    [
        ({"action": "complete"}, "status"),
        ({"action": "decline"}, "reason"),
        ({"action": "decline", "reason": "other"}, "reason_text"),
        ({"action": "wave"}, "action"),
        ({"action": "accept", "version": "x"}, "version"),
    ],
)
def test_an_answer_the_rules_forbid_is_refused_naming_the_field(app, auth, body, field):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm)
    [row] = incoming(client, partner, pseudonym)
    answer = client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={"version": row["version"], **body},
    )
    # A malformed answer is 400; one the referral's state does not allow is 409 case_rule.
    assert answer.status_code == (409 if field == "status" else 400)
    assert field in answer.json["error"]["fields"]
    assert client.get("/api/v1/notifications", headers=cm).json["unread"] == 0


def test_a_self_referral_without_waiver_shows_the_partner_no_case_data(app, auth):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm, consent=False)
    rows = [r for r in incoming(client, partner) if not r["shared"]]
    assert rows, "the self-referral is listed"
    body = client.get("/api/v1/referrals", headers=partner).get_data(as_text=True)
    assert pseudonym not in body
    for row in rows:
        assert all(row[k] is None for k in ("pseudonym", "topic", "languages", "age_band"))
    page = app.test_client()
    auth.login(page, roles=("partner",), actor="awo-herne")
    assert pseudonym not in page.get("/referrals/").get_data(as_text=True)


def test_a_withdrawn_waiver_hides_what_the_partner_saw(app, auth, seeded):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm)
    [row] = incoming(client, partner, pseudonym)
    version = client.get(f"/api/v1/cases/{pseudonym}", headers=cm).json["case"]["version"]
    withdrawn = client.patch(
        f"/api/v1/cases/{pseudonym}",
        headers=cm,
        json={
            "version": version,
            "consent": {
                "topic": "housing",
                "signed_on": "2026-01-02",
                "withdrawn_on": clock.today_iso(),
            },
        },
    )
    assert withdrawn.status_code == 200
    seen = client.get(f"/api/v1/referrals/{row['id']}", headers=partner).json
    assert seen["shared"] is False and seen["pseudonym"] is None and seen["topic"] is None


def test_a_partner_never_sees_another_organisations_referrals(app, auth, seeded):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    pseudonym = refer(client, cm)
    awo = auth.token(roles=("partner",), actor="awo-herne")
    [row] = incoming(client, awo, pseudonym)
    caritas = auth.token(roles=("partner",), actor="caritas-herne")
    assert not incoming(client, caritas, pseudonym, status="all")
    assert client.get(f"/api/v1/referrals/{row['id']}", headers=caritas).status_code == 404
    answer = client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=caritas,
        json={"version": row["version"], "action": "accept"},
    )
    assert answer.status_code == 404
    page = app.test_client()
    auth.login(page, roles=("partner",), actor="caritas-herne")
    assert page.get(f"/referrals/{row['id']}").status_code == 404
    denied = [e for e in audit.search(seeded, action="referral.denied") if e["target"] == row["id"]]
    assert len(denied) == 3
    assert client.get(f"/api/v1/referrals/{row['id']}", headers=awo).json["status"] == "proposed"


def test_a_partner_sees_no_case_page_even_of_its_own_organisation(app, auth):
    client = app.test_client()
    auth.login(client, roles=("partner",), actor="caritas-herne")
    # HER-2026-0001 is held by Caritas in the seeds.
    assert client.get("/cases/HER-2026-0001").status_code == 403
    assert client.get("/cases/").status_code == 403
    headers = auth.token(roles=("partner",), actor="caritas-herne")
    assert client.get("/api/v1/cases/HER-2026-0001", headers=headers).status_code == 403
    assert client.get("/api/v1/notifications", headers=headers).status_code == 403


def test_every_read_and_answer_is_audited_with_the_link_not_the_case(app, auth, seeded):
    client = app.test_client()
    cm = auth.token(actor="ki-herne")
    partner = auth.token(roles=("partner",), actor="awo-herne")
    pseudonym = refer(client, cm)
    [row] = incoming(client, partner, pseudonym)
    client.get(f"/api/v1/referrals/{row['id']}", headers=partner)
    client.post(
        f"/api/v1/referrals/{row['id']}/feedback",
        headers=partner,
        json={"version": row["version"], "feedback": "Termin am Dienstag."},
    )
    client.post(
        f"/api/v1/referrals/{row['id']}/answer",
        headers=partner,
        json={"version": row["version"] + 1, "action": "accept"},
    )
    events = {e["action"]: e for e in audit.search(seeded) if e["action"].startswith("referral.")}
    assert {"referral.inbox", "referral.read", "referral.feedback", "referral.answer"} <= set(
        events
    )
    for action in ("referral.read", "referral.feedback", "referral.answer"):
        assert events[action]["target"] == row["id"]
        assert pseudonym not in events[action]["details"]
    assert '"status": "accepted"' in events["referral.answer"]["details"]


def test_partner_answers_on_the_page_and_the_case_manager_sees_it(app, auth, seeded):
    cm_page = app.test_client()
    cm_name = auth.login(cm_page, actor="ki-herne")
    who = Who(
        seeded.query("accounts.get_user", user_id=accounts.find_user_id(seeded, cm_name))["user"]
    )
    pseudonym = cases.open_case(seeded, who, INTAKE)
    cases.set_consent(seeded, who, pseudonym, 1, "housing", "2026-01-02", None)
    cases.create_link(seeded, who, pseudonym, 2, AWO_OFFER, "housing", "warm_handover")

    partner = app.test_client()
    auth.login(partner, roles=("partner",), actor="awo-herne")
    inbox = partner.get("/referrals/").get_data(as_text=True)
    assert pseudonym in inbox
    [row] = cases.read_case(seeded, who, pseudonym)["links"]
    assert f'data-referral="{row["id"]}"' in inbox
    page = partner.get(f"/referrals/{row['id']}")
    assert page.status_code == 200 and pseudonym in page.get_data(as_text=True)
    token = auth.csrf(partner, f"/referrals/{row['id']}")
    missing_reason = partner.post(
        f"/referrals/{row['id']}/answer",
        data={"version": 1, "action": "decline", "csrf_token": token},
    )
    assert missing_reason.status_code == 400
    done = partner.post(
        f"/referrals/{row['id']}/answer",
        data={
            "version": 1,
            "action": "decline",
            "reason": "not_eligible",
            "feedback": "Nur für Familien mit Kindern.",
            "csrf_token": token,
        },
    )
    assert done.status_code == 303

    home = cm_page.get("/cases/").get_data(as_text=True)
    assert 'data-unread="1"' in home
    listed = cm_page.get("/notifications/").get_data(as_text=True)
    assert pseudonym in listed and "Nur für Familien mit Kindern." in listed
    case_page = cm_page.get(f"/cases/{pseudonym}").get_data(as_text=True)
    assert 'data-field="decline-reason"' in case_page
    read_token = auth.csrf(cm_page, "/notifications/")
    assert cm_page.post("/notifications/read", data={"csrf_token": read_token}).status_code == 303
    assert 'data-unread="0"' in cm_page.get("/cases/").get_data(as_text=True)


def test_unanswered_referrals_are_flagged_in_the_case_list_and_the_inbox(app, auth):
    # HER-2026-0002 (AWO) was referred to Caritas on 2026-11-05 and is still proposed.
    cm = app.test_client()
    auth.login(cm, actor="awo-herne")
    rows = cm.get("/cases/?scope=org").get_data(as_text=True)
    row = rows[rows.index('data-pseudonym="HER-2026-0002"') :].split("</tr>")[0]
    assert 'data-follow-ups="1"' in row
    fresh = rows[rows.index('data-pseudonym="HER-2026-0031"') :].split("</tr>")[0]
    assert "data-follow-ups" not in fresh
    partner = auth.token(roles=("partner",), actor="caritas-herne")
    client = app.test_client()
    flagged = {r["pseudonym"]: r["follow_up"] for r in incoming(client, partner)}
    assert flagged["HER-2026-0002"] is True
    api = client.get("/api/v1/cases?mine=0", headers=auth.token(actor="awo-herne")).json
    assert {c["pseudonym"]: c["follow_ups"] for c in api["cases"]}["HER-2026-0002"] == 1


def test_the_seeded_inboxes_are_not_empty(app, auth):
    client = app.test_client()
    for actor in ("awo-herne", "caritas-herne", "diakonie-herne", "drk-herne"):
        assert incoming(client, auth.token(roles=("partner",), actor=actor)), actor
