"""Error answers: JSON under /api/, HTML pages elsewhere; never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from ..domain.errors import Conflict, InvalidInput, NotFound
from ..graph import GraphUnavailable, ParameterRejected

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


def answer(status: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return jsonify(error={"status": status, "title": title, "message": message}), status
    return render_template("error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    """Register the handlers on the app."""

    @app.errorhandler(GraphUnavailable)
    def graph_down(exc: GraphUnavailable):
        log.warning("graph unavailable: %s", exc)
        body, status = answer(
            503,
            _("Database not reachable"),
            _("The graph database does not answer right now. Please try again in a moment."),
        )
        # The embedded engine is restarted within seconds; clients may try again then.
        return body, status, {"Retry-After": str(RETRY_AFTER_SECONDS)}

    # What a view does not answer more specifically: the use case's refusals.
    @app.errorhandler(InvalidInput)
    def invalid(exc: InvalidInput):
        return answer(400, _("Invalid input"), str(exc))

    @app.errorhandler(NotFound)
    def missing(exc: NotFound):
        return answer(404, _("Not found"), _("This page does not exist."))

    @app.errorhandler(Conflict)
    def conflict(exc: Conflict):
        return answer(
            409,
            _("Changed meanwhile"),
            _("Someone else changed this meanwhile. Please reload and try again."),
        )

    @app.errorhandler(ParameterRejected)
    def rejected(exc: ParameterRejected):
        # The log keeps where the value went (query parameter path); the answer names the
        # field as the caller sent it and says what is wrong, in the interface language.
        log.info("parameter refused: %s", exc)
        problems = {
            "control": _("contains a control character (only line breaks and tabs are allowed)"),
            "number": _("is not a finite number"),
        }
        problem = problems.get(exc.problem, _("is not a plain value"))
        if not exc.field:
            return answer(400, _("Invalid input"), _("A value %(problem)s.", problem=problem))
        return answer(
            400, _("Invalid input"), _("»%(field)s« %(problem)s.", field=exc.field, problem=problem)
        )

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        messages = {
            400: _("The request was not understood."),
            403: _("You are not allowed to see this page."),
            404: _("This page does not exist."),
            405: _("This action is not possible here."),
            413: _("The upload is too large."),
            429: _("Too many attempts. Please wait a moment."),
        }
        status = exc.code or 500
        # abort(400, description=...) says which field and why: show that, not the default.
        # (Only for 400: other codes come from extensions whose texts are not for users.)
        specific = (
            exc.description if status == 400 and exc.description != type(exc).description else None
        )
        return answer(status, exc.name, specific or messages.get(status, exc.description or ""))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unexpected error on %s", request.path)
        return answer(500, _("Internal error"), _("Something went wrong; it has been logged."))
