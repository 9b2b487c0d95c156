"""Parallel support across organisations: a suppressed table and a pseudonym drill-down."""

from __future__ import annotations

from flask import jsonify, render_template
from flask_login import current_user

from ...services import audit, coordination
from ..access import client_address, roles_required
from ..context import graph, lang, municipality
from . import bp

COORDINATION = ("coordination",)


def _topic_names() -> dict[str, str]:
    key = "name_de" if lang() == "de" else "name_en"
    return {t["id"]: t[key] for t in graph().query("cases.topic_choices")}


@bp.get("/parallel-support")
@roles_required(*COORDINATION)
def parallel_support():
    """Cases supported by two organisations for the same topic, by topic and district."""
    result = coordination.parallel_support(graph(), municipality())
    audit.record(
        graph(),
        current_user.data,
        "coordination.parallel_support",
        target=municipality(),
        address=client_address(),
    )
    table = result.by_topic_district
    topics = sorted({t for t, _ in table.counts})
    districts = {
        d["id"]: d["name"]
        for d in graph().query("cases.district_choices", municipality_id=municipality())
    }
    return render_template(
        "coordination/parallel_support.html",
        table=table,
        topics=topics,
        districts=districts,
        topic_names=_topic_names(),
        pairs=result.by_pair,
        cases=result.pseudonyms,
    )


@bp.get("/parallel-support.json")
@roles_required(*COORDINATION)
def parallel_support_json():
    """The same as JSON; suppressed cells are null."""
    result = coordination.parallel_support(graph(), municipality())
    table = result.by_topic_district
    return jsonify(
        cells=[{"topic": t, "district": d, "cases": table.shown((t, d))} for t, d in table.counts],
        pairs=result.by_pair,
        pseudonyms=sorted({row["pseudonym"] for row in result.pseudonyms}),
    )
