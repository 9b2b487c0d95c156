"""The same client at two organisations in the browser and over JSON: the name and birth
date never reach the graph, logs or pages; coordination sees and decides the pairs."""

from __future__ import annotations

import io
import logging
import re

import pytest

from graphsvc.services import audit, backup, same_client
from graphsvc.services.audit import Who

INTAKE = {
    "district_id": "wanne",
    "needs": ["housing"],
    "intake_outcome": "case_management",
    "access_route": "self_referral",
    "age_band": "27-44",
    "residence_status": "protection-granted",
}
CANARY_GIVEN = "Kanarienvogel"
CANARY_FAMILY = "Zwitscherlingova"
CANARY_BORN = "1931-02-03"
HERNE_COORDINATOR = Who(
    {"id": "", "username": "", "municipality_id": "herne", "actor_id": "ki-herne"}
)


def open_via_form(client, auth, **extra):
    data = {**INTAKE, **extra, "csrf_token": auth.csrf(client, "/cases/new")}
    return client.post("/cases/new", data=data)


def _dump(graph) -> str:
    out = io.StringIO()
    backup.export(graph, out)
    return out.getvalue()


def _seen(graph, caplog) -> str:
    events = "".join(str(e) for e in audit.search(graph))
    return _dump(graph) + caplog.text + events


def test_name_and_birth_date_reach_no_graph_log_or_audit_only_the_key(app, auth, seeded, caplog):
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    identity = {
        "client_given_names": CANARY_GIVEN,
        "client_family_name": CANARY_FAMILY,
        "client_birth_date": CANARY_BORN,
    }
    answer = open_via_form(client, auth, **identity)
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    headers = auth.token(actor="awo-herne")
    created = client.post("/api/v1/cases", json={**INTAKE, **identity}, headers=headers)
    assert created.status_code == 201
    pseudonym = created.json["pseudonym"]
    read = client.get(f"/api/v1/cases/{pseudonym}", headers=headers).get_data(as_text=True)
    seen = _seen(seeded, caplog) + page + read + answer.headers["Location"]
    for secret in (CANARY_GIVEN, CANARY_FAMILY, CANARY_BORN, CANARY_FAMILY.lower()):
        assert secret not in seen
    assert seeded.query("cases.get_case", pseudonym=pseudonym)["case"]["match_key"]
    # The two intakes name the same person at two organisations: one pair for coordination.
    pairs = same_client.pairs(seeded, HERNE_COORDINATOR)
    assert any(pseudonym in (p["case_a"], p["case_b"]) for p in pairs)


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"client_family_name": CANARY_FAMILY}, "client_birth_date"),
        ({"client_given_names": CANARY_FAMILY}, "client_birth_date"),
        ({"client_birth_date": "1990-05-01"}, "client_family_name"),
        (
            {"client_family_name": CANARY_FAMILY, "client_birth_date": "2999-01-01"},
            "client_birth_date",
        ),
        (
            {"client_family_name": CANARY_FAMILY, "client_birth_date": "1850-01-01"},
            "client_birth_date",
        ),
        (
            {"client_family_name": CANARY_FAMILY, "client_birth_date": "31.02.1990"},
            "client_birth_date",
        ),
        (
            {"client_family_name": "x" * 101, "client_birth_date": "1990-05-01"},
            "client_family_name",
        ),
        ({"client_family_name": "1234", "client_birth_date": "1990-05-01"}, "client_family_name"),
        (
            {
                "client_given_names": "y" * 101,
                "client_family_name": CANARY_FAMILY,
                "client_birth_date": "1990-05-01",
            },
            "client_given_names",
        ),
    ],
)
def test_invalid_identity_names_the_field_writes_nothing_and_echoes_nothing(
    app, auth, seeded, extra, field
):
    client = app.test_client()
    auth.login(client)
    before = seeded.query("testing.count_label_case")
    answer = open_via_form(client, auth, **extra)
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert f'id="{field}-errors"' in page
    assert CANARY_FAMILY not in page and "x" * 101 not in page and "1990-05-01" not in page
    assert seeded.query("testing.count_label_case") == before
    headers = auth.token()
    bad = client.post("/api/v1/cases", json={**INTAKE, **extra}, headers=headers)
    assert bad.status_code == 400 and field in bad.json["error"]["fields"]
    assert CANARY_FAMILY not in bad.get_data(as_text=True)


def test_a_form_error_elsewhere_does_not_show_the_name_again(app, auth):
    client = app.test_client()
    auth.login(client)
    answer = open_via_form(
        client,
        auth,
        needs=[],
        client_family_name=CANARY_FAMILY,
        client_birth_date="1990-05-01",
    )
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert CANARY_FAMILY not in page and "1990-05-01" not in page


def test_the_case_manager_is_not_told_about_the_other_organisations_case(app, auth, seeded):
    client = app.test_client()
    auth.login(client, actor="awo-herne")
    answer = open_via_form(
        client,
        auth,
        client_given_names="Katharina",
        client_family_name="Mueller",
        client_birth_date="1972-09-30",
    )
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    new = answer.headers["Location"].rsplit("/", 1)[1]
    assert "HER-2026-0007" not in page and "HER-2026-0022" not in page
    pairs = {(p["case_a"], p["case_b"]) for p in same_client.pairs(seeded, HERNE_COORDINATOR)}
    assert tuple(sorted(("HER-2026-0007", new))) in pairs
    assert tuple(sorted(("HER-2026-0022", new))) in pairs


def test_coordination_sees_the_seeded_pairs_with_threshold_and_the_read_is_audited(
    app, auth, seeded
):
    client = app.test_client()
    username = auth.login(client, roles=("coordination",), actor="ki-herne")
    page = client.get("/coordination/same-client").get_data(as_text=True)
    for pseudonym in ("HER-2026-0003", "HER-2026-0004", "HER-2026-0007", "HER-2026-0022"):
        assert pseudonym in page
    assert "HER-2026-0017" not in page and "HER-2026-0011" not in page  # not pairs
    assert "0.85" in page
    data = client.get("/coordination/same-client.json?status=").json
    assert data["threshold"] == 0.85 and data["counts"]["open"] == 3
    assert {(p["case_a"], p["case_b"]) for p in data["pairs"]} == {
        ("HER-2026-0003", "HER-2026-0004"),
        ("HER-2026-0007", "HER-2026-0022"),
        ("HER-2026-0016", "HER-2026-0020"),
    }
    assert all(set(p) >= {"score", "actor_a", "actor_b", "status"} for p in data["pairs"])
    reads = audit.search(seeded, username=username, action="same_client.list")
    assert len(reads) == 2


def test_coordination_confirms_and_rejects_and_decisions_stay(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    token = auth.csrf(client, "/coordination/same-client")
    typo = same_client.pair_id("HER-2026-0003", "HER-2026-0004")
    swapped = same_client.pair_id("HER-2026-0016", "HER-2026-0020")
    url = "/coordination/same-client/"
    assert (
        client.post(url + typo, data={"decision": "confirm", "csrf_token": token}).status_code
        == 302
    )
    assert (
        client.post(url + swapped, data={"decision": "reject", "csrf_token": token}).status_code
        == 302
    )
    again = client.post(url + swapped, data={"decision": "confirm", "csrf_token": token})
    assert again.status_code == 303
    assert client.post(url + "scan", data={"csrf_token": token}).status_code == 302
    data = client.get("/coordination/same-client.json?status=").json
    status = {(p["case_a"], p["case_b"]): p["status"] for p in data["pairs"]}
    assert status[("HER-2026-0003", "HER-2026-0004")] == "confirmed"
    assert status[("HER-2026-0016", "HER-2026-0020")] == "rejected"
    assert client.get("/coordination/same-client?status=rejected").status_code == 200
    bad = client.post(url + typo, data={"decision": "maybe", "csrf_token": token})
    assert bad.status_code == 400
    assert (
        client.post(url + "cm-nope", data={"decision": "reject", "csrf_token": token}).status_code
        == 404
    )
    assert client.post(url + typo, data={"decision": "reject"}).status_code == 400  # no CSRF


def test_an_unknown_status_filter_is_refused(app, auth):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    assert client.get("/coordination/same-client?status=maybe").status_code == 400
    bad = client.get("/coordination/same-client.json?status=maybe")
    assert bad.status_code == 400 and "status" in bad.json["error"]["fields"]


def test_coordination_of_another_municipality_sees_no_herne_pairs(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    assert re.search(
        r"HER-2026-0003", client.get("/coordination/same-client").get_data(as_text=True)
    )
    other = Who({**(HERNE_COORDINATOR.user or {}), "municipality_id": "elsewhere"})
    assert same_client.pairs(seeded, other) == []


def test_token_api_lists_decides_and_undoes_pairs_with_audit(app, auth, seeded):
    client = app.test_client()
    headers = auth.token(roles=("coordination",), actor="ki-herne")
    listed = client.get("/api/v1/coordination/same-client?status=open", headers=headers)
    assert listed.status_code == 200 and listed.json["pairs"]
    pair = listed.json["pairs"][0]["id"]
    url = f"/api/v1/coordination/same-client/{pair}"
    assert client.post(url, headers=headers, json={"decision": "maybe"}).status_code == 400
    assert client.post(url, headers=headers, json={"decision": "undo"}).status_code == 409
    confirmed = client.post(url, headers=headers, json={"decision": "confirm"})
    assert confirmed.status_code == 200 and confirmed.json["status"] == "confirmed"
    assert client.post(url, headers=headers, json={"decision": "reject"}).status_code == 409
    undone = client.post(url, headers=headers, json={"decision": "undo"})
    assert undone.status_code == 200 and undone.json["status"] == "open"
    rejected = client.post(url, headers=headers, json={"decision": "reject"})
    assert rejected.json["status"] == "rejected"
    actions = [e["action"] for e in audit.search(seeded) if e["target"] == pair]
    assert actions[:3] == ["same_client.rejected", "same_client.undone", "same_client.confirmed"]
    missing = client.post(
        "/api/v1/coordination/same-client/cm-nope", headers=headers, json={"decision": "confirm"}
    )
    assert missing.status_code == 404
    case_manager = auth.token(actor="ki-herne")
    assert client.get("/api/v1/coordination/same-client", headers=case_manager).status_code == 403


def test_a_decision_undone_on_the_page_opens_the_pair_again(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    pair = same_client.pairs(seeded, HERNE_COORDINATOR, "open")[0]["id"]
    same_client.decide(seeded, HERNE_COORDINATOR, pair, "reject")
    page = client.get("/coordination/same-client?status=rejected").get_data(as_text=True)
    assert f"/coordination/same-client/{pair}/undo" in page
    token = auth.csrf(client, "/coordination/same-client?status=rejected")
    undone = client.post(f"/coordination/same-client/{pair}/undo", data={"csrf_token": token})
    assert undone.status_code == 303
    assert {p["id"]: p["status"] for p in same_client.pairs(seeded, HERNE_COORDINATOR)}[pair] == (
        "open"
    )
    again = client.post(f"/coordination/same-client/{pair}/undo", data={"csrf_token": token})
    assert again.status_code == 303  # nothing to take back: told so, nothing changed
    history = seeded.query("testing.pair_history", pair_id=pair)
    assert history and "undone" in history[0]
