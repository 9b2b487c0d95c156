"""JSON API of the referral search and the directory: /api/v1/offers/…, /api/v1/actors/…."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from ...domain import clock
from ...services import directory, search
from ..access import DIRECTORY, SEARCH, roles_required
from ..context import graph, lang, municipality, settings
from ..directory.routes import count_unmet
from ..display import Translator, explain, names

bp = Blueprint("api_search", __name__, url_prefix="/api/v1")


def bad_request(fields: dict[str, str]):
    """The API's 400 answer naming the fields and why."""
    return jsonify(error={"status": 400, "message": _("Invalid input"), "fields": fields}), 400


@bp.get("/offers/search")
@roles_required(*SEARCH)
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
            graph(), mid, criteria, clock.today_iso(), settings().unmet_wait_days
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
def offer(offer_id: str):
    """One offer with its topics, districts, languages, target groups and organisation."""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None:
        raise NotFound()
    return jsonify(found)


@bp.get("/actors/<actor_id>")
@roles_required(*DIRECTORY)
def actor(actor_id: str):
    """One organisation with its offers, working groups and cooperation partners."""
    found = directory.get_actor(graph(), actor_id, clock.today_iso())
    if found is None:
        raise NotFound()
    return jsonify(found)
