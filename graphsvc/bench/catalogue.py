"""Every benchmark `graphsvc bench` knows, by name; `--only PREFIX` picks by these names."""

from __future__ import annotations

from ..domain import clock
from . import backup, cases, coordination, gaps, network, referrals, same_client, search
from .factories import Factory, one_of, query_step

BENCHMARKS: dict[str, Factory] = {
    "meta.count_by_label": query_step("meta.count_by_label"),
    "directory.get_offer": query_step(
        "directory.get_offer", offer_id=one_of("offers"), today=lambda ids, rng: clock.today_iso()
    ),
    "directory.offers_for_topic_in_district": query_step(
        "directory.offers_for_topic_in_district",
        topic_id=one_of("topics"),
        district_id=one_of("districts"),
    ),
    "bench.case_by_pseudonym": query_step("bench.case_by_pseudonym", pseudonym=one_of("cases")),
    "cases.create_link_api": cases.create_link_api,
    **network.BENCHMARKS,
    "search.referral_query": search.referral_query,
    "search.referral_api": search.referral_api,
    **backup.BENCHMARKS,
    **coordination.BENCHMARKS,
    **gaps.BENCHMARKS,
    **same_client.BENCHMARKS,
    **referrals.BENCHMARKS,
}

# Benchmarks that read the whole state by design (an export, the state-wide network, the
# label counts): they grow with the state. Every other one serves one municipality and should
# cost the same however many municipalities the graph holds (`graphsvc bench --growth`).
STATE_WIDE = frozenset(
    {
        "meta.count_by_label",
        "backup.export_whole_graph",
        "backup.round_trip_whole_graph",
        "network.nrw_actor_group_network",
    }
)
