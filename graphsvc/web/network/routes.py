"""Views of the network explorer; every one scoped to the user's municipality."""

from __future__ import annotations

import json
from typing import Any

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import NotFound

from ...domain import clock, model, network_export
from ...services import network, network_handout
from ..access import NETWORK_VIEW, roles_required
from ..context import graph, lang, municipality
from . import bp, wording
from .forms import CATEGORY_LABELS, CIRCLE_LABELS, KIND_LABELS, HandoutForm, SnapshotForm

EXPORTS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "csv": ("application/zip", "zip"),
    "nodes.csv": ("text/csv; charset=utf-8", "nodes.csv"),
    "edges.csv": ("text/csv; charset=utf-8", "edges.csv"),
}
VIEW_KINDS = ("graph", "ego", "path", "centrality", "coverage", "changes")


def bad_request(error: network.NetworkInputError):
    """The API's 400 answer naming the fields."""
    from ..errors import bad_request as answer

    return answer(error.fields)


def filters_from(args: MultiDict, net: network.Network) -> network.Filters:
    """The filters of a query string or form, checked against this municipality's ids."""
    filters = network.parse_filters({k: args.getlist(k) for k in network.FILTER_FIELDS})
    network.check_known(net, filters)
    return filters


def filters_from_args(net: network.Network) -> network.Filters:
    """The filters of the query string, checked against this municipality's ids."""
    return filters_from(request.args, net)


def group_by_from(args: MultiDict) -> str | None:
    """The grouping into compound nodes ('' or missing: none)."""
    value = args.get("group_by") or None
    if value and value not in network.GROUP_BY:
        raise network.NetworkInputError(
            {"group_by": f"one of {', '.join(network.GROUP_BY)} or empty"}
        )
    return value


def load() -> network.Network:
    """This municipality's network with its whole history."""
    return network.load(graph(), municipality())


def build_view(kind: str, args: MultiDict, net: network.Network) -> dict[str, Any]:
    """One view of the explorer ({nodes, edges, compounds} and the answer beside it) from
    query arguments; the page, the JSON endpoints and the handout all draw what this gives."""
    if kind not in VIEW_KINDS:
        raise network.NetworkInputError({"kind": f"one of {', '.join(VIEW_KINDS)}"})
    day = network.parse_day(args.get("as_of"))
    filters = filters_from(args, net)
    on_day = network.at(net, day)
    result: dict[str, Any]
    if kind == "graph":
        result = network.view(on_day, filters, lang(), group_by_from(args))
    elif kind == "ego":
        try:
            hops = int(args.get("hops", "1"))
        except ValueError:
            raise network.NetworkInputError(
                {"hops": f"must be 1 to {network.MAX_EGO_HOPS}"}
            ) from None
        result = network.ego(on_day, args.get("actor", ""), hops, lang())
    elif kind == "path":
        result = network.shortest_paths(on_day, args.get("source", ""), args.get("target", ""))
        result["stories"] = wording.path_story(result, on_day)
    elif kind == "centrality":
        result = network.centrality_view(on_day, lang())
        result["brokers"] = wording.centrality_rows(result["brokers"])
        result["isolates"] = wording.centrality_rows(result["isolates"])
        result.pop("actors")
    elif kind == "coverage":
        result = network.coverage_view(on_day, filters, lang())
    else:
        if not args.get("since"):
            raise network.NetworkInputError({"since": "a date as YYYY-MM-DD"})
        since = network.parse_day(args["since"], "since")
        until = network.parse_day(args.get("until"), "until")
        result = network.changes(net, since, until, filters, lang())
        result["sections"] = wording.change_sections(result)
        result["since_label"], result["until_label"] = wording.day(since), wording.day(until)
        day = until
    result["kind"] = kind
    result["as_of"] = day
    result["as_of_label"] = wording.day(day)
    result["filter_summary"] = wording.filter_summary(filters, net, lang())
    return result


@bp.get("/")
@roles_required(*NETWORK_VIEW)
def page():
    """The explorer: the graph fills the page; filters, questions, comparison, saved views
    and exports in a side panel that folds away."""
    net = load()
    status, error = 200, None
    args = request.args
    snapshot = None
    if args.get("snapshot"):
        snapshot = network.get_snapshot(graph(), args["snapshot"], municipality())
        if snapshot is None:
            raise NotFound()
        args = MultiDict(
            [(k, v) for k, values in (snapshot["filters"] or {}).items() for v in values]
            + [("as_of", snapshot["as_of"] or ""), ("group_by", snapshot["group_by"] or "")]
        )
    try:
        filters = filters_from(args, net)
    except network.NetworkInputError as exc:
        filters, status, error = network.Filters(), 400, exc.fields
    try:
        as_of = network.parse_day(args.get("as_of"))
        group_by = group_by_from(args)
    except network.NetworkInputError as exc:
        as_of, group_by, status = clock.today_iso(), None, 400
        error = {**(error or {}), **exc.fields}
    snapshots = network.list_snapshots(graph(), municipality())
    form = SnapshotForm(formdata=None, layout="fcose")
    name_key = "name_" + lang()
    return render_template(
        "network/page.html",
        filters=filters,
        as_of=as_of,
        today=clock.today_iso(),
        group_by=group_by or "",
        error=error,
        form=form,
        handout_form=HandoutForm(formdata=None),
        snapshot=snapshot,
        snapshots=snapshots,
        since_default=(snapshots[0]["as_of"] if snapshots else ""),
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
        actors=sorted(
            network.at(net, as_of).actors.values(), key=lambda a: a.get("name") or a["id"]
        ),
        filter_summary=wording.filter_summary(filters, net, lang()),
        day=wording.day,
        colours=network_export.NODE_COLOURS,
        shapes=network_export.NODE_SHAPES,
        change_colours=network_export.CHANGE_COLOURS,
        texts=js_texts(),
    ), status


def js_texts() -> dict[str, str]:
    """The interface texts network.js shows, translated here (the script has no gettext)."""
    return {
        "loading": _("Loading the network…"),
        "laying_out": _("Arranging the network…"),
        "shown": _("%(nodes)s nodes, %(edges)s edges shown."),
        "shown_changes": _("%(nodes)s nodes, %(edges)s edges shown: %(new)s new, %(ended)s ended."),
        "brokers": _("Who connects the network"),
        "isolates": _("Not connected (no group, no cooperation)"),
        "none": _("none"),
        "no_path": _("These organisations are not connected through groups or cooperations."),
        "paths": _("Shortest connections (%(n)s steps)"),
        "path_title": _("Who could connect %(a)s and %(b)s"),
        "ego_title": _("Ego network of %(name)s (steps: %(n)s)"),
        "ego_button": _("Ego network"),
        "coverage_title": _("Coverage map: offers per topic and district"),
        "gaps": _("Topic and district without any offer"),
        "changes_title": _("What changed from %(since)s to %(until)s"),
        "no_changes": _("Nothing changed."),
        "not_found": _("No node with this name in the view."),
        "found": _("%(n)s nodes found and highlighted."),
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
        "website": _("Website"),
        "hours": _("Opening hours"),
        "aim": _("Aim"),
        "since": _("In the network since"),
        "valid": _("Runs"),
        "until_open": _("open-ended"),
        "failed": _("The request failed."),
        "legend": _("Legend"),
        "new": _("new"),
        "ended": _("ended"),
        "as_of": _("As of %(day)s"),
        "filters": _("Filters: %(filters)s"),
        "no_filters": _("No filters: the whole network."),
        "title": _("Network"),
        "table_caption": _("What the graph shows, as a table"),
        "col_name": _("Name"),
        "col_type": _("Type"),
        "col_links": _("Connections in this view"),
        "col_change": _("Change"),
        "col_neighbours": _("Connected with"),
        "show_table": _("Show as table"),
        "hide_table": _("Hide the table"),
        "read_only": _("Saved view: read only."),
        "end_presentation": _("End presentation"),
        "changes_csv": _("Changes as CSV"),
    }


def _json_view(kind: str, args: MultiDict | None = None):
    net = load()
    try:
        return jsonify(build_view(kind, args if args is not None else request.args, net))
    except network.NetworkInputError as exc:
        return bad_request(exc)


@bp.get("/view.json")
@roles_required(*NETWORK_VIEW)
def view_json():
    """One view of the explorer by `kind` (graph, ego, path, centrality, coverage, changes)."""
    return _json_view(request.args.get("kind", "graph"))


@bp.get("/graph.json")
@roles_required(*NETWORK_VIEW)
def graph_json():
    """The filtered view on a day (`as_of`, default today) as {nodes, edges} for Cytoscape."""
    return _json_view("graph")


@bp.get("/details.json")
@roles_required(*NETWORK_VIEW)
def details_json():
    """The details of one node of the directory network, vocabularies in words."""
    try:
        day = network.parse_day(request.args.get("as_of"))
    except network.NetworkInputError as exc:
        return bad_request(exc)
    found = network.details(network.at(load(), day), request.args.get("id", ""), lang())
    if found is None:
        return bad_request(network.NetworkInputError({"id": "unknown node"}))
    return jsonify(wording.details(found))


@bp.get("/ego.json")
@roles_required(*NETWORK_VIEW)
def ego_json():
    """The ego network of an organisation (hops 1 to 3)."""
    return _json_view("ego")


@bp.get("/path.json")
@roles_required(*NETWORK_VIEW)
def path_json():
    """Shortest paths between two organisations through groups and cooperations, explained."""
    return _json_view("path")


@bp.get("/centrality.json")
@roles_required(*NETWORK_VIEW)
def centrality_json():
    """Who connects the network (roles and shares in words), and who is not connected."""
    return _json_view("centrality")


@bp.get("/changes.json")
@roles_required(*NETWORK_VIEW)
def changes_json():
    """What changed between `since` and `until` (default today) in the filtered view."""
    return _json_view("changes")


@bp.get("/changes.csv")
@roles_required(*NETWORK_VIEW)
def changes_csv():
    """The changes list between two days as CSV, for the minutes."""
    try:
        result = build_view("changes", request.args, load())
    except network.NetworkInputError as exc:
        return bad_request(exc)
    body = network_export.changes_csv(result["sections"])
    name = f"netzwerk-{municipality()}-aenderungen-{result['since']}-{result['until']}.csv"
    return Response(
        body,
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.post("/handout.pdf")
@roles_required(*NETWORK_VIEW)
def handout():
    """A PDF handout of the view on the screen: title, day, filters, the graph as drawn,
    legend and (for a comparison) the changes list."""
    form = HandoutForm()
    if not form.validate():
        return bad_request(
            network.NetworkInputError({k: "; ".join(map(str, v)) for k, v in form.errors.items()})
        )
    try:
        params = json.loads(form.view_json.data or "{}")
        positions = json.loads(form.positions_json.data or "{}")
    except ValueError:
        return bad_request(network.NetworkInputError({"view_json": "not valid JSON"}))
    if not isinstance(params, dict) or not all(
        isinstance(k, str) and isinstance(v, str | list) for k, v in params.items()
    ):
        return bad_request(network.NetworkInputError({"view_json": "a map of query arguments"}))
    args = MultiDict(
        [(k, item) for k, v in params.items() for item in (v if isinstance(v, list) else [v])]
    )
    try:
        shown = build_view(args.get("kind", "graph"), args, load())
        clean = network.check_positions(positions)
    except network.NetworkInputError as exc:
        return bad_request(exc)
    body = network_handout.pdf(
        shown,
        clean,
        title=form.title.data or _("Network"),
        texts=wording.handout_texts(),
        sections=shown.get("sections"),
    )
    return Response(
        body,
        mimetype="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="netzwerk-handout.pdf"'},
    )


@bp.get("/overlap")
@roles_required(*NETWORK_VIEW)
def overlap():
    """Working-group overlap matrix and the organisations in no group (as of today)."""
    net = network.at(load(), clock.today_iso())
    return render_template("network/overlap.html", result=network.overlap(net))


@bp.get("/coverage")
@roles_required(*NETWORK_VIEW)
def coverage():
    """Coverage map: offers per topic and district (heat table), as of today."""
    net = load()
    try:
        filters = filters_from_args(net)
    except network.NetworkInputError as exc:
        return render_template(
            "error.html", status=400, title=_("Invalid input"), message="; ".join(exc.fields)
        ), 400
    on_day = network.at(net, clock.today_iso())
    return render_template(
        "network/coverage.html", result=network.coverage(on_day, filters, lang())
    )


@bp.post("/snapshots")
@roles_required(*NETWORK_VIEW)
def save_snapshot():
    """Save the current view (filters, day, grouping, positions) as a named snapshot."""
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
                    layout=form.layout.data or "fcose",
                    user=current_user.username,
                    municipality_id=municipality(),
                    as_of=form.as_of.data or None,
                    group_by=form.group_by.data or None,
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
    """One saved view (filters, day, grouping and positions) of this municipality."""
    found = network.get_snapshot(graph(), snapshot_id, municipality())
    if found is None:
        raise NotFound()
    return jsonify(found)


@bp.get("/export/<fmt>")
@roles_required(*NETWORK_VIEW)
def export(fmt: str):
    """The filtered view on a day as GraphML, GEXF, or CSV node and edge lists."""
    if fmt not in EXPORTS:
        raise NotFound()
    try:
        shown = build_view("graph", request.args, load())
    except network.NetworkInputError as exc:
        return bad_request(exc)
    body: bytes | str = {  # type: ignore[assignment]
        "graphml": network_export.graphml,
        "gexf": network_export.gexf,
        "csv": network_export.csv_zip,
        "nodes.csv": network_export.nodes_csv,
        "edges.csv": network_export.edges_csv,
    }[fmt](shown)
    mimetype, suffix = EXPORTS[fmt]
    name = f"netzwerk-{municipality()}.{suffix}"
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
