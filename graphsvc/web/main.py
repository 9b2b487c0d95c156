"""Home page, language switch and the health endpoints."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..graph import GraphError
from ..services import setup
from .access import FIGURES, may_see, public
from .context import graph
from .redirects import local_target

bp = Blueprint("main", __name__)


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
    try:
        graph().ping()
        ready = graph().schema_ready()
    except GraphError as exc:
        return jsonify(status="unavailable", reason=str(exc)), 503
    if not ready:
        return jsonify(status="unavailable", reason="schema not applied: run graphsvc init"), 503
    return jsonify(status="ready", engine=graph().dialect)
