"""Error answers: JSON under /api/ (one shape for every API error), HTML pages elsewhere;
never a traceback.

Every JSON error is `{"error": {"status", "code", "message", "fields"}}`: `code` a word a
client can branch on, `message` for people, `fields` each input field with its reasons
(empty when no field is to blame). `ERROR_SCHEMA` describes it in the OpenAPI document.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..domain.errors import Conflict, InvalidInput, NotFound
from ..graph import GraphUnavailable, ParameterRejected

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5

CODES = {
    400: "invalid_input",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message", "fields"],
            "properties": {
                "status": {"type": "integer", "description": "the HTTP status"},
                "code": {
                    "type": "string",
                    "description": "what went wrong, for programs: "
                    + ", ".join(sorted({*CODES.values(), "csrf", "parallel_support"})),
                },
                "message": {"type": "string", "description": "what went wrong, for people"},
                "fields": {
                    "type": "object",
                    "description": "each input field at fault with its reasons",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                "parallel": {
                    "type": "array",
                    "items": {"type": "object"},
                    "description": "code parallel_support: the running links of the topic",
                },
            },
        }
    },
}


def api_error(
    status: int,
    message: str,
    fields: Mapping[str, str | list[str]] | None = None,
    code: str | None = None,
    **extra: Any,
) -> Response:
    """The API's one error answer: status, a code for programs, a message for people and
    the fields at fault with their reasons."""
    named = {
        str(name)[:60]: [str(r) for r in reasons] if isinstance(reasons, list) else [str(reasons)]
        for name, reasons in (fields or {}).items()
    }
    body = {"status": status, "code": code or CODES.get(status, "error"), "message": message}
    response = jsonify(error={**body, "fields": named, **extra})
    response.status_code = status
    return response


def bad_request(fields: Mapping[str, str | list[str]], message: str | None = None) -> Response:
    """The API's 400 answer naming each field and why."""
    return api_error(400, message or _("Invalid input"), fields)


def answer(status: int, title: str, message: str, code: str | None = None) -> Response:
    """An error as JSON under /api/, else as a page (a Response either way, so handlers can
    add the headers a status promises)."""
    if request.path.startswith("/api/"):
        return api_error(status, message, code=code)
    page = render_template("error.html", status=status, title=title, message=message)
    return make_response(page, status)


def init_app(app: Flask) -> None:
    """Register the handlers on the app."""

    @app.errorhandler(GraphUnavailable)
    def graph_down(exc: GraphUnavailable):
        log.warning("graph unavailable: %s", exc)
        response = answer(
            503,
            _("Database not reachable"),
            _("The graph database does not answer right now. Please try again in a moment."),
        )
        # The embedded engine is restarted within seconds; clients may try again then.
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    # What a view does not answer more specifically: the use case's refusals.
    @app.errorhandler(InvalidInput)
    def invalid(exc: InvalidInput):
        if request.path.startswith("/api/"):
            return bad_request(exc.fields)
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
        # Werkzeug's titles are English ("Forbidden"): the page speaks the user's language.
        titles = {
            400: _("Invalid request"),
            403: _("Not allowed"),
            404: _("Not found"),
            405: _("Not possible here"),
            413: _("Upload too large"),
            429: _("Too many attempts"),
        }
        status = exc.code or 500
        # abort(400, description=...) says which field and why: show that, not the default.
        # (Only for 400: other codes come from extensions whose texts are not for users.)
        specific = (
            exc.description if status == 400 and exc.description != type(exc).description else None
        )
        title = titles.get(status, exc.name)
        code = "csrf" if isinstance(exc, CSRFError) else None
        response = answer(
            status, title, specific or messages.get(status, exc.description or ""), code
        )
        # Allow (405), Retry-After (429): the headers the status promises a client.
        response.headers.extend(
            [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        )
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unexpected error on %s", request.path)
        return answer(500, _("Internal error"), _("Something went wrong; it has been logged."))
