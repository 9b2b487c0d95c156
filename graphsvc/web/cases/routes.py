"""Case pages: list, intake, the case file with its forms. Case managers of the holding
organisation only; everything else about the rules lives in services/cases.py."""

from __future__ import annotations

import datetime as dt

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ...domain import cases as rules
from ...domain import clock, help_network
from ...domain.errors import Conflict, NotFound
from ...services import cases, directory
from ..access import CASE_WORK, roles_required
from ..context import graph, lang, match_settings, municipality, settings, who
from ..errors import answer
from ..formats import day
from ..forms import flash_form_errors
from ..referrals.forms import REASON_LABELS
from . import bp
from .forms import (
    CHOOSE,
    HINT_KINDS,
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
    QuickSearchForm,
)


def topic_choices() -> list[tuple[str, str]]:
    name = "name_de" if lang() == "de" else "name_en"
    return [(t["id"], t[name]) for t in graph().query("cases.topic_choices")]


@bp.get("/")
@roles_required(*CASE_WORK)
def index():
    """A case manager's start page: my (or my organisation's) cases, what is due, a quick
    referral search."""
    form = CaseFilterForm(request.args)
    topics = topic_choices()
    form.topic.choices = [("", _("all")), *topics]
    quick = QuickSearchForm(formdata=None)
    quick.topics.choices = [CHOOSE, *topics]
    quick.district.choices = [
        ("", "–"),
        *[(d["id"], d["name"]) for d in cases.choices(graph(), municipality())["districts"]],
    ]
    page = {"form": form, "quick": quick, "labels": LABELS, "topic_names": dict(topics)}
    if not form.validate():
        flash_form_errors(form, saved_nothing=False)
        return render_template("cases/index.html", rows=[], due=[], **page), 400
    rows = cases.list_cases(
        graph(),
        who(),
        mine=form.scope.data != "org",
        phase=form.phase.data or "",
        topic=form.topic.data or "",
        overdue=form.overdue.data,
        follow_up_days=settings().follow_up_days,
    )
    due = [row for row in rows if row["overdue"] or row["follow_ups"]]
    return render_template("cases/index.html", rows=rows, due=due, **page)


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
            flash(
                _(
                    "Case %(pseudonym)s opened. Next: record the documents and a waiver "
                    "for each need.",
                    pseudonym=pseudonym,
                ),
                "success",
            )
            return redirect(url_for("cases.show", pseudonym=pseudonym))
    status = 400 if request.method == "POST" else 200
    if status == 400:
        flash_form_errors(form)
    form.forget_identity()
    return render_template("cases/new.html", form=form, hints=hints, hint_kinds=HINT_KINDS), status


def _case_page(pseudonym: str, status: int = 200, **forms):
    data = cases.read_case(graph(), who(), pseudonym)
    topics = topic_choices()
    version = data["case"]["version"]
    step = rules.next_step(
        data["case"], data["needs"], data["consents"], data["links"], clock.today_iso()
    )
    defaults = {
        "phase_form": PhaseForm(formdata=None, version=version, phase=data["case"]["phase"]),
        "need_form": NeedForm(formdata=None, version=version),
        "consent_form": ConsentForm(formdata=None, version=version),
        "documents_form": DocumentsForm(
            formdata=None,
            version=version,
            privacy_notice_on=_date(data["case"].get("privacy_notice_on")),
            agreement_signed_on=_date(data["case"].get("agreement_signed_on")),
        ),
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
    needed = {n["topic"] for n in data["needs"]}
    # A new need: only topics the case does not have yet; a link: only the case's needs.
    if "need_form" not in forms:
        defaults["need_form"].topic.choices = [CHOOSE, *[t for t in topics if t[0] not in needed]]
    if "link_form" not in forms:
        defaults["link_form"].topic.choices = [CHOOSE, *[t for t in topics if t[0] in needed]]
    picture = help_network.layout(data["needs"], data["links"])
    open_needs = [n for n in data["needs"] if n["status"] in rules.OPEN_NEED_STATUSES]
    # What a search from the case is for: needs still open that no partner handles yet.
    handled = {x["topic"] for x in data["links"] if x["status"] in rules.OPEN_LINK_STATUSES}
    unserved = [
        n["topic"] for n in data["needs"] if n["status"] == "open" and n["topic"] not in handled
    ]
    linked = {}
    for link in data["links"]:
        if link["status"] in rules.OPEN_LINK_STATUSES or link["offer_id"] not in linked:
            linked[link["offer_id"]] = str(LABELS.get(link["status"], link["status"]))
    chosen_offer = _chosen_offer_name(defaults["link_form"].offer_id.data)
    return render_template(
        "cases/show.html",
        data=data,
        case=data["case"],
        labels=LABELS,
        decline_labels=REASON_LABELS,
        topic_names=names,
        picture=picture,
        size=(help_network.WIDTH, help_network.HEIGHT),
        step=step,
        open_needs=open_needs,
        unserved=unserved,
        open_links=[x for x in data["links"] if x["status"] in rules.OPEN_LINK_STATUSES],
        linked_offers=linked,
        chosen_offer=chosen_offer,
        transitions=rules.LINK_TRANSITIONS,
        today=clock.today_iso(),
        consent_valid=rules.consent_valid,
        **defaults,
    ), status


def _date(value: str | None) -> dt.date | None:
    """A stored ISO day as a date for a form field (None stays None)."""
    return dt.date.fromisoformat(value[:10]) if value else None


def _chosen_offer_name(offer_id: str | None) -> str:
    """ "Name – organisation" of an offer chosen in the link form (pre-filled from a search)."""
    if not offer_id:
        return ""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None:
        return ""
    return f"{found['offer']['name']} – {found['actor']['name']}"


@bp.get("/<pseudonym>")
@roles_required(*CASE_WORK)
def show(pseudonym: str):
    """The case file: needs, consent, phase history and the help network."""
    return _case_page(pseudonym)


def _apply(pseudonym: str, form_name: str, form, change, done, prefix: str = ""):
    """Validate a versioned form, run the change, answer like every case form does: a
    message at the top of the page, and a refused field's reason next to it as well.

    `done(form)` says what was saved; `prefix` is the id prefix of the form's fields on the
    case page (one page holds many forms), so the message can link to the field.
    """
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
                flash_form_errors(form, prefix)
            else:
                flash(Markup("{} {}").format(_("Not saved:"), message), "error")
            return _case_page(pseudonym, 400, **{form_name: form})
        flash(done(form), "success")
        return redirect(url_for("cases.show", pseudonym=pseudonym))
    flash_form_errors(form, prefix)
    return _case_page(pseudonym, 400, **{form_name: form})


def _rule_message(exc: rules.CaseRuleError) -> str:
    text = str(exc)
    known = {
        "no valid confidentiality waiver for this topic": _(
            "No valid confidentiality waiver for this need, so no case data may go to the "
            "partner: record the waiver under Needs, or tick \u201cThe client goes on their "
            "own (no case data shared)\u201d."
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
        lambda f: _("Phase changed to %(phase)s.", phase=LABELS[f.phase.data]),
        "phase-",
    )


@bp.post("/<pseudonym>/needs")
@roles_required(*CASE_WORK)
def need(pseudonym: str):
    """Add a need or change its status."""
    form = NeedForm()
    form.topic.choices = topic_choices()
    names = dict(form.topic.choices)
    return _apply(
        pseudonym,
        "need_form",
        form,
        lambda f: cases.set_need(
            graph(), who(), pseudonym, f.version.data, f.topic.data, f.status.data
        ),
        lambda f: _(
            "Need %(topic)s saved: %(status)s.",
            topic=names.get(f.topic.data, f.topic.data),
            status=LABELS[f.status.data],
        ),
        f"need-{request.form.get('topic', '')}-" if request.form.get("row") else "need-",
    )


@bp.post("/<pseudonym>/consent")
@roles_required(*CASE_WORK)
def consent(pseudonym: str):
    """Record a confidentiality waiver for a topic, or its withdrawal."""
    form = ConsentForm()
    form.topic.choices = topic_choices()
    names = dict(form.topic.choices)

    def done(f) -> str:
        topic = names.get(f.topic.data, f.topic.data)
        if f.withdrawn_on.data:
            return _(
                "Waiver for %(topic)s withdrawn on %(date)s.",
                topic=topic,
                date=day(f.withdrawn_on.data),
            )
        return _(
            "Waiver for %(topic)s recorded (signed on %(date)s).",
            topic=topic,
            date=day(f.signed_on.data),
        )

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
        done,
        f"consent-{request.form.get('topic', '')}-",
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
        lambda f: _("Documents saved."),
        "documents-",
    )


@bp.post("/<pseudonym>/links")
@roles_required(*CASE_WORK)
def link(pseudonym: str):
    """Link the case to an offer; a parallel link for the topic asks for a reason first."""
    form = LinkForm()
    form.topic.choices = topic_choices()
    names = dict(form.topic.choices)

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

    def done(f) -> str:
        return _(
            "Offer %(offer)s linked for %(topic)s; status: proposed.",
            offer=_chosen_offer_name(f.offer_id.data) or f.offer_id.data,
            topic=names.get(f.topic.data, f.topic.data),
        )

    try:
        return _apply(pseudonym, "link_form", form, change, done, "link-")
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
        return _apply(
            pseudonym,
            "status_form",
            form,
            change,
            lambda f: _("Link status changed to %(status)s.", status=LABELS[f.status.data]),
            f"link-{link_id}-",
        )
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
        lambda f: _("Case closed."),
        "close-",
    )


class ParallelSupport(Exception):
    """The parallel-support check wants a confirmation with a reason."""

    def __init__(self, check: cases.LinkProposal):
        super().__init__("parallel support")
        self.check = check


@bp.errorhandler(NotFound)
def not_found(_exc):
    return answer(404, _("Not found"), _("No such case in your organisation."))
