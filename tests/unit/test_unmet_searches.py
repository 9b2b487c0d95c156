"""Unmet searches: which needs of a search found nothing suitable, and the anonymous counter
cells a search adds to."""

from __future__ import annotations

from graphsvc.domain import unmet_searches
from graphsvc.domain.ranking import Row


def row(offer_id: str, covered: list[str], waiting: int | None, related: tuple = ()) -> Row:
    return Row(
        offer={"id": offer_id, "waiting_days": waiting},
        actor={},
        covered=covered,
        languages=[],
        districts=[],
        score=50.0,
        points={},
        eligible=True,
        explanation=[{"factor": "needs", "related": [{"need": t, "via": ["x"]} for t in related]}],
    )


def test_a_need_no_eligible_offer_covers_is_unmet():
    rows = [row("a", ["housing"], 5)]
    assert unmet_searches.unmet_needs(rows, ["housing", "addiction"], 30) == {"addiction": "none"}


def test_an_empty_eligible_list_leaves_every_need_unmet():
    assert unmet_searches.unmet_needs([], ["housing", "work"], 30) == {
        "housing": "none",
        "work": "none",
    }


def test_a_need_whose_best_offer_waits_too_long_is_unmet():
    rows = [row("slow", ["housing"], 45), row("fast", ["housing"], 2)]
    assert unmet_searches.unmet_needs(rows, ["housing"], 30) == {"housing": "waiting"}
    assert unmet_searches.unmet_needs(rows[::-1], ["housing"], 30) == {}


def test_a_need_met_through_a_related_topic_is_not_unmet():
    rows = [row("general", ["work"], 0, related=("job-search",))]
    assert unmet_searches.unmet_needs(rows, ["job-search"], 30) == {}


def test_signals_name_no_case_and_no_user_and_count_each_language_once_more():
    cells = unmet_searches.signals(
        "herne", {"addiction": "none"}, "eickel", ["ar", "de"], "2026-11"
    )
    assert [c["language"] for c in cells] == ["*", "ar", "de"]
    assert all(set(c) == {"id", "topic", "district", "language", "month", "reason"} for c in cells)
    assert cells[0]["id"] == "herne|addiction|eickel|*|2026-11|none"
