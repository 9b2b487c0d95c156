"""User administration and the audit log."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import NotFound

from ...services import accounts, audit
from ..access import ADMIN, roles_required
from ..context import graph, who
from ..forms import flash_form_errors
from . import bp
from .forms import (
    AUDIT_ACTIONS,
    AUDIT_OUTCOMES,
    ROLE_LABELS,
    AuditFilterForm,
    UserActionForm,
    UserForm,
)


def _users():
    return graph().query("accounts.list_users", municipality_id=current_user.municipality_id)


def _user_in_my_municipality(user_id: str) -> dict:
    row = graph().query("accounts.get_user", user_id=user_id)
    if not row or row["user"]["municipality_id"] != current_user.municipality_id:
        raise NotFound()
    return row["user"]


def _actor_choices() -> list[tuple[str, str]]:
    return [
        (a["id"], a["name"])
        for a in graph().query(
            "accounts.actor_choices", municipality_id=current_user.municipality_id
        )
    ]


@bp.route("/users", methods=["GET", "POST"])
@roles_required(*ADMIN)
def users():
    """List the municipality's users and create new ones (with a one-time password)."""
    choices = _actor_choices()
    form = UserForm()
    form.actor_id.choices = choices
    one_time = None
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                user_id, one_time = accounts.create_user(
                    graph(),
                    form.username.data,
                    form.display_name.data,
                    form.actor_id.data,
                    form.roles.data,
                )
            except accounts.AccountError as exc:
                field = getattr(form, exc.field or "username", form.username)
                field.errors = [
                    *field.errors,
                    _("This username is already taken.") if exc.field == "username" else str(exc),
                ]
                status = 400
            else:
                audit.record(
                    graph(),
                    who(),
                    "user.create",
                    target=user_id,
                    details={"username": form.username.data, "roles": form.roles.data},
                )
                flash(_("User %(name)s created.", name=form.username.data), "info")
                form = UserForm(formdata=None)
                form.actor_id.choices = choices
        else:
            status = 400
    if status == 400:
        flash_form_errors(form)
    return _users_page(form, one_time, request.form.get("username"), status)


def _users_page(form: UserForm, one_time: str | None, username: str | None, status: int = 200):
    """The users page; a one-time password appears in this answer only, never in the cookie."""
    return render_template(
        "admin/users.html",
        form=form,
        users=_users(),
        one_time=one_time,
        new_username=username,
        role_labels=ROLE_LABELS,
        action_form=UserActionForm(formdata=None),
    ), status


@bp.post("/users/<user_id>/<any(disable, enable, reset):action>")
@roles_required(*ADMIN)
def user_action(user_id: str, action: str):
    """Disable, enable or reset the password of a user of the municipality."""
    if not UserActionForm().validate_on_submit():
        flash(_("The form has expired; please try again."), "error")
        return redirect(url_for("admin.users"))
    user = _user_in_my_municipality(user_id)
    if action == "reset":
        password = accounts.reset_password(graph(), user_id)
        audit.record(graph(), who(), "user.reset", target=user_id)
        form = UserForm(formdata=None)
        form.actor_id.choices = _actor_choices()
        return _users_page(form, password, user["username"])
    else:
        if user_id == current_user.id and action == "disable":
            flash(_("You cannot disable yourself."), "error")
            return redirect(url_for("admin.users"))
        accounts.set_active(graph(), user_id, action == "enable")
        flash(_("User %(name)s updated.", name=user["username"]), "info")
    audit.record(graph(), who(), f"user.{action}", target=user_id)
    return redirect(url_for("admin.users"))


def _filters(form: AuditFilterForm) -> dict:
    """The form's filters, within the admin's municipality."""
    return {
        "municipality_id": current_user.municipality_id or "",
        "username": form.username.data or "",
        "action": form.action.data or "",
        "since": form.since.data.isoformat() if form.since.data else "",
        "until": form.until.data.isoformat() if form.until.data else "",
    }


@bp.get("/audit")
@roles_required(*ADMIN)
def audit_log():
    """The audit trail, filterable, a page at a time; read-only (there is no way to edit or
    delete); case events show record ids, no case content."""
    form = AuditFilterForm(request.args)
    filter_args = {k: v for k, v in request.args.items() if k != "before"}
    labels = {"action_labels": AUDIT_ACTIONS, "outcome_labels": AUDIT_OUTCOMES}
    if not form.validate():
        page = render_template(
            "admin/audit.html", form=form, events=[], older=None, filter_args=filter_args, **labels
        )
        return page, 400
    found = audit.search(graph(), limit=audit.PAGE_SIZE + 1, before=form.cursor(), **_filters(form))
    events = [audit.without_case_content(e) for e in found[: audit.PAGE_SIZE]]
    older = None
    if len(found) > audit.PAGE_SIZE:
        start = "|".join(audit.cursor(events[-1]))
        older = url_for("admin.audit_log", **filter_args, before=start)
    return render_template(
        "admin/audit.html",
        form=form,
        events=events,
        older=older,
        filter_args=filter_args,
        **labels,
    )


@bp.get("/audit.csv")
@roles_required(*ADMIN)
def audit_csv():
    """Every event that matches the filters as CSV, streamed; no case content."""
    form = AuditFilterForm(request.args)
    if not form.validate():
        return Response(_("Invalid filter."), status=400)
    audit.record(graph(), who(), "audit.export")
    filters = _filters(form)
    found = audit.search_all(graph(), **filters)
    rows = (audit.without_case_content(event) for event in found)
    return Response(
        stream_with_context(audit.to_csv(rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=audit.csv"},
    )
