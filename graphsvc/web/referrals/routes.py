"""The referral inbox of the organisation that runs the offers: list, one referral with its
answer forms, the answers. Partner role only; the rules live in services/referrals.py."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...domain import cases as case_rules
from ...domain.errors import Conflict, NotFound
from ...services import referrals
from ..access import PARTNER, roles_required
from ..cases.forms import LABELS
from ..context import graph, lang, settings, who
from ..errors import answer as error_page
from . import bp, mail
from .forms import ACTION_LABELS, FILTER_LABELS, REASON_LABELS, AnswerForm, FeedbackForm

RULE_MESSAGES = {
    "choose a reason for the decline": _l("Choose a reason for declining."),
    "say why in a few words": _l("Say why in a few words."),
    "write the feedback first": _l("Write the feedback first."),
    "this referral is decided": _l("This referral is decided; feedback goes with an answer."),
}


def topic_names() -> dict[str, str]:
    """Topic names in the interface language."""
    key = "name_de" if lang() == "de" else "name_en"
    return {t["id"]: t[key] for t in graph().query("cases.topic_choices")}


def _labels() -> dict:
    return {
        "status": LABELS,
        "mode": LABELS,
        "action": ACTION_LABELS,
        "reason": REASON_LABELS,
        "filter": FILTER_LABELS,
    }


@bp.get("/")
@roles_required(*PARTNER)
def inbox():
    """The referrals to my organisation's offers (?status=open|proposed|decided|all)."""
    status = request.args.get("status", "open")
    if status not in referrals.FILTERS:
        return error_page(
            400, _("Invalid filter"), _("status: use open, proposed, decided or all.")
        )
    rows = referrals.inbox(graph(), who(), status, settings().follow_up_days)
    return render_template(
        "referrals/inbox.html",
        rows=rows,
        status=status,
        labels=_labels(),
        topics=topic_names(),
        follow_up_days=settings().follow_up_days,
    )


def _page(link_id: str, status: int = 200, **forms):
    view = referrals.read(graph(), who(), link_id, settings().follow_up_days)
    defaults = {
        "answer_form": AnswerForm(formdata=None, version=view["version"]),
        "feedback_form": FeedbackForm(formdata=None, version=view["version"]),
    }
    defaults.update(forms)
    defaults["answer_form"].action.choices = [
        (a, ACTION_LABELS[a]) for a in view["actions"]
    ] or defaults["answer_form"].action.choices
    return render_template(
        "referrals/show.html",
        r=view,
        labels=_labels(),
        topics=topic_names(),
        follow_up_days=settings().follow_up_days,
        **defaults,
    ), status


@bp.get("/<link_id>")
@roles_required(*PARTNER)
def show(link_id: str):
    """One referral: what the waiver lets us see, its history, the answer forms."""
    return _page(link_id[:40])


def _run(link_id: str, form_name: str, form, change):
    """Validate, answer, tell the case manager; a stale version answers 409."""
    if not form.validate_on_submit():
        return _page(link_id, 400, **{form_name: form})
    try:
        answered = change(form)
    except Conflict:
        flash(_("This referral was changed meanwhile. Please check it and answer again."), "error")
        return _page(link_id, 409)
    except case_rules.CaseRuleError as exc:
        message = str(
            RULE_MESSAGES.get(str(exc), _("This answer is not possible in the referral's state."))
        )
        target = getattr(form, exc.field or "", None)
        if target is not None and hasattr(target, "errors"):
            target.errors = [*target.errors, message]
        else:
            flash(message, "error")
        return _page(link_id, 400, **{form_name: form})
    mail.send(answered)
    flash(_("Answer saved; the referring case manager has been told."), "info")
    return redirect(url_for("referrals.show", link_id=link_id), code=303)


@bp.post("/<link_id>/answer")
@roles_required(*PARTNER)
def answer(link_id: str):
    """Accept, decline with a reason, start or complete a referral."""
    link_id = link_id[:40]
    return _run(
        link_id,
        "answer_form",
        AnswerForm(),
        lambda f: referrals.answer(
            graph(),
            who(),
            link_id,
            f.version.data,
            f.action.data,
            reason=f.reason.data or None,
            reason_text=f.reason_text.data or "",
            feedback=f.feedback.data or "",
        ),
    )


@bp.post("/<link_id>/feedback")
@roles_required(*PARTNER)
def feedback(link_id: str):
    """Feedback to the referring case manager without changing the status."""
    link_id = link_id[:40]
    return _run(
        link_id,
        "feedback_form",
        FeedbackForm(),
        lambda f: referrals.send_feedback(
            graph(), who(), link_id, f.version.data, f.feedback.data or ""
        ),
    )


@bp.errorhandler(NotFound)
def not_found(_exc):
    return error_page(404, _("Not found"), _("No such referral to your organisation's offers."))
