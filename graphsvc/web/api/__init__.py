"""The JSON API under /api/v1 (token or session authenticated)."""

from flask import Blueprint, current_app, jsonify, request
from flask_login import current_user

from ..access import login_required_any, public
from .contract import ANY_OBJECT, documented, obj, repeated

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.record_once
def _check_queries(state) -> None:
    @state.app.before_request
    def one_value_each():
        if not request.path.startswith("/api/v1/") or request.endpoint is None:
            return None
        view = current_app.view_functions.get(request.endpoint)
        operation = getattr(view, "operation", None)
        if operation is None:
            return None
        fields = repeated(operation, request.args)
        if fields and current_user.is_authenticated:
            from ..errors import bad_request

            return bad_request(fields)
        return None


@bp.get("/me")
@login_required_any
@documented(
    answer=obj(
        {
            "id": {"type": "string"},
            "username": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "string"}},
            "actor_id": {"type": ["string", "null"]},
            "municipality_id": {"type": ["string", "null"]},
        },
        ("id", "username", "roles"),
    )
)
def me():
    """Who the token or session belongs to."""
    return jsonify(
        id=current_user.id,
        username=current_user.username,
        roles=sorted(current_user.roles),
        actor_id=current_user.actor_id,
        municipality_id=current_user.municipality_id,
    )


@bp.get("/openapi.json")
@public
@documented(answer=ANY_OBJECT)
def openapi():
    """The OpenAPI document of this API."""
    from .openapi import document

    return jsonify(document())
