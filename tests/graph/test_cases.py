"""The case file rules against the real engine: consent, parallel support, versions, closing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphsvc.domain import clock, ranking
from graphsvc.domain.cases import CaseRuleError
from graphsvc.domain.errors import Conflict, NotFound
from graphsvc.services import accounts, audit, cases, setup
from graphsvc.services.audit import Who
from tests.support import assert_offer_facets_match_relationships

TODAY = clock.today_iso()
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def cm(seeded):
    """A case manager of Caritas Herne."""
    user_id, _ = accounts.create_user(
        seeded, "cm.caritas.t", "CM", "caritas-herne", ["case_manager"], "ein-langes-passwort"
    )
    return Who(seeded.query("accounts.get_user", user_id=user_id)["user"], "127.0.0.1")


@pytest.fixture
def other_cm(seeded):
    """A case manager of another organisation (AWO)."""
    user_id, _ = accounts.create_user(
        seeded, "cm.awo.t", "CM AWO", "awo-herne", ["case_manager"], "ein-langes-passwort"
    )
    return Who(seeded.query("accounts.get_user", user_id=user_id)["user"], "127.0.0.1")


def open_one(graph, who, needs=("housing", "work")):
    return cases.open_case(
        graph,
        who,
        {
            "district_id": "wanne",
            "needs": list(needs),
            "intake_outcome": "case_management",
            "criteria": ["multi_dimensional", "several_actors"],
            "access_route": "self_referral",
            "age_band": "27-44",
            "residence_status": "protection-granted",
            "languages": ["ar"],
        },
    )


def offers_for(graph, topic):
    rows = graph.query("testing.running_offers_for_topic", topic=topic, today=TODAY)
    return [r["id"] for r in rows]


def test_new_case_gets_a_pseudonym_and_holds_no_identifier(seeded, cm):
    first, second = open_one(seeded, cm), open_one(seeded, cm)
    assert first.startswith(f"HER-{TODAY[:4]}-") and first != second
    case = cases.read_case(seeded, cm, first)["case"]
    assert case["phase"] == "intake" and case["version"] == 1
    assert not {"name", "birth_date", "address"} & set(case)


def test_case_of_another_organisation_is_not_found_and_the_attempt_audited(seeded, cm, other_cm):
    pseudonym = open_one(seeded, cm)
    with pytest.raises(NotFound):
        cases.read_case(seeded, other_cm, pseudonym)
    assert audit.search(seeded, username="cm.awo.t")[0]["action"] == "case.denied"


def test_link_without_consent_is_refused_and_nothing_changes(seeded, cm):
    pseudonym = open_one(seeded, cm)
    offer = offers_for(seeded, "housing")[0]
    with pytest.raises(CaseRuleError, match="confidentiality waiver"):
        cases.create_link(seeded, cm, pseudonym, 1, offer, "housing", "referral")
    data = cases.read_case(seeded, cm, pseudonym)
    assert data["links"] == [] and data["case"]["version"] == 1


def test_self_referral_needs_no_consent(seeded, cm):
    pseudonym = open_one(seeded, cm)
    version, _ = cases.create_link(
        seeded,
        cm,
        pseudonym,
        1,
        offers_for(seeded, "housing")[0],
        "housing",
        "referral",
        self_referral=True,
    )
    assert version == 2


def test_withdrawn_consent_refuses_new_links(seeded, cm):
    pseudonym = open_one(seeded, cm)
    v = cases.set_consent(seeded, cm, pseudonym, 1, "housing", "2026-01-01", TODAY)
    with pytest.raises(CaseRuleError, match="confidentiality waiver"):
        cases.create_link(
            seeded, cm, pseudonym, v, offers_for(seeded, "housing")[0], "housing", "referral"
        )


def test_second_active_link_for_a_topic_warns_and_needs_a_reason(seeded, cm):
    pseudonym = open_one(seeded, cm)
    v = cases.set_consent(seeded, cm, pseudonym, 1, "housing", "2026-01-01", None)
    first, second = offers_for(seeded, "housing")[:2]
    v, _ = cases.create_link(seeded, cm, pseudonym, v, first, "housing", "warm_handover")
    link = cases.read_case(seeded, cm, pseudonym)["links"][0]["id"]
    v, _ = cases.change_link(seeded, cm, pseudonym, v, link, "accepted")
    v, _ = cases.change_link(seeded, cm, pseudonym, v, link, "active")
    blocked, check = cases.create_link(seeded, cm, pseudonym, v, second, "housing", "tandem")
    assert blocked is None and len(check.parallel) == 1
    assert len(cases.read_case(seeded, cm, pseudonym)["links"]) == 1
    v2, _ = cases.create_link(
        seeded,
        cm,
        pseudonym,
        v,
        second,
        "housing",
        "tandem",
        confirm_reason="Tandem mit Fachdienst vereinbart",
    )
    links = cases.read_case(seeded, cm, pseudonym)["links"]
    assert v2 == v + 1 and len(links) == 2
    assert {x["reason"] for x in links} >= {"Tandem mit Fachdienst vereinbart"}


def test_stale_version_answers_conflict_and_changes_nothing(seeded, cm):
    pseudonym = open_one(seeded, cm)
    cases.change_phase(seeded, cm, pseudonym, 1, "assessment")
    with pytest.raises(Conflict):
        cases.set_need(seeded, cm, pseudonym, 1, "debts", "open")
    needs = {n["topic"] for n in cases.read_case(seeded, cm, pseudonym)["needs"]}
    assert "debts" not in needs


@pytest.mark.parametrize("current, target", [("intake", "linking"), ("intake", "closed")])
def test_skipping_phases_or_closing_without_evaluation_is_refused(seeded, cm, current, target):
    pseudonym = open_one(seeded, cm)
    with pytest.raises(CaseRuleError):
        cases.change_phase(seeded, cm, pseudonym, 1, target)


def test_reassessment_goes_back_at_any_time_and_history_is_dated(seeded, cm):
    pseudonym = open_one(seeded, cm)
    v = 1
    for phase in ("assessment", "linking", "monitoring", "assessment"):
        v = cases.change_phase(seeded, cm, pseudonym, v, phase)
    history = cases.read_case(seeded, cm, pseudonym)["case"]["phase_history"]
    assert [h.split(" ")[1] for h in history] == [
        "intake",
        "assessment",
        "linking",
        "monitoring",
        "assessment",
    ]
    assert all(h.startswith(TODAY) for h in history)


def test_declined_link_cannot_be_activated(seeded, cm):
    pseudonym = open_one(seeded, cm)
    v = cases.set_consent(seeded, cm, pseudonym, 1, "work", "2026-01-01", None)
    v, _ = cases.create_link(
        seeded, cm, pseudonym, v, offers_for(seeded, "work")[0], "work", "referral"
    )
    link = cases.read_case(seeded, cm, pseudonym)["links"][0]["id"]
    v, _ = cases.change_link(seeded, cm, pseudonym, v, link, "declined", feedback="kein Platz")
    with pytest.raises(CaseRuleError, match="cannot become"):
        cases.change_link(seeded, cm, pseudonym, v, link, "active")


def test_link_to_an_expired_offer_is_refused(seeded, cm):
    pseudonym = open_one(seeded, cm)
    expired = seeded.query("testing.expired_offer", today=TODAY)
    v = cases.set_consent(seeded, cm, pseudonym, 1, expired["topic"], "2026-01-01", None)
    with pytest.raises(CaseRuleError, match="ended"):
        cases.create_link(seeded, cm, pseudonym, v, expired["id"], expired["topic"], "referral")


def test_closing_needs_evaluation_no_open_links_and_an_outcome_per_need(seeded, cm):
    pseudonym = open_one(seeded, cm, needs=("housing",))
    v = cases.set_consent(seeded, cm, pseudonym, 1, "housing", "2026-01-01", None)
    v, _ = cases.create_link(
        seeded, cm, pseudonym, v, offers_for(seeded, "housing")[0], "housing", "referral"
    )
    for phase in ("assessment", "linking", "monitoring", "evaluation"):
        v = cases.change_phase(seeded, cm, pseudonym, v, phase)
    with pytest.raises(CaseRuleError, match="open links"):
        cases.close_case(seeded, cm, pseudonym, v, {"housing": "met"})
    link = cases.read_case(seeded, cm, pseudonym)["links"][0]["id"]
    v, _ = cases.change_link(seeded, cm, pseudonym, v, link, "cancelled")
    with pytest.raises(CaseRuleError, match="outcome"):
        cases.close_case(seeded, cm, pseudonym, v, {})
    cases.close_case(seeded, cm, pseudonym, v, {"housing": "met"})
    data = cases.read_case(seeded, cm, pseudonym)
    assert data["case"]["phase"] == "closed" and data["needs"][0]["outcome"] == "met"


def test_purge_dry_run_lists_then_deletes_old_closed_cases_keeping_aggregates(seeded):
    due = cases.purge(seeded, "herne", months=0, dry_run=True)
    assert due, "the seeds hold closed cases"
    before = seeded.query("testing.count_label_case")
    assert cases.purge(seeded, "herne", months=0, dry_run=False) == due
    assert seeded.query("testing.count_label_case") == before - len(due)
    assert seeded.query("testing.case_aggregate_total") > 0


def test_every_read_and_change_is_audited(seeded, cm):
    pseudonym = open_one(seeded, cm)
    cases.read_case(seeded, cm, pseudonym)
    cases.change_phase(seeded, cm, pseudonym, 1, "assessment")
    actions = [e["action"] for e in audit.search(seeded, username="cm.caritas.t")]
    assert actions[:3] == ["case.phase", "case.read", "case.open"]


def stored_and_counted(graph, offer_id):
    row = graph.query("testing.offer_link_counts", offer_id=offer_id)
    stored = (row["stored_accepted"], row["stored_decided"])
    return stored, ranking.count_links(row["statuses"])


def test_offer_link_counts_follow_every_status_change(seeded, cm):
    offer = offers_for(seeded, "work")[0]
    stored, counted = stored_and_counted(seeded, offer)
    assert stored == counted  # seeded links are counted at load time
    steps = [["accepted", "active", "completed"], ["accepted", "cancelled"], ["no_capacity"]]
    for path in steps:
        pseudonym = open_one(seeded, cm)
        v = cases.set_consent(seeded, cm, pseudonym, 1, "work", "2026-01-01", None)
        v, _ = cases.create_link(seeded, cm, pseudonym, v, offer, "work", "referral")
        link = cases.read_case(seeded, cm, pseudonym)["links"][0]["id"]
        for status in path:
            v, _ = cases.change_link(seeded, cm, pseudonym, v, link, status, confirm_reason="x")
            stored, counted = stored_and_counted(seeded, offer)
            assert stored == counted, (path, status)


def test_preparing_an_older_graph_gives_its_offers_their_copied_fields(seeded):
    linked = [o for o in offers_for(seeded, "housing") if stored_and_counted(seeded, o)[1][1]]
    offer = linked[0]
    expected = stored_and_counted(seeded, offer)[1]
    seeded.query("testing.forget_derived_fields")
    assert stored_and_counted(seeded, offer)[0] == (None, None)
    setup.prepare(seeded, SEEDS)
    assert stored_and_counted(seeded, offer)[0] == expected
    assert_offer_facets_match_relationships(seeded)
