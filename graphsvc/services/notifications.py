"""Notifications for case managers: what the receiving organisations answered on their
cases' referrals (status changes and feedback), read in the app and optionally by e-mail.

The answer writes the notification in the same statement (cypher/cases/change_link_status,
cypher/referrals/send_feedback); this module lists them, counts the unread ones for the
header and keeps the address mails go to.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain import clock
from ..domain.errors import InvalidInput
from ..graph import Graph
from . import audit
from .audit import Who

MAX_LISTED = 200
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EMAIL = 200


def listing(graph: Graph, who: Who, limit: int = MAX_LISTED) -> list[dict[str, Any]]:
    """The user's notifications, newest first (audited: they name pseudonyms)."""
    rows = graph.query("notifications.list_for_user", user_id=who.get("id"), limit=limit)
    found = [row["notification"] for row in rows]
    audit.record(graph, who, "notification.list", details={"listed": len(found)})
    return found


def unread_count(graph: Graph, user_id: str) -> int:
    """How many notifications the user has not read (a count, no case data)."""
    return int(graph.query("notifications.unread_count", user_id=user_id) or 0)


def mark_read(graph: Graph, who: Who, ids: list[str] | None = None) -> int:
    """Mark the given (or all) unread notifications of the user as read; return how many."""
    rows = graph.query(
        "notifications.mark_read", user_id=who.get("id"), ids=list(ids or []), now=clock.now_iso()
    )
    marked = rows[0]["marked"] if rows else 0
    audit.record(graph, who, "notification.read", details={"marked": marked})
    return marked


def email(graph: Graph, user_id: str) -> str | None:
    """The address the user's notifications are also mailed to."""
    return graph.query("notifications.get_email", user_id=user_id)


def set_email(graph: Graph, who: Who, address: str) -> str | None:
    """Set (or, with an empty address, remove) where notifications are mailed to."""
    address = address.strip()
    if address and (len(address) > MAX_EMAIL or not EMAIL.match(address)):
        raise InvalidInput({"email": "not an e-mail address"})
    graph.query("notifications.set_email", user_id=who.get("id"), email=address or None)
    audit.record(graph, who, "notification.email", details={"set": bool(address)})
    return address or None
