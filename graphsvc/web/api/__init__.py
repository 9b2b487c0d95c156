"""The JSON API under /api/v1 (token or session authenticated)."""

from flask import Blueprint, jsonify
from flask_login import current_user

from ..access import login_required_any, public
from .contract import ANY_OBJECT, documented, obj

bp = Blueprint("api", __name__, url_prefix="/api/v1")


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
