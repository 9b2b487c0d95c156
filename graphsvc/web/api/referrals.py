"""Incoming referrals and notifications over JSON: the same forms validate, the same
services decide and audit as on the pages."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from ...domain import cases as case_rules
from ...domain.errors import Conflict, InvalidInput, NotFound
from ...services import notifications, referrals
from ..access import CASE_WORK, PARTNER, roles_required
from ..context import graph, settings, who
from ..referrals import mail
from ..referrals.forms import AnswerForm, FeedbackForm
from .cases import body, error, invalid, plain_schema, versioned_schema
from .contract import ANY_OBJECT, IDENTIFIER, documented, integer, many, obj, one_of, text

bp = Blueprint("api_referrals", __name__, url_prefix="/api/v1")
PATH = {"link_id": IDENTIFIER}
ANSWERED = obj(
    {"id": {"type": "string"}, "status": {"type": "string"}, "version": integer(1, 2**53)},
    ("id", "status", "version"),
)
MARK = {
    "type": "object",
    "properties": {
        "ids": {
            **many(text(40)),
            "description": "the notifications to mark; all unread when empty or left out",
        }
    },
    "additionalProperties": False,
}


def _answer_body() -> dict:
    schema = versioned_schema(AnswerForm)
    # A decline names its reason, and "other" says it in words (the form's and the rule's).
    schema["allOf"] = [
        {
            "if": {"properties": {"action": {"const": "decline"}}, "required": ["action"]},
            "then": {"required": ["reason"]},
        },
        {
            "if": {"properties": {"reason": {"const": "other"}}, "required": ["reason"]},
            "then": {
                "required": ["reason_text"],
                "properties": {"reason_text": {"not": {"pattern": r"^\s*$"}}},
            },
        },
    ]
    return schema


@bp.get("/referrals")
@roles_required(*PARTNER)
@documented(
    query={"status": one_of(*referrals.FILTERS)},
    answer=obj({"referrals": {"type": "array", "items": ANY_OBJECT}}, ("referrals",)),
)
def inbox():
    """The referrals to my organisation's offers (?status=open|proposed|decided|all)."""
    status = request.args.get("status", "open")
    if status not in referrals.FILTERS:
        return error(400, "invalid input", {"status": [f"one of {', '.join(referrals.FILTERS)}"]})
    rows = referrals.inbox(graph(), who(), status, settings().follow_up_days)
    return jsonify(status=status, follow_up_days=settings().follow_up_days, referrals=rows)


@bp.get("/referrals/<link_id>")
@roles_required(*PARTNER)
@documented(path=PATH, answer=ANY_OBJECT)
def read(link_id: str):
    """One referral to my organisation's offers, as the client's waiver lets us see it."""
    return jsonify(referrals.read(graph(), who(), link_id[:40], settings().follow_up_days))


@bp.post("/referrals/<link_id>/answer")
@roles_required(*PARTNER)
@documented(path=PATH, body=_answer_body, answer=ANSWERED, errors=(409,))
def answer(link_id: str):
    """Accept, decline (reason: no_capacity, not_eligible, client_did_not_come, other +
    reason_text), start or complete a referral, with the referral's version; 409 when stale."""
    form = AnswerForm.from_json(body(plain_schema(_answer_body())))
    if not form.validate():
        return invalid(form)
    return _answered(
        lambda: referrals.answer(
            graph(),
            who(),
            link_id[:40],
            form.version.data,
            form.action.data,
            reason=form.reason.data or None,
            reason_text=form.reason_text.data or "",
            feedback=form.feedback.data or "",
        )
    )


@bp.post("/referrals/<link_id>/feedback")
@roles_required(*PARTNER)
@documented(path=PATH, body=lambda: versioned_schema(FeedbackForm), answer=ANSWERED, errors=(409,))
def feedback(link_id: str):
    """Feedback to the referring case manager, the status unchanged; 409 when stale."""
    form = FeedbackForm.from_json(body(plain_schema(versioned_schema(FeedbackForm))))
    if not form.validate():
        return invalid(form)
    return _answered(
        lambda: referrals.send_feedback(
            graph(), who(), link_id[:40], form.version.data, form.feedback.data or ""
        )
    )


def _answered(change):
    try:
        done = change()
    except Conflict:
        return error(409, "the referral was changed meanwhile: read it again")
    except case_rules.CaseRuleError as exc:
        # Well formed, but the referral's state does not allow it (as for cases: 409).
        return error(409, str(exc), {exc.field or "action": [str(exc)]}, code="case_rule")
    mail.send(done)
    return jsonify(id=done.link_id, status=done.status, version=done.version)


@bp.get("/notifications")
@roles_required(*CASE_WORK)
@documented(
    answer=obj(
        {"unread": {"type": "integer"}, "notifications": {"type": "array", "items": ANY_OBJECT}},
        ("unread", "notifications"),
    )
)
def list_notifications():
    """My notifications (answers on my cases' referrals), newest first, with the unread count."""
    rows = notifications.listing(graph(), who())
    return jsonify(unread=sum(1 for n in rows if not n.get("read_at")), notifications=rows)


@bp.post("/notifications/read")
@roles_required(*CASE_WORK)
@documented(
    body=MARK, body_required=False, answer=obj({"marked": {"type": "integer"}}, ("marked",))
)
def mark_read():
    """Mark notifications as read: {"ids": [...]} or all when no ids are given."""
    ids = body(MARK).get("ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) and len(i) <= 40 for i in ids):
        return error(400, "invalid input", {"ids": ["a list of notification ids"]})
    return jsonify(marked=notifications.mark_read(graph(), who(), ids[:500]))


@bp.errorhandler(NotFound)
def not_found(_exc):
    return error(404, "no such referral to your organisation's offers")


@bp.errorhandler(InvalidInput)
def invalid_input(exc: InvalidInput):
    return error(400, "invalid input", exc.fields)
