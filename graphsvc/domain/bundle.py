"""A bundle of nodes and relationships to write in bulk: what seeds and generator produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Order matters when writing: a relationship's ends must exist before it.
NODE_LABELS = (
    "Municipality",
    "District",
    "Topic",
    "Language",
    "TargetGroup",
    "ResidenceStatus",
    "Actor",
    "Offer",
    "WorkingGroup",
    "BuildingBlock",
    "Position",
    "User",
    "Case",
    "Theme",
    "Counter",
)
EdgeKey = tuple[str, str, str]
EDGE_TYPES: tuple[EdgeKey, ...] = (
    ("District", "PART_OF", "Municipality"),
    ("District", "NEIGHBOUR_OF", "District"),
    ("Topic", "BROADER", "Topic"),
    ("Actor", "LOCATED_IN", "District"),
    ("Actor", "COOPERATES_WITH", "Actor"),
    ("Offer", "PROVIDED_BY", "Actor"),
    ("Offer", "COVERS", "Topic"),
    ("Offer", "SERVES", "District"),
    ("Offer", "AVAILABLE_IN", "Language"),
    ("Offer", "FOR", "TargetGroup"),
    ("Actor", "MEMBER_OF", "WorkingGroup"),
    ("WorkingGroup", "ORGANISED_BY", "Actor"),
    ("BuildingBlock", "RUN_BY", "Actor"),
    ("Position", "AT", "Actor"),
    ("Position", "ASSIGNED_TO", "District"),
    ("Position", "IN_BLOCK", "BuildingBlock"),
    ("User", "WORKS_FOR", "Actor"),
    ("User", "HOLDS", "Position"),
    ("Case", "HELD_BY", "Actor"),
    ("Case", "MANAGED_BY", "User"),
    ("Case", "LIVES_IN", "District"),
    ("Case", "HAS_NEED", "Topic"),
    ("Case", "CONSENT", "Topic"),
    ("Case", "LINKED_TO", "Offer"),
    ("Theme", "ABOUT", "Topic"),
    ("Theme", "AFFECTS", "District"),
    ("Theme", "SEEN_IN", "Case"),
)


@dataclass
class Bundle:
    """Nodes by label (property maps) and relationships by type ([from, to, props?])."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[list[Any]]] = field(default_factory=dict)

    def node(self, label: str, **props: Any) -> None:
        """Add one node; properties that are None are left out (Neo4j cannot store null)."""
        if label not in NODE_LABELS:
            raise KeyError(f"unknown label {label}")
        self.nodes.setdefault(label, []).append({k: v for k, v in props.items() if v is not None})

    def edge(self, key: EdgeKey, source: str, target: str, **props: Any) -> None:
        """Add one relationship from `source` id to `target` id."""
        if key not in EDGE_TYPES:
            raise KeyError(f"unknown relationship {key}")
        row: list[Any] = [source, target]
        if props:
            row.append({k: v for k, v in props.items() if v is not None})
        self.edges.setdefault(key, []).append(row)

    def extend(self, other: Bundle) -> None:
        """Add everything `other` holds."""
        for label, rows in other.nodes.items():
            self.nodes.setdefault(label, []).extend(rows)
        for key, edges in other.edges.items():
            self.edges.setdefault(key, []).extend(edges)

    def size(self) -> int:
        """Nodes plus relationships held."""
        return sum(map(len, self.nodes.values())) + sum(map(len, self.edges.values()))
