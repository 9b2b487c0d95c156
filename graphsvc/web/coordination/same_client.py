"""The same client at two organisations: likely pairs of cases, confirmed or rejected by
coordination (pseudonyms and organisations only; the rules live in services/same_client.py)."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import DataRequired

from ...domain.errors import Conflict, NotFound
from ...services import same_client as service
from ..access import COORDINATION, roles_required
from ..context import graph, match_settings, municipal_who, municipality
from ..errors import answer, bad_request
from . import bp

STATUS_LABELS = {
    "open": _l("open"),
    "confirmed": _l("confirmed: the same person"),
    "rejected": _l("rejected: different people"),
}


class DecisionForm(FlaskForm):
    """Confirm or reject one pair."""

    decision = SelectField(
        choices=[("confirm", _l("Same person")), ("reject", _l("Different people"))],
        validators=[DataRequired()],
    )


class UndoForm(FlaskForm):
    """Take back the decision on one pair (only the CSRF token)."""


class ScanForm(FlaskForm):
    """Compare all cases of the municipality (only the CSRF token)."""


def _status_filter() -> str | None:
    """The ?status= filter, or None when it is not one of the known statuses."""
    status = request.args.get("status", "open")
    return status if status in ("", *service.STATUSES) else None


def _listing(status: str) -> tuple[list[dict], dict[str, int]]:
    rows = service.pairs(graph(), municipal_who())
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in service.STATUSES}
    return [r for r in rows if not status or r["status"] == status], counts


@bp.get("/same-client")
@roles_required(*COORDINATION)
def same_client():
    """Likely pairs of cases of one client at two organisations, with score and decision."""
    status = _status_filter()
    if status is None:
        return answer(400, _("Invalid filter"), _("status: use open, confirmed or rejected."))
    rows, counts = _listing(status)
    return render_template(
        "coordination/same_client.html",
        rows=rows,
        counts=counts,
        status=status,
        statuses=STATUS_LABELS,
        threshold=match_settings().threshold,
        decision_form=DecisionForm(formdata=None),
        undo_form=UndoForm(formdata=None),
        scan_form=ScanForm(formdata=None),
    )


@bp.get("/same-client.json")
@roles_required(*COORDINATION)
def same_client_json():
    """The same pairs as JSON (?status=open|confirmed|rejected, empty for all)."""
    return same_client_answer()


def same_client_answer():
    """The pairs of the municipality as JSON, for the page's JSON and the token API."""
    status = _status_filter()
    if status is None:
        return bad_request({"status": ["use open, confirmed, rejected or empty"]})
    rows, counts = _listing(status)
    return jsonify(threshold=match_settings().threshold, counts=counts, pairs=rows)


@bp.post("/same-client/<pair_id>")
@roles_required(*COORDINATION)
def decide_same_client(pair_id: str):
    """Confirm or reject one open pair; the decision is kept with who and when."""
    form = DecisionForm()
    if not form.validate_on_submit():
        return answer(
            400, _("Invalid decision"), _("decision: choose same person or different people.")
        )
    try:
        service.decide(graph(), municipal_who(), pair_id[:40], form.decision.data)
    except NotFound:
        return answer(404, _("Not found"), _("No such pair in your municipality."))
    except Conflict:
        flash(_("This pair was already decided; decisions stay as they are."), "error")
        return redirect(url_for("coordination.same_client", status=""), code=303)
    flash(_("Decision saved."), "info")
    return redirect(url_for("coordination.same_client"))


@bp.post("/same-client/<pair_id>/undo")
@roles_required(*COORDINATION)
def undo_same_client(pair_id: str):
    """Take back the decision on a pair: it is open again; who undid it is recorded."""
    if not UndoForm().validate_on_submit():
        return answer(400, _("Invalid request"), _("The form has expired; please reload the page."))
    try:
        service.decide(graph(), municipal_who(), pair_id[:40], "undo")
    except NotFound:
        return answer(404, _("Not found"), _("No such pair in your municipality."))
    except Conflict:
        flash(_("This pair is open; there is no decision to take back."), "error")
        return redirect(url_for("coordination.same_client", status=""), code=303)
    flash(_("Decision taken back; the pair is open again."), "info")
    return redirect(url_for("coordination.same_client"), code=303)


@bp.post("/same-client/scan")
@roles_required(*COORDINATION)
def scan_same_client():
    """Compare all cases of the municipality with each other (new pairs come in as open)."""
    if not ScanForm().validate_on_submit():
        return answer(400, _("Invalid request"), _("The form has expired; please reload the page."))
    result = service.scan(graph(), municipality(), match_settings().threshold, municipal_who())
    flash(
        _(
            "%(cases)s cases compared; %(pairs)s likely pairs above the threshold.",
            cases=result["cases"],
            pairs=result["pairs"],
        ),
        "info",
    )
    return redirect(url_for("coordination.same_client"))
