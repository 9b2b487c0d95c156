"""Coordination: parallel support across organisations, shown with small-cell suppression."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..domain import clock, parallel
from ..domain.suppression import DEFAULT_THRESHOLD, SuppressedTable, check_threshold, suppress
from ..graph import Graph


@dataclass
class ParallelSupport:
    """Cases supported by two organisations for the same topic, as suppressed aggregates."""

    by_topic_district: SuppressedTable
    by_pair: list[dict[str, Any]]
    pseudonyms: list[dict[str, Any]]
    over_time: list[dict[str, Any]]


def suppress_series(counts: dict[str, int], threshold: int) -> list[dict[str, Any]]:
    """A series of case counts, each small count hidden and the others rounded to `threshold`.

    The latest period counts nearly the same cases as the table's topic totals together, so
    an exact count minus the shown topic totals could reveal a hidden topic total; rounded to
    the threshold, the difference says no more than "under the threshold".
    """
    check_threshold(threshold)
    return [
        {
            "period": period,
            "cases": None if 0 < n < threshold else int(n / threshold + 0.5) * threshold,
        }
        for period, n in counts.items()
    ]


def suppress_pairs(
    pairs: dict[tuple[str, str, str], set[str]], table: SuppressedTable, threshold: int
) -> dict[tuple[str, str, str], int | None]:
    """Case counts per topic and organisation pair, for the printed page: each topic's pairs
    are one line whose total is about the topic's total in the main table.

    One hidden pair beside shown ones could be worked out from that total, so secondary
    suppression hides more pairs of the topic. No pair has a total of its own anywhere, so
    pairs are not suppressed across topics. Where a topic's pairs run out of cells to hide,
    its total in the main table is hidden when that row hides a cell anyway; otherwise the
    total shows (it is the sum of shown cells) and every pair of the topic is hidden instead.
    """
    cells = {(t, f"{a} {b}"): len(cases) for (t, a, b), cases in pairs.items()}
    suppressed = suppress(cells, threshold, axes=(0,))
    for topic in suppressed.hidden_row_totals:
        if table.hides_in_row(topic):
            table.hidden_row_totals.add(topic)
        else:
            suppressed.hidden |= {cell for cell in cells if cell[0] == topic}
    return {(t, a, b): suppressed.shown((t, f"{a} {b}")) for t, a, b in pairs}


def parallel_support(
    graph: Graph,
    municipality_id: str,
    rules: parallel.Rules | None = None,
    today: str | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> ParallelSupport:
    """Parallel support in one municipality: topic × district counts, organisation pairs with
    their pseudonyms, and the cases per period.

    A case counts once per topic and district, however many pairs support it. Every count
    shown passes small-cell suppression; the pseudonyms are the drill-down for the user.
    """
    rules = parallel.check_rules(rules or parallel.Rules())
    today = today or clock.today_iso()
    found = graph.query(
        "coordination.parallel_support",
        municipality_id=municipality_id,
        statuses=list(rules.statuses),
    )
    rows = parallel.parallel_rows(found, rules, today)
    cells: Counter = Counter()
    seen: set[tuple[str, str, str]] = set()
    pairs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    actor_names: dict[str, str] = {}
    for row in rows:
        key = (row["pseudonym"], row["topic"], row["district"])
        if key not in seen:
            seen.add(key)
            cells[(row["topic"], row["district"])] += 1
        # keyed by id: two organisations may share a name
        pairs[(row["topic"], row["actor_a_id"], row["actor_b_id"])].add(row["pseudonym"])
        actor_names[row["actor_a_id"]], actor_names[row["actor_b_id"]] = (
            row["actor_a"],
            row["actor_b"],
        )
    table = suppress(dict(cells), threshold)
    shown = suppress_pairs(pairs, table, threshold)
    by_pair = [
        {
            "topic": t,
            "actor_a": actor_names[a],
            "actor_b": actor_names[b],
            "cases": shown[(t, a, b)],  # suppressed: the printed page
            "listed": len(cases),  # beside the pseudonyms on screen: their number
            "pseudonyms": sorted(cases),
        }
        for (t, a, b), cases in sorted(
            pairs.items(), key=lambda item: (-len(item[1]), item[0][0], actor_names[item[0][1]])
        )
    ]
    drill_down = sorted(
        {(r["pseudonym"], r["topic"], r["district"]) for r in rows}, key=lambda k: (k[1], k[0])
    )
    over_time = parallel.cases_per_period(rows, rules.interval, today)
    return ParallelSupport(
        table,
        by_pair,
        [{"pseudonym": p, "topic": t, "district": d} for p, t, d in drill_down],
        suppress_series(over_time, threshold),
    )


def to_dict(result: ParallelSupport) -> dict[str, Any]:
    """The result as plain data; suppressed counts are None. A pair lists its pseudonyms
    (coordination acts on them) and so their number: no count is hidden beside a list that
    shows it."""
    table = result.by_topic_district
    return {
        "cells": [
            {"topic": t, "district": d, "cases": table.shown((t, d))} for t, d in table.counts
        ],
        "topic_totals": {t: table.row_total(t) for t in sorted({t for t, _ in table.counts})},
        "pairs": [
            {
                "topic": p["topic"],
                "actor_a": p["actor_a"],
                "actor_b": p["actor_b"],
                "cases": p["listed"],
                "pseudonyms": p["pseudonyms"],
            }
            for p in result.by_pair
        ],
        "over_time": result.over_time,
        "pseudonyms": sorted({row["pseudonym"] for row in result.pseudonyms}),
    }
