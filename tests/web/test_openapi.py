"""The OpenAPI document describes every API operation completely: parameters, request
bodies, every status with one error shape; and the API answers as it says."""

from __future__ import annotations

import pytest

STATUSES = {"200", "201", "400", "401", "403", "404", "405", "409", "413", "414", "429", "503"}


def _operations(doc):
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_openapi_lists_every_api_route(app, client):
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.")
    api_rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1")}
    documented = {p.replace("{", "<").replace("}", ">") for p in doc["paths"]}
    normalised = {r.replace("<string:", "<").replace("<path:", "<") for r in api_rules}
    assert normalised <= documented


def test_every_api_view_declares_its_contract(app):
    missing = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
        and getattr(app.view_functions[rule.endpoint], "operation", None) is None
    ]
    assert not missing, f"declare these with @documented (web/api/contract.py): {missing}"


def test_every_operation_names_its_statuses_with_the_one_error_shape(client, auth):
    doc = client.get("/api/v1/openapi.json", headers=auth.token()).json
    error = {"$ref": "#/components/schemas/Error"}
    for path, method, operation in _operations(doc):
        responses = operation["responses"]
        assert set(responses) <= STATUSES, (path, method)
        assert {"429", "503"} <= set(responses), (path, method)
        for status, answer in responses.items():
            if (status.startswith("4") or status.startswith("5")) and status != "414":
                assert answer["content"]["application/json"]["schema"] == error
        if operation.get("x-roles"):
            assert {"401", "403"} <= set(responses), (path, method)
        if "{" in path:
            assert "404" in responses and "400" in responses, (path, method)
        if "requestBody" in operation:
            assert {"400", "413"} <= set(responses), (path, method)
    assert "201" in doc["paths"]["/api/v1/cases"]["post"]["responses"]
    link = doc["paths"]["/api/v1/cases/{pseudonym}/links"]["post"]["responses"]
    assert {"201", "404", "409"} <= set(link)
    assert link["201"]["content"]["application/json"]["schema"]["required"] == [
        "version",
        "link_id",
    ]


def test_get_operations_list_their_query_parameters(client, auth):
    doc = client.get("/api/v1/openapi.json", headers=auth.token()).json
    names = {
        path: {p["name"] for p in ops["get"]["parameters"] if p["in"] == "query"}
        for path, ops in doc["paths"].items()
        if "get" in ops
    }
    assert {"topics", "district", "languages", "age", "q", "limit"} <= names[
        "/api/v1/offers/search"
    ]
    assert {"source", "target"} <= names["/api/v1/network/path"]
    assert {"topics", "districts", "scope"} <= names["/api/v1/network/graph"]
    assert {"status", "overlap", "interval"} <= names["/api/v1/coordination/parallel-support"]
    assert {"topic", "district", "min_score"} <= names["/api/v1/coordination/duplicate-structures"]
    assert {"date_from", "date_to", "months", "threshold"} <= names["/api/v1/coordination/gaps"]
    assert {"page", "per_page", "full"} <= names["/api/v1/hsds/services"]
    assert {"mine", "phase", "topic", "overdue"} <= names["/api/v1/cases"]
    search = doc["paths"]["/api/v1/offers/search"]["get"]["parameters"]
    topics = next(p for p in search if p["name"] == "topics")
    assert topics["required"] and "housing" in topics["schema"]["items"]["enum"]


def test_the_vocabularies_are_listed_only_for_a_logged_in_reader(client, auth):
    anonymous = client.get("/api/v1/openapi.json").json
    search = anonymous["paths"]["/api/v1/offers/search"]["get"]["parameters"]
    topics = next(p for p in search if p["name"] == "topics")
    assert "enum" not in topics["schema"]["items"]


def test_case_creation_body_comes_from_the_intake_form(client, auth):
    doc = client.get("/api/v1/openapi.json", headers=auth.token()).json
    body = doc["paths"]["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"]
    schema = body["schema"]
    assert {"district_id", "needs", "age_band"} <= set(schema["required"])
    assert schema["properties"]["age_band"]["enum"] == ["0-17", "18-26", "27-44", "45-64", "65+"]
    assert "herne-mitte" in schema["properties"]["district_id"]["enum"]
    assert doc["paths"]["/api/v1/cases"]["post"]["x-roles"] == ["case_manager"]


def test_the_case_change_body_describes_phase_need_and_the_waiver(client, auth):
    doc = client.get("/api/v1/openapi.json", headers=auth.token()).json
    patch = doc["paths"]["/api/v1/cases/{pseudonym}"]["patch"]
    variants = patch["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    shapes = [sorted(v["properties"]) for v in variants]
    assert shapes == [["phase", "version"], ["need", "version"], ["consent", "version"]]
    consent = variants[2]["properties"]["consent"]
    assert set(consent["required"]) == {"topic", "signed_on"}
    assert consent["properties"]["signed_on"]["format"] == "date"
    assert "withdrawn_on" in consent["properties"]
    assert "409" in patch["responses"]


# --- the API answers as the document says -----------------------------------------------------


def _error(answer, status):
    assert answer.status_code == status, answer.get_data(as_text=True)
    body = answer.get_json()["error"]
    assert set(body) >= {"status", "code", "message", "fields"} and body["status"] == status
    return body


def test_a_write_without_a_token_is_401_not_a_csrf_error(client):
    for method, path in (
        ("post", "/api/v1/cases"),
        ("patch", "/api/v1/cases/HER-2026-0001"),
        ("post", "/api/v1/cases/HER-2026-0001/links"),
    ):
        answer = getattr(client, method)(path, json={"version": 1})
        assert _error(answer, 401)["code"] == "unauthenticated"
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_session_write_without_the_csrf_token_stays_refused(client, auth):
    auth.login(client)
    answer = client.post("/api/v1/cases", json={})
    assert _error(answer, 400)["code"] == "csrf"


def test_a_wrong_method_is_405_with_allow(client, auth):
    answer = client.delete("/api/v1/cases", headers=auth.token())
    assert _error(answer, 405)["code"] == "method_not_allowed"
    assert set(answer.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/offers/search", "topics=nonsense"),
        ("/api/v1/hsds/services", "page=0"),
        ("/api/v1/network/centrality", "limit=0"),
        ("/api/v1/coordination/gaps", "threshold=1"),
        ("/api/v1/coordination/parallel-support", "interval=year"),
    ],
)
def test_every_400_has_the_one_error_shape_naming_the_field(client, auth, path, query):
    headers = auth.token(roles=("case_manager", "coordination"))
    body = _error(client.get(f"{path}?{query}", headers=headers), 400)
    assert body["code"] == "invalid_input" and body["fields"]
    assert all(isinstance(v, list) for v in body["fields"].values())


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"version": 1, "need": "x"}, "need"),
        ({"version": 1, "consent": "x"}, "consent"),
        ({"version": 1, "consent": [1]}, "consent"),
        ({"version": 1, "need": None}, "need"),
    ],
)
def test_need_or_consent_that_is_not_an_object_is_a_400(client, auth, body, field):
    answer = client.patch("/api/v1/cases/HER-2026-0001", json=body, headers=auth.token())
    assert field in _error(answer, 400)["fields"]


def test_a_lone_surrogate_is_a_400_naming_the_field(client, auth):
    raw = '{"version": 1, "offer_id": "a\\ud800b", "topic": "housing", "mode": "referral"}'
    answer = client.post(
        "/api/v1/cases/HER-2026-0001/links",
        data=raw,
        content_type="application/json",
        headers=auth.token(),
    )
    assert "offer_id" in _error(answer, 400)["fields"]


def test_json_nested_100000_deep_is_a_400(client, auth):
    raw = '{"need": ' + "[" * 100_000 + "]" * 100_000 + "}"
    answer = client.patch(
        "/api/v1/cases/HER-2026-0001",
        data=raw,
        content_type="application/json",
        headers=auth.token(),
    )
    assert "body" in _error(answer, 400)["fields"]


def test_the_gap_report_has_a_token_api(client, auth):
    answer = client.get("/api/v1/coordination/gaps", headers=auth.token(roles=("coordination",)))
    assert answer.status_code == 200
    assert {"demand", "method"} & set(answer.get_json()) or answer.get_json()
    refused = client.get("/api/v1/coordination/gaps", headers=auth.token())
    assert _error(refused, 403)["code"] == "forbidden"


def test_a_link_to_an_unknown_offer_is_404_naming_the_offer(client, auth):
    answer = client.post(
        "/api/v1/cases/HER-2026-0001/links",
        json={"version": 1, "offer_id": "no-such-offer", "topic": "housing", "mode": "referral"},
        headers=auth.token(actor="caritas-herne"),
    )
    assert "offer_id" in _error(answer, 404)["fields"]


def test_an_unknown_field_in_a_body_is_named(client, auth):
    answer = client.post(
        "/api/v1/cases/HER-2026-0001/links",
        json={"version": 1, "offer_id": "x", "topic": "housing", "mode": "referral", "why": 1},
        headers=auth.token(actor="caritas-herne"),
    )
    assert _error(answer, 400)["fields"] == {"why": ["unknown field"]}


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
