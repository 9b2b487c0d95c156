"""The access matrix: every route × every role (and anonymous) × own/other organisation and
municipality. A route without an entry here fails the first test."""

from __future__ import annotations

import re

import pytest

from graphsvc.bench import generate
from graphsvc.domain import model
from graphsvc.domain.bundle import Bundle
from graphsvc.services import accounts, loading
from graphsvc.web.access import PUBLIC

ANY = frozenset(model.ROLES)
ADMIN = frozenset({"admin"})
CASE = frozenset({"case_manager"})
NETWORK = frozenset({"network", "coordination", "case_manager", "admin"})
SEARCH = frozenset({"case_manager", "coordination", "admin"})
EDIT = frozenset({"admin", "directory_editor"})
COORD = frozenset({"coordination"})
PARTNER = frozenset({"partner"})

# endpoint: (roles admitted, sample path for a GET check or None when not a GET page)
MATRIX: dict[str, tuple[frozenset, str | None]] = {
    "main.home": (PUBLIC, "/"),
    "main.favicon": (PUBLIC, "/favicon.ico"),
    "main.set_language": (PUBLIC, None),
    "main.healthz": (PUBLIC, "/healthz"),
    "main.readyz": (PUBLIC, "/readyz"),
    "auth.login": (PUBLIC, "/login"),
    "auth.logout": (ANY, None),
    "auth.profile": (ANY, "/profile"),
    "auth.change_password": (ANY, None),
    "auth.create_token": (ANY, None),
    "auth.revoke_token": (ANY, None),
    "admin.users": (ADMIN, "/admin/users"),
    "admin.user_action": (ADMIN, None),
    "admin.audit_log": (ADMIN, "/admin/audit"),
    "admin.audit_csv": (ADMIN, "/admin/audit.csv"),
    "api.me": (ANY, "/api/v1/me"),
    "api.openapi": (PUBLIC, "/api/v1/openapi.json"),
    "cases.index": (CASE, "/cases/"),
    "cases.new": (CASE, "/cases/new"),
    "cases.show": (CASE, None),  # own/other organisation: test_case_pages_only_for_own_organisation
    "cases.phase": (CASE, None),
    "cases.need": (CASE, None),
    "cases.consent": (CASE, None),
    "cases.documents": (CASE, None),
    "cases.link": (CASE, None),
    "cases.link_status": (CASE, None),
    "cases.close": (CASE, None),
    "api_cases.list_cases": (CASE, "/api/v1/cases"),
    "api_cases.create_case": (CASE, None),
    "api_cases.read_case": (CASE, None),
    "api_cases.update_case": (CASE, None),
    "api_cases.create_link": (CASE, None),
    "api_cases.update_link": (CASE, None),
    "network.page": (NETWORK, "/network/"),
    "network.graph_json": (NETWORK, "/network/graph.json"),
    "network.centrality_json": (NETWORK, "/network/centrality.json"),
    "network.overlap": (NETWORK, "/network/overlap"),
    "network.coverage": (NETWORK, "/network/coverage"),
    "network.export": (NETWORK, "/network/export/gexf"),
    "network.details_json": (NETWORK, None),
    "network.ego_json": (NETWORK, None),
    "network.path_json": (NETWORK, None),
    "network.view_json": (NETWORK, "/network/view.json"),
    "network.changes_json": (NETWORK, None),
    "network.changes_csv": (NETWORK, None),
    "network.handout": (NETWORK, None),
    "network.save_snapshot": (NETWORK, None),
    "network.snapshot_json": (NETWORK, None),
    "api_network.graph_view": (NETWORK, "/api/v1/network/graph"),
    "api_network.centrality": (NETWORK, "/api/v1/network/centrality"),
    "api_network.path": (NETWORK, None),
    "api_network.changes": (NETWORK, None),
    "directory.referral_search": (SEARCH, "/search"),
    "directory.index": (ANY, "/directory/"),
    "directory.offer_choices": (ANY, "/directory/offer-choices?q=wohn"),
    "directory.offer": (ANY, "/directory/offers/ki-kim-case-management"),
    "directory.actor": (ANY, "/directory/actors/ki-herne"),
    "directory.new_offer": (EDIT, "/directory/offers/new?actor=ki-herne"),
    "directory.edit_offer": (EDIT, "/directory/offers/ki-kim-case-management/edit"),
    "directory.retire_offer": (EDIT, None),
    "directory.new_actor": (EDIT, "/directory/actors/new"),
    "directory.edit_actor": (EDIT, "/directory/actors/ki-herne/edit"),
    "directory.retire_actor": (EDIT, None),
    "api_search.offers_search": (SEARCH, "/api/v1/offers/search?topics=housing"),
    "api_search.offer": (ANY, "/api/v1/offers/ki-kim-case-management"),
    "api_search.actor": (ANY, "/api/v1/actors/ki-herne"),
    "coordination.parallel_support": (COORD, "/coordination/parallel-support"),
    "coordination.parallel_support_json": (COORD, "/coordination/parallel-support.json"),
    "coordination.index": (COORD, "/coordination/"),
    "coordination.duplicate_structures": (COORD, "/coordination/duplicate-structures"),
    "coordination.duplicate_structures_json": (COORD, "/coordination/duplicate-structures.json"),
    "coordination.duplicate_structures_csv": (COORD, "/coordination/duplicate-structures.csv"),
    "api_coordination.parallel_support": (COORD, "/api/v1/coordination/parallel-support"),
    "api_coordination.duplicate_structures": (COORD, "/api/v1/coordination/duplicate-structures"),
    "api_coordination.gap_report": (COORD, "/api/v1/coordination/gaps"),
    "coordination.gap_report": (COORD, "/coordination/gaps"),
    "coordination.gap_report_csv": (COORD, "/coordination/gaps.csv"),
    "coordination.gap_report_pdf": (COORD, "/coordination/gaps.pdf"),
    "coordination.gap_report_json": (COORD, "/coordination/gaps.json"),
    "coordination.theme_list": (COORD, "/coordination/themes"),
    "coordination.theme_new": (COORD, "/coordination/themes/new"),
    "coordination.theme_edit": (COORD, None),
    "coordination.theme_close": (COORD, None),
    "coordination.same_client": (COORD, "/coordination/same-client"),
    "coordination.same_client_json": (COORD, "/coordination/same-client.json"),
    "coordination.decide_same_client": (COORD, None),
    "coordination.undo_same_client": (COORD, None),
    "api_coordination.same_client": (COORD, "/api/v1/coordination/same-client"),
    "api_coordination.decide_same_client": (COORD, None),
    "referrals.inbox": (PARTNER, "/referrals/"),
    "referrals.show": (PARTNER, None),  # own/other organisation: tests/web/test_referrals_web.py
    "referrals.answer": (PARTNER, None),
    "referrals.feedback": (PARTNER, None),
    "api_referrals.inbox": (PARTNER, "/api/v1/referrals"),
    "api_referrals.read": (PARTNER, None),
    "api_referrals.answer": (PARTNER, None),
    "api_referrals.feedback": (PARTNER, None),
    "notifications.index": (CASE, "/notifications/"),
    "notifications.mark_read": (CASE, None),
    "notifications.set_email": (CASE, None),
    "api_referrals.list_notifications": (CASE, "/api/v1/notifications"),
    "api_referrals.mark_read": (CASE, None),
    "coordination.scan_same_client": (COORD, None),
    "io.upload": (EDIT, "/import/"),
    "io.confirm": (EDIT, None),
    "io.template_xlsx": (EDIT, "/import/template.xlsx"),
    "io.template_csv": (EDIT, "/import/template.csv"),
    "api_hsds.services": (ANY, "/api/v1/hsds/services"),
    "api_hsds.organizations": (ANY, "/api/v1/hsds/organizations"),
}
ROLE_SETS = [(), *[(role,) for role in model.ROLES]]


def test_every_route_has_an_entry_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    missing = endpoints - set(MATRIX)
    assert not missing, f"routes without an access-matrix entry: {sorted(missing)}"


def test_every_view_declares_the_roles_the_matrix_expects(app):
    for endpoint, (roles, _) in MATRIX.items():
        view = app.view_functions[endpoint]
        declared = getattr(view, "required_roles", None)
        assert declared is not None, f"{endpoint} declares no access rule"
        assert declared == roles, f"{endpoint}: declared {sorted(declared)}, matrix {sorted(roles)}"


@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: r[0] if r else "anonymous")
def test_each_role_gets_exactly_the_pages_the_matrix_allows(app, auth, roles):
    client = app.test_client()
    if roles:
        auth.login(client, roles=roles, actor="ki-herne")
    for admitted, path in MATRIX.values():
        if path is None:
            continue
        answer = client.get(path)
        allowed = admitted is PUBLIC or bool(admitted & set(roles))
        if allowed:
            assert answer.status_code in {200, 302}, f"{roles} {path}: {answer.status_code}"
            if answer.status_code == 302:
                assert "/login" not in answer.headers["Location"], f"{roles} {path}"
        elif roles:
            assert answer.status_code == 403, f"{roles} {path}: {answer.status_code}"
        elif path.startswith("/api/"):
            assert answer.status_code == 401, path
        else:
            assert answer.status_code == 302 and "/login" in answer.headers["Location"], path


@pytest.fixture
def other_municipality(seeded):
    """A second (synthetic) municipality with its own organisations and users."""
    import random

    from graphsvc.domain.seeds import read_taxonomy
    from tests.support import SEEDS

    _, known = read_taxonomy(SEEDS)
    part = generate.municipality(7, random.Random(1), {k: sorted(v) for k, v in known.items()})
    lean = Bundle()
    for label in ("Municipality", "District", "Actor", "User"):
        lean.nodes[label] = part.nodes[label]
    for key in (("District", "PART_OF", "Municipality"), ("User", "WORKS_FOR", "Actor")):
        lean.edges[key] = part.edges[key]
    loading.write(seeded, lean)
    return part.nodes["Municipality"][0]["id"]


def test_admin_cannot_see_or_change_users_of_another_municipality(
    app, auth, seeded, other_municipality
):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    foreign = f"{other_municipality}-user3"
    assert foreign not in client.get("/admin/users").get_data(as_text=True)
    user_id = accounts.find_user_id(seeded, foreign)
    token = auth.csrf(client, "/admin/users")
    answer = client.post(f"/admin/users/{user_id}/disable", data={"csrf_token": token})
    assert answer.status_code == 404


def test_user_of_another_organisation_in_same_municipality_is_listed_for_admin(app, auth):
    client = app.test_client()
    other = auth.user(roles=("case_manager",), actor="awo-herne")
    auth.login(client, roles=("admin",), actor="ki-herne")
    assert other in client.get("/admin/users").get_data(as_text=True)


@pytest.mark.parametrize("actor, status", [("caritas-herne", 200), ("awo-herne", 404)])
def test_case_pages_only_for_own_organisation(app, auth, actor, status):
    client = app.test_client()
    auth.login(client, roles=("case_manager",), actor=actor)
    # HER-2026-0001 is held by Caritas in the seeds.
    assert client.get("/cases/HER-2026-0001").status_code == status
    headers = auth.token(roles=("case_manager",), actor=actor)
    assert client.get("/api/v1/cases/HER-2026-0001", headers=headers).status_code == status


# Privacy per role: what each role may see of figures that come from cases.
REFERRAL_COUNTS = frozenset(SEARCH)  # accepted and decided links per offer (ranking input)


@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: r[0] if r else "anonymous")
def test_home_page_shows_no_counts_and_sends_each_role_to_its_start_page(app, auth, roles):
    client = app.test_client()
    if roles:
        auth.login(client, roles=roles, actor="ki-herne")
    answer = client.get("/")
    assert (answer.status_code == 302) == bool(roles)
    if not roles:  # figures of the graph (cases, users, …) are nobody's business outside
        page = answer.get_data(as_text=True)
        assert not re.search(r"\b\d+\s+(Fälle|Benutzer|Cases|Users)\b", page)
        assert 'data-label="Case"' not in page


@pytest.mark.parametrize("roles", ROLE_SETS[1:], ids=lambda r: r[0])
def test_referral_counts_per_offer_only_for_the_search_roles(app, auth, roles):
    headers = auth.token(roles=roles, actor="ki-herne")
    offer = app.test_client().get("/api/v1/offers/ki-kim-case-management", headers=headers).json
    shown = {"links_accepted", "links_decided"} & set(offer["offer"])
    assert bool(shown) == bool(REFERRAL_COUNTS & set(roles)), (roles, shown)


def test_parallel_support_json_lists_no_pseudonym_beside_a_hidden_count(app, auth):
    headers = auth.token(roles=("coordination",), actor="ki-herne")
    client = app.test_client()
    found = client.get("/api/v1/coordination/parallel-support", headers=headers).json
    assert found["pairs"]
    for pair in found["pairs"]:
        if pair["pseudonyms"]:
            assert pair["cases"] == len(pair["pseudonyms"]), pair
