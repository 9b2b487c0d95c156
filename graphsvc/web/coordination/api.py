"""The coordination views in the JSON API (/api/v1/coordination/…), usable with a token."""

from flask import Blueprint, jsonify

from ...domain.errors import Conflict, NotFound
from ...services import same_client as same_client_service
from ..access import COORDINATION, roles_required
from ..api.cases import body
from ..api.contract import ANY_OBJECT, IDENTIFIER, documented, obj, one_of, or_empty
from ..context import graph, municipal_who
from ..errors import api_error
from .forms import ParallelRulesForm, StructureFilterForm
from .gaps import GapReportForm, gap_report_answer
from .routes import parallel_support_answer
from .same_client import same_client_answer
from .structures import duplicate_structures_answer

bp = Blueprint("api_coordination", __name__, url_prefix="/api/v1/coordination")
DECISION = obj({"decision": one_of(*same_client_service.DECISIONS)}, ("decision",)) | {
    "additionalProperties": False
}


@bp.get("/parallel-support")
@roles_required(*COORDINATION)
@documented(query_form=ParallelRulesForm, answer=ANY_OBJECT)
def parallel_support():
    """Parallel support; query: status (repeatable), overlap=yes|no, interval=quarter|month."""
    return parallel_support_answer()


@bp.get("/duplicate-structures")
@roles_required(*COORDINATION)
@documented(query_form=StructureFilterForm, answer=ANY_OBJECT)
def duplicate_structures():
    """Duplicate structures; query: topic, district, min_score (0.3–1)."""
    return duplicate_structures_answer()


@bp.get("/gaps")
@roles_required(*COORDINATION)
@documented(query_form=GapReportForm, answer=ANY_OBJECT)
def gap_report():
    """The gap report (demand, supply, refusals, gaps, ending offers, trend); hidden counts
    are null; query: date_from, date_to, months (1–36), threshold."""
    return gap_report_answer()


@bp.get("/same-client")
@roles_required(*COORDINATION)
@documented(
    query={"status": or_empty(one_of(*same_client_service.STATUSES))},
    answer=obj({"pairs": {"type": "array"}, "counts": ANY_OBJECT}),
)
def same_client():
    """Likely pairs of one client at two organisations (?status=open|confirmed|rejected, empty
    for all), with score and decision."""
    return same_client_answer()


@bp.post("/same-client/<pair_id>")
@roles_required(*COORDINATION)
@documented(
    path={"pair_id": IDENTIFIER},
    body=DECISION,
    answer=ANY_OBJECT,
    errors=(409,),
)
def decide_same_client(pair_id: str):
    """Decide on a pair: {"decision": "confirm" | "reject" | "undo"}; 409 when the pair
    cannot change that way (already decided, or open with nothing to undo)."""
    data = body(DECISION)
    decision = data.get("decision")
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
    """The API's error answer (web/errors.py)."""
    return api_error(status, message, fields)
