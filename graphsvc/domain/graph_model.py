"""The node labels and relationship types of the graph, declared once.

Everything that must know them all reads them here: the indexes (graph/schema.py), the
generated bulk-load and backup statements (cypher/generated/, `make cypher`), the bundles
that seeds and the generator fill, and the test that every label and relationship type a
query names is declared.
"""

from __future__ import annotations

LABELS = (
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
    "AuthSession",
    "LoginFailure",
    "ApiToken",
    "AuditEvent",
    "Snapshot",
    "CaseAggregate",
    "SameClientPair",
    "DirectoryChange",
    "Notification",
    "UnmetSearch",
    "Meta",
)

EdgeKey = tuple[str, str, str]  # (start label, relationship type, end label)
RELATIONSHIPS: tuple[EdgeKey, ...] = (
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
    ("SameClientPair", "CONCERNS", "Case"),
    ("DirectoryChange", "CHANGED", "Offer"),
    ("DirectoryChange", "CHANGED", "Actor"),
    ("Notification", "NOTIFIES", "User"),
    ("Notification", "CONCERNS", "Case"),
)

# The first and last day of what a network meeting compares between two dates (domain/history.py):
# organisations, offers, working-group memberships and cooperations. Unset means "since always"
# and "still running"; the directory, the seeds and the generator fill them.
DATED: dict[str, tuple[str, str]] = {
    "Actor": ("since", "retired_on"),
    "Offer": ("valid_from", "valid_until"),
    "MEMBER_OF": ("since", "until"),
    "COOPERATES_WITH": ("since", "until"),
}

# Labels whose nodes the app writes one at a time and looks up by something other than id
# hold no bulk data; the Meta node is merged, not created, so a restore keeps one of it.
MERGED_LABELS = frozenset({"Meta"})
