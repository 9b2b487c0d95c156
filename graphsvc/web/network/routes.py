"""Views of the network explorer; every one scoped to the user's municipality."""

from __future__ import annotations

import json

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import NotFound

from ...domain import model, network_export
from ...services import network
from ..access import NETWORK_VIEW, roles_required
from ..context import graph, lang, municipality
from . import bp
from .forms import CATEGORY_LABELS, CIRCLE_LABELS, KIND_LABELS, SnapshotForm

EXPORTS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "csv": ("application/zip", "zip"),
    "nodes.csv": ("text/csv; charset=utf-8", "nodes.csv"),
    "edges.csv": ("text/csv; charset=utf-8", "edges.csv"),
}


def bad_request(error: network.NetworkInputError):
    """The API's 400 answer naming the fields."""
    from ..errors import bad_request as answer

    return answer(error.fields)


def filters_from_args(net: network.Network) -> network.Filters:
    """The filters of the query string, checked against this municipality's ids."""
    filters = network.parse_filters({k: request.args.getlist(k) for k in network.FILTER_FIELDS})
    network.check_known(net, filters)
    return filters


def load() -> network.Network:
    """This municipality's network."""
    return network.load(graph(), municipality())


@bp.get("/")
@roles_required(*NETWORK_VIEW)
def page():
    """The interactive graph page: filters, legend, graph, questions, snapshots, exports."""
    net = load()
    status, error = 200, None
    try:
        filters = filters_from_args(net)
    except network.NetworkInputError as exc:
        filters, status, error = network.Filters(), 400, exc.fields
    snapshot = None
    if request.args.get("snapshot"):
        snapshot = network.get_snapshot(graph(), request.args["snapshot"], municipality())
        if snapshot is None:
            raise NotFound()
        try:
            filters = network.parse_filters(snapshot["filters"])
        except network.NetworkInputError:
            filters = network.Filters()
    form = SnapshotForm(formdata=None, layout=(snapshot or {}).get("layout") or "cose")
    name_key = "name_" + lang()
    return render_template(
        "network/page.html",
        filters=filters,
        error=error,
        form=form,
        snapshot=snapshot,
        snapshots=network.list_snapshots(graph(), municipality()),
        topic_options=sorted(
            ((t["id"], t.get(name_key) or t["id"]) for t in net.topics.values()), key=lambda o: o[1]
        ),
        district_options=[(d["id"], d.get("name") or d["id"]) for d in net.districts.values()],
        group_options=sorted(
            ((g["id"], g.get("name") or g["id"]) for g in net.groups.values()), key=lambda o: o[1]
        ),
        kind_options=[(k, KIND_LABELS[k]) for k in model.ACTOR_KINDS],
        category_options=[(k, CATEGORY_LABELS[k]) for k in model.OFFER_CATEGORIES],
        circle_options=[(k, CIRCLE_LABELS[k]) for k in model.CIRCLES],
        actors=sorted(net.actors.values(), key=lambda a: a.get("name") or a["id"]),
        texts=js_texts(),
    ), status


def js_texts() -> dict[str, str]:
    """The interface texts network.js shows, translated here (the script has no gettext)."""
    return {
        "loading": _("Loading the network…"),
        "shown": _("%(nodes)s nodes, %(edges)s edges shown."),
        "brokers": _("Brokers (betweenness centrality)"),
        "isolates": _("Isolates (no group, no cooperation)"),
        "none": _("none"),
        "no_path": _("These organisations are not connected through groups or cooperations."),
        "paths": _("Shortest connections (%(n)s steps)"),
        "ego1": _("Ego network (1 step)"),
        "ego2": _("Ego network (2 steps)"),
        "expand": _("Expand neighbours"),
        "collapse": _("Collapse neighbours"),
        "not_found": _("No node with this name in the view."),
        "provider": _("Provider"),
        "offers": _("Offers"),
        "groups": _("Working groups"),
        "members": _("Members"),
        "topics": _("Topics"),
        "kind": _("Organisation type"),
        "category": _("Offer category"),
        "circle": _("Circle"),
        "address": _("Address"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "hours": _("Opening hours"),
        "aim": _("Aim"),
        "degree": _("Degree"),
        "betweenness": _("Betweenness"),
        "failed": _("The request failed."),
    }


@bp.get("/graph.json")
@roles_required(*NETWORK_VIEW)
def graph_json():
    """The filtered view as {nodes, edges} for Cytoscape."""
    net = load()
    try:
        filters = filters_from_args(net)
    except network.NetworkInputError as exc:
        return bad_request(exc)
    return jsonify(network.view(net, filters, lang()))


@bp.get("/details.json")
@roles_required(*NETWORK_VIEW)
def details_json():
    """The details of one node of the directory network."""
    found = network.details(load(), request.args.get("id", ""), lang())
    if found is None:
        return bad_request(network.NetworkInputError({"id": "unknown node"}))
    return jsonify(found)


@bp.get("/ego.json")
@roles_required(*NETWORK_VIEW)
def ego_json():
    """The ego network of an organisation (hops 1 or 2)."""
    try:
        hops = int(request.args.get("hops", "1"))
    except ValueError:
        return bad_request(network.NetworkInputError({"hops": "must be 1 or 2"}))
    try:
        return jsonify(network.ego(load(), request.args.get("actor", ""), hops, lang()))
    except network.NetworkInputError as exc:
        return bad_request(exc)


@bp.get("/path.json")
@roles_required(*NETWORK_VIEW)
def path_json():
    """Shortest paths between two organisations through groups and cooperations."""
    args = request.args
    try:
        return jsonify(
            network.shortest_paths(load(), args.get("source", ""), args.get("target", ""))
        )
    except network.NetworkInputError as exc:
        return bad_request(exc)


@bp.get("/centrality.json")
@roles_required(*NETWORK_VIEW)
def centrality_json():
    """Brokers, degree and isolates of the organisations."""
    return jsonify(network.centrality(load()))


@bp.get("/overlap")
@roles_required(*NETWORK_VIEW)
def overlap():
    """Working-group overlap matrix and the organisations in no group."""
    return render_template("network/overlap.html", result=network.overlap(load()))


@bp.get("/coverage")
@roles_required(*NETWORK_VIEW)
def coverage():
    """Coverage map: offers per topic and district (heat table)."""
    net = load()
    try:
        filters = filters_from_args(net)
    except network.NetworkInputError as exc:
        return render_template(
            "error.html", status=400, title=_("Invalid input"), message="; ".join(exc.fields)
        ), 400
    return render_template("network/coverage.html", result=network.coverage(net, filters, lang()))


@bp.post("/snapshots")
@roles_required(*NETWORK_VIEW)
def save_snapshot():
    """Save the current view (filters, positions, layout) as a named snapshot."""
    form = SnapshotForm()
    fields: dict[str, str] = {}
    if not form.validate():
        fields = {k: "; ".join(map(str, v)) for k, v in form.errors.items()}
    else:
        try:
            raw_filters = json.loads(form.filters_json.data or "{}")
            positions = json.loads(form.positions_json.data or "{}")
        except ValueError:
            fields = {"positions": "not valid JSON"}
        else:
            try:
                if not isinstance(raw_filters, dict):
                    raise network.NetworkInputError({"filters": "must be a map"})
                filters = network.parse_filters(raw_filters)
                network.check_known(load(), filters)
                saved = network.save_snapshot(
                    graph(),
                    name=form.name.data,
                    filters=filters,
                    positions=positions,
                    layout=form.layout.data or "cose",
                    user=current_user.username,
                    municipality_id=municipality(),
                )
            except network.NetworkInputError as exc:
                fields = exc.fields
    if fields:
        flash(
            _(
                "The view was not saved: %(why)s",
                why="; ".join(f"{k}: {v}" for k, v in fields.items()),
            ),
            "error",
        )
        return redirect(url_for("network.page")), 303
    flash(_("View saved as “%(name)s”.", name=saved["name"]), "success")
    return redirect(url_for("network.page", snapshot=saved["id"]))


@bp.get("/snapshots/<snapshot_id>.json")
@roles_required(*NETWORK_VIEW)
def snapshot_json(snapshot_id: str):
    """One saved view (filters and positions) of this municipality."""
    found = network.get_snapshot(graph(), snapshot_id, municipality())
    if found is None:
        raise NotFound()
    return jsonify(found)


@bp.get("/export/<fmt>")
@roles_required(*NETWORK_VIEW)
def export(fmt: str):
    """The filtered view as GraphML, GEXF, or CSV node and edge lists (zip or single)."""
    if fmt not in EXPORTS:
        raise NotFound()
    net = load()
    try:
        filters = filters_from_args(net)
    except network.NetworkInputError as exc:
        return bad_request(exc)
    view = network.view(net, filters, lang())
    body: bytes | str = {  # type: ignore[assignment]
        "graphml": network_export.graphml,
        "gexf": network_export.gexf,
        "csv": network_export.csv_zip,
        "nodes.csv": network_export.nodes_csv,
        "edges.csv": network_export.edges_csv,
    }[fmt](view)
    mimetype, suffix = EXPORTS[fmt]
    name = f"netzwerk-{municipality()}.{suffix}"
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
