"""The coordination landing page and parallel support across organisations: a suppressed
table, cases over time and a pseudonym drill-down, under rules chosen in a GET form."""

from __future__ import annotations

from flask import jsonify, render_template, request
from werkzeug.datastructures import MultiDict

from ...domain import clock, parallel
from ...services import audit, coordination, search
from ..access import COORDINATION, roles_required
from ..context import graph, lang, municipality, who
from ..display import names
from ..errors import bad_request
from . import bp
from .forms import ParallelRulesForm


@bp.get("/")
@roles_required(*COORDINATION)
def index():
    """The coordination views of this municipality."""
    return render_template("coordination/index.html")


def _rules_form() -> ParallelRulesForm:
    """The rules of the query string; a missing field takes its default (so ?interval=month
    alone is a valid API call), a wrong value is an error."""
    args = MultiDict(request.args)
    if "status" not in args:
        args.setlist("status", list(parallel.Rules().statuses))
    return ParallelRulesForm(args)


def _run(form: ParallelRulesForm) -> coordination.ParallelSupport:
    result = coordination.parallel_support(graph(), municipality(), form.rules(), clock.today_iso())
    audit.record(
        graph(),
        who(),
        "coordination.parallel_support",
        target=municipality(),
        details={"statuses": list(form.rules().statuses), "overlap": form.overlap.data},
    )
    return result


@bp.get("/parallel-support")
@roles_required(*COORDINATION)
def parallel_support():
    """Cases supported by two organisations for the same topic, by topic and district."""
    form = _rules_form()
    if not form.validate():
        return render_template("coordination/parallel_support.html", form=form, result=None), 400
    result = _run(form)
    vocab = search.vocabulary(graph(), municipality())
    table = result.by_topic_district
    counted = [c for c in result.over_time if c["cases"]]
    return render_template(
        "coordination/parallel_support.html",
        form=form,
        result=result,
        table=table,
        topics=sorted({t for t, _ in table.counts}),
        districts={d["id"]: d["name"] for d in vocab["districts"]},
        named=names(vocab, lang()),
        chart_max=max((c["cases"] for c in counted), default=0),
        query=request.query_string.decode(),
    )


def parallel_support_answer():
    """The JSON answer (page's .json and the API): suppressed counts are null; 400 names each
    wrong parameter."""
    form = _rules_form()
    if not form.validate():
        return bad_request(field_errors(form))
    return jsonify(coordination.to_dict(_run(form)))


def field_errors(form) -> dict[str, str]:
    """A form's errors as one reason per field, for the API's 400 answer."""
    return {name: "; ".join(str(e) for e in errors) for name, errors in form.errors.items()}


@bp.get("/parallel-support.json")
@roles_required(*COORDINATION)
def parallel_support_json():
    """Parallel support as JSON: topic × district cells, pairs, periods, pseudonyms."""
    return parallel_support_answer()
