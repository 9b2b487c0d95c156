"""The coordination views in the JSON API (/api/v1/coordination/…), usable with a token."""

from flask import Blueprint

from ..access import COORDINATION, roles_required
from .routes import parallel_support_answer
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
