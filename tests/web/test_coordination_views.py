"""The parallel-support page: coordination only, seeded examples, no small cell shown."""

from __future__ import annotations

import pytest

from graphsvc.domain import clock
from graphsvc.services import audit


def test_coordination_sees_parallel_support_with_small_cells_hidden(app, auth):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    page = client.get("/coordination/parallel-support").get_data(as_text=True)
    assert "Parallelbetreuung" in page
    assert "HER-2026-0001" in page  # seeded example: housing at AWO and Caritas
    data = client.get("/coordination/parallel-support.json").json
    assert data["cells"] and all(c["cases"] is None or c["cases"] >= 5 for c in data["cells"])
    assert "HER-2026-0029" in data["pseudonyms"]


def test_case_managers_cannot_open_the_coordination_view(app, auth):
    client = app.test_client()
    auth.login(client, roles=("case_manager",))
    assert client.get("/coordination/parallel-support").status_code == 403


def _coordination_client(app, auth):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    return client


def test_landing_page_links_both_views(app, auth):
    page = _coordination_client(app, auth).get("/coordination/").get_data(as_text=True)
    assert "/coordination/parallel-support" in page
    assert "/coordination/duplicate-structures" in page


def test_parallel_support_rules_come_from_the_query_string(app, auth):
    client = _coordination_client(app, auth)
    everything = "&".join(f"status={s}" for s in ("accepted", "active", "completed", "declined"))
    strict = client.get(f"/coordination/parallel-support.json?{everything}").json
    loose = client.get(f"/coordination/parallel-support.json?{everything}&overlap=no").json
    # HER-2026-0023: a declined link and the next organisation's link one after the other
    assert "HER-2026-0023" not in strict["pseudonyms"]
    assert "HER-2026-0023" in loose["pseudonyms"]
    assert "HER-2026-0012" in strict["pseudonyms"]  # two completed links that overlapped
    monthly = client.get("/coordination/parallel-support.json?interval=month").json
    assert monthly["over_time"][-1]["period"] == clock.today().strftime("%Y-%m")
    assert all(p["cases"] is None or p["cases"] >= 5 for p in monthly["over_time"])


@pytest.mark.parametrize(
    ("query", "field"),
    [("status=lost", "status"), ("interval=week", "interval"), ("overlap=maybe", "overlap")],
)
def test_wrong_rules_answer_400_naming_the_field(app, auth, query, field):
    client = _coordination_client(app, auth)
    answer = client.get(f"/coordination/parallel-support.json?{query}")
    assert answer.status_code == 400
    assert field in answer.json["error"]["fields"]
    page = client.get(f"/coordination/parallel-support?{query}")
    assert page.status_code == 400 and 'class="errors"' in page.get_data(as_text=True)


def test_parallel_support_page_draws_the_chart_and_keeps_pseudonyms_off_paper(app, auth):
    page = _coordination_client(app, auth).get("/coordination/parallel-support")
    html = page.get_data(as_text=True)
    assert 'id="parallel-over-time"' in html
    assert 'id="parallel-cases"' in html and 'class="no-print" id="parallel-cases"' in html


def test_duplicate_structures_page_shows_seeded_examples_explained(app, auth):
    page = _coordination_client(app, auth).get("/coordination/duplicate-structures")
    html = page.get_data(as_text=True)
    assert "Wohnungslotsen Wanne" in html and "Perspektive Arbeit" in html
    assert "Alle 3 decken Existenzsicherung und Sozialleistungen und Wohnen ab, in Wanne" in html


def test_duplicate_structures_json_csv_and_filters(app, auth):
    client = _coordination_client(app, auth)
    data = client.get("/coordination/duplicate-structures.json?topic=work&min_score=0,9").json
    offers = [[o["id"] for o in c["offers"]] for c in data["clusters"]]
    assert ["awo-arbeitsmarkt-soe", "caritas-perspektive-arbeit-soe"] in offers
    assert all(c["score"] >= 0.9 for c in data["clusters"])
    assert data["clusters"][0]["explanation"].startswith("Beide decken")
    csv = client.get("/coordination/duplicate-structures.csv")
    text = csv.get_data(as_text=True)
    assert csv.mimetype == "text/csv" and "Wohnungslotsen Wanne" in text
    assert "Arabisch | Deutsch | Türkisch" in text


@pytest.mark.parametrize(
    ("query", "field"),
    [("min_score=2", "min_score"), ("min_score=abc", "min_score"), ("topic=nope", "topic")],
)
def test_wrong_structure_filters_answer_400_naming_the_field(app, auth, query, field):
    client = _coordination_client(app, auth)
    answer = client.get(f"/coordination/duplicate-structures.json?{query}")
    assert answer.status_code == 400 and field in answer.json["error"]["fields"]
    assert client.get(f"/coordination/duplicate-structures?{query}").status_code == 400
    assert client.get(f"/coordination/duplicate-structures.csv?{query}").status_code == 400


def test_reading_parallel_support_is_audited(app, auth):
    client = _coordination_client(app, auth)
    client.get("/coordination/parallel-support.json?overlap=no")
    events = audit.search(app.extensions["graphsvc.graph"], action="coordination.parallel")
    assert any('"overlap": "no"' in e["details"] for e in events)


def test_the_api_answers_with_a_coordination_token_and_refuses_others(app, auth):
    client = app.test_client()
    headers = auth.token(roles=("coordination",), actor="ki-herne")
    data = client.get("/api/v1/coordination/duplicate-structures", headers=headers).json
    assert data["clusters"][0]["score"] == 1.0
    answer = client.get("/api/v1/coordination/parallel-support?status=x", headers=headers)
    assert answer.status_code == 400 and "status" in answer.json["error"]["fields"]
    other = auth.token(roles=("case_manager",))
    assert client.get("/api/v1/coordination/parallel-support", headers=other).status_code == 403
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/api/v1/coordination/duplicate-structures" in paths
