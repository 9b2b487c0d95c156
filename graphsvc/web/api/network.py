"""JSON API of the network explorer: /api/v1/network/graph, /centrality, /path, /changes."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_login import current_user

from ...domain import clock
from ...services import network
from ..access import NETWORK_VIEW, NRW_NETWORK, roles_required
from ..context import graph
from ..network.routes import bad_request, build_view, filters_from_args, lang, municipality

bp = Blueprint("api_network", __name__, url_prefix="/api/v1/network")


@bp.get("/graph")
@roles_required(*NETWORK_VIEW)
def graph_view():
    """Filtered nodes and edges of the user's municipality; `scope=nrw` gives the
    actor–working-group network of every municipality (coordination and admin only)."""
    scope = request.args.get("scope", "municipality")
    if scope not in ("municipality", "nrw"):
        return bad_request(network.NetworkInputError({"scope": "municipality or nrw"}))
    if scope == "nrw":
        if not current_user.has_role(*NRW_NETWORK):
            return jsonify(
                error={"status": 403, "message": "scope=nrw needs coordination or admin"}
            ), 403
        return jsonify(scope="nrw", **network.nrw_actor_groups(graph()))
    net = network.load(graph(), municipality())
    try:
        filters = filters_from_args(net)
        day = network.parse_day(request.args.get("as_of"))
    except network.NetworkInputError as exc:
        return bad_request(exc)
    return jsonify(
        scope="municipality",
        municipality_id=municipality(),
        filters=filters.as_dict(),
        as_of=day,
        **network.view(network.at(net, day), filters, lang()),
    )


@bp.get("/centrality")
@roles_required(*NETWORK_VIEW)
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
def changes():
    """What changed between `since` and `until` (default today) in the filtered view: new and
    ended organisations, offers, memberships and cooperations, and both days drawn as one."""
    try:
        return jsonify(build_view("changes", request.args, network.load(graph(), municipality())))
    except network.NetworkInputError as exc:
        return bad_request(exc)
