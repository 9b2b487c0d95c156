"""Rules of parallel support: date overlap, one row per pair, periods and their counts."""

from __future__ import annotations

import pytest

from graphsvc.domain import parallel

TODAY = "2026-11-25"


def row(since_a, until_a, since_b, until_b, pseudonym="P1", a="awo", b="caritas"):
    return {
        "pseudonym": pseudonym,
        "actor_a_id": a,
        "link_a": "l1",
        "since_a": since_a,
        "until_a": until_a,
        "actor_b_id": b,
        "link_b": "l2",
        "since_b": since_b,
        "until_b": until_b,
    }


@pytest.mark.parametrize(
    ("since_a", "until_a", "since_b", "until_b", "expected"),
    [
        ("2026-01-01", None, "2026-03-01", None, ("2026-03-01", TODAY)),  # both open-ended
        ("2026-01-01", "2026-04-30", "2026-03-01", None, ("2026-03-01", "2026-04-30")),
        ("2026-01-01", "2026-02-28", "2026-03-01", None, None),  # one after the other
        ("2026-01-01", "2026-03-01", "2026-03-01", None, None),  # handover on the same day
        (None, None, "2026-03-01", None, None),  # no start day: cannot be placed
        # the boundary days
        (TODAY, None, TODAY, None, (TODAY, TODAY)),  # both started today and still run
        ("2026-11-24", None, TODAY, None, (TODAY, TODAY)),  # one since yesterday, one today
        ("2026-11-01", TODAY, TODAY, None, None),  # handed over today
        ("2026-11-01", "2026-11-24", TODAY, None, None),  # ended yesterday
        ("2026-11-01", "2026-11-26", TODAY, None, (TODAY, TODAY)),  # ends tomorrow
        ("2026-11-24", "2026-11-25", "2026-11-24", "2026-11-25", ("2026-11-24", TODAY)),
    ],
)
def test_common_days_of_two_links(since_a, until_a, since_b, until_b, expected):
    assert parallel.common_days(row(since_a, until_a, since_b, until_b), TODAY) == expected
    together = parallel.ran_together(since_a, until_a, since_b, until_b)
    assert together == (expected is not None)


def test_each_pair_is_kept_once_and_disjoint_links_only_without_the_overlap_rule():
    forward = row("2026-01-01", "2026-02-01", "2026-03-01", None)
    backward = {
        **forward,
        "actor_a_id": "caritas",
        "actor_b_id": "awo",
        "link_a": "l2",
        "link_b": "l1",
    }
    assert parallel.parallel_rows([forward, backward], parallel.Rules(), TODAY) == []
    loose = parallel.Rules(require_overlap=False)
    kept = parallel.parallel_rows([forward, backward], loose, TODAY)
    assert len(kept) == 1 and kept[0]["common"] is None


def test_periods_run_across_the_year_end():
    assert parallel.periods("2025-11-03", "2026-02-10", "quarter") == ["2025-Q4", "2026-Q1"]
    assert parallel.periods("2025-11-03", "2026-02-10", "month") == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


def test_a_case_counts_in_every_period_its_links_ran_together():
    rows = parallel.parallel_rows(
        [
            row("2026-02-01", "2026-05-15", "2026-01-10", None, "P1"),  # Q1 and Q2
            row("2026-08-01", None, "2026-07-01", None, "P2"),  # Q3 until today (Q4)
            row("2026-08-01", None, "2026-07-01", None, "P2", b="drk"),  # same case again
        ],
        parallel.Rules(),
        TODAY,
    )
    counts = parallel.cases_per_period(rows, "quarter", TODAY)
    assert counts == {"2026-Q1": 1, "2026-Q2": 1, "2026-Q3": 1, "2026-Q4": 1}


def test_the_series_is_cut_to_the_last_periods():
    rows = parallel.parallel_rows(
        [row("2020-01-01", None, "2020-01-01", "2026-11-01")], parallel.Rules(), TODAY
    )
    counts = parallel.cases_per_period(rows, "quarter", TODAY)
    assert len(counts) == parallel.MAX_PERIODS["quarter"]
    assert list(counts)[-1] == "2026-Q4"


def test_rules_name_the_field_that_is_wrong():
    with pytest.raises(parallel.RulesError) as error:
        parallel.check_rules(parallel.Rules(statuses=("active", "lost"), interval="week"))
    assert set(error.value.fields) == {"status", "interval"}
    with pytest.raises(parallel.RulesError) as error:
        parallel.check_rules(parallel.Rules(statuses=()))
    assert "at least one" in error.value.fields["status"]
