"""Rules of the gap report on small crafted rows with known answers (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from graphsvc.domain import gaps

TODAY = dt.date(2026, 11, 25)
PERIOD = gaps.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def need(case, topic="housing", district="d1", status="open", **attrs):
    row = {
        "case": case,
        "topic": topic,
        "district": district,
        "status": status,
        "since": attrs.pop("since", "2026-03-01"),
        "opened_on": "2026-03-01",
        "closed_on": None,
        "languages": ["de"],
        "age_band": "27-44",
        "gender": "male",
        "residence_status": "protection-granted",
    }
    return {**row, **attrs}


def offer(oid, topics=("housing",), districts=("d1",), **attrs):
    return {
        "id": oid,
        "name": oid,
        "actor": "A",
        "topics": list(topics),
        "districts": list(districts),
        "languages": attrs.pop("languages", ["de"]),
        "target_groups": attrs.pop("target_groups", []),
        "capacity": attrs.pop("capacity", 10),
        "waiting_days": attrs.pop("waiting_days", 20),
        **attrs,
    }


def build(needs, links=(), offers=(), districts=("d1", "d2"), months=6, threshold=5):
    return gaps.build(
        list(needs), list(links), list(offers), list(districts), PERIOD, TODAY, months, threshold
    )


def test_demand_counts_open_and_unmet_needs_of_cases_running_in_the_period():
    rows = [need(f"c{i}") for i in range(5)]
    rows += [need("met", status="met"), need("later", opened_on="2027-02-01")]
    rows += [need("closed-before", closed_on="2025-12-01")]
    report = build(rows, offers=[offer("o1")])
    assert report.demand.shown(("housing", "d1")) == 5


def test_demand_without_any_offer_is_the_strongest_heat_class():
    report = build([need(f"c{i}") for i in range(6)])
    cell = report.cell("housing", "d1")
    assert cell["demand"] == 6 and cell["offers"] == 0 and cell["level"] == 5


def test_supply_counts_offers_valid_on_the_last_day_with_places_and_waiting_time():
    offers = [
        offer("o1", capacity=10, waiting_days=10),
        offer("o2", capacity=5, waiting_days=30),
        offer("ended", valid_until="2026-06-30"),
    ]
    cell = build([need(f"c{i}") for i in range(5)], offers=offers).cell("housing", "d1")
    assert (cell["offers"], cell["capacity"], cell["waiting_days"]) == (2, 15, 20)
    assert cell["level"] == 2  # 2.5 cases per offer


def test_a_small_cell_is_hidden_and_cannot_be_worked_out_from_the_totals():
    rows = [need(f"a{i}") for i in range(3)] + [need(f"b{i}", district="d2") for i in range(7)]
    rows += [need(f"w{i}", topic="work") for i in range(8)]
    rows += [need(f"x{i}", topic="work", district="d2") for i in range(9)]
    report = build(rows, offers=[offer("o1")])
    table = report.demand
    assert table.shown(("housing", "d1")) is None
    # whatever is shown in its row and column, the hidden 3 cannot be recomputed
    row_total, col_total = table.row_total("housing"), table.column_total("d1")
    assert row_total is None or table.shown(("housing", "d2")) is None
    assert col_total is None or table.shown(("work", "d1")) is None


def test_language_gap_when_offers_exist_but_none_speaks_a_language_of_the_client():
    rows = [need(f"t{i}", languages=["ti"]) for i in range(5)]
    rows += [need(f"a{i}", languages=["ar", "ti"]) for i in range(5)]
    report = build(rows, offers=[offer("o1", languages=["de", "ar"])])
    assert report.languages.shown(("ti", "housing")) == 5
    assert ("ar", "housing") not in report.languages.counts


def test_no_language_gap_where_there_is_no_offer_at_all():
    report = build([need(f"t{i}", languages=["ti"]) for i in range(5)])
    assert not report.languages.counts


def test_target_group_gap_when_no_offer_is_for_the_clients_group_or_eligibility():
    seniors = [need(f"s{i}", age_band="65+") for i in range(5)]
    youth_only = offer("youth", target_groups=["youth"])
    under_65 = offer("jobs", age_max=64)
    report = build(seniors, offers=[youth_only, under_65])
    assert report.target_groups.shown(("seniors", "housing")) == 5
    assert not build(
        seniors, offers=[offer("all", target_groups=["all-migrants"])]
    ).target_groups.counts


@pytest.mark.parametrize(
    ("case", "groups"),
    [
        ({"age_band": "0-17", "gender": "female"}, {"children", "youth", "girls"}),
        ({"age_band": "65+", "residence_status": "tolerated"}, {"seniors", "refugees"}),
        ({"age_band": "27-44", "residence_status": "eu-citizen"}, {"new-arrivals-see"}),
    ],
)
def test_client_groups_come_from_the_coarse_attributes(case, groups):
    assert gaps.client_groups(case) == groups


def test_refusals_count_declined_and_no_capacity_links_dated_in_the_period():
    links = [
        {
            "case": f"c{i}",
            "topic": "housing",
            "status": "no_capacity",
            "since": "2026-04-01",
            "until": "2026-04-02",
            "offer": "o1",
        }
        for i in range(5)
    ]
    links.append(
        {
            "case": "old",
            "topic": "housing",
            "status": "declined",
            "since": "2025-01-01",
            "until": "2025-02-01",
            "offer": "o1",
        }
    )
    report = build([], links=links)
    assert report.refusals.shown(("housing", "no_capacity")) == 5
    assert ("housing", "declined") not in report.refusals.counts


def test_ending_offer_lists_what_no_other_offer_covers_afterwards():
    offers = [
        offer("project", topics=["housing", "work"], valid_until="2027-02-28"),
        offer("stays", topics=["work"]),
        offer("far", topics=["health"], valid_until="2028-01-01"),
    ]
    links = [
        {
            "case": f"c{i}",
            "topic": "housing",
            "status": "active",
            "since": "2026-05-01",
            "until": None,
            "offer": "project",
        }
        for i in range(2)
    ]
    report = build([need(f"c{i}") for i in range(5)], links=links, offers=offers)
    assert [o["id"] for o in report.ending] == ["project"]
    ending = report.ending[0]
    assert ending["uncovered"] == [{"topic": "housing", "district": "d1", "open_needs": 5}]
    assert ending["active_cases"] is None  # 2 binding links: fewer than the threshold


def test_trend_counts_needs_per_quarter_with_suppression():
    rows = [need(f"q1-{i}", since="2026-02-01") for i in range(6)]
    rows += [need(f"q2-{i}", since="2026-05-01", status="met") for i in range(3)]
    rows += [need(f"q3-{i}", since="2026-08-01", status="met") for i in range(3)]
    report = build(rows)
    assert report.quarters == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert report.trend.shown(("2026-Q1", "needs_raised")) == 6
    assert report.trend.shown(("2026-Q2", "needs_raised")) is None
    assert report.trend.row_total("2026-Q2") is None  # else 3 = total - 0 open


def test_period_and_months_are_checked_with_the_field_named():
    with pytest.raises(gaps.GapInputError) as err:
        gaps.Period.check(dt.date(2026, 5, 1), dt.date(2026, 1, 1))
    assert err.value.field == "date_to"
    with pytest.raises(gaps.GapInputError) as err:
        gaps.Period.check(dt.date(2016, 1, 1), dt.date(2026, 1, 1))
    assert err.value.field == "date_from"
    with pytest.raises(gaps.GapInputError):
        gaps.check_ending_months(0)
    assert gaps.Period.default(TODAY) == gaps.Period(dt.date(2025, 11, 26), TODAY)
    assert gaps.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)


def test_a_threshold_below_three_is_refused():
    with pytest.raises(ValueError):
        build([], threshold=2)
