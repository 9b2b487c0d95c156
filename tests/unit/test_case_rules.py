"""Rules of the case file without a database: the next step a case page proposes."""

from __future__ import annotations

import pytest

from graphsvc.domain import cases as rules
from graphsvc.domain import model

TODAY = "2026-11-29"
SIGNED = {"privacy_notice_on": "2026-11-01", "agreement_signed_on": "2026-11-01"}


def need(topic, status="open"):
    return {"topic": topic, "status": status}


def link(topic, status):
    return {"topic": topic, "status": status}


@pytest.mark.parametrize(
    "case, needs, consents, links, expected",
    [
        ({"phase": "closed"}, [], {}, [], ("none", ())),
        ({"phase": "evaluation", **SIGNED}, [need("housing")], {}, [], ("close", ())),
        ({"phase": "intake"}, [need("housing")], {}, [], ("documents", ())),
        ({"phase": "intake", **SIGNED}, [need("housing")], {}, [], ("waiver", ("housing",))),
        (
            {"phase": "linking", **SIGNED},
            [need("housing"), need("work", "in_progress")],
            {"housing": {"signed_on": "2026-11-02"}, "work": {"signed_on": "2026-11-02"}},
            [link("work", "active")],
            ("link", ("housing",)),
        ),
        (
            {"phase": "linking", **SIGNED},
            [need("housing", "in_progress")],
            {"housing": {"signed_on": "2026-11-02"}},
            [link("housing", "proposed")],
            ("answer", ("housing",)),
        ),
        (
            {"phase": "linking", **SIGNED},
            [need("housing", "in_progress"), need("work", "met")],
            {},
            [link("housing", "active")],
            ("advance", ()),
        ),
        (
            {"phase": "monitoring", "phase_history": ["2026-01-02 monitoring"], **SIGNED},
            [need("housing", "in_progress")],
            {},
            [link("housing", "active")],
            ("review_overdue", ()),
        ),
        (
            {"phase": "monitoring", "phase_history": ["2026-11-20 monitoring"], **SIGNED},
            [need("housing", "in_progress")],
            {},
            [link("housing", "active")],
            ("monitor", ()),
        ),
    ],
)
def test_the_next_step_follows_the_concept(case, needs, consents, links, expected):
    step = rules.next_step(case, needs, consents, links, TODAY)
    assert (step.key, step.topics) == expected


def test_a_withdrawn_waiver_asks_for_a_new_one():
    consents = {"housing": {"signed_on": "2026-01-01", "withdrawn_on": "2026-06-01"}}
    step = rules.next_step({"phase": "linking", **SIGNED}, [need("housing")], consents, [], TODAY)
    assert step == rules.NextStep("waiver", ("housing",))


@pytest.mark.parametrize(
    "band, ages", [("0-17", (0, 17)), ("27-44", (27, 44)), ("65+", (65, model.OLDEST))]
)
def test_age_bands_span_their_ages(band, ages):
    assert model.age_band_range(band) == ages


def test_an_unknown_age_band_is_refused():
    with pytest.raises(ValueError):
        model.age_band_range("30-40")
