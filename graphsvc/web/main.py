"""Home page, language switch and the health endpoints."""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..graph import GraphError
from ..services import setup
from .access import FIGURES, may_see, public
from .context import graph
from .errors import RETRY_AFTER_SECONDS
from .redirects import local_target

bp = Blueprint("main", __name__)
log = logging.getLogger(__name__)


LABEL_NAMES = {
    "Municipality": _l("Municipalities"),
    "District": _l("Districts"),
    "Actor": _l("Organisations"),
    "Offer": _l("Offers"),
    "WorkingGroup": _l("Working groups"),
    "Topic": _l("Topics"),
    "TargetGroup": _l("Target groups"),
    "Language": _l("Languages"),
    "User": _l("Users"),
    "Case": _l("Cases (pseudonymous)"),
}


@bp.get("/")
@public
def home():
    """Counts per node label: what the network holds at a glance."""
    counts = setup.counts(graph())
    rows = [
        (label, counts.get(label, 0))
        for label in LABEL_NAMES
        if label not in FIGURES or may_see(label)
    ]
    largest = max([n for _, n in rows] + [1])
    return render_template("home.html", rows=rows, largest=largest, label_names=LABEL_NAMES)


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
