"""The audit trail: who did what, when and from where; append-only.

Reads and changes of case data, logins (success and failure), user and token changes and
imports are recorded. Details never hold a password, token or session id.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from typing import Any

from ..graph import Graph

MAX_EVENTS = 5000


def timestamp() -> str:
    """Now as an ISO timestamp in UTC (sortable as text on both engines)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(
    graph: Graph,
    user: dict[str, Any] | None,
    action: str,
    target: str = "",
    details: dict[str, Any] | None = None,
    address: str = "",
    outcome: str = "ok",
) -> None:
    """Append one event. `user` is the acting user's dict (or None for anonymous)."""
    graph.query(
        "audit.record_event",
        id=uuid.uuid4().hex,
        at=timestamp(),
        user_id=(user or {}).get("id", ""),
        username=(user or {}).get("username", ""),
        action=action,
        target=target,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        address=address,
        outcome=outcome,
        municipality_id=(user or {}).get("municipality_id", ""),
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


def to_csv(events: list[dict[str, Any]]) -> str:
    """Events as CSV text (for the admin's export)."""
    out = io.StringIO()
    columns = ["at", "username", "action", "target", "outcome", "address", "details"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for event in events:
        writer.writerow({k: _safe_cell(event.get(k)) for k in columns})
    return out.getvalue()


def _safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A leading = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text
