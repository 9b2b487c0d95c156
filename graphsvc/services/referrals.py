"""Incoming referrals: the organisation that runs an offer sees the referrals to it and
answers them; the referring case manager is told.

A partner sees a referral's offer, mode, dates and status, and of the case only what the
client's waiver for the referral's topic allows today (domain/referrals.py). Every read and
answer is audited with the link's id, never with case data. An answer carries the version
of the referral the partner saw; a stale one is refused (Conflict) and changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NoReturn

from ..domain import cases as case_rules
from ..domain import clock
from ..domain import referrals as rules
from ..domain.errors import Conflict, NotFound
from ..graph import Graph
from . import audit, cases
from .audit import Who

FILTERS = {
    "open": case_rules.OPEN_LINK_STATUSES,
    "proposed": ("proposed",),
    "decided": ("completed", "declined", "no_capacity", "cancelled"),
    "all": tuple(case_rules.LINK_TRANSITIONS),
}
MAX_LISTED = 500


@dataclass(frozen=True)
class Answered:
    """What an answer changed, and whom to tell by mail."""

    link_id: str
    status: str
    version: int
    pseudonym: str
    notify_email: str | None


def inbox(
    graph: Graph,
    who: Who,
    status: str = "open",
    follow_up_days: int = rules.DEFAULT_FOLLOW_UP_DAYS,
) -> list[dict[str, Any]]:
    """The referrals to the user's organisation's offers, newest first, as it may see them."""
    if status not in FILTERS:
        raise case_rules.CaseRuleError(f"unknown filter {status!r}", "status")
    rows = graph.query(
        "referrals.inbox",
        actor_id=who.actor_id,
        statuses=list(FILTERS[status]),
        limit=MAX_LISTED,
    )
    today = clock.today_iso()
    found = [rules.shared_view(row, today, follow_up_days) for row in rows]
    audit.record(
        graph,
        who,
        "referral.inbox",
        target=who.actor_id,
        details={"status": status, "listed": len(found)},
    )
    return found


def _own(graph: Graph, who: Who, link_id: str) -> dict[str, Any]:
    row = graph.query("referrals.get_referral", actor_id=who.actor_id, link_id=link_id)
    if not row:
        audit.record(graph, who, "referral.denied", target=link_id, outcome="denied")
        raise NotFound(link_id)
    return row


def read(
    graph: Graph, who: Who, link_id: str, follow_up_days: int = rules.DEFAULT_FOLLOW_UP_DAYS
) -> dict[str, Any]:
    """One referral to an offer of the user's organisation (NotFound for any other)."""
    view = rules.shared_view(_own(graph, who, link_id), clock.today_iso(), follow_up_days)
    audit.record(graph, who, "referral.read", target=link_id, details={"shared": view["shared"]})
    return view


def answer(
    graph: Graph,
    who: Who,
    link_id: str,
    version: int,
    action: str,
    reason: str | None = None,
    reason_text: str = "",
    feedback: str = "",
) -> Answered:
    """Accept, decline (with a reason), start or complete a referral, with feedback for the
    referring case manager, who gets a notification in the same write."""
    row = _own(graph, who, link_id)
    current = row.get("version") or 1
    if current != version:
        raise Conflict(link_id)
    status = rules.check_answer(row["status"], action, reason, reason_text)
    declined = action == "decline"
    result = cases.write_link_status(
        graph,
        who,
        row["pseudonym"],
        link_id,
        status,
        link_version=version,
        actor_id=who.actor_id,
        feedback=feedback.strip() or None,
        decline_reason=reason if declined else None,
        decline_text=(reason_text.strip() or None) if declined else None,
        notify_as=row.get("provider_name") or who.actor_id,
    )
    if result is None:
        _refused(graph, who, link_id, version)
    audit.record(
        graph,
        who,
        "referral.answer",
        target=link_id,
        details={"action": action, "status": status, "reason": reason if declined else None},
    )
    return Answered(
        link_id, status, result["link_version"], row["pseudonym"], result["notify_email"]
    )


def send_feedback(graph: Graph, who: Who, link_id: str, version: int, feedback: str) -> Answered:
    """Feedback to the referring case manager on an open referral, its status unchanged."""
    text = feedback.strip()
    if not text:
        raise case_rules.CaseRuleError("write the feedback first", "feedback")
    if len(text) > rules.MAX_FEEDBACK:
        raise case_rules.CaseRuleError(f"at most {rules.MAX_FEEDBACK} characters", "feedback")
    row = _own(graph, who, link_id)
    if (row.get("version") or 1) != version:
        raise Conflict(link_id)
    if row["status"] not in rules.OPEN_STATUSES:
        raise case_rules.CaseRuleError("this referral is decided", "feedback")
    result = graph.query(
        "referrals.send_feedback",
        actor_id=who.actor_id,
        link_id=link_id,
        link_version=version,
        open_statuses=list(rules.OPEN_STATUSES),
        feedback=text,
        display_name=who.get("display_name") or who.get("username"),
        actor_name=row.get("provider_name") or who.actor_id,
        notification_id=uuid.uuid4().hex,
        today=clock.today_iso(),
        now=clock.now_iso(),
    )
    written = result[0] if result else None
    if not written:
        _refused(graph, who, link_id, version)
    audit.record(graph, who, "referral.feedback", target=link_id)
    return Answered(
        link_id, row["status"], written["link_version"], row["pseudonym"], written["notify_email"]
    )


def _refused(graph: Graph, who: Who, link_id: str, version: int) -> NoReturn:
    """Why a checked write did not happen: changed meanwhile (Conflict) or not possible."""
    now = _own(graph, who, link_id)
    if (now.get("version") or 1) != version:
        raise Conflict(link_id)
    raise case_rules.CaseRuleError("this change is not possible in the referral's state", "action")
