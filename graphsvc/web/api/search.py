"""JSON API of the referral search and the directory: /api/v1/offers/…, /api/v1/actors/…."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import NotFound

from ...domain import clock, model, ranking
from ...services import directory, search
from ..access import DIRECTORY, SEARCH, may_see, roles_required
from ..context import graph, lang, municipality, settings
from ..directory.routes import count_unmet, own_organisation
from ..display import Translator, explain, names
from ..errors import bad_request
from .contract import (
    ANY_OBJECT,
    IDENTIFIER,
    documented,
    integer,
    many,
    one_of,
    or_empty,
    vocabulary,
)

bp = Blueprint("api_search", __name__, url_prefix="/api/v1")


@bp.get("/offers/search")
@roles_required(*SEARCH)
@documented(
    # An empty value means "not given" (the search page's form sends empty fields).
    query={
        "topics": many(vocabulary("topics"), 1, search.MAX_TOPICS),
        "district": or_empty(vocabulary("districts", description="the client's district")),
        "languages": many(vocabulary("languages"), 0, search.MAX_LANGUAGES),
        "age": or_empty(integer(0, search.MAX_AGE)),
        "gender": or_empty(one_of(*model.GENDERS)),
        "residence_status": or_empty(vocabulary("residence_statuses")),
        "target_group": or_empty(vocabulary("target_groups")),
        "q": {
            "type": "string",
            "maxLength": search.MAX_TEXT,
            "description": "free text over name, description, keywords (words only count)",
        },
        "include_ineligible": or_empty({"type": "boolean"}),
        "limit": or_empty(integer(1, ranking.MAX_LIMIT)),
    },
    required=("topics",),
    answer=ANY_OBJECT,
)
def offers_search():
    """Ranked, explained offers for a client's needs (same ranking as the search page).

    Query parameters: topics (1–10, repeated or comma-separated), district, languages,
    age (0–120), gender, residence_status, target_group, q (≤ 200 characters),
    include_ineligible, limit (1–50, default 20).
    """
    unknown = sorted(set(request.args) - set(search.PARAMETERS))
    if unknown:
        return bad_request({name[:40]: "unknown parameter" for name in unknown[:5]})
    mid = municipality()
    vocab = search.vocabulary(graph(), mid)
    try:
        criteria = search.parse_criteria(request.args.to_dict(flat=False), vocab)
        result = search.referral(
            graph(),
            mid,
            criteria,
            clock.today_iso(),
            settings().unmet_wait_days,
            own_organisation(),
        )
    except search.InvalidSearch as exc:
        return bad_request(exc.fields)
    count_unmet(result)
    named = names(vocab, lang())
    body = result.as_dict()
    tr = Translator()
    for row, out in zip(result.rows, body["results"], strict=True):
        out["reasons"] = explain(row, named, tr)
    return jsonify(municipality_id=mid, today=clock.today_iso(), **body)


@bp.get("/offers/<offer_id>")
@roles_required(*DIRECTORY)
@documented(path={"offer_id": IDENTIFIER}, answer=ANY_OBJECT)
def offer(offer_id: str):
    """One offer with its topics, districts, languages, target groups and organisation."""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None:
        raise NotFound()
    if not may_see("referral_counts"):
        for key in directory.REFERRAL_COUNTS:
            found["offer"].pop(key, None)
    return jsonify(found)


@bp.get("/actors/<actor_id>")
@roles_required(*DIRECTORY)
@documented(path={"actor_id": IDENTIFIER}, answer=ANY_OBJECT)
def actor(actor_id: str):
    """One organisation with its offers, working groups and cooperation partners."""
    found = directory.get_actor(graph(), actor_id, clock.today_iso())
    if found is None:
        raise NotFound()
    return jsonify(found)
