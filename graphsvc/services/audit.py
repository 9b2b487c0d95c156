"""The audit trail: who did what, when and from where; append-only.

Reads and changes of case data, logins (success and failure), user and token changes and
imports are recorded. Details never hold a password, token or session id.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import clock, csvfile
from ..graph import Graph

MAX_EVENTS = 5000


@dataclass(frozen=True)
class Who:
    """Who acts: the user's dict (None for nobody logged in) and the address the request
    came from. Every use case that reads or changes data takes one, so the audit trail can
    say who did what from where."""

    user: dict[str, Any] | None
    address: str = ""

    def get(self, key: str, default: Any = "") -> Any:
        """One field of the user's dict (id, username, actor_id, municipality_id, roles)."""
        return (self.user or {}).get(key, default)

    @property
    def actor_id(self) -> str:
        """The organisation the user works for."""
        return self.get("actor_id")

    @property
    def municipality_id(self) -> str:
        """The municipality the user works in."""
        return self.get("municipality_id")


SHELL = Who({"id": "", "username": "(shell)"})  # commands run from the shell


def record(
    graph: Graph,
    who: Who,
    action: str,
    target: str = "",
    details: dict[str, Any] | None = None,
    outcome: str = "ok",
) -> None:
    """Append one event."""
    graph.query(
        "audit.record_event",
        id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        action=action,
        target=target,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        address=who.address,
        outcome=outcome,
        municipality_id=who.municipality_id,
    )


def search(
    graph: Graph,
    username: str = "",
    action: str = "",
    since: str = "",
    until: str = "",
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Events newest first, filtered; dates as YYYY-MM-DD (inclusive)."""
    rows = graph.query(
        "audit.search_events",
        username=username,
        action=action,
        since=since or "0000",
        until=(until + "T99") if until else "9999",
        limit=max(1, min(limit, MAX_EVENTS)),
    )
    return [row["event"] for row in rows]


CSV_COLUMNS = ("at", "username", "action", "target", "outcome", "address", "details")


def to_csv(events: list[dict[str, Any]]) -> str:
    """Events as CSV text (for the admin's export)."""
    return csvfile.to_text(csvfile.dict_rows(events, CSV_COLUMNS))
