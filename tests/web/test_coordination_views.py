"""The parallel-support page: coordination only, seeded examples, no small cell shown."""

from __future__ import annotations


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
