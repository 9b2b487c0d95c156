"""Parallel support across organisations on a small crafted graph with a known answer."""

from __future__ import annotations

from graphsvc.domain.bundle import Bundle
from graphsvc.services import coordination, loading


def crafted() -> Bundle:
    b = Bundle()
    b.node("Municipality", id="m")
    for d in ("north", "south"):
        b.node("District", id=d, municipality_id="m")
    b.node("Topic", id="housing")
    for a in ("a1", "a2", "a3"):
        b.node("Actor", id=a, name=a.upper(), municipality_id="m")
        b.node("Offer", id=f"o-{a}", municipality_id="m")
        b.edge(("Offer", "PROVIDED_BY", "Actor"), f"o-{a}", a)

    def case(pid, district, links):
        b.node("Case", id=pid, pseudonym=pid, municipality_id="m", district_id=district)
        for n, (actor, status) in enumerate(links):
            b.edge(
                ("Case", "LINKED_TO", "Offer"),
                pid,
                f"o-{actor}",
                id=f"{pid}-{n}",
                topic="housing",
                status=status,
            )

    for i in range(6):  # six cases in the north, each with A1 and A2 binding: shown (6 >= 5)
        case(f"TST-2026-{i:04d}", "north", [("a1", "active"), ("a2", "accepted")])
    case("TST-2026-0100", "south", [("a1", "active"), ("a3", "active")])  # one: hidden
    case("TST-2026-0101", "south", [("a1", "active"), ("a2", "declined")])  # not binding
    case("TST-2026-0102", "south", [("a1", "active"), ("a1", "active")])  # same organisation
    return b


def test_parallel_support_counts_binding_links_of_two_organisations(graph):
    loading.write(graph, crafted())
    result = coordination.parallel_support(graph, "m")
    table = result.by_topic_district
    assert table.counts == {("housing", "north"): 6, ("housing", "south"): 1}
    assert table.shown(("housing", "south")) is None  # 1 case: under the threshold
    # With only two cells in the row, showing 6 and the total 7 would reveal the 1 as well.
    assert table.shown(("housing", "north")) is None
    assert table.row_total("housing") == 7
    assert table.column_total("south") is None and table.column_total("north") is None
    pairs = {(p["actor_a"], p["actor_b"]): p["cases"] for p in result.by_pair}
    assert pairs == {("A1", "A2"): 6, ("A1", "A3"): None}


def test_statuses_that_count_are_configurable(graph):
    loading.write(graph, crafted())
    result = coordination.parallel_support(graph, "m", statuses=("active", "declined"))
    assert result.by_topic_district.counts[("housing", "south")] == 2
