"""Bulk loading: write a bundle of nodes and relationships in batched UNWIND statements.

The Herne seeds and the synthetic generator both produce a `Bundle`, so both go through
the same queries: `load.create_<label>` and `load.link_<from>_<type>_<to>` in cypher/load/.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from ..domain import ranking
from ..domain.bundle import EDGE_TYPES, NODE_LABELS, Bundle, EdgeKey
from ..graph import Graph

LINKS = ("Case", "LINKED_TO", "Offer")


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def node_query(label: str) -> str:
    """The named query that bulk-creates nodes of `label`."""
    return f"load.create_{_snake(label)}"


def edge_query(key: EdgeKey) -> str:
    """The named query that bulk-creates relationships of this (from, type, to)."""
    source, rel, target = key
    return f"load.link_{_snake(source)}_{rel.lower()}_{_snake(target)}"


def write(
    graph: Graph,
    bundle: Bundle,
    batch_size: int = 10_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the bundle's nodes, then its relationships; return how many were written."""
    elsewhere = _count_offer_links(bundle)
    steps = [(node_query(label), bundle.nodes.get(label, [])) for label in NODE_LABELS]
    steps += [(edge_query(key), bundle.edges.get(key, [])) for key in EDGE_TYPES]
    written = 0
    for query, rows in steps:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            created = graph.query(query, rows=batch)[0]["created"]
            if created != len(batch):
                raise ValueError(f"{query}: wrote {created} of {len(batch)} (an end is missing)")
            written += created
            if progress:
                progress(created)
    refresh_link_counts(graph, sorted(elsewhere))
    return written


def _count_offer_links(bundle: Bundle) -> set[str]:
    """Give the bundle's offers their link counts; return linked offers outside the bundle."""
    statuses: dict[str, list[str]] = defaultdict(list)
    for _, offer_id, *props in bundle.edges.get(LINKS, []):
        statuses[offer_id].append((props[0] if props else {}).get("status", ""))
    for offer in bundle.nodes.get("Offer", []):
        accepted, decided = ranking.count_links(statuses.pop(offer["id"], []))
        offer["links_accepted"], offer["links_decided"] = accepted, decided
    return set(statuses)


def refresh_link_counts(graph: Graph, offer_ids: list[str]) -> None:
    """Count the links of these offers again, from their relationships."""
    for start in range(0, len(offer_ids), 1000):
        graph.query(
            "cases.refresh_offer_link_counts",
            offer_ids=offer_ids[start : start + 1000],
            accepted_statuses=list(ranking.ACCEPTED_STATUSES),
            decided_statuses=list(ranking.DECIDED_STATUSES),
        )
