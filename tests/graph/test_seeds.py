"""The Herne seeds: the whole model, the concept's structures, loaded once into an empty graph."""

from __future__ import annotations

from graphsvc.domain.graph_model import LABELS, RELATIONSHIPS
from graphsvc.services import setup
from tests.support import SEEDS


def test_seeds_fill_every_label_of_the_model(seeded):
    counts = setup.counts(seeded)
    assert counts["Municipality"] == 1
    assert counts["District"] == 4
    assert counts["Topic"] >= 15
    assert counts["Actor"] >= 40
    assert counts["Offer"] >= 80
    assert counts["WorkingGroup"] >= 17
    assert all(counts.get(label, 0) > 0 for label in counts)


# Written only when people use the app: directory edits record what they CHANGED, partners'
# answers whom they notify.
WRITTEN_IN_USE = {"CHANGED", "NOTIFIES"}
# Nodes of running work (sessions, tokens, audit, saved views, retention aggregates, history).
LABELS_OF_USE = {
    "AuthSession",
    "LoginFailure",
    "ApiToken",
    "AuditEvent",
    "Snapshot",
    "CaseAggregate",
    "DirectoryChange",
    "Notification",
    "UnmetSearch",
    "Meta",
}


def test_seeds_hold_every_relationship_type(seeded):
    present = {row["type"] for row in seeded.query("testing.relationship_types")}
    assert {rel for _, rel, _ in RELATIONSHIPS} - WRITTEN_IN_USE <= present


def test_seeds_cover_all_offer_categories_and_both_circles(seeded):
    rows = seeded.query("testing.offer_categories_and_circles")
    assert {r["category"] for r in rows} == {"counselling", "project", "statutory"}
    assert {r["circle"] for r in rows} == {"inner", "outer"}


def test_kim_structure_has_ten_case_manager_positions_three_at_the_ki(seeded):
    rows = seeded.query("testing.positions_per_actor")
    assert sum(r["n"] for r in rows) == 10
    assert {r["actor"]: r["n"] for r in rows}["ki-herne"] == 3


def test_all_seventeen_working_groups_of_table_4_are_there(seeded):
    names = {row["name"] for row in seeded.query("testing.working_group_names")}
    for expected in (
        "Fallkonferenz",
        "Steuerungsgruppe",
        "Lenkungskreis",
        "AK MAK",
        "RT Häusliche Gewalt",
        "AK Flüchtlingsintegration",
    ):
        assert any(expected in name for name in names), expected


def test_seeding_a_graph_that_holds_data_loads_nothing(seeded):
    before = setup.counts(seeded)
    assert setup.prepare(seeded, SEEDS) == 0
    assert setup.counts(seeded) == before


def test_every_label_in_the_bundle_is_one_of_the_model():
    from graphsvc.domain import seeds

    bundle = seeds.read(SEEDS)
    assert set(bundle.nodes) == set(LABELS) - LABELS_OF_USE - {"SameClientPair"}
