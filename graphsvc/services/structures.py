"""Duplicate structures: running offers of different organisations that overlap, clustered."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ..domain import csvfile, overlap
from ..domain.errors import InvalidInput
from ..graph import Graph
from . import search


class StructuresInputError(InvalidInput):
    """Filters that cannot be used; `fields` maps each field to the reason."""


@dataclass(frozen=True)
class Filters:
    """Which pairs to show: sharing a topic, sharing a district, at least a score."""

    topic: str | None = None
    district: str | None = None
    min_score: float = overlap.DEFAULT_MIN_SCORE


@dataclass
class DuplicateStructures:
    """The clusters of one municipality and how many running offers were compared."""

    clusters: list[overlap.Cluster]
    between: list[overlap.Overlap]
    offers_compared: int
    pairs_compared: int


def universe(vocab: dict[str, list[dict[str, Any]]]) -> dict[str, frozenset[str]]:
    """What an empty set stands for, per facet: every value of the vocabulary."""
    return {
        name: frozenset(item["id"] for item in vocab.get(name) or ()) for name in overlap.FACETS
    }


def check_filters(filters: Filters, vocab: dict[str, list[dict[str, Any]]]) -> Filters:
    """The filters, refused when a topic or district is unknown or the score is out of range."""
    errors = {}
    if filters.topic and filters.topic not in {t["id"] for t in vocab["topics"]}:
        errors["topic"] = f"unknown topic {filters.topic!r}"
    if filters.district and filters.district not in {d["id"] for d in vocab["districts"]}:
        errors["district"] = f"unknown district {filters.district!r} in this municipality"
    if not overlap.LOWEST_MIN_SCORE <= filters.min_score <= 1:
        errors["min_score"] = f"must be between {overlap.LOWEST_MIN_SCORE} and 1"
    if errors:
        raise StructuresInputError(errors)
    return filters


def duplicate_structures(
    graph: Graph, municipality_id: str, today: str, filters: Filters = Filters()
) -> DuplicateStructures:
    """Score the running offers of one municipality pairwise and cluster the duplicates."""
    vocab = search.vocabulary(graph, municipality_id)
    check_filters(filters, vocab)
    everything = universe(vocab)
    rows = graph.query("coordination.offer_sets", municipality_id=municipality_id)
    offers = [
        overlap.offer_from_row(row["offer"], everything)
        for row in rows
        if overlap.is_running(row["offer"], today)
    ]
    pairs = overlap.duplicate_pairs(offers, everything, filters.min_score)
    chosen = [
        p
        for p in pairs
        if (not filters.topic or filters.topic in p.shared["topics"])
        and (not filters.district or filters.district in p.shared["districts"])
    ]
    grouped = overlap.clusters(chosen)
    return DuplicateStructures(
        grouped.clusters, grouped.between, len(offers), len(overlap.candidate_pairs(offers))
    )


def pair_dict(pair: overlap.Overlap) -> dict[str, Any]:
    """One pair as plain data (for JSON and CSV)."""
    return {
        "offer_a": {"id": pair.a.id, "name": pair.a.name, "organisation": pair.a.actor_name},
        "offer_b": {"id": pair.b.id, "name": pair.b.name, "organisation": pair.b.actor_name},
        "score": pair.score,
        "similarity": {k: round(v, 3) for k, v in pair.similarity.items()},
        "shared": pair.shared,
        "open_to_all": list(pair.open_to_all),
    }


def to_dict(result: DuplicateStructures) -> dict[str, Any]:
    """The whole result as plain data."""
    return {
        "offers_compared": result.offers_compared,
        "pairs_compared": result.pairs_compared,
        "clusters": [
            {
                "score": c.score,
                "organisations": c.organisations,
                "offers": [
                    {"id": o.id, "name": o.name, "organisation": o.actor_name} for o in c.offers
                ],
                "shared": c.shared,
                "pairs": [pair_dict(p) for p in c.pairs],
            }
            for c in result.clusters
        ],
        "between_clusters": [pair_dict(p) for p in result.between],
    }


CSV_COLUMNS = (
    "cluster",
    "score",
    "offer_a",
    "organisation_a",
    "offer_b",
    "organisation_b",
    *(f"similarity_{name}" for name in overlap.FACETS),
    *(f"shared_{name}" for name in overlap.FACETS),
)


def to_csv(result: DuplicateStructures, named: dict[str, dict[str, str]] | None = None) -> str:
    """One line per pair, numbered by cluster; shared sets by name (from `named`, per facet
    id → name), joined with " | "."""
    named = named or {}
    out = io.StringIO()
    writer = csvfile.Writer(out)
    writer.writerow(CSV_COLUMNS)
    for number, cluster in enumerate(result.clusters, start=1):
        for p in cluster.pairs:
            writer.writerow(
                [
                    number,
                    p.score,
                    p.a.name,
                    p.a.actor_name,
                    p.b.name,
                    p.b.actor_name,
                    *(round(p.similarity[name], 3) for name in overlap.FACETS),
                    *(
                        " | ".join(named.get(name, {}).get(i, i) for i in p.shared[name])
                        for name in overlap.FACETS
                    ),
                ]
            )
    return out.getvalue()
