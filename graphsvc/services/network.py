"""The network explorer: who works on what, where, with whom — never case data.

The municipality's directory network (organisations, offers, working groups, districts,
topics) is read with a handful of indexed queries (all start from `municipality_id`) and
filtered, measured and exported in Python: a municipality holds a few hundred nodes, so
networkx on the extracted subgraph answers the meeting's questions (ego network, shortest
paths, betweenness, overlap, coverage) in milliseconds on both engines alike. Only the
queries in cypher/network/ are used here; none of them touches Case or User nodes.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from itertools import combinations, islice
from typing import Any

import networkx as nx

from ..domain import clock, history, model
from ..domain.errors import InvalidInput
from ..graph import Graph

NODE_TYPES = ("actor", "offer", "working_group", "district", "topic")
EDGE_TYPES = (
    "provided_by",
    "covers",
    "serves",
    "member_of",
    "organised_by",
    "cooperates_with",
    "located_in",
)
MAX_FILTER_VALUES = 50
MAX_PATHS = 10
MAX_SNAPSHOT_NAME = 80
MAX_POSITIONS = 20_000
# Three steps reach most of a municipality's network; more shows the whole tangle again.
MAX_EGO_HOPS = 3
GROUP_BY = ("district", "working_group")
# Days a meeting may ask about: older or later dates are typing errors, not questions.
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


class NetworkInputError(InvalidInput):
    """Input the network explorer cannot use; `fields` says which field and why."""


@dataclass(frozen=True)
class Filters:
    """What the view shows; an empty tuple means no restriction."""

    topics: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    working_groups: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    circles: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, list[str]]:
        """Plain lists, for JSON and snapshots."""
        return {k: list(v) for k, v in asdict(self).items()}

    @property
    def restricts_offers(self) -> bool:
        """Whether an offer-side filter is set (then only providers of shown offers show)."""
        return bool(self.topics or self.categories or self.circles)


FILTER_FIELDS = ("topics", "districts", "working_groups", "kinds", "categories", "circles")
ALLOWED_VALUES = {
    "kinds": model.ACTOR_KINDS,
    "categories": model.OFFER_CATEGORIES,
    "circles": model.CIRCLES,
}


def parse_filters(source: dict[str, list[str]]) -> Filters:
    """Filters from lists of strings per field (query string or JSON); raise on bad values."""
    errors: dict[str, str] = {}
    values: dict[str, tuple[str, ...]] = {}
    for name in FILTER_FIELDS:
        raw = source.get(name) or []
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            errors[name] = "must be a list of strings"
            continue
        # Spaces after commas are a person's; other white space (a form feed, a tab) is not
        # an empty value but a wrong one.
        parts = [v.strip(" ") for part in raw for v in part.split(",")]
        items = [v for v in parts if v]
        if len(parts) > MAX_FILTER_VALUES:  # empty ones count too: each was sent
            errors[name] = f"at most {MAX_FILTER_VALUES} values"
            continue
        allowed = ALLOWED_VALUES.get(name)
        bad = [v for v in items if (allowed and v not in allowed) or len(v) > 120]
        if bad:
            errors[name] = f"unknown value {bad[0]!r}"
            continue
        values[name] = tuple(dict.fromkeys(items))
    if errors:
        raise NetworkInputError(errors)
    return Filters(**values)


@dataclass
class Network:
    """The directory network of one municipality as plain dicts, keyed by id."""

    actors: dict[str, dict] = field(default_factory=dict)
    offers: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, dict] = field(default_factory=dict)
    districts: dict[str, dict] = field(default_factory=dict)
    topics: dict[str, dict] = field(default_factory=dict)
    cooperations: list[dict] = field(default_factory=list)


def load(graph: Graph, municipality_id: str) -> Network:
    """Read one municipality's network (five indexed queries, no case data)."""
    net = Network()
    for row in graph.query("network.actors", municipality_id=municipality_id):
        net.actors[row["actor"]["id"]] = row["actor"]
    for row in graph.query("network.offers", municipality_id=municipality_id):
        net.offers[row["offer"]["id"]] = row["offer"]
    for row in graph.query("network.working_groups", municipality_id=municipality_id):
        net.groups[row["group"]["id"]] = row["group"]
    for row in graph.query("network.districts", municipality_id=municipality_id):
        net.districts[row["district"]["id"]] = row["district"]
    for row in graph.query("network.topics"):
        net.topics[row["topic"]["id"]] = row["topic"]
    net.cooperations = [
        r
        for r in graph.query("network.cooperations", municipality_id=municipality_id)
        if r["target"] in net.actors
    ]
    return net


def parse_day(value: str | None, name: str = "as_of") -> str:
    """An ISO day from a form or query string (empty: today); raise naming the field."""
    if not value:
        return clock.today_iso()
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise NetworkInputError({name: "a date as YYYY-MM-DD"}) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise NetworkInputError({name: f"a date from {FIRST_DAY} to {LAST_DAY}"})
    return day.isoformat()


def at(net: Network, day: str) -> Network:
    """The network as it stood on `day`: organisations, offers, memberships and cooperations
    running on that day (domain/history.py); groups, districts and topics are not dated."""
    actors = {
        aid: a
        for aid, a in net.actors.items()
        if history.exists_on(a.get("since"), a.get("retired_on"), day)
    }
    offers = {
        oid: o
        for oid, o in net.offers.items()
        if o.get("actor_id") in actors
        and history.exists_on(o.get("valid_from"), o.get("valid_until"), day)
    }
    groups = {
        gid: {
            **g,
            "members": [
                m
                for m in g.get("members") or []
                if m["actor_id"] in actors
                and history.exists_on(m.get("since"), m.get("until"), day)
            ],
        }
        for gid, g in net.groups.items()
    }
    cooperations = [
        c
        for c in net.cooperations
        if c["source"] in actors
        and c["target"] in actors
        and history.exists_on(c.get("since"), c.get("until"), day)
    ]
    return replace(net, actors=actors, offers=offers, groups=groups, cooperations=cooperations)


def node_id(node_type: str, ref: str) -> str:
    """The id of a node in views and exports: ids are unique per label only (an offer may
    share its id with its organisation), so the type prefixes the stored id."""
    return f"{node_type}:{ref}"


def split_node_id(value: str) -> tuple[str, str]:
    """(type, stored id) of a view node id; type '' when there is no known prefix."""
    node_type, _, ref = value.partition(":")
    return (node_type, ref) if node_type in NODE_TYPES and ref else ("", value)


def _node(ref: str, node_type: str, label: str | None, **data: Any) -> dict:
    return {
        "id": node_id(node_type, ref),
        "ref": ref,
        "type": node_type,
        "label": label or ref,
        **{k: v for k, v in data.items() if v not in (None, "", [])},
    }


def _edge(source: tuple[str, str], target: tuple[str, str], edge_type: str, **data: Any) -> dict:
    s, t = node_id(*source), node_id(*target)
    return {
        "id": f"{edge_type}|{s}|{t}",
        "source": s,
        "target": t,
        "type": edge_type,
        **{k: v for k, v in data.items() if v is not None},
    }


def topic_label(topic: dict, lang: str) -> str:
    """A topic's name in the interface language."""
    return topic.get("name_en" if lang == "en" else "name_de") or topic["id"]


def view(
    net: Network, filters: Filters, lang: str = "de", group_by: str | None = None
) -> dict[str, Any]:
    """The filtered view as {nodes, edges, compounds}, shaped for Cytoscape and the exports.

    Offers show when they match every offer-side filter (topic, category, circle, served
    district, provider kind, provider in group); organisations show when they match kind,
    group and district (located in it or serving it), and — once an offer-side filter is
    set — only when they provide a shown offer. `group_by` puts nodes into compound nodes
    (see `compounds`); the exports leave the compounds out.
    """
    f = filters
    members_of: dict[str, set[str]] = {}
    for gid, g in net.groups.items():
        for m in g.get("members") or []:
            members_of.setdefault(m["actor_id"], set()).add(gid)
    in_groups = set(f.working_groups)

    def actor_matches(aid: str) -> bool:
        a = net.actors.get(aid)
        if a is None:
            return False
        if f.kinds and a.get("kind") not in f.kinds:
            return False
        return not (in_groups and not members_of.get(aid, set()) & in_groups)

    offers = {}
    for oid, o in net.offers.items():
        if f.categories and o.get("category") not in f.categories:
            continue
        if f.circles and o.get("circle") not in f.circles:
            continue
        if f.topics and not set(o.get("topics") or []) & set(f.topics):
            continue
        if f.districts and not set(o.get("districts") or []) & set(f.districts):
            continue
        if not actor_matches(o.get("actor_id") or ""):
            continue
        offers[oid] = o
    providers = {o["actor_id"] for o in offers.values()}
    actors = {}
    for aid, a in net.actors.items():
        if not actor_matches(aid):
            continue
        if f.restricts_offers and aid not in providers:
            continue
        if f.districts and a.get("district_id") not in f.districts and aid not in providers:
            continue
        actors[aid] = a
    groups = {
        gid: g
        for gid, g in net.groups.items()
        if (not in_groups or gid in in_groups)
        and any(m["actor_id"] in actors for m in g.get("members") or [])
    }
    topic_ids = {t for o in offers.values() for t in o.get("topics") or []}
    if f.topics:
        topic_ids &= set(f.topics)
    district_ids = {d for o in offers.values() for d in o.get("districts") or []}
    district_ids |= {a["district_id"] for a in actors.values() if a.get("district_id")}
    if f.districts:
        district_ids &= set(f.districts)
    district_ids &= set(net.districts)
    topic_ids &= set(net.topics)

    nodes = [
        _node(aid, "actor", a.get("name"), kind=a.get("kind"), district_id=a.get("district_id"))
        for aid, a in actors.items()
    ]
    nodes += [
        _node(oid, "offer", o.get("name"), category=o.get("category"), circle=o.get("circle"))
        for oid, o in offers.items()
    ]
    nodes += [_node(gid, "working_group", g.get("name")) for gid, g in groups.items()]
    nodes += [_node(d, "district", net.districts[d].get("name")) for d in sorted(district_ids)]
    nodes += [_node(t, "topic", topic_label(net.topics[t], lang)) for t in sorted(topic_ids)]

    edges = []
    for oid, o in offers.items():
        if o["actor_id"] in actors:
            edges.append(_edge(("offer", oid), ("actor", o["actor_id"]), "provided_by"))
        edges += [
            _edge(("offer", oid), ("topic", t), "covers")
            for t in o.get("topics") or []
            if t in topic_ids
        ]
        edges += [
            _edge(("offer", oid), ("district", d), "serves")
            for d in o.get("districts") or []
            if d in district_ids
        ]
    for gid, g in groups.items():
        for m in g.get("members") or []:
            if m["actor_id"] in actors:
                edges.append(
                    _edge(
                        ("actor", m["actor_id"]),
                        ("working_group", gid),
                        "member_of",
                        role=m.get("role"),
                    )
                )
        edges += [
            _edge(("working_group", gid), ("actor", a), "organised_by")
            for a in g.get("organisers") or []
            if a in actors
        ]
    for c in net.cooperations:
        if c["source"] in actors and c["target"] in actors:
            edges.append(
                _edge(
                    ("actor", c["source"]),
                    ("actor", c["target"]),
                    "cooperates_with",
                    kind=c.get("kind"),
                )
            )
    for aid, a in actors.items():
        if a.get("district_id") in district_ids:
            edges.append(_edge(("actor", aid), ("district", a["district_id"]), "located_in"))
    result = {"nodes": nodes, "edges": edges, "compounds": []}
    if group_by:
        result["compounds"] = compounds(net, result, group_by)
    return result


def compounds(net: Network, shown: dict[str, list[dict]], group_by: str) -> list[dict]:
    """Put the shown nodes into compound nodes by district or working group: sets `parent`
    on the grouped nodes and returns the compound nodes.

    A node has one parent, so an organisation goes to the district it is located in, or to
    the smallest working group it belongs to (the most specific one; ties by name); an offer
    goes where its provider goes; a district or working group node into its own compound.
    Topics and organisations in no group stay outside.
    """
    if group_by not in GROUP_BY:
        raise NetworkInputError({"group_by": f"one of {', '.join(GROUP_BY)}"})
    present = {n["id"] for n in shown["nodes"]}
    home: dict[str, str] = {}
    if group_by == "district":
        for aid, a in net.actors.items():
            if node_id("district", a.get("district_id") or "") in present:
                home[aid] = a["district_id"]
        names = {d: net.districts[d].get("name") or d for d in net.districts}
    else:
        sizes = {
            gid: len(g.get("members") or [])
            for gid, g in net.groups.items()
            if node_id("working_group", gid) in present
        }
        names = {gid: net.groups[gid].get("name") or gid for gid in sizes}
        for gid in sorted(sizes, key=lambda gid: (sizes[gid], names[gid])):
            for m in net.groups[gid].get("members") or []:
                home.setdefault(m["actor_id"], gid)
    used: set[str] = set()
    for node in shown["nodes"]:
        key = None
        if node["type"] == "actor":
            key = home.get(node["ref"])
        elif node["type"] == "offer":
            key = home.get((net.offers.get(node["ref"]) or {}).get("actor_id") or "")
        elif node["type"] == group_by:
            key = node["ref"]
        if key is not None and key in names:
            node["parent"] = f"compound:{group_by}:{key}"
            used.add(key)
    return [
        {"id": f"compound:{group_by}:{key}", "type": "compound", "label": names[key]}
        for key in sorted(used, key=lambda k: names[k])
    ]


def filtered_graph(
    graph: Graph, municipality_id: str, filters: Filters, lang: str = "de", day: str | None = None
):
    """Load one municipality's network as of `day` (default today) and filter it."""
    return view(at(load(graph, municipality_id), day or clock.today_iso()), filters, lang)


def details(net: Network, value: str, lang: str = "de") -> dict | None:
    """What the details panel shows for one view node id (directory data only)."""
    node_type, ref = split_node_id(value)
    if node_type == "actor" and ref in net.actors:
        a = net.actors[ref]
        groups = [
            g["name"]
            for g in net.groups.values()
            if any(m["actor_id"] == ref for m in g.get("members") or [])
        ]
        offers = [o["name"] for o in net.offers.values() if o.get("actor_id") == ref]
        return {"type": "actor", **a, "working_groups": sorted(groups), "offers": sorted(offers)}
    if node_type == "offer" and ref in net.offers:
        o = net.offers[ref]
        provider = net.actors.get(o.get("actor_id") or "", {}).get("name")
        topics = [
            topic_label(net.topics[t], lang) for t in o.get("topics") or [] if t in net.topics
        ]
        return {"type": "offer", **o, "provider": provider, "topic_names": topics}
    if node_type == "working_group" and ref in net.groups:
        g = net.groups[ref]
        names = [
            net.actors[m["actor_id"]]["name"]
            for m in g.get("members") or []
            if m["actor_id"] in net.actors
        ]
        return {"type": "working_group", **g, "member_names": sorted(names)}
    if node_type == "district" and ref in net.districts:
        return {"type": "district", **net.districts[ref]}
    if node_type == "topic" and ref in net.topics:
        t = net.topics[ref]
        return {"type": "topic", "id": ref, "name": topic_label(t, lang)}
    return None


# --- the actor–working-group network and the meeting's questions ---------------------------


def actor_group_graph(net: Network) -> nx.Graph:
    """Actors and working groups, linked by membership and cooperation (undirected)."""
    g = nx.Graph()
    for aid, a in net.actors.items():
        g.add_node(
            node_id("actor", aid),
            ref=aid,
            type="actor",
            label=a.get("name") or aid,
            kind=a.get("kind") or "",
        )
    for gid, w in net.groups.items():
        g.add_node(
            node_id("working_group", gid), ref=gid, type="working_group", label=w.get("name") or gid
        )
        for m in w.get("members") or []:
            if m["actor_id"] in net.actors:
                edge = _edge(("actor", m["actor_id"]), ("working_group", gid), "member_of")
                g.add_edge(
                    edge["source"],
                    edge["target"],
                    type="member_of",
                    eid=edge["id"],
                    role=m.get("role") or "member",
                )
    for c in net.cooperations:
        edge = _edge(("actor", c["source"]), ("actor", c["target"]), "cooperates_with")
        g.add_edge(
            edge["source"],
            edge["target"],
            type="cooperates_with",
            eid=edge["id"],
            kind=c.get("kind") or "",
        )
    return g


def centrality(net: Network, limit: int = 20) -> dict[str, Any]:
    """Brokers (betweenness), degree and isolates of the actors in the actor–group network.

    Normalised betweenness is the share of shortest connections between two other points
    of the network that run through an organisation: the number a meeting can be told.
    """
    g = actor_group_graph(net)
    between = nx.betweenness_centrality(g, normalized=True) if g.number_of_nodes() > 2 else {}
    degree = nx.degree_centrality(g) if g.number_of_nodes() > 1 else {}
    rows = [
        {
            "id": g.nodes[n]["ref"],
            "node": n,
            "label": g.nodes[n]["label"],
            "kind": g.nodes[n].get("kind"),
            "betweenness": round(between.get(n, 0.0), 6),
            "degree": round(degree.get(n, 0.0), 6),
            "links": g.degree(n),
            "groups": sum(1 for m in g[n] if g.nodes[m]["type"] == "working_group"),
            "partners": sum(1 for m in g[n] if g.nodes[m]["type"] == "actor"),
        }
        for n in g.nodes
        if g.nodes[n]["type"] == "actor"
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"]))
    isolates = sorted((r for r in rows if r["links"] == 0), key=lambda r: r["label"])
    return {"brokers": rows[:limit], "isolates": isolates, "actors": rows}


# Roles a meeting can be told instead of measures. A central bridge carries a tenth of all
# shortest connections between two others (in Herne only the KIM centre and one or two
# more); a bridge carries at least one in fifty; three links make an organisation well
# connected.
CENTRAL_BRIDGE_SHARE = 0.10
BRIDGE_SHARE = 0.02
CONNECTED_LINKS = 3


def centrality_role(row: dict[str, Any]) -> str:
    """central_bridge, bridge, connected, edge or isolated, from one centrality row."""
    if row["links"] == 0:
        return "isolated"
    if row["betweenness"] >= CENTRAL_BRIDGE_SHARE:
        return "central_bridge"
    if row["betweenness"] >= BRIDGE_SHARE:
        return "bridge"
    return "connected" if row["links"] >= CONNECTED_LINKS else "edge"


def centrality_view(net: Network, lang: str = "de", limit: int = 20) -> dict[str, Any]:
    """The actor–working-group network to draw for the centrality question: organisations
    and groups with membership and cooperation edges; organisations carry their `score`
    (betweenness, 0–1), with the brokers and isolates beside."""
    result = centrality(net, limit)
    scores = {r["node"]: r["betweenness"] for r in result["actors"]}
    full = view(net, Filters(), lang)
    nodes = [
        {**n, "score": scores.get(n["id"], 0.0)} if n["type"] == "actor" else n
        for n in full["nodes"]
        if n["type"] in ("actor", "working_group")
    ]
    kept = {n["id"] for n in nodes}
    edges = [
        e
        for e in full["edges"]
        if e["type"] in ("member_of", "cooperates_with")
        and e["source"] in kept
        and e["target"] in kept
    ]
    return {**result, "nodes": nodes, "edges": edges, "compounds": []}


def shortest_paths(net: Network, source: str, target: str) -> dict[str, Any]:
    """All shortest paths (up to 10) between two actors through groups and cooperations."""
    errors = {}
    if source not in net.actors:
        errors["source"] = "unknown organisation"
    if target not in net.actors:
        errors["target"] = "unknown organisation"
    if errors:
        raise NetworkInputError(errors)
    g = actor_group_graph(net)
    try:
        ends = node_id("actor", source), node_id("actor", target)
        found = list(islice(nx.all_shortest_paths(g, *ends), MAX_PATHS))
    except nx.NetworkXNoPath:
        found = []
    paths = [
        [
            {
                "id": n,
                "ref": g.nodes[n]["ref"],
                "type": g.nodes[n]["type"],
                "label": g.nodes[n]["label"],
            }
            for n in path
        ]
        for path in found
    ]
    edges = sorted(
        {g.edges[a, b]["eid"] for path in found for a, b in zip(path, path[1:], strict=False)}
    )
    steps = [
        [
            {
                "from": a,
                "to": b,
                "type": g.edges[a, b]["type"],
                "role": g.edges[a, b].get("role"),
                "kind": g.edges[a, b].get("kind"),
            }
            for a, b in zip(path, path[1:], strict=False)
        ]
        for path in found
    ]
    shown = {n["id"]: n for path in paths for n in path}
    connectors = sorted(
        {n["id"]: n for path in paths for n in path[1:-1] if n["type"] == "actor"}.values(),
        key=lambda n: n["label"],
    )
    return {
        "source": source,
        "target": target,
        "length": len(found[0]) - 1 if found else None,
        "paths": paths,
        "steps": steps,
        "connectors": connectors,
        "edge_ids": edges,
        "nodes": list(shown.values()),
        "edges": [_path_edge(g, eid) for eid in edges],
        "compounds": [],
    }


def _path_edge(g: nx.Graph, eid: str) -> dict:
    edge_type, source, target = eid.split("|")
    data = g.edges[source, target]
    extra = {"role": data.get("role")} if edge_type == "member_of" else {"kind": data.get("kind")}
    return {"id": eid, "source": source, "target": target, "type": edge_type, **extra}


def ego(net: Network, actor_id: str, hops: int, lang: str = "de") -> dict[str, Any]:
    """The ego network of an organisation: offers, groups and partners up to 1–3 hops."""
    errors = {}
    if actor_id not in net.actors:
        errors["actor"] = "unknown organisation"
    if hops not in range(1, MAX_EGO_HOPS + 1):
        errors["hops"] = f"must be 1 to {MAX_EGO_HOPS}"
    if errors:
        raise NetworkInputError(errors)
    g = actor_group_graph(net)
    for oid, o in net.offers.items():
        if o.get("actor_id") in net.actors:
            g.add_node(node_id("offer", oid), ref=oid, type="offer", label=o.get("name") or oid)
            g.add_edge(node_id("offer", oid), node_id("actor", o["actor_id"]), type="provided_by")
    keep = set(nx.ego_graph(g, node_id("actor", actor_id), radius=hops))
    full = view(net, Filters(), lang)
    nodes = [n for n in full["nodes"] if n["id"] in keep]
    edges = [e for e in full["edges"] if e["source"] in keep and e["target"] in keep]
    return {"center": actor_id, "hops": hops, "nodes": nodes, "edges": edges, "compounds": []}


def overlap(net: Network) -> dict[str, Any]:
    """Working groups × working groups: shared members; and the actors in no group."""
    members = {
        gid: {m["actor_id"] for m in g.get("members") or [] if m["actor_id"] in net.actors}
        for gid, g in net.groups.items()
    }
    order = sorted(members, key=lambda gid: net.groups[gid].get("name") or gid)
    matrix = [[len(members[a] & members[b]) for b in order] for a in order]
    pairs = sorted(
        (
            {"a": a, "b": b, "shared": len(members[a] & members[b])}
            for a, b in combinations(order, 2)
            if members[a] & members[b]
        ),
        key=lambda p: -int(p["shared"]),  # type: ignore[call-overload]
    )
    grouped = set().union(*members.values()) if members else set()
    lonely = sorted(
        (
            {"id": aid, "label": a.get("name") or aid}
            for aid, a in net.actors.items()
            if aid not in grouped
        ),
        key=lambda r: r["label"],
    )
    return {
        "groups": [
            {"id": gid, "label": net.groups[gid].get("name") or gid, "members": len(members[gid])}
            for gid in order
        ],
        "matrix": matrix,
        "top_pairs": pairs[:10],
        "actors_in_no_group": lonely,
    }


def coverage(net: Network, filters: Filters, lang: str = "de") -> dict[str, Any]:
    """Topics × districts: how many (filtered) offers cover the topic and serve the district."""
    shown = view(
        net,
        Filters(
            categories=filters.categories,
            circles=filters.circles,
            kinds=filters.kinds,
            working_groups=filters.working_groups,
        ),
        lang,
    )
    offer_ids = {n["ref"] for n in shown["nodes"] if n["type"] == "offer"}
    districts = sorted(net.districts, key=lambda d: net.districts[d].get("name") or d)
    topics = sorted(net.topics, key=lambda t: topic_label(net.topics[t], lang))
    if filters.topics:
        topics = [t for t in topics if t in filters.topics]
    if filters.districts:
        districts = [d for d in districts if d in filters.districts]
    cells = {(t, d): 0 for t in topics for d in districts}
    for oid in offer_ids:
        o = net.offers[oid]
        for t in o.get("topics") or []:
            for d in o.get("districts") or []:
                if (t, d) in cells:
                    cells[t, d] += 1
    return {
        "districts": [{"id": d, "label": net.districts[d].get("name") or d} for d in districts],
        "topics": [{"id": t, "label": topic_label(net.topics[t], lang)} for t in topics],
        "counts": [[cells[t, d] for d in districts] for t in topics],
        "max": max(cells.values(), default=0),
    }


def coverage_view(net: Network, filters: Filters, lang: str = "de") -> dict[str, Any]:
    """The coverage map to draw: topics and districts, one edge per pair that at least one
    offer covers (its `count`), and the pairs without any offer (the gaps) beside."""
    result = coverage(net, filters, lang)
    nodes = [_node(t["id"], "topic", t["label"]) for t in result["topics"]]
    nodes += [_node(d["id"], "district", d["label"]) for d in result["districts"]]
    edges, gaps = [], []
    for i, t in enumerate(result["topics"]):
        for j, d in enumerate(result["districts"]):
            count = result["counts"][i][j]
            if count:
                edges.append(
                    _edge(("topic", t["id"]), ("district", d["id"]), "coverage", count=count)
                )
            else:
                gaps.append({"topic": t["label"], "district": d["label"]})
    return {**result, "nodes": nodes, "edges": edges, "gaps": gaps, "compounds": []}


# --- what changed between two days -----------------------------------------------------------

CHANGE_KINDS = ("organisations", "offers", "memberships", "cooperations")


def changes(
    net: Network, since: str, until: str, filters: Filters, lang: str = "de"
) -> dict[str, Any]:
    """What changed from day `since` to day `until` in the filtered view: new and ended
    organisations, offers, working-group memberships and cooperations, listed; and both
    days' views drawn as one, every element marked `change` new or ended where it differs."""
    if since > until:
        raise NetworkInputError({"since": "must not be after the second date"})
    before = view(at(net, since), filters, lang)
    after = view(at(net, until), filters, lang)
    nodes_before = {n["id"]: n for n in before["nodes"]}
    nodes_after = {n["id"]: n for n in after["nodes"]}
    edges_before = {e["id"]: e for e in before["edges"]}
    edges_after = {e["id"]: e for e in after["edges"]}
    nodes = [_marked(n, history.change(n["id"] in nodes_before, True)) for n in after["nodes"]] + [
        _marked(n, "ended") for n in before["nodes"] if n["id"] not in nodes_after
    ]
    edges = [_marked(e, history.change(e["id"] in edges_before, True)) for e in after["edges"]] + [
        _marked(e, "ended") for e in before["edges"] if e["id"] not in edges_after
    ]
    labels = {n["id"]: n["label"] for n in nodes}
    listed: dict[str, dict[str, list[dict]]] = {k: {"new": [], "ended": []} for k in CHANGE_KINDS}
    for n in nodes:
        kind = {"actor": "organisations", "offer": "offers"}.get(n["type"])
        if kind and n.get("change"):
            record = net.actors.get(n["ref"]) if n["type"] == "actor" else net.offers.get(n["ref"])
            listed[kind][n["change"]].append(
                {"id": n["id"], "label": n["label"], **_days(record or {}, n["type"])}
            )
    for e in edges:
        kind = {"member_of": "memberships", "cooperates_with": "cooperations"}.get(e["type"])
        if kind and e.get("change"):
            listed[kind][e["change"]].append(
                {
                    "id": e["id"],
                    "source": labels.get(e["source"], e["source"]),
                    "target": labels.get(e["target"], e["target"]),
                    "label": f"{labels.get(e['source'], e['source'])} – "
                    f"{labels.get(e['target'], e['target'])}",
                    **_edge_days(net, e),
                }
            )
    for kinds in listed.values():
        for items in kinds.values():
            items.sort(key=lambda item: item["label"])
    return {
        "since": since,
        "until": until,
        "filters": filters.as_dict(),
        "changes": listed,
        "counts": {k: {c: len(v) for c, v in listed[k].items()} for k in CHANGE_KINDS},
        "nodes": nodes,
        "edges": edges,
        "compounds": [],
    }


def _marked(item: dict, change: str | None) -> dict:
    return {**item, "change": change} if change else item


def _days(record: dict, node_type: str) -> dict[str, str | None]:
    first, last = ("since", "retired_on") if node_type == "actor" else ("valid_from", "valid_until")
    return {"first_day": record.get(first), "last_day": record.get(last)}


def _edge_days(net: Network, edge: dict) -> dict[str, str | None]:
    _, source = split_node_id(edge["source"])
    _, target = split_node_id(edge["target"])
    if edge["type"] == "member_of":
        for m in (net.groups.get(target) or {}).get("members") or []:
            if m["actor_id"] == source:
                return {"first_day": m.get("since"), "last_day": m.get("until")}
    else:
        for c in net.cooperations:
            if (c["source"], c["target"]) == (source, target):
                return {"first_day": c.get("since"), "last_day": c.get("until")}
    return {"first_day": None, "last_day": None}


def nrw_actor_groups(graph: Graph) -> dict[str, list[dict]]:
    """The actor–working-group network of every municipality: {nodes, edges}."""
    nodes = [
        _node(r["id"], "actor", r["name"], kind=r["kind"], municipality_id=r["municipality_id"])
        for r in graph.query("network.all_actors")
    ]
    nodes += [
        _node(r["id"], "working_group", r["name"], municipality_id=r["municipality_id"])
        for r in graph.query("network.all_working_groups")
    ]
    edges = [
        _edge(("actor", r["source"]), ("working_group", r["target"]), "member_of", role=r["role"])
        for r in graph.query("network.all_memberships")
    ]
    edges += [
        _edge(("actor", r["source"]), ("actor", r["target"]), "cooperates_with", kind=r["kind"])
        for r in graph.query("network.all_cooperations")
    ]
    return {"nodes": nodes, "edges": edges}


# --- snapshots --------------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_positions(raw: Any) -> dict[str, dict[str, float]]:
    """Node positions as {id: {x, y}} with numbers in range; raise naming the field."""
    if not isinstance(raw, dict) or len(raw) > MAX_POSITIONS:
        raise NetworkInputError({"positions": "must be a map of node id to {x, y}"})
    clean = {}
    for key, pos in raw.items():
        if not (isinstance(key, str) and isinstance(pos, dict)):
            raise NetworkInputError({"positions": "must be a map of node id to {x, y}"})
        x, y = pos.get("x"), pos.get("y")
        if not (_is_number(x) and _is_number(y)):
            raise NetworkInputError({"positions": f"position of {key[:40]!r} needs numbers x, y"})
        # Narrows the types for mypy; the check above has refused anything else.
        assert isinstance(x, int | float) and isinstance(y, int | float)  # nosec B101
        if not (abs(x) < 1e7 and abs(y) < 1e7):
            raise NetworkInputError({"positions": "coordinates out of range"})
        clean[key] = {"x": round(float(x), 2), "y": round(float(y), 2)}
    return clean


LAYOUTS = ("fcose", "cose", "concentric", "preset")


def save_snapshot(
    graph: Graph,
    *,
    name: str,
    filters: Filters,
    positions: Any,
    layout: str,
    user: str,
    municipality_id: str,
    as_of: str | None = None,
    group_by: str | None = None,
) -> dict:
    """Store a named view (filters, the day it shows, grouping, positions) of one
    municipality; return its summary. The day defaults to today."""
    name = (name or "").strip()
    errors = {}
    if not name or len(name) > MAX_SNAPSHOT_NAME:
        errors["name"] = f"1 to {MAX_SNAPSHOT_NAME} characters"
    if layout not in LAYOUTS:
        errors["layout"] = f"one of {', '.join(LAYOUTS)}"
    if group_by and group_by not in GROUP_BY:
        errors["group_by"] = f"one of {', '.join(GROUP_BY)}"
    try:
        day = parse_day(as_of)
    except NetworkInputError as exc:
        errors.update(exc.fields)
    if errors:
        raise NetworkInputError(errors)
    clean = check_positions(positions)
    row = graph.query(
        "network.create_snapshot",
        id=f"snap-{uuid.uuid4().hex}",
        name=name,
        filters_json=json.dumps(filters.as_dict()),
        positions_json=json.dumps(clean),
        layout=layout,
        as_of=day,
        group_by=group_by or "",
        created_by=user,
        created_at=clock.now().isoformat(timespec="seconds"),
        municipality_id=municipality_id,
    )
    return row[0]["snapshot"]


def list_snapshots(graph: Graph, municipality_id: str) -> list[dict]:
    """The saved views of one municipality, newest first."""
    rows = graph.query("network.list_snapshots", municipality_id=municipality_id)
    return [
        {**r["snapshot"], "as_of": r["snapshot"].get("as_of") or r["snapshot"]["created_at"][:10]}
        for r in rows
    ]


def get_snapshot(graph: Graph, snapshot_id: str, municipality_id: str) -> dict | None:
    """One saved view with its filters and positions decoded, or None."""
    row = graph.query("network.get_snapshot", id=snapshot_id, municipality_id=municipality_id)
    if row is None:
        return None
    snap = dict(row["snapshot"])
    snap["filters"] = json.loads(snap.pop("filters_json") or "{}")
    snap["positions"] = json.loads(snap.pop("positions_json") or "{}")
    # Views saved before the day was stored show the day they were saved.
    snap["as_of"] = snap.get("as_of") or (snap.get("created_at") or "")[:10] or None
    snap["group_by"] = snap.get("group_by") or None
    return snap


def check_known(net: Network, filters: Filters) -> None:
    """Refuse filter ids this municipality does not have (topics, districts, groups)."""
    errors = {}
    for name, known in (
        ("topics", net.topics),
        ("districts", net.districts),
        ("working_groups", net.groups),
    ):
        unknown = [v for v in getattr(filters, name) if v not in known]
        if unknown:
            errors[name] = f"unknown value {unknown[0]!r}"
    if errors:
        raise NetworkInputError(errors)
