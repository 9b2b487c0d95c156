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
