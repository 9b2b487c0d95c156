"""Home page, language switch and the health endpoints."""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user

from ..graph import GraphError
from .access import public
from .context import graph
from .errors import RETRY_AFTER_SECONDS
from .redirects import local_target

bp = Blueprint("main", __name__)
log = logging.getLogger(__name__)


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
    return redirect(local_target(request.args.get("next"), url_for("main.home")))


@bp.get("/healthz")
@public
def healthz():
    """The process is up (says nothing about the database)."""
    return jsonify(status="ok")


@bp.get("/readyz")
@public
def readyz():
    """The graph answers and the schema of this version is applied."""
    retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    try:
        graph().ping()
        ready = graph().schema_ready()
    except GraphError as exc:
        log.warning("not ready: %s", exc)
        # The reason stays in the log: this answer is public, and where the engine's socket
        # or server lives is nobody's business outside.
        return (
            jsonify(status="unavailable", reason="the graph database does not answer"),
            503,
            retry,
        )
    if not ready:
        reason = "schema not applied: run graphsvc init"
        return jsonify(status="unavailable", reason=reason), 503, retry
    return jsonify(status="ready", engine=graph().dialect)
