"""Network-explorer benchmarks: one municipality's graph, its centrality and paths, and the
actor–working-group network of all NRW, each JSON-encoded like the API answer."""

from __future__ import annotations

from ..services.network import (
    Filters,
    centrality,
    filtered_graph,
    load,
    nrw_actor_groups,
    shortest_paths,
    view,
)
from .factories import each_municipality

BENCHMARKS = {
    "network.municipality_graph": each_municipality(lambda g, m: filtered_graph(g, m, Filters())),
    "network.municipality_graph_topic_district": each_municipality(
        lambda g, m: view(load(g, m), Filters(topics=("work",), districts=(f"{m}-d1",)))
    ),
    "network.centrality": each_municipality(lambda g, m: centrality(load(g, m))),
    "network.shortest_paths": each_municipality(
        lambda g, m: (
            shortest_paths(load(g, m), f"{m}-a30", f"{m}-a150") if m.startswith("gen-") else None
        )
    ),
    "network.nrw_actor_group_network": each_municipality(lambda g, m: nrw_actor_groups(g)),
}
