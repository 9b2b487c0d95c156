"""The network explorer over HTTP: page, JSON endpoints, API, snapshots, exports, access."""

from __future__ import annotations

import io
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
