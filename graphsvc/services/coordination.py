"""Coordination: parallel support across organisations, shown with small-cell suppression."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..domain.cases import ACTIVE_LINK_STATUSES
from ..domain.suppression import DEFAULT_THRESHOLD, SuppressedTable, suppress
from ..graph import Graph


@dataclass
class ParallelSupport:
    """Cases supported by two organisations for the same topic, as suppressed aggregates."""

    by_topic_district: SuppressedTable
    by_pair: list[dict[str, Any]]
    pseudonyms: list[dict[str, Any]]


def parallel_support(
    graph: Graph,
    municipality_id: str,
    statuses: tuple[str, ...] = ACTIVE_LINK_STATUSES,
    threshold: int = DEFAULT_THRESHOLD,
) -> ParallelSupport:
    """Parallel support in one municipality: topic × district counts and organisation pairs.

    A case counts once per topic and district, however many pairs support it. Pairs with
    fewer than `threshold` cases show no count, only that they exist.
    """
    rows = graph.query(
        "coordination.parallel_support", municipality_id=municipality_id, statuses=list(statuses)
    )
    cells = Counter()
    seen: set[tuple[str, str, str]] = set()
    pairs: Counter = Counter()
    for row in rows:
        key = (row["pseudonym"], row["topic"], row["district"])
        if key not in seen:
            seen.add(key)
            cells[(row["topic"], row["district"])] += 1
        pairs[(row["topic"], row["actor_a"], row["actor_b"])] += 1
    by_pair = [
        {"topic": t, "actor_a": a, "actor_b": b, "cases": n if n >= threshold else None}
        for (t, a, b), n in sorted(pairs.items(), key=lambda item: -item[1])
    ]
    return ParallelSupport(suppress(dict(cells), threshold), by_pair, rows)
