"""The audit trail: who did what, when and from where; append-only.

Reads and changes of case data, logins (success and failure), user and token changes and
imports are recorded. Details never hold a password, token or session id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..domain import clock, csvfile
from ..graph import Graph

PAGE_SIZE = 100  # events per page of the admin's page view
EXPORT_BATCH = 1000  # events read per query while the CSV export streams
# Details of these areas describe a case (needs, offers, topics, statuses, match counts).
# Admins may not read cases, so their views keep only the record ids among the details.
CASE_AREAS = ("case.", "same_client.")
RECORD_ID_KEYS = frozenset({"link", "cases"})
NEWEST = ("9999", "")  # a cursor before every event


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
    limit: int = PAGE_SIZE,
    municipality_id: str | None = None,
    before: tuple[str, str] = NEWEST,
) -> list[dict[str, Any]]:
    """One page of events newest first, filtered; dates as YYYY-MM-DD (inclusive); only
    events older than the cursor `before` (at, id) of the last event of the previous page.
    With a municipality, its events and those of nobody's municipality (shell commands,
    logins under unknown names)."""
    rows = graph.query(
        "audit.search_events",
        municipalities=[] if municipality_id is None else [municipality_id, ""],
        username=username,
        action=action,
        since=since or "0000",
        until=(until + "T99") if until else "9999",
        before_at=before[0],
        before_id=before[1],
        limit=max(1, min(limit, EXPORT_BATCH)),
    )
    return [row["event"] for row in rows]


def search_all(graph: Graph, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every matching event, newest first, read in batches (for the streamed export)."""
    before = NEWEST
    while True:
        batch = search(graph, limit=EXPORT_BATCH, before=before, **filters)
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        before = cursor(batch[-1])


def cursor(event: dict[str, Any]) -> tuple[str, str]:
    """Where the page after `event` starts."""
    return event["at"], event["id"]


def without_case_content(event: dict[str, Any]) -> dict[str, Any]:
    """The event as an admin may see it: for case areas only the record ids among the
    details (which case, which link), never needs, offers, topics or statuses."""
    if not event.get("action", "").startswith(CASE_AREAS):
        return event
    try:
        details = json.loads(event.get("details") or "{}")
    except ValueError:
        details = {}
    kept = {k: v for k, v in details.items() if k in RECORD_ID_KEYS}
    return {**event, "details": json.dumps(kept, ensure_ascii=False, sort_keys=True)}


CSV_COLUMNS = ("at", "username", "action", "target", "outcome", "address", "details")


def to_csv(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Events as CSV text, a chunk per event (the admin's export streams it)."""
    return csvfile.stream(csvfile.dict_rows(events, CSV_COLUMNS))
