"""Duplicate-structure scoring and clustering on hand-made offers with known answers."""

from __future__ import annotations

import pytest

from graphsvc.domain import overlap

UNIVERSE = {
    "topics": frozenset({"housing", "work", "benefits", "health"}),
    "districts": frozenset({"wanne", "eickel", "sodingen", "mitte"}),
    "target_groups": frozenset({"refugees", "youth", "seniors", "all-migrants"}),
    "languages": frozenset({"de", "ar", "tr", "ro"}),
}


def offer(id, actor, topics, districts=(), groups=(), languages=(), category="project"):
    row = {
        "id": id,
        "name": id.upper(),
        "actor_id": actor,
        "actor_name": actor.upper(),
        "category": category,
        "topics": list(topics),
        "districts": list(districts),
        "target_groups": list(groups),
        "languages": list(languages),
    }
    return overlap.offer_from_row(row, UNIVERSE)


def test_jaccard_is_shared_over_all():
    assert overlap.jaccard(frozenset("ab"), frozenset("bc")) == pytest.approx(1 / 3)
    assert overlap.jaccard(frozenset(), frozenset()) == 0.0


def test_identical_offers_of_two_organisations_score_one_and_explain_what_they_share():
    a = offer("a", "awo", ["housing", "benefits"], ["wanne"], ["refugees"], ["de", "ar"])
    b = offer("b", "caritas", ["housing", "benefits"], ["wanne"], ["refugees"], ["de", "ar"])
    [pair] = overlap.duplicate_pairs([a, b], UNIVERSE)
    assert pair.score == 1.0
    assert pair.shared == {
        "topics": ["benefits", "housing"],
        "districts": ["wanne"],
        "target_groups": ["refugees"],
        "languages": ["ar", "de"],
    }
    assert pair.open_to_all == ()


def test_score_is_the_weighted_mean_of_the_four_jaccards():
    a = offer("a", "awo", ["housing", "work"], ["wanne"], ["refugees"], ["de", "ar"])
    b = offer("b", "drk", ["housing"], ["wanne", "eickel"], ["refugees"], ["de"])
    pair = overlap.compare(a, b, UNIVERSE)
    expected = 0.4 * 0.5 + 0.3 * 0.5 + 0.2 * 1 + 0.1 * 0.5
    assert pair.score == pytest.approx(expected, abs=0.001)


def test_empty_set_means_everyone_and_overlaps_in_proportion():
    city_wide = offer("a", "awo", ["housing"], [], ["refugees"], ["de"])
    wanne = offer("b", "drk", ["housing"], ["wanne"], ["refugees"], ["de"])
    pair = overlap.compare(city_wide, wanne, UNIVERSE)
    assert pair.similarity["districts"] == 0.25  # 1 of Herne's 4 districts
    assert pair.shared["districts"] == ["wanne"]


def test_all_migrants_counts_as_no_restriction():
    a = offer("a", "awo", ["housing"], ["wanne"], ["all-migrants"], ["de"])
    b = offer("b", "drk", ["housing"], ["wanne"], [], ["de"])
    pair = overlap.compare(a, b, UNIVERSE)
    assert pair.similarity["target_groups"] == 1.0
    assert pair.open_to_all == ("target_groups",)


def test_same_organisation_different_districts_or_statutory_are_no_duplicates():
    a = offer("a", "awo", ["housing"], ["wanne"], ["refugees"], ["de"])
    same_org = offer("b", "awo", ["housing"], ["wanne"], ["refugees"], ["de"])
    elsewhere = offer("c", "drk", ["housing"], ["eickel"], ["refugees"], ["de"])
    statutory = offer("d", "city", ["housing"], ["wanne"], ["refugees"], ["de"], "statutory")
    other_topic = offer("e", "diakonie", ["work"], ["wanne"], ["refugees"], ["de"])
    found = overlap.duplicate_pairs([a, same_org, elsewhere, statutory, other_topic], UNIVERSE, 0)
    assert found == []  # each fails one rule: organisation, district, category, topic


def test_only_offers_sharing_a_topic_are_compared():
    offers = [offer(f"o{i}", f"actor{i}", [t]) for i, t in enumerate(["housing"] * 3 + ["work"])]
    assert overlap.candidate_pairs(offers) == {("o0", "o1"), ("o0", "o2"), ("o1", "o2")}


def test_pairs_under_the_threshold_are_left_out():
    a = offer("a", "awo", ["housing", "work"], ["wanne"], ["refugees"], ["de"])
    b = offer("b", "drk", ["housing", "health"], ["wanne"], ["refugees"], ["de"])
    assert overlap.compare(a, b, UNIVERSE).score == pytest.approx(0.4 / 3 + 0.6, abs=0.001)
    assert overlap.duplicate_pairs([a, b], UNIVERSE, 0.74) == []
    assert len(overlap.duplicate_pairs([a, b], UNIVERSE, 0.73)) == 1


def test_clusters_hold_only_offers_that_all_overlap_and_keep_the_chain_links_apart():
    a = offer("a", "awo", ["housing", "work"], ["wanne"], ["refugees"], ["de"])
    b = offer("b", "drk", ["housing", "work"], ["wanne"], ["refugees"], ["de"])
    c = offer("c", "caritas", ["housing", "work"], ["wanne"], ["refugees"], ["de", "ar"])
    # d resembles c (0.85) more than a and b (0.80): a chain that must not pull d into a–b–c.
    d = offer("d", "diakonie", ["housing", "work"], ["wanne", "eickel"], ["refugees"], ["de", "ar"])
    pairs = overlap.duplicate_pairs([a, b, c, d], UNIVERSE, 0.82)
    assert {(p.a.id, p.b.id) for p in pairs} == {("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")}
    result = overlap.clusters(pairs)
    assert [[o.id for o in cl.offers] for cl in result.clusters] == [["a", "c", "b"]]
    assert result.clusters[0].shared["topics"] == ["housing", "work"]
    assert result.clusters[0].organisations == ["AWO", "CARITAS", "DRK"]
    assert [(p.a.id, p.b.id) for p in result.between] == [("c", "d")]


def test_a_chain_without_a_common_core_becomes_two_clusters():
    a = offer("a", "awo", ["housing"], ["wanne"], ["refugees"], ["de"])
    b = offer("b", "drk", ["housing"], ["wanne", "eickel"], ["refugees"], ["de"])
    c = offer("c", "caritas", ["housing"], ["eickel"], ["refugees"], ["de"])
    d = offer("d", "diakonie", ["housing"], ["eickel"], ["refugees"], ["de"])
    pairs = overlap.duplicate_pairs([a, b, c, d], UNIVERSE, 0.8)
    result = overlap.clusters(pairs)
    groups = sorted(sorted(o.id for o in cl.offers) for cl in result.clusters)
    assert groups == [["a", "b"], ["c", "d"]] or groups == [["b", "c", "d"]]
    assert not any(
        {"a", "c"} <= {o.id for o in cl.offers} for cl in result.clusters
    )  # a and c share no district: never in one cluster


def test_expired_and_future_offers_are_not_running():
    assert overlap.is_running({"valid_until": "2026-11-24"}, "2026-11-25") is False
    assert overlap.is_running({"valid_from": "2026-12-01"}, "2026-11-25") is False
    assert overlap.is_running({"valid_until": "2026-11-25", "valid_from": None}, "2026-11-25")
