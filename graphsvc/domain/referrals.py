"""Rules of the closed referral loop: what the receiving organisation answers, what it may
see of the case, and when a referral needs a follow-up. Plain Python, no database.

A referral is a case's link to an offer. The organisation that runs the offer answers it;
each answer is a link status change and follows the same transitions as a change by the
case manager (`cases.LINK_TRANSITIONS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import cases, model

ACTION_STATUS = {"accept": "accepted", "start": "active", "complete": "completed"}
# The link statuses a partner still acts on (the rest are decided).
OPEN_STATUSES = cases.OPEN_LINK_STATUSES
# A referral nobody answered for this long is flagged on both sides (GRAPHSVC_FOLLOW_UP_DAYS).
DEFAULT_FOLLOW_UP_DAYS = 10
MAX_FEEDBACK = 500
MAX_DECLINE_TEXT = 300
# What the partner sees of a case whose waiver for the referral's topic holds today.
SHARED_CASE_FIELDS = ("pseudonym", "topic", "languages", "age_band")


def target_status(action: str, reason: str | None = None) -> str:
    """The link status an answer leads to: decline with no capacity is `no_capacity`."""
    if action == "decline":
        if reason not in model.DECLINE_REASONS:
            raise cases.CaseRuleError("choose a reason for the decline", "reason")
        return "no_capacity" if reason == "no_capacity" else "declined"
    if action not in ACTION_STATUS:
        raise cases.CaseRuleError(f"unknown answer {action!r}", "action")
    return ACTION_STATUS[action]


def check_answer(current: str, action: str, reason: str | None, text: str) -> str:
    """The new status of an answer, or CaseRuleError naming the field that is wrong."""
    status = target_status(action, reason)
    if action == "decline" and reason == "other" and not text.strip():
        raise cases.CaseRuleError("say why in a few words", "reason_text")
    cases.check_link_change(current, status)
    return status


def actions_from(status: str) -> list[str]:
    """The answers possible on a link in `status`, in the order a page offers them."""
    possible = []
    for action in model.REFERRAL_ACTIONS:
        target = "declined" if action == "decline" else ACTION_STATUS[action]
        if target in cases.LINK_TRANSITIONS.get(status, ()):
            possible.append(action)
    return possible


def shares_case_data(link: Mapping[str, Any], on: str) -> bool:
    """Whether the client's waiver for the link's topic lets the partner see the case on `on`.

    A self-referral usually comes without a waiver: then the partner sees nothing of the
    case, not even the pseudonym. A withdrawn waiver hides what it showed before.
    """
    return cases.consent_valid(link.get("consent"), on)


def shared_view(link: Mapping[str, Any], on: str, follow_up_days: int) -> dict[str, Any]:
    """One referral as the receiving organisation may see it on day `on`."""
    shared = shares_case_data(link, on)
    view: dict[str, Any] = {
        "id": link["id"],
        "version": link.get("version") or 1,
        "offer_id": link["offer_id"],
        "offer_name": link.get("offer_name"),
        "mode": link["mode"],
        "status": link["status"],
        "since": link["since"],
        "until": link.get("until"),
        "referred_by": link.get("referred_by"),
        "self_referral": bool(link.get("self_referral")),
        "decline_reason": link.get("decline_reason"),
        "decline_text": link.get("decline_text"),
        "feedback": link.get("feedback"),
        "answered_by": link.get("answered_by"),
        "answered_on": link.get("answered_on"),
        "shared": shared,
        "follow_up": follow_up_due(link["status"], link["since"], on, follow_up_days),
        "actions": actions_from(link["status"]),
    }
    for name in SHARED_CASE_FIELDS:
        view[name] = link.get(name) if shared else None
    return view


def follow_up_due(status: str, since: str, on: str, days: int) -> bool:
    """A referral still proposed `days` days after it was made needs a follow-up."""
    if status != "proposed" or not since:
        return False
    return dt.date.fromisoformat(since[:10]) + dt.timedelta(days=days) <= dt.date.fromisoformat(
        on[:10]
    )


def follow_up_cutoff(on: dt.date, days: int) -> str:
    """The latest `since` of a referral that is due for a follow-up on day `on`."""
    return (on - dt.timedelta(days=days)).isoformat()


def refusal_reason(link: Mapping[str, Any]) -> str | None:
    """Why a refused link was refused: the partner's reason where the partner answered,
    else what its status says (declined, no capacity); None for a link not refused."""
    if link.get("status") not in ("declined", "no_capacity"):
        return None
    reason = link.get("decline_reason")
    if reason in model.DECLINE_REASONS:
        return reason
    return "no_capacity" if link["status"] == "no_capacity" else "declined"
