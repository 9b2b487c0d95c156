"""Duplicate structures on a small crafted graph and on the Herne seeds, with known answers."""

from __future__ import annotations

import pytest

from graphsvc.domain.bundle import Bundle
from graphsvc.services import loading, structures

TODAY = "2026-11-25"


def crafted() -> Bundle:
    b = Bundle()
    for m in ("m", "other"):
        b.node("Municipality", id=m)
        b.node("District", id=f"{m}-north", name="North", municipality_id=m)
        b.node("District", id=f"{m}-south", name="South", municipality_id=m)
    for t in ("housing", "work"):
        b.node("Topic", id=t, name_de=t, name_en=t)
    b.node("TargetGroup", id="refugees", name_de="Geflüchtete", name_en="Refugees")
    b.node("Language", id="ar", name_de="Arabisch", name_en="Arabic")

    actors = set()

    def offer(oid, actor, municipality="m", district="m-north", until=None, category="project"):
        if actor not in actors:
            actors.add(actor)
            b.node("Actor", id=actor, name=actor.upper(), municipality_id=municipality)
        b.node(
            "Offer",
            id=oid,
            name=oid,
            municipality_id=municipality,
            category=category,
            valid_until=until,
        )
        b.edge(("Offer", "PROVIDED_BY", "Actor"), oid, actor)
        b.edge(("Offer", "COVERS", "Topic"), oid, "housing")
        b.edge(("Offer", "SERVES", "District"), oid, district)
        b.edge(("Offer", "FOR", "TargetGroup"), oid, "refugees")
        b.edge(("Offer", "AVAILABLE_IN", "Language"), oid, "ar")

    offer("awo-housing", "awo")
    offer("drk-housing", "drk")  # the duplicate of awo-housing
    offer("awo-housing-2", "awo")  # same organisation as awo-housing: not compared with it
    offer("caritas-expired", "caritas", until="2026-01-31")  # ended: not compared
    offer("diakonie-south", "diakonie", district="m-south")  # another district
    offer("city-statutory", "city", category="statutory")  # assigned by law
    offer("elsewhere", "elsewhere", municipality="other", district="other-north")
    return b


def test_crafted_graph_gives_exactly_the_known_duplicates(graph):
    loading.write(graph, crafted())
    result = structures.duplicate_structures(graph, "m", TODAY)
    [cluster] = result.clusters
    assert sorted(o.id for o in cluster.offers) == ["awo-housing", "awo-housing-2", "drk-housing"]
    pairs = {(p.a.id, p.b.id) for p in cluster.pairs}
    assert pairs == {("awo-housing", "drk-housing"), ("awo-housing-2", "drk-housing")}
    assert cluster.shared["districts"] == ["m-north"]
    assert result.offers_compared == 5  # the expired offer is left out
    assert result.pairs_compared == 5  # different organisations, statutory service left out


def test_filters_by_district_and_unknown_values_are_refused(graph):
    loading.write(graph, crafted())
    south = structures.duplicate_structures(
        graph, "m", TODAY, structures.Filters(district="m-south")
    )
    assert south.clusters == []
    with pytest.raises(structures.StructuresInputError) as error:
        structures.duplicate_structures(
            graph, "m", TODAY, structures.Filters(district="other-north", min_score=0.1)
        )
    assert set(error.value.fields) == {"district", "min_score"}


def test_herne_seeds_hold_duplicate_structures_a_and_b(seeded):
    result = structures.duplicate_structures(seeded, "herne", TODAY)
    groups = [sorted(o.id for o in c.offers) for c in result.clusters]
    assert groups[:2] == [
        ["awo-wohnraumberatung-wanne", "caritas-wohnungslotsen-wanne", "drk-wohnungslotsen-wanne"],
        ["awo-arbeitsmarkt-soe", "caritas-perspektive-arbeit-soe"],
    ]
    a = result.clusters[0]
    assert a.score == 1.0
    assert a.shared == {
        "topics": ["benefits", "housing"],
        "districts": ["wanne"],
        "target_groups": ["refugees"],
        "languages": ["ar", "de", "tr"],
    }
    work_in_wanne = structures.duplicate_structures(
        seeded, "herne", TODAY, structures.Filters(topic="work", district="wanne")
    )
    assert [sorted(o.id for o in c.offers) for c in work_in_wanne.clusters][0] == groups[1]


def test_csv_has_one_line_per_pair_and_no_formula(seeded):
    result = structures.duplicate_structures(seeded, "herne", TODAY)
    lines = structures.to_csv(result).splitlines()
    assert lines[0].startswith("cluster,score,offer_a")
    assert len(lines) == 1 + sum(len(c.pairs) for c in result.clusters)
    assert not any(cell.startswith("=") for line in lines for cell in line.split(","))
