"""The same client at two organisations, on small crafted graphs with known answers: pairs
only across organisations of one municipality, the threshold honoured, decisions kept."""

from __future__ import annotations

import datetime as dt

import pytest

from graphsvc.domain import clock
from graphsvc.domain import same_client as mk
from graphsvc.domain.bundle import Bundle
from graphsvc.domain.errors import Conflict, NotFound
from graphsvc.services import audit, cases, loading, same_client
from graphsvc.services.audit import Who

SECRET = "graph-test-secret-0123456789"
MATCH = same_client.MatchSettings(SECRET, 0.85)
BORN = dt.date(1972, 9, 30)


def _key(given: str, family: str, born: dt.date = BORN) -> str:
    return mk.to_text(mk.Encoder(SECRET).key([given, family], born))


def _crafted(graph, cases_spec):
    """Two municipalities: m1 with organisations a1, a2, a3; m2 with b1. Cases as given:
    (pseudonym, municipality, actor, phase, key or None)."""
    b = Bundle()
    for mid, actors in (("m1", ("a1", "a2", "a3")), ("m2", ("b1",))):
        b.node("Municipality", id=mid, name=mid)
        b.node("District", id=f"{mid}-d", name=f"{mid} district", municipality_id=mid)
        for actor in actors:
            b.node("Actor", id=actor, name=f"Org {actor}", kind="association", municipality_id=mid)
            b.node(
                "User",
                id=f"u-{actor}",
                username=f"user-{actor}",
                display_name=actor,
                roles=["case_manager"],
                active=True,
                municipality_id=mid,
                actor_id=actor,
            )
            b.edge(("User", "WORKS_FOR", "Actor"), f"u-{actor}", actor)
    for pseudonym, mid, actor, phase, key in cases_spec:
        b.node(
            "Case",
            id=pseudonym,
            pseudonym=pseudonym,
            municipality_id=mid,
            actor_id=actor,
            district_id=f"{mid}-d",
            phase=phase,
            closed_on="2020-01-31" if phase == "closed" else None,
            version=1,
            match_key=key,
        )
        b.edge(("Case", "HELD_BY", "Actor"), pseudonym, actor)
    loading.write(graph, b)
    b2 = Bundle()
    b2.node("Topic", id="housing", name_de="Wohnen", name_en="Housing")
    loading.write(graph, b2)


def _user(actor: str, municipality: str = "m1") -> Who:
    return Who(
        {
            "id": f"u-{actor}",
            "username": f"user-{actor}",
            "actor_id": actor,
            "municipality_id": municipality,
            "roles": ["case_manager", "coordination"],
        }
    )


def _intake(given: str, family: str, born=BORN) -> dict:
    return {
        "district_id": "m1-d",
        "needs": ["housing"],
        "intake_outcome": "case_management",
        "client_given_names": given,
        "client_family_name": family,
        "client_birth_date": born,
    }


def _pairs(graph, status=""):
    rows = same_client.pairs(graph, _user("a3"), status)
    return {(r["case_a"], r["case_b"]): r for r in rows}


def test_intake_records_a_pair_with_another_organisations_case_and_stores_only_the_key(graph):
    _crafted(graph, [("X-2026-0001", "m1", "a2", "linking", _key("Katharina", "Müller"))])
    who = _user("a1")
    pseudonym = cases.open_case(graph, who, _intake("Katharina", "Mueller"), MATCH)
    pairs = _pairs(graph)
    assert list(pairs) == [tuple(sorted((pseudonym, "X-2026-0001")))]
    pair = next(iter(pairs.values()))
    assert pair["score"] == 1.0 and pair["status"] == "open"
    stored = graph.query("cases.get_case", pseudonym=pseudonym)["case"]
    assert stored["match_key"] == _key("Katharina", "Mueller")
    assert not {"client_given_names", "client_family_name", "client_birth_date"} & set(stored)
    assert "match_key" not in cases.read_case(graph, who, pseudonym)["case"]


def test_intake_ignores_own_organisation_other_municipality_closed_cases_and_no_key(graph):
    same = _key("Katharina", "Müller")
    _crafted(
        graph,
        [
            ("X-2026-0001", "m1", "a1", "linking", same),  # own organisation
            ("X-2026-0002", "m2", "b1", "linking", same),  # another municipality
            ("X-2026-0003", "m1", "a2", "closed", same),  # closed
            ("X-2026-0004", "m1", "a2", "linking", None),  # intake without name
        ],
    )
    cases.open_case(graph, _user("a1"), _intake("Katharina", "Müller"), MATCH)
    assert _pairs(graph) == {}


def test_intake_without_a_name_gets_no_key_and_compares_nothing(graph):
    _crafted(graph, [("X-2026-0001", "m1", "a2", "linking", _key("Katharina", "Müller"))])
    intake = {k: v for k, v in _intake("", "").items() if not k.startswith("client_")}
    pseudonym = cases.open_case(graph, _user("a1"), intake, MATCH)
    assert "match_key" not in graph.query("cases.get_case", pseudonym=pseudonym)["case"]
    assert _pairs(graph) == {}


def test_the_threshold_decides_what_is_recorded(graph):
    _crafted(graph, [("X-2026-0001", "m1", "a2", "linking", _key("Ahmad", "Hassan"))])
    strict = same_client.MatchSettings(SECRET, 0.99)
    cases.open_case(graph, _user("a1"), _intake("Ahmad", "Hasan"), strict)
    assert _pairs(graph) == {}
    second = cases.open_case(graph, _user("a1"), _intake("Ahmad", "Hasan"), MATCH)
    assert list(_pairs(graph)) == [("MXX-2026-0002", "X-2026-0001")] == [(second, "X-2026-0001")]


def test_different_people_with_the_same_birth_date_are_not_paired(graph):
    _crafted(graph, [("X-2026-0001", "m1", "a2", "linking", _key("Olena", "Kovalenko"))])
    cases.open_case(graph, _user("a1"), _intake("Ahmad", "Sultani"), MATCH)
    assert _pairs(graph) == {}


def test_scan_finds_the_known_pairs_across_organisations_only(graph):
    _crafted(
        graph,
        [
            ("X-2026-0001", "m1", "a1", "linking", _key("Mohammad", "Rahimi")),
            ("X-2026-0002", "m1", "a2", "linking", _key("Mohamad", "Rahimi")),  # typo: pair
            ("X-2026-0003", "m1", "a1", "linking", _key("Samira", "Haddad")),
            ("X-2026-0004", "m1", "a1", "linking", _key("Samira", "Hadad")),  # same org
            ("X-2026-0005", "m1", "a3", "linking", _key("Thi Lan", "Nguyen")),
            ("X-2026-0006", "m1", "a2", "monitoring", _key("Nguyen", "Thi Lan")),  # swapped
            ("X-2026-0007", "m1", "a3", "linking", _key("Olena", "Kovalenko")),  # same date
            ("X-2026-0008", "m2", "b1", "linking", _key("Mohammad", "Rahimi")),  # elsewhere
        ],
    )
    result = same_client.scan(graph, "m1", MATCH.threshold)
    assert result == {"cases": 7, "pairs": 2}
    assert set(_pairs(graph)) == {("X-2026-0001", "X-2026-0002"), ("X-2026-0005", "X-2026-0006")}


def test_decisions_are_kept_with_who_and_when_and_a_rescan_does_not_reopen_them(graph):
    _crafted(
        graph,
        [
            ("X-2026-0001", "m1", "a1", "linking", _key("Mohammad", "Rahimi")),
            ("X-2026-0002", "m1", "a2", "linking", _key("Mohamad", "Rahimi")),
            ("X-2026-0005", "m1", "a3", "linking", _key("Thi Lan", "Nguyen")),
            ("X-2026-0006", "m1", "a2", "linking", _key("Nguyen", "Thi Lan")),
        ],
    )
    same_client.scan(graph, "m1", MATCH.threshold)
    coordinator = _user("a3")
    rejected = same_client.pair_id("X-2026-0001", "X-2026-0002")
    confirmed = same_client.pair_id("X-2026-0006", "X-2026-0005")
    same_client.decide(graph, coordinator, rejected, "reject")
    same_client.decide(graph, coordinator, confirmed, "confirm")
    same_client.scan(graph, "m1", MATCH.threshold)
    pairs = _pairs(graph)
    assert pairs[("X-2026-0001", "X-2026-0002")]["status"] == "rejected"
    assert pairs[("X-2026-0005", "X-2026-0006")]["status"] == "confirmed"
    for pair in pairs.values():
        assert pair["decided_by"] == "user-a3"
        assert pair["decided_on"] == clock.today_iso()
    with pytest.raises(Conflict):
        same_client.decide(graph, coordinator, rejected, "confirm")
    actions = [e["action"] for e in audit.search(graph)]
    assert {"same_client.rejected", "same_client.confirmed", "same_client.list"} <= set(actions)


def test_a_pair_of_another_municipality_cannot_be_decided(graph):
    _crafted(
        graph,
        [
            ("X-2026-0001", "m1", "a1", "linking", _key("Mohammad", "Rahimi")),
            ("X-2026-0002", "m1", "a2", "linking", _key("Mohamad", "Rahimi")),
        ],
    )
    same_client.scan(graph, "m1", MATCH.threshold)
    pair = same_client.pair_id("X-2026-0001", "X-2026-0002")
    with pytest.raises(NotFound):
        same_client.decide(graph, _user("b1", "m2"), pair, "confirm")
    assert same_client.pairs(graph, _user("b1", "m2")) == []
    with pytest.raises(ValueError):
        same_client.decide(graph, _user("a3"), pair, "maybe")


def test_herne_seeds_hold_the_sample_pairs(seeded):
    user = Who({"id": "", "username": "", "municipality_id": "herne", "actor_id": "ki-herne"})
    pairs = {(r["case_a"], r["case_b"]) for r in same_client.pairs(seeded, user)}
    assert pairs == {
        ("HER-2026-0003", "HER-2026-0004"),  # typo
        ("HER-2026-0007", "HER-2026-0022"),  # Müller / Mueller
        ("HER-2026-0016", "HER-2026-0020"),  # swapped name order
    }


def test_purging_a_case_after_retention_drops_its_pairs(graph):
    _crafted(
        graph,
        [
            ("X-2020-0001", "m1", "a1", "closed", _key("Mohammad", "Rahimi")),
            ("X-2020-0002", "m1", "a2", "linking", _key("Mohamad", "Rahimi")),
        ],
    )
    same_client._record(graph, "m1", [("X-2020-0001", "X-2020-0002", 0.98)])
    assert len(_pairs(graph)) == 1
    assert [c["pseudonym"] for c in cases.purge(graph, "m1", 24, dry_run=False)] == ["X-2020-0001"]
    assert _pairs(graph) == {}
