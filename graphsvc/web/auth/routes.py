"""Login and profile views."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...services import accounts, audit
from ...services.audit import Who
from ..access import login_required_any, public
from ..admin.forms import ROLE_LABELS
from ..context import client_address, graph, settings, who
from ..forms import flash_form_errors
from ..limits import limiter
from ..redirects import local_target
from . import bp
from .forms import LoginForm, PasswordChangeForm, RevokeForm, TokenForm


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _login_limit(), methods=["POST"])
def login():
    """The login form; a new session id on success, a clear message on failure."""
    form = LoginForm()
    if form.validate_on_submit():
        result = accounts.login(graph(), form.username.data, form.password.data, client_address())
        who = result.user or {"username": form.username.data}
        if result.session_id:
            session.clear()  # a fresh session: nothing from before the login survives
            session["sid"] = result.session_id
            session.permanent = True
            audit.record(graph(), Who(result.user, client_address()), "login")
            if result.user and result.user.get("must_change_password"):
                flash(_("Please choose your own password now."), "info")
                return redirect(url_for("auth.profile"))
            return redirect(local_target(request.args.get("next"), url_for("main.home")))
        audit.record(graph(), Who(who, client_address()), "login", outcome=result.reason)
        messages = {
            "locked": _(
                "Too many failed attempts for this account from your address. "
                "Try again in 15 minutes."
            ),
            "disabled": _("This account is disabled. Please contact your administrator."),
        }
        flash(messages.get(result.reason, _("Username or password is not correct.")), "error")
    return render_template("auth/login.html", form=form)


def _login_limit() -> str:
    return settings().login_limit


@bp.post("/logout")
@login_required_any
def logout():
    """End the session on the server too, so the old cookie is worthless."""
    sid = session.pop("sid", None)
    if sid:
        accounts.logout(graph(), sid)
    audit.record(graph(), who(), "logout")
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


def _profile_page(
    password_form: PasswordChangeForm | None = None, new_token: str | None = None, status=200
):
    """The profile page; a new token appears in this answer only, never in the cookie."""
    return render_template(
        "auth/profile.html",
        password_form=password_form or PasswordChangeForm(),
        token_form=TokenForm(formdata=None),
        revoke_form=RevokeForm(formdata=None),
        tokens=accounts.list_tokens(graph(), current_user.id),
        new_token=new_token,
        token_days=settings().token_days,
        role_labels=ROLE_LABELS,
    ), status


@bp.route("/profile", methods=["GET"])
@login_required_any
def profile():
    """The user's own page: password change and API tokens."""
    return _profile_page()


@bp.post("/profile/password")
@login_required_any
@limiter.limit(lambda: _login_limit())
def change_password():
    """Change one's password; every session of the user ends, so log in again. Wrong current
    passwords count as failed logins: the fifth ends this session."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                graph(),
                current_user.id,
                form.current_password.data,
                form.new_password.data,
                client_address(),
            )
        except accounts.AccountError as exc:
            if exc.field == "locked":
                audit.record(graph(), who(), "user.password_change", outcome="locked")
                sid = session.pop("sid", None)
                if sid:
                    accounts.logout(graph(), sid)
                session.clear()
                flash(
                    _(
                        "Too many wrong passwords: you have been logged out. "
                        "Try again in 15 minutes."
                    ),
                    "error",
                )
                return redirect(url_for("auth.login"))
            target = getattr(form, exc.field or "new_password", form.new_password)
            target.errors = [*target.errors, _account_message(exc)]
        else:
            audit.record(graph(), who(), "user.password_change", target=current_user.id)
            session.clear()
            flash(_("Password changed. Please log in with the new password."), "info")
            return redirect(url_for("auth.login"))
    flash_form_errors(form)
    return _profile_page(password_form=form, status=400)


def _account_message(exc: accounts.AccountError) -> str:
    messages = {
        "the current password is not correct": _("The current password is not correct."),
        "must not contain the username": _("The password must not contain the username."),
    }
    text = str(exc)
    if text.startswith("at least"):
        return _("At least %(n)d characters.", n=accounts.MIN_PASSWORD_LENGTH)
    return messages.get(text, text)


@bp.post("/profile/tokens")
@login_required_any
def create_token():
    """Create a personal API token and show it once, in this answer (not after a redirect:
    the readable session cookie would carry it there)."""
    form = TokenForm()
    if form.validate_on_submit():
        token = accounts.create_token(
            graph(), current_user.id, form.name.data, settings().token_days
        )
        audit.record(graph(), who(), "token.create", target=token[:12])
        return _profile_page(new_token=token, status=201)
    flash(_("Please give the token a name (at most 80 characters)."), "error")
    return redirect(url_for("auth.profile"))


@bp.post("/profile/tokens/revoke")
@login_required_any
def revoke_token():
    """Revoke one of the user's tokens."""
    form = RevokeForm()
    if form.validate_on_submit():
        try:
            accounts.revoke_token(graph(), current_user.id, form.prefix.data)
        except accounts.AccountError:
            flash(_("This token does not exist or is already revoked."), "error")
        else:
            audit.record(graph(), who(), "token.revoke", target=form.prefix.data)
            flash(_("Token revoked."), "info")
    return redirect(url_for("auth.profile"))
