"""The OpenAPI document lists every API route with its roles and request bodies."""

from __future__ import annotations


def test_openapi_lists_every_api_route(app, client):
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.")
    api_rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1")}
    documented = {p.replace("{", "<").replace("}", ">") for p in doc["paths"]}
    normalised = {r.replace("<string:", "<").replace("<path:", "<") for r in api_rules}
    assert normalised <= documented


def test_case_creation_body_comes_from_the_intake_form(client):
    doc = client.get("/api/v1/openapi.json").json
    body = doc["paths"]["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"]
    schema = body["schema"]
    assert {"district_id", "needs", "age_band"} <= set(schema["required"])
    assert schema["properties"]["age_band"]["enum"] == ["0-17", "18-26", "27-44", "45-64", "65+"]
    assert doc["paths"]["/api/v1/cases"]["post"]["x-roles"] == ["case_manager"]


def test_referral_answers_and_same_client_decisions_have_documented_bodies(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]

    def schema(path, method="post"):
        return paths[path][method]["requestBody"]["content"]["application/json"]["schema"]

    answer = schema("/api/v1/referrals/{link_id}/answer")
    assert {"version", "action"} <= set(answer["required"])
    assert answer["properties"]["action"]["enum"] == ["accept", "decline", "start", "complete"]
    assert answer["properties"]["reason"]["enum"] == [
        "no_capacity",
        "not_eligible",
        "client_did_not_come",
        "other",
    ]
    assert paths["/api/v1/referrals"]["get"]["x-roles"] == ["partner"]
    assert paths["/api/v1/notifications"]["get"]["x-roles"] == ["case_manager"]
    assert schema("/api/v1/referrals/{link_id}/feedback")["required"] == ["version", "feedback"]
    decision = schema("/api/v1/coordination/same-client/{pair_id}")
    assert decision["properties"]["decision"]["enum"] == ["confirm", "reject", "undo"]
    assert paths["/api/v1/coordination/same-client"]["get"]["x-roles"] == ["coordination"]
