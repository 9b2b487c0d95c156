"""The notification list (with the unread count in the header) and the e-mail address
notifications also go to. Case managers only: the notifications name their cases."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional

from ...domain.errors import InvalidInput
from ...graph import GraphError
from ...services import notifications
from ..access import CASE_WORK, roles_required
from ..cases.forms import LABELS
from ..context import graph, mailer, who
from ..referrals.forms import REASON_LABELS
from . import bp


class ReadForm(FlaskForm):
    """Mark every notification as read (only the CSRF token)."""


class EmailForm(FlaskForm):
    """Where notifications are also mailed to (empty: nowhere)."""

    email = StringField(
        _l("E-mail address for notifications"),
        validators=[Optional(), Length(max=notifications.MAX_EMAIL)],
    )


@bp.app_context_processor
def unread_badge() -> dict:
    """`unread_notifications()` for the header: a number for case managers, else None.

    A function, so the count is only read where the layout shows it."""

    def unread() -> int | None:
        if not current_user.is_authenticated or not current_user.has_role(*CASE_WORK):
            return None
        try:
            return notifications.unread_count(graph(), current_user.id)
        except GraphError:
            # The layout also frames the "database not reachable" page: no badge there.
            return None

    return {"unread_notifications": unread}


def _page(status: int = 200, email_form: EmailForm | None = None):
    rows = notifications.listing(graph(), who())
    form = email_form or EmailForm(
        formdata=None, email=notifications.email(graph(), current_user.id) or ""
    )
    return render_template(
        "notifications/index.html",
        rows=rows,
        labels={"status": LABELS, "reason": REASON_LABELS},
        read_form=ReadForm(formdata=None),
        email_form=form,
        mail_enabled=mailer().enabled,
    ), status


@bp.get("/")
@roles_required(*CASE_WORK)
def index():
    """My notifications, newest first; unread ones marked."""
    return _page()


@bp.post("/read")
@roles_required(*CASE_WORK)
def mark_read():
    """Mark all my notifications as read."""
    if not ReadForm().validate_on_submit():
        flash(_("The form has expired; please reload the page."), "error")
        return _page(400)
    notifications.mark_read(graph(), who())
    flash(_("All notifications marked as read."), "info")
    return redirect(url_for("notifications.index"), code=303)


@bp.post("/email")
@roles_required(*CASE_WORK)
def set_email():
    """Set or remove the address notifications are also mailed to."""
    form = EmailForm()
    if form.validate_on_submit():
        try:
            saved = notifications.set_email(graph(), who(), form.email.data or "")
        except InvalidInput:
            form.email.errors = [_("This is not an e-mail address.")]
        else:
            flash(
                _("Notifications are also mailed to %(a)s.", a=saved)
                if saved
                else _("Notifications are no longer mailed."),
                "info",
            )
            return redirect(url_for("notifications.index"), code=303)
    return _page(400, form)
