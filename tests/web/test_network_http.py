"""The network explorer over HTTP: page, JSON endpoints, API, snapshots, exports, access."""

from __future__ import annotations

import io
import json
import re
import zipfile

import networkx as nx
import pytest

VIEWERS = ["network", "coordination", "case_manager", "admin"]


@pytest.fixture
def viewer(app, auth):
    """A client logged in as a network viewer of Herne."""
    client = app.test_client()
    auth.login(client, roles=("network",), actor="ki-herne")
    return client


@pytest.mark.parametrize("role", VIEWERS)
def test_every_viewing_role_opens_the_page(app, auth, role):
    client = app.test_client()
    auth.login(client, roles=(role,), actor="ki-herne")
    page = client.get("/network/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'id="network"' in html and "vendor/cytoscape.min.js" in html
    assert "<script>" not in html  # no inline script (CSP)


def test_directory_editor_is_refused_and_anonymous_is_sent_to_login(app, auth):
    client = app.test_client()
    assert client.get("/network/").status_code == 302
    assert client.get("/api/v1/network/graph").status_code == 401
    auth.login(client, roles=("directory_editor",), actor="ki-herne")
    assert client.get("/network/").status_code == 403
    assert client.get("/network/graph.json").status_code == 403


def test_graph_api_never_returns_case_data(app, auth, seeded):
    headers = auth.token(roles=("network",), actor="ki-herne")
    answer = app.test_client().get("/api/v1/network/graph", headers=headers)
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["nodes"] and body["edges"]
    assert {n["type"] for n in body["nodes"]} <= {
        "actor",
        "offer",
        "working_group",
        "district",
        "topic",
    }
    text = answer.get_data(as_text=True)
    pseudonyms = seeded.query("bench.sample_ids")["cases"]
    assert pseudonyms and not any(p in text for p in pseudonyms)
    assert '"pseudonym"' not in text and '"phase"' not in text


def test_filter_work_in_wanne_through_the_api(app, auth):
    headers = auth.token(roles=("network",), actor="ki-herne")
    body = (
        app.test_client()
        .get("/api/v1/network/graph?topics=work&districts=wanne", headers=headers)
        .get_json()
    )
    assert {n["id"] for n in body["nodes"] if n["type"] == "topic"} == {"topic:work"}
    assert {n["ref"] for n in body["nodes"] if n["type"] == "district"} == {"wanne"}
    assert body["filters"]["topics"] == ["work"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kinds=spaceship", "kinds"),
        ("topics=no-such-topic", "topics"),
        ("circles=middle", "circles"),
        ("scope=galaxy", "scope"),
    ],
)
def test_bad_filters_answer_400_naming_the_field(app, auth, query, field):
    headers = auth.token(roles=("network",), actor="ki-herne")
    answer = app.test_client().get(f"/api/v1/network/graph?{query}", headers=headers)
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["fields"]


def test_nrw_scope_is_for_coordination_and_admin_only(app, auth):
    client = app.test_client()
    refused = client.get("/api/v1/network/graph?scope=nrw", headers=auth.token(roles=("network",)))
    assert refused.status_code == 403
    body = client.get(
        "/api/v1/network/graph?scope=nrw", headers=auth.token(roles=("coordination",))
    ).get_json()
    assert body["scope"] == "nrw"
    assert {n["type"] for n in body["nodes"]} == {"actor", "working_group"}


def test_centrality_and_path_api(app, auth):
    headers = auth.token(roles=("network",), actor="ki-herne")
    client = app.test_client()
    central = client.get("/api/v1/network/centrality?limit=5", headers=headers).get_json()
    assert len(central["brokers"]) == 5 and central["brokers"][0]["id"] == "ki-herne"
    path = client.get(
        "/api/v1/network/path?source=drk-herne&target=jobcenter-herne", headers=headers
    ).get_json()
    assert path["length"] == 2
    bad = client.get("/api/v1/network/path?source=drk-herne&target=%27%20OR%201=1", headers=headers)
    assert bad.status_code == 400 and "target" in bad.get_json()["error"]["fields"]
    assert client.get("/api/v1/network/centrality?limit=x", headers=headers).status_code == 400


def test_page_json_endpoints_answer_details_ego_and_bad_input(viewer):
    assert viewer.get("/network/details.json?id=actor:ki-herne").get_json()["type"] == "actor"
    assert viewer.get("/network/details.json?id=nope").status_code == 400
    assert (
        viewer.get("/network/details.json?id=offer:iq-anerkennungsberatung").get_json()["type"]
        == "offer"
    )  # same stored id as an organisation, told apart by the prefix
    ego = viewer.get("/network/ego.json?actor=caritas-herne&hops=2").get_json()
    assert ego["center"] == "caritas-herne" and ego["nodes"]
    assert viewer.get("/network/ego.json?actor=caritas-herne&hops=3").status_code == 200
    assert viewer.get("/network/ego.json?actor=caritas-herne&hops=9").status_code == 400
    assert viewer.get("/network/ego.json?actor=caritas-herne&hops=x").status_code == 400


def test_overlap_and_coverage_pages_render_their_tables(viewer):
    overlap = viewer.get("/network/overlap").get_data(as_text=True)
    assert 'id="overlap-matrix"' in overlap and "Pflegeschule" in overlap
    coverage = viewer.get("/network/coverage?districts=wanne").get_data(as_text=True)
    assert 'id="coverage-table"' in coverage and 'data-district="wanne"' in coverage
    assert viewer.get("/network/coverage?categories=nope").status_code == 400


def _save(client, auth, **fields):
    data = {
        "name": "HIN Arbeit Wanne",
        "filters_json": '{"topics": ["work"], "districts": ["wanne"]}',
        "positions_json": '{"ki-herne": {"x": 10, "y": 20}}',
        "layout": "preset",
        "csrf_token": auth.csrf(client, "/network/"),
        **fields,
    }
    return client.post("/network/snapshots", data=data)


def test_saved_view_opens_with_its_filters_and_positions(viewer, auth):
    answer = _save(viewer, auth)
    assert answer.status_code == 302
    snapshot_id = re.search(r"snapshot=([\w-]+)", answer.headers["Location"]).group(1)
    page = viewer.get(f"/network/?snapshot={snapshot_id}").get_data(as_text=True)
    assert "HIN Arbeit Wanne" in page
    assert f"/network/snapshots/{snapshot_id}.json" in page
    snap = viewer.get(f"/network/snapshots/{snapshot_id}.json").get_json()
    assert snap["filters"]["topics"] == ["work"]
    assert snap["positions"]["ki-herne"] == {"x": 10.0, "y": 20.0}


@pytest.mark.parametrize(
    "fields",
    [
        {"name": ""},
        {"positions_json": "not json"},
        {"positions_json": '{"a": {"x": "1"}}'},
        {"filters_json": '{"kinds": ["spaceship"]}'},
        {"filters_json": "[]"},
        {"layout": "spiral"},
    ],
)
def test_bad_snapshots_are_not_saved(viewer, auth, seeded, fields):
    answer = _save(viewer, auth, **fields)
    assert answer.status_code == 303
    assert seeded.query("network.list_snapshots", municipality_id="herne") == []


def test_snapshot_without_csrf_token_is_refused(viewer):
    answer = viewer.post("/network/snapshots", data={"name": "x"})
    assert answer.status_code == 400


def test_snapshot_of_another_municipality_is_not_found(viewer, seeded):
    seeded.query(
        "network.create_snapshot",
        id="snap-other",
        name="x",
        filters_json="{}",
        positions_json="{}",
        layout="cose",
        as_of="2026-01-01",
        group_by="",
        created_by="u",
        created_at="2026-01-01T00:00:00+00:00",
        municipality_id="gen-001",
    )
    assert viewer.get("/network/snapshots/snap-other.json").status_code == 404
    assert viewer.get("/network/?snapshot=snap-other").status_code == 404


def test_gexf_export_of_the_work_in_wanne_view_reads_back_with_the_same_graph(viewer):
    view = viewer.get("/network/graph.json?topics=work&districts=wanne").get_json()
    answer = viewer.get("/network/export/gexf?topics=work&districts=wanne")
    assert answer.status_code == 200 and "attachment" in answer.headers["Content-Disposition"]
    back = nx.read_gexf(io.BytesIO(answer.data))
    assert set(back.nodes) == {n["id"] for n in view["nodes"]}
    assert sorted(back.edges()) == sorted((e["source"], e["target"]) for e in view["edges"])


def test_graphml_and_csv_exports_download(viewer):
    graphml = viewer.get("/network/export/graphml?districts=wanne")
    assert nx.read_graphml(io.BytesIO(graphml.data)).number_of_nodes() > 0
    archive = zipfile.ZipFile(io.BytesIO(viewer.get("/network/export/csv").data))
    assert set(archive.namelist()) == {"nodes.csv", "edges.csv"}
    assert viewer.get("/network/export/nodes.csv").data.startswith(b"id,type,label")
    assert viewer.get("/network/export/pdf").status_code == 404
    assert viewer.get("/network/export/gexf?kinds=spaceship").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/network/?kinds=spaceship",
        "/network/graph.json?districts=atlantis",
        "/network/export/csv?working_groups=%27%29%20DETACH%20DELETE%20n",
    ],
)
def test_bad_filters_on_the_page_and_its_endpoints_answer_400(viewer, path):
    assert viewer.get(path).status_code == 400


LAST_MEETING = "2026-09-17"


def test_details_name_the_organisation_type_in_words_never_by_its_id(viewer):
    found = viewer.get("/network/details.json?id=actor:caritas-herne").get_json()
    assert found["kind"] == "welfare" and found["kind_label"] == "Wohlfahrtsverband"
    offer = viewer.get("/network/details.json?id=offer:ki-kim-case-management").get_json()
    assert offer["category_label"] == "Regelberatung" and offer["valid_from_label"] == "01.07.2022"


def test_centrality_answers_in_words_with_german_percentages(viewer):
    body = viewer.get("/network/centrality.json").get_json()
    top = body["brokers"][0]
    assert top["id"] == "ki-herne" and top["role"] == "central_bridge"
    assert top["text"].startswith("Zentrale Brücke: ") and " %" in top["text"]
    assert "Betweenness" not in top["text"]
    assert {n["type"] for n in body["nodes"]} == {"actor", "working_group"}


def test_path_answer_tells_each_step_in_german(viewer):
    body = viewer.get("/network/path.json?source=drk-herne&target=jobcenter-herne").get_json()
    story = body["stories"][0]
    assert len(story["steps"]) == body["length"] == 2
    assert all(step.endswith(".") for step in story["steps"])
    assert "Mitglied" in " ".join(story["steps"]) or "arbeitet" in " ".join(story["steps"])


def test_view_json_answers_every_kind_and_refuses_unknown_ones(viewer):
    for query in (
        "kind=graph&group_by=district",
        "kind=ego&actor=caritas-herne&hops=2",
        "kind=path&source=drk-herne&target=jobcenter-herne",
        "kind=centrality",
        "kind=coverage&districts=wanne",
        f"kind=changes&since={LAST_MEETING}",
    ):
        answer = viewer.get(f"/network/view.json?{query}")
        assert answer.status_code == 200, query
        body = answer.get_json()
        ids = {n["id"] for n in body["nodes"]}
        assert all(e["source"] in ids and e["target"] in ids for e in body["edges"]), query
    for query, field in (
        ("kind=spiral", "kind"),
        ("kind=graph&group_by=colour", "group_by"),
        ("kind=graph&as_of=29.11.2026", "as_of"),
        ("kind=changes", "since"),
        ("kind=changes&since=2026-12-01&until=2026-01-01", "since"),
    ):
        answer = viewer.get(f"/network/view.json?{query}")
        assert answer.status_code == 400 and field in answer.get_json()["error"]["fields"], query


def test_the_network_as_of_the_last_meeting_lacks_what_joined_later(viewer):
    before = viewer.get(f"/network/graph.json?as_of={LAST_MEETING}").get_json()
    today = viewer.get("/network/graph.json").get_json()
    assert "actor:afrika-forum-herne" not in {n["id"] for n in before["nodes"]}
    assert "actor:afrika-forum-herne" in {n["id"] for n in today["nodes"]}
    assert "offer:ebh-einbuergerungsfeier" in {n["id"] for n in before["nodes"]}


def test_changes_are_listed_exported_as_csv_and_in_the_api(app, auth, viewer):
    body = viewer.get(f"/network/changes.json?since={LAST_MEETING}").get_json()
    headings = {(s["kind"], s["change"]): s for s in body["sections"]}
    assert headings["organisations", "new"]["heading"] == "Neue Organisationen"
    assert headings["offers", "ended"]["items"][0]["day"] == "15.10.2026"
    csv = viewer.get(f"/network/changes.csv?since={LAST_MEETING}")
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    text = csv.get_data(as_text=True)
    assert "Afrika-Forum" in text and "Einbürgerungsfeier" in text
    headers = auth.token(roles=("network",), actor="ki-herne")
    api = app.test_client().get(f"/api/v1/network/changes?since={LAST_MEETING}", headers=headers)
    assert api.status_code == 200 and api.get_json()["counts"]["organisations"]["new"] == 1
    bad = app.test_client().get("/api/v1/network/changes?since=gestern", headers=headers)
    assert bad.status_code == 400 and "since" in bad.get_json()["error"]["fields"]


def test_handout_is_a_pdf_of_the_view_with_its_changes(viewer, auth):
    token = auth.csrf(viewer, "/network/")
    view = viewer.get(f"/network/view.json?kind=changes&since={LAST_MEETING}").get_json()
    positions = {n["id"]: {"x": i * 10.0, "y": (i % 7) * 10.0} for i, n in enumerate(view["nodes"])}
    answer = viewer.post(
        "/network/handout.pdf",
        data={
            "csrf_token": token,
            "title": "HIN November",
            "view_json": json.dumps({"kind": "changes", "since": LAST_MEETING}),
            "positions_json": json.dumps(positions),
        },
    )
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    assert answer.data[:5] == b"%PDF-"
    refused = viewer.post(
        "/network/handout.pdf",
        data={"csrf_token": token, "view_json": json.dumps({"kind": "spiral"})},
    )
    assert refused.status_code == 400 and "kind" in refused.get_json()["error"]["fields"]
    bad_positions = viewer.post(
        "/network/handout.pdf",
        data={"csrf_token": token, "view_json": "{}", "positions_json": '{"a": 1}'},
    )
    assert bad_positions.status_code == 400


def test_snapshot_keeps_the_day_and_grouping_it_was_saved_with(viewer, auth):
    answer = _save(viewer, auth, as_of=LAST_MEETING, group_by="district")
    snapshot_id = re.search(r"snapshot=([\w-]+)", answer.headers["Location"]).group(1)
    snap = viewer.get(f"/network/snapshots/{snapshot_id}.json").get_json()
    assert (snap["as_of"], snap["group_by"]) == (LAST_MEETING, "district")
    page = viewer.get(f"/network/?snapshot={snapshot_id}").get_data(as_text=True)
    assert 'id="read-only"' in page and 'data-read-only="true"' in page
    assert "17.09.2026" in page


def test_coverage_page_marks_gaps_and_scrolls_with_the_keyboard(viewer):
    html = viewer.get("/network/coverage").get_data(as_text=True)
    assert 'class="matrix-wrap" tabindex="0" role="region"' in html
    assert "heat-0" in html
    overlap = viewer.get("/network/overlap").get_data(as_text=True)
    assert 'class="matrix-wrap" tabindex="0" role="region"' in overlap
