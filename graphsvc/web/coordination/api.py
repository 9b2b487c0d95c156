"""The coordination views in the JSON API (/api/v1/coordination/…), usable with a token."""

from flask import Blueprint, jsonify, request

from ...domain.errors import Conflict, NotFound
from ...services import same_client as same_client_service
from ..access import COORDINATION, roles_required
from ..context import graph, municipal_who
from .routes import parallel_support_answer
from .same_client import same_client_answer
from .structures import duplicate_structures_answer

bp = Blueprint("api_coordination", __name__, url_prefix="/api/v1/coordination")


@bp.get("/parallel-support")
@roles_required(*COORDINATION)
def parallel_support():
    """Parallel support; query: status (repeatable), overlap=yes|no, interval=quarter|month."""
    return parallel_support_answer()


@bp.get("/duplicate-structures")
@roles_required(*COORDINATION)
def duplicate_structures():
    """Duplicate structures; query: topic, district, min_score (0.3–1)."""
    return duplicate_structures_answer()


@bp.get("/same-client")
@roles_required(*COORDINATION)
def same_client():
    """Likely pairs of one client at two organisations (?status=open|confirmed|rejected, empty
    for all), with score and decision."""
    return same_client_answer()


@bp.post("/same-client/<pair_id>")
@roles_required(*COORDINATION)
def decide_same_client(pair_id: str):
    """Decide on a pair: {"decision": "confirm" | "reject" | "undo"}; 409 when the pair
    cannot change that way (already decided, or open with nothing to undo)."""
    data = request.get_json(silent=True)
    decision = data.get("decision") if isinstance(data, dict) else None
    if decision not in same_client_service.DECISIONS:
        return _error(400, "invalid input", {"decision": ["one of confirm, reject, undo"]})
    try:
        row = same_client_service.decide(graph(), municipal_who(), pair_id[:40], decision)
    except NotFound:
        return _error(404, "no such pair in your municipality")
    except Conflict:
        return _error(409, "the pair cannot change that way: read it again")
    return jsonify(row)


def _error(status: int, message: str, fields: dict | None = None):
    body: dict = {"status": status, "message": message}
    if fields:
        body["fields"] = fields
    return jsonify(error=body), status
