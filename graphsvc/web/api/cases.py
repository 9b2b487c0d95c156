"""Cases over JSON: the same forms validate, the same service decides, the same audit."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_login import current_user

from ...domain import cases as rules
from ...domain.errors import Conflict, NotFound
from ...services import cases
from ..access import CASE_WORK, roles_required
from ..cases.forms import (
    ConsentForm,
    IntakeForm,
    LinkForm,
    LinkStatusForm,
    NeedForm,
    PhaseForm,
)
from ..context import graph, match_settings, settings, who

bp = Blueprint("api_cases", __name__, url_prefix="/api/v1/cases")


def error(status: int, message: str, fields: dict | None = None):
    body = {"status": status, "message": message}
    if fields:
        body["fields"] = fields
    return jsonify(error=body), status


def invalid(form):
    return error(400, "invalid input", {k: [str(m) for m in v] for k, v in form.errors.items()})


def body() -> dict:
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


def topics() -> list[tuple[str, str]]:
    return [(t["id"], t["name_en"]) for t in graph().query("cases.topic_choices")]


@bp.get("")
@roles_required(*CASE_WORK)
def list_cases():
    """The organisation's cases (?mine=1 for one's own, ?phase=, ?topic=, ?overdue=1)."""
    rows = cases.list_cases(
        graph(),
        who(),
        mine=request.args.get("mine") == "1",
        phase=request.args.get("phase", "")[:20],
        topic=request.args.get("topic", "")[:60],
        overdue=request.args.get("overdue") == "1",
        follow_up_days=settings().follow_up_days,
    )
    return jsonify(cases=rows)


@bp.post("")
@roles_required(*CASE_WORK)
def create_case():
    """Open a case from intake data; answers with the new pseudonym."""
    form = IntakeForm.from_json(body())
    form.fill_choices(cases.choices(graph(), current_user.municipality_id), "en")
    if not form.validate():
        return invalid(form)
    hints = rules.identifier_hints(form.notes.data or "")
    if hints and not form.no_identifier.data:
        return error(
            400,
            "the notes look like they contain a direct identifier",
            {"notes": [f"{h.kind}: {h.excerpt}" for h in hints]},
        )
    pseudonym = cases.open_case(graph(), who(), form.data, match_settings())
    return jsonify(pseudonym=pseudonym), 201


@bp.get("/<pseudonym>")
@roles_required(*CASE_WORK)
def read_case(pseudonym: str):
    """The whole case file."""
    return jsonify(cases.read_case(graph(), who(), pseudonym))


@bp.patch("/<pseudonym>")
@roles_required(*CASE_WORK)
def update_case(pseudonym: str):
    """Change the phase, a need or a waiver: {"version": n, "phase": …} or "need" or "consent"."""
    data = body()
    if "phase" in data:
        form = PhaseForm.from_json(data)
        if not form.validate():
            return invalid(form)
        return _done(
            lambda: cases.change_phase(
                graph(), who(), pseudonym, form.version.data, form.phase.data
            )
        )
    if "need" in data:
        form = NeedForm.from_json({"version": data.get("version"), **(data["need"] or {})})
        form.topic.choices = topics()
        if not form.validate():
            return invalid(form)
        return _done(
            lambda: cases.set_need(
                graph(), who(), pseudonym, form.version.data, form.topic.data, form.status.data
            )
        )
    if "consent" in data:
        form = ConsentForm.from_json({"version": data.get("version"), **(data["consent"] or {})})
        form.topic.choices = topics()
        if not form.validate():
            return invalid(form)
        withdrawn = form.withdrawn_on.data.isoformat() if form.withdrawn_on.data else None
        return _done(
            lambda: cases.set_consent(
                graph(),
                who(),
                pseudonym,
                form.version.data,
                form.topic.data,
                form.signed_on.data.isoformat(),
                withdrawn,
            )
        )
    return error(400, "give one of: phase, need, consent", {"body": ["nothing to change"]})


@bp.post("/<pseudonym>/links")
@roles_required(*CASE_WORK)
def create_link(pseudonym: str):
    """Link the case to an offer; 409 with the parallel links unless a reason is given."""
    form = LinkForm.from_json(body())
    form.topic.choices = topics()
    if not form.validate():
        return invalid(form)
    return _link_result(
        lambda: cases.create_link(
            graph(),
            who(),
            pseudonym,
            form.version.data,
            form.offer_id.data,
            form.topic.data,
            form.mode.data,
            self_referral=form.self_referral.data,
            confirm_reason=form.reason.data or "",
        ),
        created=True,
    )


@bp.patch("/<pseudonym>/links/<link_id>")
@roles_required(*CASE_WORK)
def update_link(pseudonym: str, link_id: str):
    """Move a link to a new status (activating runs the parallel-support check)."""
    form = LinkStatusForm.from_json(body())
    if not form.validate():
        return invalid(form)
    return _link_result(
        lambda: cases.change_link(
            graph(),
            who(),
            pseudonym,
            form.version.data,
            link_id,
            form.status.data,
            feedback=form.feedback.data or "",
            confirm_reason=form.reason.data or "",
        )
    )


def _link_result(change, created: bool = False):
    def run():
        version, check = change()
        if version is None:
            raise _Parallel(check.parallel)
        return version

    try:
        return _done(run, created)
    except _Parallel as warning:
        return jsonify(
            error={
                "status": 409,
                "message": "parallel support: give a reason to save",
                "parallel": warning.links,
            }
        ), 409


class _Parallel(Exception):
    def __init__(self, links):
        super().__init__("parallel")
        self.links = links


def _done(change, created: bool = False):
    try:
        version = change()
    except Conflict:
        return error(409, "the case was changed meanwhile: read it again")
    except rules.CaseRuleError as exc:
        return error(400, str(exc), {exc.field or "case": [str(exc)]})
    return jsonify(version=version), 201 if created else 200


@bp.errorhandler(NotFound)
def not_found(_exc):
    return error(404, "no such case in your organisation")
