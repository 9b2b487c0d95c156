"""JSON API of the network explorer: /api/v1/network/graph, /centrality, /path, /changes."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_login import current_user

from ...domain import clock
from ...services import network
from ..access import NETWORK_VIEW, NRW_NETWORK, roles_required
from ..context import graph
from ..errors import api_error
from ..network.routes import bad_request, build_view, filters_from_args, lang, municipality
from .contract import (
    ANY_OBJECT,
    calendar_day,
    documented,
    integer,
    many,
    obj,
    one_of,
    or_empty,
    vocabulary,
)

# Empty values are left out (the page's filter form sends them).
FILTERS = {
    "topics": many(or_empty(vocabulary("topics")), 0, network.MAX_FILTER_VALUES),
    "districts": many(or_empty(vocabulary("districts")), 0, network.MAX_FILTER_VALUES),
    "working_groups": many(or_empty(vocabulary("working_groups")), 0, network.MAX_FILTER_VALUES),
    "kinds": many(or_empty(one_of(*network.ALLOWED_VALUES["kinds"]))),
    "categories": many(or_empty(one_of(*network.ALLOWED_VALUES["categories"]))),
    "circles": many(or_empty(one_of(*network.ALLOWED_VALUES["circles"]))),
}


def _day(description: str = "") -> dict:
    """A day the network's history reaches (services/network.py keeps the range)."""
    return calendar_day(network.FIRST_DAY, network.LAST_DAY, description)


bp = Blueprint("api_network", __name__, url_prefix="/api/v1/network")


@bp.get("/graph")
@roles_required(*NETWORK_VIEW)
@documented(
    query={
        "scope": one_of("municipality", "nrw", description="nrw: coordination and admin"),
        "as_of": or_empty(_day("the network as it was on this day (default today)")),
        **FILTERS,
    },
    answer=ANY_OBJECT,
)
def graph_view():
    """Filtered nodes and edges of the user's municipality; `scope=nrw` gives the
    actor–working-group network of every municipality (coordination and admin only)."""
    scope = request.args.get("scope", "municipality")
    if scope not in ("municipality", "nrw"):
        return bad_request(network.NetworkInputError({"scope": "municipality or nrw"}))
    net = network.load(graph(), municipality())
    try:  # for scope=nrw the filters and day do not apply, but wrong ones are still wrong
        filters = filters_from_args(net)
        day = network.parse_day(request.args.get("as_of"))
    except network.NetworkInputError as exc:
        return bad_request(exc)
    if scope == "nrw":
        if not current_user.has_role(*NRW_NETWORK):
            return api_error(403, "scope=nrw needs coordination or admin")
        return jsonify(scope="nrw", **network.nrw_actor_groups(graph()))
    return jsonify(
        scope="municipality",
        municipality_id=municipality(),
        filters=filters.as_dict(),
        as_of=day,
        **network.view(network.at(net, day), filters, lang()),
    )


@bp.get("/centrality")
@roles_required(*NETWORK_VIEW)
@documented(query={"limit": integer(1, 1000)}, answer=ANY_OBJECT)
def centrality():
    """Betweenness and degree centrality of the organisations; brokers and isolates."""
    try:
        limit = int(request.args.get("limit", "20"))
        if not 1 <= limit <= 1000:
            raise ValueError
    except ValueError:
        return bad_request(network.NetworkInputError({"limit": "a number from 1 to 1000"}))
    net = network.at(network.load(graph(), municipality()), clock.today_iso())
    return jsonify(network.centrality(net, limit))


@bp.get("/path")
@roles_required(*NETWORK_VIEW)
@documented(
    query={"source": vocabulary("actors"), "target": vocabulary("actors")},
    required=("source", "target"),
    answer=obj({"paths": {"type": "array"}}),
)
def path():
    """Shortest paths between `source` and `target` organisations (ids)."""
    args = request.args
    try:
        net = network.at(network.load(graph(), municipality()), clock.today_iso())
        return jsonify(network.shortest_paths(net, args.get("source", ""), args.get("target", "")))
    except network.NetworkInputError as exc:
        return bad_request(exc)


@bp.get("/changes")
@roles_required(*NETWORK_VIEW)
@documented(
    query={
        "since": _day(),
        "until": or_empty(_day("default today")),
        **FILTERS,
    },
    required=("since",),
    answer=ANY_OBJECT,
)
def changes():
    """What changed between `since` and `until` (default today) in the filtered view: new and
    ended organisations, offers, memberships and cooperations, and both days drawn as one."""
    try:
        return jsonify(build_view("changes", request.args, network.load(graph(), municipality())))
    except network.NetworkInputError as exc:
        return bad_request(exc)
