"""Who is asking, and may they: the one place where roles are enforced.

A request is authenticated either by a server-side session (cookie holds a random id; the
graph holds its hash) or, under /api/, by `Authorization: Bearer <token>`. Views declare the
roles they admit with @roles_required; the access-matrix test reads that declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import AnonymousUserMixin, LoginManager, UserMixin, current_user

from ..services import accounts
from .context import graph, settings

login_manager = LoginManager()
PUBLIC: frozenset[str] = frozenset()  # marker: the view needs no login

# Who may do what. Every route admits one of these sets; the navigation asks `may(endpoint)`,
# and tests/web/test_access_matrix.py lists every route with the set it admits.
CASE_WORK = ("case_manager",)  # the cases of one's own organisation
COORDINATION = ("coordination",)  # aggregated and pseudonymous views of one municipality
ADMIN = ("admin",)
# The organisation that runs an offer answers the referrals to it and sees no case page.
PARTNER = ("partner",)
# Everybody with an account reads the directory; the referral search is case work.
DIRECTORY = ("case_manager", "coordination", "network", "admin", "directory_editor", "partner")
SEARCH = ("case_manager", "coordination", "admin")
DIRECTORY_EDIT = ("admin", "directory_editor")  # edits and spreadsheet imports
NETWORK_VIEW = ("network", "coordination", "case_manager", "admin")
NRW_NETWORK = ("coordination", "admin")  # the network of all municipalities
# Figures that come from cases, shown only to roles that work with them: the accepted and
# decided links per offer (they come from case links and feed the referral ranking). The home
# page shows no figures at all (a logged-in user lands on the page of their role).
FIGURES = {
    "referral_counts": SEARCH,
}


def may_see(figure: str) -> bool:
    """Whether the current user may see a figure of FIGURES."""
    return current_user.is_authenticated and current_user.has_role(*FIGURES[figure])


class CurrentUser(UserMixin):
    """The authenticated user of this request."""

    def __init__(self, data: dict[str, Any], via: str):
        self.data = data
        self.id = data["id"]
        self.username = data["username"]
        self.display_name = data.get("display_name", data["username"])
        self.roles = frozenset(data.get("roles") or [])
        self.actor_id = data.get("actor_id")
        self.municipality_id = data.get("municipality_id")
        self.must_change_password = bool(data.get("must_change_password"))
        self.via = via  # "session" or "token"

    def has_role(self, *roles: str) -> bool:
        """Whether the user holds any of `roles`."""
        return bool(self.roles.intersection(roles))

    def get_id(self) -> str:
        return self.id


class Anonymous(AnonymousUserMixin):
    """Nobody logged in."""

    roles: frozenset[str] = frozenset()
    id = username = actor_id = municipality_id = None
    data: dict[str, Any] = {}

    def has_role(self, *roles: str) -> bool:
        return False


def _load_from_request(req) -> CurrentUser | None:
    header = req.headers.get("Authorization", "")
    if header.startswith("Bearer ") and req.path.startswith("/api/"):
        user = accounts.resolve_token(graph(), header[7:].strip())
        if user and user.get("must_change_password"):
            # A one-time password (new account, admin reset) is replaced first, in the
            # browser; until then the account acts nowhere, not through a token either.
            # A reason, not a password.
            g.token_refused = "must_change_password"  # nosec B105
            return None
        return CurrentUser(user, "token") if user else None
    sid = session.get("sid")
    if not sid:
        return None
    config = settings()
    user = accounts.resolve_session(
        graph(), sid, config.session_idle_minutes * 60, config.session_lifetime_hours * 3600
    )
    if user is None:
        session.pop("sid", None)
        return None
    return CurrentUser(user, "session")


def init_app(app: Flask) -> None:
    """Bind Flask-Login: no user ids in the cookie, only the server-side session id."""
    login_manager.init_app(app)
    login_manager.anonymous_user = Anonymous
    login_manager.user_loader(lambda _user_id: None)
    login_manager.request_loader(_load_from_request)
    app.jinja_env.globals["may"] = may

    @app.before_request
    def one_time_password_must_be_replaced():
        # A user with a one-time password (new or reset by an admin) may only change it.
        allowed = {
            "auth.profile",
            "auth.change_password",
            "auth.logout",
            "static",
            "main.set_language",
            "main.healthz",
            "main.readyz",
        }
        if (
            current_user.is_authenticated
            and current_user.must_change_password
            and current_user.via == "session"
            and request.endpoint not in allowed
        ):
            return redirect(url_for("auth.profile"))
        return None


def _deny(status: int):
    if request.path.startswith("/api/"):
        from .errors import api_error

        message = (
            _("Authentication required.") if status == 401 else _("Not allowed for your role.")
        )
        if status == 401 and g.get("token_refused") == "must_change_password":
            message = _(
                "This account still has a one-time password: log in on /profile and choose "
                "your own password; then the token works."
            )
        response = api_error(status, message)
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="graphsvc"'
        return response
    if status == 401:
        return redirect(url_for("auth.login", next=request.full_path))
    from werkzeug.exceptions import Forbidden

    raise Forbidden()


def roles_required(*roles: str) -> Callable:
    """Admit only users holding any of `roles` (anonymous: login or 401; others: 403)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return _deny(401)
            if not current_user.has_role(*roles):
                return _deny(403)
            return view(*args, **kwargs)

        guarded.required_roles = frozenset(roles)  # type: ignore[attr-defined]
        return guarded

    return decorate


def login_required_any(view: Callable) -> Callable:
    """Admit any logged-in user, whatever the roles (profile, logout)."""
    from ..domain import model

    return roles_required(*model.ROLES)(view)


def may(endpoint: str) -> bool:
    """Whether the current user may open `endpoint` (what the navigation shows)."""
    view = current_app.view_functions.get(endpoint)
    required = getattr(view, "required_roles", None)
    if required is None:
        return False
    return required == PUBLIC or (
        current_user.is_authenticated and current_user.has_role(*required)
    )


def public(view: Callable) -> Callable:
    """Mark a view as open to everyone (login page, health checks)."""
    view.required_roles = PUBLIC  # type: ignore[attr-defined]
    return view
