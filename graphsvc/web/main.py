"""Home page, language switch and the health endpoints."""

from __future__ import annotations

from flask import (
    Blueprint,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user

from ..graph import GraphError
from .access import public
from .context import graph

bp = Blueprint("main", __name__)


# Where each role starts after login: the page of its daily work. A user with several roles
# starts at the first that applies.
LANDING = (
    ("case_manager", "cases.index"),
    ("coordination", "coordination.index"),
    ("network", "network.page"),
    ("admin", "admin.users"),
    ("directory_editor", "directory.index"),
    ("partner", "referrals.inbox"),
)


def landing() -> str | None:
    """The start page of the logged-in user's role, or None for nobody (or no role)."""
    for role, endpoint in LANDING:
        if current_user.has_role(role):
            return url_for(endpoint)
    return None


@bp.get("/")
@public
def home():
    """A logged-in user goes to the start page of their role; anybody else sees what this
    is and where to log in (and no figures: the graph's contents are not public)."""
    target = landing() if current_user.is_authenticated else None
    if target:
        return redirect(target)
    return render_template("home.html")


@bp.get("/favicon.ico")
@public
def favicon():
    """The icon, for clients that ask for /favicon.ico instead of the page's icon link."""
    return redirect(url_for("static", filename="favicon.svg"))


@bp.get("/lang/<code>")
@public
def set_language(code: str):
    """Switch the interface language (de or en) and go back to the page the user was on."""
    if code in {"de", "en"}:
        session["lang"] = code
    target = request.args.get("next", "")
    # Only a local path: never redirect to another site.
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("main.home")
    return redirect(target)


@bp.get("/healthz")
@public
def healthz():
    """The process is up (says nothing about the database)."""
    return jsonify(status="ok")


@bp.get("/readyz")
@public
def readyz():
    """The graph answers and the schema of this version is applied."""
    try:
        graph().ping()
        ready = graph().schema_ready()
    except GraphError as exc:
        return jsonify(status="unavailable", reason=str(exc)), 503
    if not ready:
        return jsonify(status="unavailable", reason="schema not applied: run graphsvc init"), 503
    return jsonify(status="ready", engine=graph().dialect)
