"""The case file in the browser forms and over the API: same rules, same answers."""

from __future__ import annotations

import re

import pytest

INTAKE = {
    "district_id": "wanne",
    "needs": ["housing", "work"],
    "intake_outcome": "case_management",
    "criteria": ["multi_dimensional"],
    "access_route": "self_referral",
    "age_band": "27-44",
    "residence_status": "protection-granted",
    "languages": ["ar"],
}


def open_via_form(client, auth, **extra):
    data = {**INTAKE, **extra, "csrf_token": auth.csrf(client, "/cases/new")}
    return client.post("/cases/new", data=data)


def test_case_manager_opens_a_case_and_sees_its_file(app, auth):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    answer = open_via_form(client, auth)
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert re.search(r'id="pseudonym">HER-\d{4}-\d{4}<', page)
    assert "Hilfenetzwerk" in page and "Erstgespräch" in page


def test_notes_that_look_like_an_identifier_need_a_confirmation(app, auth):
    client = app.test_client()
    auth.login(client)
    answer = open_via_form(client, auth, notes="Frau Müller, geb. 12.03.1985, Tel 0171 2345678")
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "direkten Identifikator" in page
    assert open_via_form(client, auth, notes="Hilfe bei Wohnungssuche").status_code == 302


@pytest.mark.parametrize(
    "field, value",
    [
        ("district_id", "atlantis"),
        ("needs", []),
        ("age_band", "200"),
        ("intake_outcome", "<b>x</b>"),
    ],
)
def test_invalid_intake_names_the_field(app, auth, field, value):
    client = app.test_client()
    auth.login(client)
    answer = open_via_form(client, auth, **{field: value})
    assert answer.status_code == 400
    assert f'id="{field}-errors"' in answer.get_data(as_text=True)


def test_other_organisation_cannot_open_the_case(app, auth):
    owner = app.test_client()
    auth.login(owner, actor="caritas-herne")
    location = open_via_form(owner, auth).headers["Location"]
    stranger = app.test_client()
    auth.login(stranger, actor="awo-herne")
    assert stranger.get(location).status_code == 404


@pytest.mark.parametrize("roles", [("coordination",), ("network",), ("admin",)])
def test_roles_without_case_access_get_403(app, auth, roles):
    client = app.test_client()
    auth.login(client, roles=roles)
    assert client.get("/cases/").status_code == 403


def test_api_applies_the_same_rules(app, auth, seeded):
    client = app.test_client()
    headers = auth.token(actor="caritas-herne")
    created = client.post("/api/v1/cases", json=INTAKE, headers=headers)
    assert created.status_code == 201
    pseudonym = created.json["pseudonym"]
    bad = client.post("/api/v1/cases", json={**INTAKE, "age_band": "x"}, headers=headers)
    assert bad.status_code == 400 and "age_band" in bad.json["error"]["fields"]
    offer = seeded.query("testing.running_offers_for_topic", topic="housing", today="2026-11-24")[
        0
    ]["id"]
    refused = client.post(
        f"/api/v1/cases/{pseudonym}/links",
        headers=headers,
        json={"version": 1, "offer_id": offer, "topic": "housing", "mode": "referral"},
    )
    assert refused.status_code == 409 and refused.json["error"]["code"] == "case_rule"
    assert "confidentiality waiver" in refused.json["error"]["message"]
    signed = client.patch(
        f"/api/v1/cases/{pseudonym}",
        headers=headers,
        json={"version": 1, "consent": {"topic": "housing", "signed_on": "2026-01-02"}},
    )
    assert signed.json["version"] == 2
    stale = client.patch(
        f"/api/v1/cases/{pseudonym}", headers=headers, json={"version": 1, "phase": "assessment"}
    )
    assert stale.status_code == 409
    linked = client.post(
        f"/api/v1/cases/{pseudonym}/links",
        headers=headers,
        json={"version": 2, "offer_id": offer, "topic": "housing", "mode": "referral"},
    )
    assert linked.status_code == 201
    read = client.get(f"/api/v1/cases/{pseudonym}", headers=headers).json
    assert read["links"][0]["offer_id"] == offer
    assert read["links"][0]["id"] == linked.json["link_id"]  # the answer names the new link
    other = auth.token(actor="awo-herne")
    assert client.get(f"/api/v1/cases/{pseudonym}", headers=other).status_code == 404


def test_parallel_support_warning_in_the_form_then_confirmed_with_reason(app, auth, seeded):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_via_form(client, auth).headers["Location"]
    pseudonym = location.rsplit("/", 1)[1]
    token = auth.csrf(client, location)
    client.post(
        f"{location}/consent",
        data={"version": 1, "topic": "housing", "signed_on": "2026-01-01", "csrf_token": token},
    )
    offers = [
        r["id"]
        for r in seeded.query(
            "testing.running_offers_for_topic", topic="housing", today="2026-11-24"
        )
    ]
    client.post(
        f"{location}/links",
        data={
            "version": 2,
            "offer_id": offers[0],
            "topic": "housing",
            "mode": "referral",
            "csrf_token": token,
        },
    )
    link = re.search(r'data-link="([0-9a-f]+)"', client.get(location).get_data(as_text=True)).group(
        1
    )
    client.post(
        f"{location}/links/{link}", data={"version": 3, "status": "accepted", "csrf_token": token}
    )
    warned = client.post(
        f"{location}/links",
        data={
            "version": 4,
            "offer_id": offers[1],
            "topic": "housing",
            "mode": "tandem",
            "csrf_token": token,
        },
    )
    assert warned.status_code == 409
    assert 'id="parallel-warning"' in warned.get_data(as_text=True)
    saved = client.post(
        f"{location}/links",
        data={
            "version": 4,
            "offer_id": offers[1],
            "topic": "housing",
            "mode": "tandem",
            "reason": "Tandem abgestimmt",
            "csrf_token": token,
        },
    )
    assert saved.status_code == 302
    assert client.get(location).get_data(as_text=True).count("data-link=") == 2
    assert pseudonym


def test_search_from_a_case_offers_to_link_each_result_back(app, auth):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_via_form(client, auth).headers["Location"]
    pseudonym = location.rsplit("/", 1)[1]
    page = client.get(location).get_data(as_text=True)
    search_url = re.search(r'href="(/search\?[^"]+)"', page).group(1).replace("&amp;", "&")
    assert "topics=housing" in search_url and "district=wanne" in search_url
    results = client.get(search_url).get_data(as_text=True)
    back = re.search(rf'href="(/cases/{pseudonym}\?[^"]+)"', results).group(1).replace("&amp;", "&")
    prefilled = client.get(back).get_data(as_text=True)
    offer = re.search(r"offer=([^&#]+)", back).group(1)
    assert f'value="{offer}"' in prefilled
    # The offer page opened from those results offers the same link back.
    offer_page = re.search(rf'href="(/directory/offers/{offer}\?case={pseudonym})"', results)
    html = client.get(offer_page.group(1)).get_data(as_text=True)
    assert f'id="link-to-case" href="/cases/{pseudonym}?offer={offer}#new-link"' in html
    # Without a case to link, no such button.
    assert 'id="link-to-case"' not in client.get(f"/directory/offers/{offer}").get_data(
        as_text=True
    )
