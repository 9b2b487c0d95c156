"""The network explorer's services on the Herne seeds, against the real embedded engine."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import pytest

from graphsvc.domain import network_export
from graphsvc.services import network, setup
from tests.support import SEEDS


def _ids(view, node_type=None):
    return {n["ref"] for n in view["nodes"] if node_type is None or n["type"] == node_type}


def test_unfiltered_view_holds_every_directory_node_type_and_no_case(seeded):
    view = network.filtered_graph(seeded, "herne", network.Filters())
    types = {n["type"] for n in view["nodes"]}
    assert types == set(network.NODE_TYPES)
    assert "ki-herne" in _ids(view, "actor")
    assert "hin" in _ids(view, "working_group")
    text = repr(view)
    assert "pseudonym" not in text
    ids = {n["id"] for n in view["nodes"]}
    assert len(ids) == len(view["nodes"])  # an offer may share its stored id with an actor
    assert all(e["source"] in ids and e["target"] in ids for e in view["edges"])


def test_filter_work_in_wanne_shows_only_matching_offers_and_their_providers(seeded):
    filters = network.parse_filters({"topics": ["work"], "districts": ["wanne"]})
    net = network.load(seeded, "herne")
    view = network.view(net, filters)
    offers = _ids(view, "offer")
    assert offers
    for oid in offers:
        assert "work" in net.offers[oid]["topics"] and "wanne" in net.offers[oid]["districts"]
    assert _ids(view, "actor") == {net.offers[o]["actor_id"] for o in offers}
    assert _ids(view, "topic") == {"work"}
    assert _ids(view, "district") == {"wanne"}


def test_unknown_filter_values_are_refused_with_the_field_named():
    with pytest.raises(network.NetworkInputError) as error:
        network.parse_filters({"kinds": ["spaceship"], "circles": ["inner"]})
    assert set(error.value.fields) == {"kinds"}


def test_filter_by_working_group_keeps_only_its_members(seeded):
    net = network.load(seeded, "herne")
    view = network.view(net, network.Filters(working_groups=("fallkonferenz",)))
    members = {m["actor_id"] for m in net.groups["fallkonferenz"]["members"]}
    assert _ids(view, "actor") == members
    assert _ids(view, "working_group") == {"fallkonferenz"}


def test_centrality_ranks_the_kim_centre_as_broker_and_lists_the_seeded_isolates(seeded):
    result = network.centrality(network.load(seeded, "herne"))
    assert result["brokers"][0]["id"] == "ki-herne"
    isolates = {r["id"] for r in result["isolates"]}
    assert {"pflegeschule-ruhr", "nachhilfe-initiative-eickel", "mietertreff-roehlinghausen"} <= (
        isolates
    )


def test_shortest_paths_run_through_groups_and_cooperations(seeded):
    result = network.shortest_paths(network.load(seeded, "herne"), "drk-herne", "jobcenter-herne")
    assert result["length"] == 2
    assert result["paths"]
    for path in result["paths"]:
        assert path[0]["ref"] == "drk-herne" and path[-1]["ref"] == "jobcenter-herne"
    assert all(e.split("|")[0] in ("member_of", "cooperates_with") for e in result["edge_ids"])


def test_no_path_to_an_isolate_is_an_empty_answer(seeded):
    result = network.shortest_paths(network.load(seeded, "herne"), "ki-herne", "pflegeschule-ruhr")
    assert (result["source"], result["target"], result["length"]) == (
        "ki-herne",
        "pflegeschule-ruhr",
        None,
    )
    assert result["paths"] == result["steps"] == result["nodes"] == result["edge_ids"] == []


def test_path_between_unknown_actors_names_both_fields(seeded):
    with pytest.raises(network.NetworkInputError) as error:
        network.shortest_paths(network.load(seeded, "herne"), "nope", "also-nope")
    assert set(error.value.fields) == {"source", "target"}


def test_ego_network_grows_with_hops(seeded):
    net = network.load(seeded, "herne")
    one = network.ego(net, "caritas-herne", 1)
    two = network.ego(net, "caritas-herne", 2)
    assert "caritas-herne" in _ids(one)
    assert _ids(one) < _ids(two)
    assert {"offer", "working_group"} <= {n["type"] for n in one["nodes"]}


def test_overlap_matrix_is_symmetric_with_member_counts_on_the_diagonal(seeded):
    result = network.overlap(network.load(seeded, "herne"))
    matrix = result["matrix"]
    assert all(matrix[i][j] == matrix[j][i] for i in range(len(matrix)) for j in range(len(matrix)))
    assert [matrix[i][i] for i in range(len(matrix))] == [g["members"] for g in result["groups"]]
    assert "pflegeschule-ruhr" in {a["id"] for a in result["actors_in_no_group"]}


def test_coverage_counts_offers_per_topic_and_district(seeded):
    net = network.load(seeded, "herne")
    result = network.coverage(net, network.Filters())
    t = [x["id"] for x in result["topics"]].index("work")
    d = [x["id"] for x in result["districts"]].index("wanne")
    expected = sum(
        1 for o in net.offers.values() if "work" in o["topics"] and "wanne" in o["districts"]
    )
    assert result["counts"][t][d] == expected > 0


def test_snapshot_is_saved_listed_and_opened_only_in_its_municipality(seeded):
    filters = network.Filters(topics=("work",), districts=("wanne",))
    saved = network.save_snapshot(
        seeded,
        name="HIN März",
        filters=filters,
        positions={"ki-herne": {"x": 1.5, "y": -2}},
        layout="cose",
        user="netz",
        municipality_id="herne",
    )
    assert [s["id"] for s in network.list_snapshots(seeded, "herne")] == [saved["id"]]
    opened = network.get_snapshot(seeded, saved["id"], "herne")
    assert opened["filters"]["topics"] == ["work"]
    assert opened["positions"] == {"ki-herne": {"x": 1.5, "y": -2.0}}
    assert network.get_snapshot(seeded, saved["id"], "gen-001") is None


@pytest.mark.parametrize(
    ("name", "positions", "field"),
    [
        ("", {}, "name"),
        ("x" * 81, {}, "name"),
        ("ok", [], "positions"),
        ("ok", {"a": {"x": "1", "y": 2}}, "positions"),
    ],
)
def test_bad_snapshots_are_refused(seeded, name, positions, field):
    with pytest.raises(network.NetworkInputError) as error:
        network.save_snapshot(
            seeded,
            name=name,
            filters=network.Filters(),
            positions=positions,
            layout="cose",
            user="u",
            municipality_id="herne",
        )
    assert field in error.value.fields


def test_gexf_export_reads_back_with_the_same_nodes_and_edges(seeded):
    view = network.filtered_graph(seeded, "herne", network.Filters(topics=("work",)))
    back = nx.read_gexf(io.BytesIO(network_export.gexf(view)))
    assert set(back.nodes) == {n["id"] for n in view["nodes"]}
    assert back.number_of_edges() == len(view["edges"])
    assert {(u, v) for u, v in back.edges()} == {(e["source"], e["target"]) for e in view["edges"]}


def test_graphml_and_csv_exports_hold_every_node_and_edge(seeded):
    view = network.filtered_graph(seeded, "herne", network.Filters(districts=("wanne",)))
    back = nx.read_graphml(io.BytesIO(network_export.graphml(view)))
    assert set(back.nodes) == {n["id"] for n in view["nodes"]}
    with zipfile.ZipFile(io.BytesIO(network_export.csv_zip(view))) as archive:
        nodes = archive.read("nodes.csv").decode().splitlines()
        edges = archive.read("edges.csv").decode().splitlines()
    assert len(nodes) == len(view["nodes"]) + 1 and len(edges) == len(view["edges"]) + 1


def test_nrw_actor_group_network_spans_every_municipality(seeded):
    view = network.nrw_actor_groups(seeded)
    assert {n["type"] for n in view["nodes"]} == {"actor", "working_group"}
    assert "pseudonym" not in repr(view)


# --- the network on a day, and what changed between two days ----------------------------------

LAST_MEETING = "2026-09-17"  # the HIN meeting the seeds' sample history starts after
LATER = "2026-11-29"


def test_the_network_on_a_day_leaves_out_what_had_not_begun_or_had_ended(seeded):
    net = network.load(seeded, "herne")
    before = network.view(network.at(net, LAST_MEETING), network.Filters())
    after = network.view(network.at(net, LATER), network.Filters())
    assert "afrika-forum-herne" not in _ids(before, "actor")
    assert "afrika-forum-herne" in _ids(after, "actor")
    assert "ebh-einbuergerungsfeier" in _ids(before, "offer")
    assert "ebh-einbuergerungsfeier" not in _ids(after, "offer")
    assert "ki-integrationslotsen" not in _ids(after, "offer")  # ended in 2025


def test_changes_since_the_last_meeting_list_every_kind_and_mark_the_drawn_elements(seeded):
    net = network.load(seeded, "herne")
    result = network.changes(net, LAST_MEETING, LATER, network.Filters())
    listed = result["changes"]
    assert [i["id"] for i in listed["organisations"]["new"]] == ["actor:afrika-forum-herne"]
    assert "offer:afrika-forum-community-beratung" in {i["id"] for i in listed["offers"]["new"]}
    assert [i["id"] for i in listed["offers"]["ended"]] == ["offer:ebh-einbuergerungsfeier"]
    ended = listed["offers"]["ended"][0]
    assert ended["last_day"] == "2026-10-15"
    new_memberships = {i["id"] for i in listed["memberships"]["new"]}
    assert "member_of|actor:caritas-herne|working_group:ak-fluechtlingsfrauen" in new_memberships
    assert "member_of|actor:afrika-forum-herne|working_group:hin" in new_memberships
    assert [i["id"] for i in listed["memberships"]["ended"]] == [
        "member_of|actor:diakonie-herne|working_group:ak-fluechtlingsfrauen"
    ]
    assert [i["id"] for i in listed["cooperations"]["new"]] == [
        "cooperates_with|actor:caritas-herne|actor:abh-herne"
    ]
    assert [i["id"] for i in listed["cooperations"]["ended"]] == [
        "cooperates_with|actor:drk-herne|actor:caritas-herne"
    ]
    assert result["counts"]["offers"] == {"new": 1, "ended": 1}
    marked = {n["id"]: n.get("change") for n in result["nodes"]}
    assert marked["actor:afrika-forum-herne"] == "new"
    assert marked["offer:ebh-einbuergerungsfeier"] == "ended"
    assert marked["actor:ki-herne"] is None
    ids = [n["id"] for n in result["nodes"]]
    assert len(ids) == len(set(ids))
    assert all(e["source"] in marked and e["target"] in marked for e in result["edges"])


def test_changes_between_equal_days_are_empty_and_reversed_days_are_refused(seeded):
    net = network.load(seeded, "herne")
    same = network.changes(net, LATER, LATER, network.Filters())
    assert all(v == {"new": 0, "ended": 0} for v in same["counts"].values())
    assert not any(n.get("change") for n in same["nodes"])
    with pytest.raises(network.NetworkInputError) as error:
        network.changes(net, LATER, LAST_MEETING, network.Filters())
    assert "since" in error.value.fields


@pytest.mark.parametrize("value", ["29.11.2026", "2026-13-01", "1999-12-31", "tomorrow"])
def test_a_day_that_is_not_an_iso_date_in_range_is_refused(value):
    with pytest.raises(network.NetworkInputError) as error:
        network.parse_day(value, "since")
    assert "since" in error.value.fields


def test_grouping_by_district_puts_organisations_and_their_offers_into_their_district(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    shown = network.view(net, network.Filters(), group_by="district")
    parents = {n["id"]: n.get("parent") for n in shown["nodes"]}
    assert parents["actor:caritas-herne"] == "compound:district:herne-mitte"
    assert parents["offer:ki-kim-case-management"] == "compound:district:herne-mitte"
    assert parents["district:wanne"] == "compound:district:wanne"
    assert parents["working_group:hin"] is None
    assert {c["id"] for c in shown["compounds"]} == {
        f"compound:district:{d}" for d in ("herne-mitte", "wanne", "eickel", "sodingen")
    }


def test_grouping_by_working_group_gives_each_organisation_one_group(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    shown = network.view(net, network.Filters(), group_by="working_group")
    compounds = {c["id"] for c in shown["compounds"]}
    grouped = [n for n in shown["nodes"] if n.get("parent")]
    assert grouped and all(n["parent"] in compounds for n in grouped)
    assert parents_of(shown, "actor:pflegeschule-ruhr") is None  # in no group
    with pytest.raises(network.NetworkInputError):
        network.view(net, network.Filters(), group_by="colour")


def parents_of(shown, node):
    return next(n.get("parent") for n in shown["nodes"] if n["id"] == node)


def test_ego_network_reaches_three_steps_and_refuses_four(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    two = network.ego(net, "caritas-herne", 2)
    three = network.ego(net, "caritas-herne", 3)
    assert _ids(two) < _ids(three)
    with pytest.raises(network.NetworkInputError) as error:
        network.ego(net, "caritas-herne", 4)
    assert "hops" in error.value.fields


def test_paths_carry_each_step_and_the_organisations_that_could_connect(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    result = network.shortest_paths(net, "drk-herne", "jobcenter-herne")
    for path, steps in zip(result["paths"], result["steps"], strict=True):
        assert len(steps) == len(path) - 1
        assert [s["from"] for s in steps] == [n["id"] for n in path[:-1]]
        assert all(s["type"] in ("member_of", "cooperates_with") for s in steps)
    drawn = {n["id"] for n in result["nodes"]}
    assert {e["source"] for e in result["edges"]} | {e["target"] for e in result["edges"]} <= drawn
    assert {e["id"] for e in result["edges"]} == set(result["edge_ids"])


def test_centrality_view_draws_organisations_and_groups_with_their_scores(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    result = network.centrality_view(net)
    assert {n["type"] for n in result["nodes"]} == {"actor", "working_group"}
    ki = next(n for n in result["nodes"] if n["id"] == "actor:ki-herne")
    assert ki["score"] == result["brokers"][0]["betweenness"] > 0
    assert result["brokers"][0]["groups"] > 5
    drawn = {n["id"] for n in result["nodes"]}
    assert all(e["source"] in drawn and e["target"] in drawn for e in result["edges"])


def test_coverage_view_draws_one_edge_per_covered_pair_and_lists_the_gaps(seeded):
    net = network.at(network.load(seeded, "herne"), LATER)
    result = network.coverage_view(net, network.Filters())
    covered = sum(1 for row in result["counts"] for n in row if n)
    assert len(result["edges"]) == covered
    assert {"topic": "Sucht", "district": "Eickel"} in result["gaps"] or any(
        g["district"] == "Eickel" for g in result["gaps"]
    )


def test_snapshot_keeps_the_day_it_shows_and_its_grouping(seeded):
    saved = network.save_snapshot(
        seeded,
        name="HIN September",
        filters=network.Filters(),
        positions={},
        layout="fcose",
        user="netz",
        municipality_id="herne",
        as_of=LAST_MEETING,
        group_by="district",
    )
    assert saved["as_of"] == LAST_MEETING
    opened = network.get_snapshot(seeded, saved["id"], "herne")
    assert (opened["as_of"], opened["group_by"], opened["layout"]) == (
        LAST_MEETING,
        "district",
        "fcose",
    )


def test_history_queries_read_the_same_days_on_every_engine(any_graph):
    setup.prepare(any_graph, SEEDS)
    net = network.load(any_graph, "herne")
    assert net.actors["afrika-forum-herne"]["since"] == "2026-10-01"
    members = {m["actor_id"]: m for m in net.groups["ak-fluechtlingsfrauen"]["members"]}
    assert members["diakonie-herne"]["until"] == "2026-10-31"
    result = network.changes(net, LAST_MEETING, LATER, network.Filters())
    assert result["counts"] == {
        "organisations": {"new": 1, "ended": 0},
        "offers": {"new": 1, "ended": 1},
        "memberships": {"new": 3, "ended": 1},
        "cooperations": {"new": 1, "ended": 1},
    }
