"""The coordination views in the JSON API (/api/v1/coordination/…), usable with a token."""

from flask import Blueprint

from ..access import COORDINATION, roles_required
from ..api.contract import ANY_OBJECT, documented
from .forms import ParallelRulesForm, StructureFilterForm
from .gaps import GapReportForm, gap_report_answer
from .routes import parallel_support_answer
from .structures import duplicate_structures_answer

bp = Blueprint("api_coordination", __name__, url_prefix="/api/v1/coordination")


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
