"""A bundle of nodes and relationships to write in bulk: what seeds and generator produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .graph_model import LABELS, RELATIONSHIPS, EdgeKey


@dataclass
class Bundle:
    """Nodes by label (property maps) and relationships by type ([from, to, props])."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[list[Any]]] = field(default_factory=dict)

    def node(self, label: str, **props: Any) -> None:
        """Add one node; properties that are None are left out (Neo4j cannot store null)."""
        if label not in LABELS:
            raise KeyError(f"unknown label {label}")
        self.nodes.setdefault(label, []).append({k: v for k, v in props.items() if v is not None})

    def edge(self, key: EdgeKey, source: str, target: str, **props: Any) -> None:
        """Add one relationship from `source` id to `target` id."""
        if key not in RELATIONSHIPS:
            raise KeyError(f"unknown relationship {key}")
        row = [source, target, {k: v for k, v in props.items() if v is not None}]
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
