"""Parallel support across organisations on a small crafted graph with a known answer."""

from __future__ import annotations

import pytest

from graphsvc.domain import parallel
from graphsvc.domain.bundle import Bundle
from graphsvc.services import coordination, loading

TODAY = "2026-11-25"


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
        for n, (actor, status, *dates) in enumerate(links):
            since, until = dates or ("2026-03-01", None)
            b.edge(
                ("Case", "LINKED_TO", "Offer"),
                pid,
                f"o-{actor}",
                id=f"{pid}-{n}",
                topic="housing",
                status=status,
                since=since,
                until=until,
            )

    for i in range(6):  # six cases in the north, each with A1 and A2 binding: shown (6 >= 5)
        case(f"TST-2026-{i:04d}", "north", [("a1", "active"), ("a2", "accepted")])
    case("TST-2026-0100", "south", [("a1", "active"), ("a3", "active")])  # one: hidden
    case("TST-2026-0101", "south", [("a1", "active"), ("a2", "declined")])  # not binding
    case("TST-2026-0102", "south", [("a1", "active"), ("a1", "active")])  # same organisation
    # one after the other: A2's link completed the day before A3's began
    case(
        "TST-2026-0103",
        "south",
        [("a2", "completed", "2026-01-05", "2026-04-30"), ("a3", "active", "2026-05-01", None)],
    )
    return b


def test_parallel_support_counts_binding_links_of_two_organisations(graph):
    loading.write(graph, crafted())
    result = coordination.parallel_support(graph, "m", today=TODAY)
    table = result.by_topic_district
    assert table.counts == {("housing", "north"): 6, ("housing", "south"): 1}
    assert table.shown(("housing", "south")) is None  # 1 case: under the threshold
    # With only two cells in the row, showing 6 and the total 7 would reveal the 1 as well.
    assert table.shown(("housing", "north")) is None
    assert table.row_total("housing") == 7
    assert table.column_total("south") is None and table.column_total("north") is None
    # 6 shown beside the hidden 1 would reveal it from the topic total 7: both pairs hidden
    pairs = {(p["actor_a"], p["actor_b"]): p["cases"] for p in result.by_pair}
    assert pairs == {("A1", "A2"): None, ("A1", "A3"): None}


def test_statuses_that_count_are_configurable(graph):
    loading.write(graph, crafted())
    rules = parallel.Rules(statuses=("active", "declined"))
    result = coordination.parallel_support(graph, "m", rules, TODAY)
    assert result.by_topic_district.counts[("housing", "south")] == 2


def test_links_one_after_the_other_count_only_without_the_overlap_rule(graph):
    loading.write(graph, crafted())
    statuses = ("active", "completed")
    strict = coordination.parallel_support(graph, "m", parallel.Rules(statuses), TODAY)
    loose = parallel.Rules(statuses, require_overlap=False)
    relaxed = coordination.parallel_support(graph, "m", loose, TODAY)
    assert "TST-2026-0103" not in {r["pseudonym"] for r in strict.pseudonyms}
    assert "TST-2026-0103" in {r["pseudonym"] for r in relaxed.pseudonyms}


def test_cases_over_time_are_counted_per_quarter_and_small_counts_hidden(graph):
    loading.write(graph, crafted())
    result = coordination.parallel_support(graph, "m", today=TODAY)
    # 7 cases in parallel since 2026-03-01: Q1 to Q4 of 2026, shown rounded to 5
    assert result.over_time == [{"period": f"2026-Q{q}", "cases": 5} for q in (1, 2, 3, 4)]
    hidden = coordination.parallel_support(graph, "m", today=TODAY, threshold=8)
    assert {p["cases"] for p in hidden.over_time} == {None}


def test_the_drill_down_lists_pseudonyms_per_pair(graph):
    loading.write(graph, crafted())
    result = coordination.parallel_support(graph, "m", today=TODAY)
    pairs = {(p["actor_a"], p["actor_b"]): p["pseudonyms"] for p in result.by_pair}
    assert pairs[("A1", "A3")] == ["TST-2026-0100"]
    assert len(pairs[("A1", "A2")]) == 6


def test_unknown_statuses_are_refused_before_the_query(graph):
    with pytest.raises(parallel.RulesError):
        coordination.parallel_support(graph, "m", parallel.Rules(statuses=("lost",)))


def test_the_series_hides_small_counts_and_rounds_the_rest():
    series = coordination.suppress_series({"a": 8, "b": 3, "c": 0, "d": 12}, 5)
    assert [p["cases"] for p in series] == [10, None, 0, 10]


def test_the_herne_seeds_show_six_clients_housed_by_awo_and_caritas_at_once(seeded):
    result = coordination.parallel_support(seeded, "herne", today=TODAY)
    assert result.by_topic_district.shown(("housing", "wanne")) == 6
    housing = next(p for p in result.by_pair if p["topic"] == "housing")
    assert len(housing["pseudonyms"]) == 6 and "HER-2026-0305" not in housing["pseudonyms"]
    # HER-2026-0305's Caritas link was completed before the AWO link began: with completed
    # links counted it joins only when the links need not overlap in time.
    with_completed = ("accepted", "active", "completed")
    strict = parallel.Rules(statuses=with_completed)
    loose = parallel.Rules(statuses=with_completed, require_overlap=False)
    for rules, expected in ((strict, 6), (loose, 7)):
        result = coordination.parallel_support(seeded, "herne", rules, today=TODAY)
        housing = next(p for p in result.by_pair if p["topic"] == "housing")
        assert len(housing["pseudonyms"]) == expected


def test_a_total_is_never_hidden_beside_a_row_whose_cells_all_show():
    from graphsvc.domain.suppression import suppress

    # Housing: one district, 6 cases, all with AWO and Caritas. Benefits: AWO and Caritas
    # share 2 cases, X and Y 5. No pair has a total anywhere, so the small AWO–Caritas pair
    # of benefits must not hide the housing pair, nor the housing total (6 = its one cell).
    table = suppress({("housing", "wanne"): 6, ("benefits", "mitte"): 7})
    pairs = {
        ("housing", "awo", "caritas"): {f"H{i}" for i in range(6)},
        ("benefits", "awo", "caritas"): {"B1", "B2"},
        ("benefits", "x", "y"): {f"B{i}" for i in range(3, 8)},
    }
    shown = coordination.suppress_pairs(pairs, table, 5)
    assert table.row_total("housing") == 6
    assert shown[("housing", "awo", "caritas")] == 6
    assert shown[("benefits", "awo", "caritas")] is None and shown[("benefits", "x", "y")] is None


def test_pairs_show_the_number_of_the_pseudonyms_they_list(graph):
    loading.write(graph, crafted())
    data = coordination.to_dict(coordination.parallel_support(graph, "m", today=TODAY))
    assert {(p["actor_a"], p["actor_b"]): p["cases"] for p in data["pairs"]} == {
        ("A1", "A2"): 6,
        ("A1", "A3"): 1,
    }
