"""Bulk loading: write a bundle of nodes and relationships in batched UNWIND statements.

The Herne seeds and the synthetic generator both produce a `Bundle`, so both go through
the same generated statements a backup restore uses (cypher/generated/, graph/bulk.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ..domain import ranking
from ..domain.bundle import Bundle
from ..domain.graph_model import LABELS, RELATIONSHIPS, EdgeKey
from ..graph import Graph, bulk

LINKS = ("Case", "LINKED_TO", "Offer")
# The offer keeps copies of what the referral search reads (ids of its languages, districts
# and target groups, and its link counts), so one query without further expansions serves a
# search. The statements that change these relationships keep the copies; bulk loads set them
# here.
FACETS: dict[str, EdgeKey] = {
    "language_ids": ("Offer", "AVAILABLE_IN", "Language"),
    "district_ids": ("Offer", "SERVES", "District"),
    "target_group_ids": ("Offer", "FOR", "TargetGroup"),
}


def write(
    graph: Graph,
    bundle: Bundle,
    batch_size: int = 10_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the bundle's nodes, then its relationships; return how many were written."""
    elsewhere = _derive_offer_fields(bundle)
    steps: list[tuple[str, list[Any]]] = [
        (bulk.create_query(label), bundle.nodes.get(label, [])) for label in LABELS
    ]
    steps += [(bulk.link_query(key), bundle.edges.get(key, [])) for key in RELATIONSHIPS]
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
    refresh_offers(graph, sorted(elsewhere))
    return written


def _derive_offer_fields(bundle: Bundle) -> set[str]:
    """Give the bundle's offers their copied fields; return offers outside the bundle that
    the bundle links to (they are counted again from the graph after writing)."""
    offers = {offer["id"]: offer for offer in bundle.nodes.get("Offer", [])}
    elsewhere: set[str] = set()
    statuses: dict[str, list[str]] = defaultdict(list)
    for _, offer_id, props in bundle.edges.get(LINKS, []):
        statuses[offer_id].append(props.get("status", ""))
    facets: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in FACETS}
    for name, key in FACETS.items():
        for offer_id, target, *_ in bundle.edges.get(key, []):
            facets[name][offer_id].append(target)
    for offer_id in {*statuses, *(o for found in facets.values() for o in found)}:
        if offer_id not in offers:
            elsewhere.add(offer_id)
    for offer_id, offer in offers.items():
        offer["links_accepted"], offer["links_decided"] = ranking.count_links(
            statuses.get(offer_id, [])
        )
        for name in FACETS:
            offer[name] = facets[name].get(offer_id, [])
    return elsewhere


def refresh_offers(graph: Graph, offer_ids: list[str]) -> None:
    """Copy the link counts and facet ids of these offers again from their relationships."""
    for start in range(0, len(offer_ids), 1000):
        batch = offer_ids[start : start + 1000]
        graph.query(
            "cases.refresh_offer_link_counts",
            offer_ids=batch,
            accepted_statuses=list(ranking.ACCEPTED_STATUSES),
            decided_statuses=list(ranking.DECIDED_STATUSES),
        )
        graph.query("directory.refresh_offer_facets", offer_ids=batch)
