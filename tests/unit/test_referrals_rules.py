"""The rules of the closed referral loop: answers follow the link transitions, the partner
sees case data only under a valid waiver, follow-ups and refusal reasons."""

from __future__ import annotations

import pytest

from graphsvc.domain import referrals
from graphsvc.domain.cases import CaseRuleError

TODAY = "2026-11-29"


def link(**changes):
    base = {
        "id": "l1",
        "version": 3,
        "offer_id": "o1",
        "offer_name": "Offer",
        "mode": "referral",
        "status": "proposed",
        "since": "2026-11-25",
        "self_referral": False,
        "pseudonym": "HER-2026-0001",
        "topic": "housing",
        "languages": ["ar"],
        "age_band": "27-44",
        "referred_by": "KI",
        "consent": {"signed_on": "2026-11-01", "withdrawn_on": None},
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    "current, action, reason, status",
    [
        ("proposed", "accept", None, "accepted"),
        ("proposed", "decline", "no_capacity", "no_capacity"),
        ("proposed", "decline", "not_eligible", "declined"),
        ("accepted", "decline", "client_did_not_come", "declined"),
        ("accepted", "start", None, "active"),
        ("active", "complete", None, "completed"),
    ],
)
def test_answers_lead_to_the_link_statuses_of_the_case_rules(current, action, reason, status):
    assert referrals.check_answer(current, action, reason, "") == status


@pytest.mark.parametrize(
    "current, action, reason, text, field",
    [
        ("proposed", "complete", None, "", "status"),
        ("completed", "accept", None, "", "status"),
        ("active", "decline", "no_capacity", "", "status"),
        ("proposed", "decline", None, "", "reason"),
        ("proposed", "decline", "other", " ", "reason_text"),
        ("proposed", "wave", None, "", "action"),
    ],
)
def test_answers_the_case_rules_forbid_are_refused_naming_the_field(
    current, action, reason, text, field
):
    with pytest.raises(CaseRuleError) as refused:
        referrals.check_answer(current, action, reason, text)
    assert refused.value.field == field


def test_possible_answers_follow_the_status():
    assert referrals.actions_from("proposed") == ["accept", "decline"]
    assert referrals.actions_from("accepted") == ["decline", "start"]
    assert referrals.actions_from("active") == ["complete"]
    assert referrals.actions_from("no_capacity") == []


def test_partner_sees_pseudonym_topic_languages_and_age_band_under_a_valid_waiver():
    view = referrals.shared_view(link(), TODAY, 10)
    assert view["shared"] is True
    assert (view["pseudonym"], view["topic"], view["languages"], view["age_band"]) == (
        "HER-2026-0001",
        "housing",
        ["ar"],
        "27-44",
    )


@pytest.mark.parametrize(
    "consent",
    [
        None,
        {"signed_on": "2026-11-01", "withdrawn_on": "2026-11-20"},
        {"signed_on": "2026-12-01", "withdrawn_on": None},
    ],
    ids=["self-referral without waiver", "withdrawn", "not yet signed"],
)
def test_without_a_valid_waiver_the_partner_sees_no_case_data(consent):
    view = referrals.shared_view(link(consent=consent, self_referral=True), TODAY, 10)
    assert view["shared"] is False
    assert all(view[name] is None for name in referrals.SHARED_CASE_FIELDS)
    assert view["offer_name"] == "Offer" and view["status"] == "proposed"


@pytest.mark.parametrize(
    "status, since, due",
    [
        ("proposed", "2026-11-19", True),
        ("proposed", "2026-11-20", False),
        ("accepted", "2026-01-01", False),
    ],
)
def test_a_referral_unanswered_for_the_follow_up_days_is_flagged(status, since, due):
    assert referrals.follow_up_due(status, since, TODAY, 10) is due


@pytest.mark.parametrize(
    "row, reason",
    [
        ({"status": "no_capacity"}, "no_capacity"),
        ({"status": "declined"}, "declined"),
        ({"status": "declined", "decline_reason": "not_eligible"}, "not_eligible"),
        ({"status": "active", "decline_reason": "not_eligible"}, None),
    ],
)
def test_refusal_reason_is_the_partners_where_it_answered(row, reason):
    assert referrals.refusal_reason(row) == reason
