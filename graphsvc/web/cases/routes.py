"""Case pages: list, intake, the case file with its forms. Case managers of the holding
organisation only; everything else about the rules lives in services/cases.py."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...domain import cases as rules
from ...domain import help_network
from ...domain.errors import Conflict, NotFound
from ...services import cases
from ..access import CASE_WORK, roles_required
from ..context import graph, lang, match_settings, settings, who
from ..errors import answer
from ..referrals.forms import REASON_LABELS
from . import bp
from .forms import (
    LABELS,
    CaseFilterForm,
    CloseForm,
    ConsentForm,
    DocumentsForm,
    IntakeForm,
    LinkForm,
    LinkStatusForm,
    NeedForm,
    PhaseForm,
)


def topic_choices() -> list[tuple[str, str]]:
    name = "name_de" if lang() == "de" else "name_en"
    return [(t["id"], t[name]) for t in graph().query("cases.topic_choices")]


@bp.get("/")
@roles_required(*CASE_WORK)
def index():
    """My cases or my organisation's cases, filtered."""
    form = CaseFilterForm(request.args)
    form.topic.choices = [("", _("all")), *topic_choices()]
    if not form.validate():
        return render_template("cases/index.html", form=form, rows=[], labels=LABELS), 400
    rows = cases.list_cases(
        graph(),
        who(),
        mine=form.scope.data != "org",
        phase=form.phase.data or "",
        topic=form.topic.data or "",
        overdue=form.overdue.data,
        follow_up_days=settings().follow_up_days,
    )
    return render_template("cases/index.html", form=form, rows=rows, labels=LABELS)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*CASE_WORK)
def new():
    """Intake: open a case; notes that look like an identifier need a confirmation."""
    form = IntakeForm()
    form.fill_choices(cases.choices(graph(), current_user.municipality_id), lang())
    hints = rules.identifier_hints(form.notes.data or "") if request.method == "POST" else []
    if form.validate_on_submit():
        if hints and not form.no_identifier.data:
            form.notes.errors = [
                *form.notes.errors,
                _("This looks like a direct identifier; please remove it."),
            ]
        else:
            pseudonym = cases.open_case(graph(), who(), form.data, match_settings())
            flash(_("Case %(pseudonym)s opened.", pseudonym=pseudonym), "info")
            return redirect(url_for("cases.show", pseudonym=pseudonym))
    status = 400 if request.method == "POST" else 200
    form.forget_identity()
    return render_template("cases/new.html", form=form, hints=hints), status


def _case_page(pseudonym: str, status: int = 200, **forms):
    data = cases.read_case(graph(), who(), pseudonym)
    topics = topic_choices()
    version = data["case"]["version"]
    defaults = {
        "phase_form": PhaseForm(formdata=None, version=version, phase=data["case"]["phase"]),
        "need_form": NeedForm(formdata=None, version=version),
        "consent_form": ConsentForm(formdata=None, version=version),
        "documents_form": DocumentsForm(formdata=None, version=version),
        "link_form": LinkForm(
            formdata=None,
            version=version,
            offer_id=request.args.get("offer", ""),
            topic=request.args.get("topic"),
        ),
        "status_form": LinkStatusForm(formdata=None, version=version),
    }
    defaults.update(forms)
    for name in ("need_form", "consent_form", "link_form"):
        defaults[name].topic.choices = topics
    names = dict(topics)
    picture = help_network.layout(data["needs"], data["links"])
    return render_template(
        "cases/show.html",
        data=data,
        case=data["case"],
        labels=LABELS,
        decline_labels=REASON_LABELS,
        topic_names=names,
        picture=picture,
        size=(help_network.WIDTH, help_network.HEIGHT),
        **defaults,
    ), status


@bp.get("/<pseudonym>")
@roles_required(*CASE_WORK)
def show(pseudonym: str):
    """The case file: needs, consent, phase history and the help network."""
    return _case_page(pseudonym)


def _apply(pseudonym: str, form_name: str, form, change):
    """Validate a versioned form, run the change, answer like every case form does."""
    if form.validate_on_submit():
        try:
            change(form)
        except Conflict:
            flash(
                _("Someone else changed this case meanwhile. Please check and try again."), "error"
            )
            return _case_page(pseudonym, 409)
        except rules.CaseRuleError as exc:
            field = getattr(form, exc.field or "", None)
            target = field if field is not None and hasattr(field, "errors") else None
            message = _rule_message(exc)
            if target is not None:
                target.errors = [*target.errors, message]
            else:
                flash(message, "error")
            return _case_page(pseudonym, 400, **{form_name: form})
        return redirect(url_for("cases.show", pseudonym=pseudonym))
    return _case_page(pseudonym, 400, **{form_name: form})


def _rule_message(exc: rules.CaseRuleError) -> str:
    text = str(exc)
    known = {
        "no valid confidentiality waiver for this topic": _(
            "No valid confidentiality waiver for this topic: the link is refused. If the client "
            "goes on their own, tick the self-referral box."
        ),
        "this offer has ended (or not yet started)": _(
            "This offer has ended (or not yet started)."
        ),
        "end or complete the open links first": _("End or complete the open links first."),
        "give every need an outcome: met or unmet": _("Give every need an outcome: met or unmet."),
        "close a case through the evaluation (outcome per need)": _(
            "Close a case through the evaluation (outcome per need)."
        ),
        "the case is closed": _("The case is closed."),
        "unknown offer": _("Unknown offer."),
    }
    if text.startswith("from ") and "next phase" in text:
        return _("One phase at a time forward; going back is always possible.")
    if text.startswith("a ") and "cannot become" in text:
        return _("This status change is not possible.")
    return known.get(text, text)


@bp.post("/<pseudonym>/phase")
@roles_required(*CASE_WORK)
def phase(pseudonym: str):
    """Change the phase (forward one step or back)."""
    form = PhaseForm()
    return _apply(
        pseudonym,
        "phase_form",
        form,
        lambda f: cases.change_phase(graph(), who(), pseudonym, f.version.data, f.phase.data),
    )


@bp.post("/<pseudonym>/needs")
@roles_required(*CASE_WORK)
def need(pseudonym: str):
    """Add a need or change its status."""
    form = NeedForm()
    form.topic.choices = topic_choices()
    return _apply(
        pseudonym,
        "need_form",
        form,
        lambda f: cases.set_need(
            graph(), who(), pseudonym, f.version.data, f.topic.data, f.status.data
        ),
    )


@bp.post("/<pseudonym>/consent")
@roles_required(*CASE_WORK)
def consent(pseudonym: str):
    """Record a confidentiality waiver for a topic, or its withdrawal."""
    form = ConsentForm()
    form.topic.choices = topic_choices()
    return _apply(
        pseudonym,
        "consent_form",
        form,
        lambda f: cases.set_consent(
            graph(),
            who(),
            pseudonym,
            f.version.data,
            f.topic.data,
            f.signed_on.data.isoformat(),
            f.withdrawn_on.data.isoformat() if f.withdrawn_on.data else None,
        ),
    )


@bp.post("/<pseudonym>/documents")
@roles_required(*CASE_WORK)
def documents(pseudonym: str):
    """Record privacy notice and counselling agreement."""
    form = DocumentsForm()
    return _apply(
        pseudonym,
        "documents_form",
        form,
        lambda f: cases.set_documents(
            graph(),
            who(),
            pseudonym,
            f.version.data,
            f.privacy_notice_on.data.isoformat() if f.privacy_notice_on.data else None,
            f.agreement_signed_on.data.isoformat() if f.agreement_signed_on.data else None,
        ),
    )


@bp.post("/<pseudonym>/links")
@roles_required(*CASE_WORK)
def link(pseudonym: str):
    """Link the case to an offer; a parallel link for the topic asks for a reason first."""
    form = LinkForm()
    form.topic.choices = topic_choices()

    def change(f):
        version, check = cases.create_link(
            graph(),
            who(),
            pseudonym,
            f.version.data,
            f.offer_id.data,
            f.topic.data,
            f.mode.data,
            self_referral=f.self_referral.data,
            confirm_reason=f.reason.data or "",
        )
        if version is None:
            raise ParallelSupport(check)

    try:
        return _apply(pseudonym, "link_form", form, change)
    except ParallelSupport as warning:
        return _case_page(pseudonym, 409, link_form=form, parallel=warning.check.parallel)


@bp.post("/<pseudonym>/links/<link_id>")
@roles_required(*CASE_WORK)
def link_status(pseudonym: str, link_id: str):
    """Move a link to a new status (with the partner's feedback)."""
    form = LinkStatusForm()

    def change(f):
        version, check = cases.change_link(
            graph(),
            who(),
            pseudonym,
            f.version.data,
            link_id,
            f.status.data,
            feedback=f.feedback.data or "",
            confirm_reason=f.reason.data or "",
        )
        if version is None:
            raise ParallelSupport(check)

    try:
        return _apply(pseudonym, "status_form", form, change)
    except ParallelSupport as warning:
        return _case_page(
            pseudonym, 409, status_form=form, parallel=warning.check.parallel, parallel_link=link_id
        )


@bp.post("/<pseudonym>/close")
@roles_required(*CASE_WORK)
def close(pseudonym: str):
    """Close the case after evaluation, with an outcome per need."""
    form = CloseForm()
    outcomes = {
        key.removeprefix("outcome_"): value
        for key, value in request.form.items()
        if key.startswith("outcome_") and value
    }
    return _apply(
        pseudonym,
        "close_form",
        form,
        lambda f: cases.close_case(graph(), who(), pseudonym, f.version.data, outcomes),
    )


class ParallelSupport(Exception):
    """The parallel-support check wants a confirmation with a reason."""

    def __init__(self, check: cases.LinkProposal):
        super().__init__("parallel support")
        self.check = check


@bp.errorhandler(NotFound)
def not_found(_exc):
    return answer(404, _("Not found"), _("No such case in your organisation."))
