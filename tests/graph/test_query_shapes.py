"""The queries a user's request runs start from an index, never from every node of a label
that grows with the state: with 540 municipalities a scan over all cases, offers, sessions or
audit events costs a request ten times what it costs with 54 (issue: cost that stays flat as
NRW grows). Checked on the engine's own plan (EXPLAIN: nothing runs), on both engines."""

from __future__ import annotations

import re
from typing import Any

import pytest

# Labels whose node count grows with the state: cases, offers, users and what requests
# write. Vocabularies (topics, districts, languages, …) stay small and may be scanned.
GROWING = (
    "Case",
    "Offer",
    "Actor",
    "User",
    "AuthSession",
    "ApiToken",
    "LoginFailure",
    "AuditEvent",
    "Notification",
    "SameClientPair",
    "UnmetSearch",
    "Theme",
)

# What runs on a request: login and token checks, the header's badge, the case pages and
# their writes, the referral search, the partner's inbox and answers, the same-client check.
REQUEST_QUERIES = (
    "accounts.get_user_by_username",
    "accounts.resolve_session",
    "accounts.touch_session",
    "accounts.resolve_token",
    "notifications.unread_count",
    "notifications.list_for_user",
    "audit.record_event",
    "cases.list_cases",
    "cases.get_case",
    "cases.case_version",
    "cases.linked_offers",
    "cases.link_context",
    "cases.create_link",
    "cases.change_link_status",
    "search.referral_candidates",
    "referrals.inbox",
    "referrals.get_referral",
    "same_client.case_keys",
    "same_client.record_pairs",
    "accounts.list_users",
    "openapi.vocabulary",
)

# A plausible value per parameter name (EXPLAIN plans without running, but both engines want
# every parameter given).
VALUES: dict[str, Any] = {
    "statuses": ["proposed", "accepted"],
    "accepted_statuses": ["accepted"],
    "decided_statuses": ["accepted", "declined"],
    "open_statuses": ["proposed", "accepted"],
    "allowed_from": ["proposed"],
    "topic_ids": ["housing"],
    "pairs": [],
    "version": 1,
    "link_version": 1,
    "limit": 20,
    "now": 1_700_000_000.0,
    "self_referral": False,
    "notify": True,
}

SCANS = {
    "falkordb": re.compile(r"^(Node By Label Scan|All Node Scan)\b.*?:(\w+)"),
    "neo4j": re.compile(r"^(NodeByLabelScan|AllNodesScan)\b.*?:(\w+)"),
}


def plan(graph, name: str) -> list[str]:
    """The engine's plan for the named query with a plausible value per parameter."""
    return graph.plan(name, **{p: VALUES.get(p, "x") for p in graph.queries[name].params})


def scans(graph, name: str) -> list[str]:
    """The growing labels the engine would scan for this query."""
    found = [SCANS[graph.dialect].match(line) for line in plan(graph, name)]
    return [m.group(2) for m in found if m and m.group(2) in GROWING]


@pytest.mark.parametrize("name", REQUEST_QUERIES)
def test_a_request_query_starts_from_an_index_not_a_scan_of_a_growing_label(graph, name):
    assert scans(graph, name) == [], "\n".join(plan(graph, name))


def test_the_shape_check_sees_a_scan_where_there_is_one(graph):
    # A query on a property without an index scans: the check above would name it.
    assert scans(graph, "testing.cases_without_index") == ["Case"]
