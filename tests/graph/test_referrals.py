"""The referral loop's services on every reachable engine: an answer changes the link and
writes the notification in one statement, a stale one changes nothing, retention removes the
notifications with the case, unmet searches add up."""

from __future__ import annotations

import datetime as dt

import pytest

from graphsvc.domain import clock
from graphsvc.domain.errors import Conflict, NotFound
from graphsvc.services import accounts, cases, notifications, referrals, setup, unmet_searches
from graphsvc.services.audit import Who
from graphsvc.services.search import Criteria
from tests.support import SEEDS

OFFER = "awo-wohnraumberatung-wanne"
INTAKE = {
    "district_id": "wanne",
    "needs": ["housing"],
    "intake_outcome": "case_management",
    "access_route": "referral_by_actor",
    "age_band": "27-44",
    "residence_status": "protection-granted",
    "languages": ["ar"],
}


def user(graph, name: str, actor: str, role: str) -> Who:
    user_id, _ = accounts.create_user(
        graph, name, name.upper(), actor, [role], "ein-langes-passwort"
    )
    return Who(graph.query("accounts.get_user", user_id=user_id)["user"], "127.0.0.1")


@pytest.fixture
def loop(any_graph):
    """A KI case with a waiver for housing, referred to an AWO offer; the two users."""
    setup.prepare(any_graph, SEEDS)
    cm = user(any_graph, "cm.ki.t", "ki-herne", "case_manager")
    partner = user(any_graph, "partner.awo.t", "awo-herne", "partner")
    pseudonym = cases.open_case(any_graph, cm, INTAKE)
    cases.set_consent(any_graph, cm, pseudonym, 1, "housing", "2026-01-02", None)
    cases.create_link(any_graph, cm, pseudonym, 2, OFFER, "housing", "referral")
    [row] = [r for r in referrals.inbox(any_graph, partner) if r["pseudonym"] == pseudonym]
    return any_graph, cm, partner, pseudonym, row


def test_an_answer_changes_the_link_and_notifies_the_case_manager(loop):
    graph, cm, partner, pseudonym, row = loop
    before = graph.query("directory.get_offer", offer_id=OFFER, today=clock.today_iso())
    done = referrals.answer(
        graph, partner, row["id"], row["version"], "decline", "no_capacity", feedback="voll"
    )
    assert (done.status, done.version, done.pseudonym) == ("no_capacity", 2, pseudonym)
    [link] = cases.read_case(graph, cm, pseudonym)["links"]
    assert (link["status"], link["decline_reason"], link["feedback"]) == (
        "no_capacity",
        "no_capacity",
        "voll",
    )
    assert link["answered_by"] == "PARTNER.AWO.T" and link["answered_on"] == clock.today_iso()
    [note] = notifications.listing(graph, cm)
    assert (note["pseudonym"], note["status"], note["by"]) == (
        pseudonym,
        "no_capacity",
        "PARTNER.AWO.T",
    )
    assert notifications.unread_count(graph, cm.get("id")) == 1
    after = graph.query("directory.get_offer", offer_id=OFFER, today=clock.today_iso())
    decided = (before["offer"].get("links_decided") or 0) + 1
    assert after["offer"]["links_decided"] == decided


def test_a_stale_or_foreign_answer_changes_nothing(loop):
    graph, cm, partner, pseudonym, row = loop
    referrals.answer(graph, partner, row["id"], row["version"], "accept")
    with pytest.raises(Conflict):
        referrals.answer(graph, partner, row["id"], row["version"], "decline", "not_eligible")
    caritas = user(graph, "partner.caritas.t", "caritas-herne", "partner")
    with pytest.raises(NotFound):
        referrals.answer(graph, caritas, row["id"], row["version"] + 1, "start")
    assert referrals.read(graph, partner, row["id"])["status"] == "accepted"
    assert len(notifications.listing(graph, cm)) == 1


def test_retention_deletes_the_notifications_with_the_case(loop):
    graph, cm, partner, pseudonym, row = loop
    referrals.send_feedback(graph, partner, row["id"], row["version"], "Termin Dienstag")
    assert notifications.listing(graph, cm)
    graph.query("testing.close_case_on", pseudonym=pseudonym, closed_on="2020-01-01")
    cases.purge(graph, "herne", 24, dry_run=False)
    assert notifications.listing(graph, cm) == []


def test_unmet_searches_add_up_per_cell(any_graph):
    criteria = Criteria(topic_ids=("addiction",), district_id="eickel", languages=("ti",))
    today = dt.date(2026, 11, 2)
    for searcher in ("a", "b", "b"):
        unmet_searches.record(any_graph, "herne", criteria, {"addiction": "none"}, searcher, today)
    rows = unmet_searches.counts(any_graph, "herne", dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert {(r["language"], r["n"]) for r in rows} == {("*", 2), ("ti", 2)}
    assert (
        unmet_searches.counts(any_graph, "herne", dt.date(2026, 1, 1), dt.date(2026, 10, 31)) == []
    )
