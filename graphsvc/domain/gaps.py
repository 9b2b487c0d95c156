"""Gap analysis: demand against supply, refusals, language and target-group
gaps, offers that end, and the trend by quarter. Plain Python, no database.

Every table of case counts passes small-cell suppression (`suppression.suppress`); offers are
not case data and show as they are. The rules, in the words of the report's method note:
- demand: needs with status open or unmet of cases that ran in the period (opened on or
  before its end, not closed before its start), one per case, topic and district;
- supply: offers valid on the period's last day that cover the topic and serve the district;
- language / target-group gap: a need where supply exists but no offer speaks any language
  of the client / fits the client (target group and eligibility), counted per language /
  group of the client;
- refusals: links declined or refused for lack of capacity, dated in the period, by reason:
  the receiving organisation's own reason where it answered, else what the case manager
  recorded; by district those refused for lack of capacity or eligibility;
- unmet searches: referral searches in the period's months that found nothing suitable for
  a need (counts of searches, not cases; see domain/unmet_searches.py);
- ending offers: offers whose last day lies within N months after the period's end (today,
  unless a past period is chosen), with the topic ×
  district cells no other offer covers the day after.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .cases import ACTIVE_LINK_STATUSES, offer_valid
from .ranking import ALL_MIGRANTS
from .referrals import refusal_reason
from .suppression import SuppressedTable, suppress
from .unmet_searches import ALL_LANGUAGES

DEMAND_STATUSES = ("open", "unmet")
REFUSED_STATUSES = ("declined", "no_capacity")
# The reasons a refusal is counted under: the partner's four, and "declined" where the case
# manager recorded a refusal without one.
REFUSAL_REASONS = ("no_capacity", "not_eligible", "client_did_not_come", "other", "declined")
# Refusals that say the supply does not fit: no place, or not meant for the client.
SUPPLY_REFUSALS = frozenset({"no_capacity", "not_eligible"})
CITY_WIDE = ""  # an unmet search without a district
# Refusals are not in the trend: their few cases per quarter would hide the other measures
# through secondary suppression; the refusal table shows them for the whole period.
TREND_MEASURES = ("needs_raised", "still_open")
DEFAULT_PERIOD_MONTHS = 12
MAX_PERIOD_DAYS = 5 * 366  # a longer period says little about today's provision
MAX_ENDING_MONTHS = 36
NO_SPECIFIC_GROUP = "none"
REFUGEE_STATUSES = frozenset(
    {"asylum-seeker", "tolerated", "protection-granted", "temporary-protection"}
)
# Heat classes: 0 no demand; 1–4 cases per offer rising; 5 demand without any offer.
HEAT_STEPS = (1.0, 3.0, 6.0)
AGE_BAND_RANGES = {"0-17": (0, 17), "18-26": (18, 26), "27-44": (27, 44), "45-64": (45, 64)}
AGE_BAND_RANGES["65+"] = (65, 120)


class GapInputError(ValueError):
    """Report options that break a rule; `field` names the option."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Period:
    """The days the report looks at, both ends included."""

    start: dt.date
    end: dt.date

    @classmethod
    def check(cls, start: dt.date, end: dt.date) -> Period:
        """A period, refused when it runs backwards or is too long."""
        if start > end:
            raise GapInputError("the end must not lie before the start", "date_to")
        if (end - start).days > MAX_PERIOD_DAYS:
            raise GapInputError("the period may span at most five years", "date_from")
        return cls(start, end)

    @classmethod
    def default(cls, today: dt.date) -> Period:
        """The last twelve months up to today."""
        return cls(add_months(today, -DEFAULT_PERIOD_MONTHS) + dt.timedelta(days=1), today)

    def contains(self, day: str | None) -> bool:
        """Whether an ISO date string lies in the period (None never does)."""
        if not day:
            return False
        return self.start.isoformat() <= day[:10] <= self.end.isoformat()

    def quarters(self) -> list[str]:
        """The quarters the period touches, e.g. ['2026-Q1', '2026-Q2']."""
        result, year, q = [], self.start.year, (self.start.month - 1) // 3
        while (year, q) <= (self.end.year, (self.end.month - 1) // 3):
            result.append(f"{year}-Q{q + 1}")
            year, q = (year + 1, 0) if q == 3 else (year, q + 1)
        return result


def quarter_of(day: str) -> str:
    """The quarter of an ISO date string, e.g. '2026-Q3'."""
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def check_ending_months(months: int) -> int:
    """N for 'offers ending within N months', 1 to 36."""
    if not 1 <= months <= MAX_ENDING_MONTHS:
        raise GapInputError(f"choose 1 to {MAX_ENDING_MONTHS} months", "months")
    return months


def case_ran_in(case: Mapping[str, Any], period: Period) -> bool:
    """A case counts when it was open at some point of the period."""
    opened, closed = case.get("opened_on") or "", case.get("closed_on")
    return opened[:10] <= period.end.isoformat() and (
        not closed or closed[:10] >= period.start.isoformat()
    )


def client_groups(case: Mapping[str, Any]) -> set[str]:
    """The target groups a client belongs to, from the coarse attributes a case holds.

    Cases record no target group, so it is derived: age band (children, youth, seniors),
    gender (women, girls) and residence-status category (refugees; EU citizens are the
    new arrivals from South-East Europe the concept names — an approximation).
    """
    band, gender, status = case.get("age_band"), case.get("gender"), case.get("residence_status")
    groups: set[str] = set()
    if band == "0-17":
        groups |= {"children", "youth"}
    elif band == "18-26":
        groups.add("youth")
    elif band == "65+":
        groups.add("seniors")
    if gender == "female":
        groups.add("girls" if band == "0-17" else "women")
    if status in REFUGEE_STATUSES:
        groups.add("refugees")
    elif status == "eu-citizen":
        groups.add("new-arrivals-see")
    return groups


def offer_fits(offer: Mapping[str, Any], case: Mapping[str, Any]) -> bool:
    """Whether an offer is meant for this client: target group and eligibility.

    An offer without target groups or for all migrants fits every group; an age range fits
    when it overlaps the client's age band; gender and residence-status lists must name the
    client's (an unknown attribute is given the benefit of the doubt).
    """
    groups = set(offer.get("target_groups") or [])
    if groups and ALL_MIGRANTS not in groups and not groups & client_groups(case):
        return False
    low, high = AGE_BAND_RANGES.get(case.get("age_band") or "", (0, 120))
    if offer.get("age_min") is not None and high < offer["age_min"]:
        return False
    if offer.get("age_max") is not None and low > offer["age_max"]:
        return False
    genders, statuses = offer.get("genders") or [], offer.get("residence_statuses") or []
    if genders and case.get("gender") and case["gender"] not in genders:
        return False
    return not (
        statuses and case.get("residence_status") and case["residence_status"] not in statuses
    )


def heat_level(demand: int | None, offers: int) -> int | None:
    """Heat-map class: None hidden, 0 no demand, 1–4 rising cases per offer, 5 no offer."""
    if demand is None:
        return None
    if demand == 0:
        return 0
    if offers == 0:
        return 5
    ratio = demand / offers
    return 1 + sum(ratio >= step for step in HEAT_STEPS)


def band(n: int, threshold: int) -> int | None:
    """A count of cases outside a table: shown from the threshold on, else None (0 stays 0)."""
    return n if n == 0 or n >= threshold else None


@dataclass
class GapReport:
    """The findings for one municipality and period; count tables already suppressed."""

    period: Period
    today: dt.date
    months: int
    threshold: int
    topics: list[str]
    districts: list[str]
    demand: SuppressedTable
    supply: dict[tuple[str, str], dict[str, Any]]
    refusals: SuppressedTable
    refusals_by_district: SuppressedTable
    unmet_by_district: SuppressedTable
    unmet_by_language: SuppressedTable
    languages: SuppressedTable
    target_groups: SuppressedTable
    trend: SuppressedTable
    quarters: list[str]
    ending: list[dict[str, Any]] = field(default_factory=list)

    def cell(self, topic: str, district: str) -> dict[str, Any]:
        """One heat-map cell: shown demand (None when suppressed), supply and heat class."""
        demand = self.demand.shown((topic, district))
        supply = self.supply.get((topic, district)) or _summary([])
        return {
            "demand": demand,
            "level": heat_level(demand, supply["offers"]),
            **supply,
        }


def _supply(offers: Iterable[dict], day: str) -> dict[tuple[str, str], list[dict]]:
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for offer in offers:
        if offer_valid(offer, day):
            for t in offer.get("topics") or []:
                for d in offer.get("districts") or []:
                    cells[t, d].append(offer)
    return cells


def _summary(offers: list[dict]) -> dict[str, Any]:
    waits = [o["waiting_days"] for o in offers if o.get("waiting_days") is not None]
    return {
        "offers": len(offers),
        "capacity": sum(o.get("capacity") or 0 for o in offers),
        "waiting_days": round(sum(waits) / len(waits)) if waits else None,
    }


def _count(pairs: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """Distinct cases per cell from (case, row, column) triples."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for _case, row, column in set(pairs):
        counts[row, column] += 1
    return dict(counts)


def _ending(
    offers: list[dict],
    links: list[dict],
    start: dt.date,
    months: int,
    demand: SuppressedTable,
    threshold: int,
) -> list[dict[str, Any]]:
    # Counted from the end of the period, so a report of a past period looks ahead from there
    # and reads the same whenever it is opened again.
    until = add_months(start, months).isoformat()
    running = [o for o in offers if offer_valid(o, start.isoformat())]
    bound: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link["status"] in ACTIVE_LINK_STATUSES:
            bound[link["offer"]].add(link["case"])
    result = []
    for offer in running:
        ends = offer.get("valid_until")
        if not ends or ends > until:
            continue
        after = (dt.date.fromisoformat(ends) + dt.timedelta(days=1)).isoformat()
        remaining = _supply((o for o in running if o["id"] != offer["id"]), after)
        uncovered = [
            {"topic": t, "district": d, "open_needs": demand.shown((t, d))}
            for t in offer.get("topics") or []
            for d in offer.get("districts") or []
            if not remaining.get((t, d))
        ]
        result.append(
            {
                **{k: offer.get(k) for k in ("id", "name", "actor", "category", "capacity")},
                "valid_until": ends,
                "topics": offer.get("topics") or [],
                "districts": offer.get("districts") or [],
                "uncovered": uncovered,
                "active_cases": band(len(bound[offer["id"]]), threshold),
            }
        )
    return sorted(result, key=lambda o: (o["valid_until"], o["name"] or ""))


def build(
    needs: list[dict],
    links: list[dict],
    offers: list[dict],
    districts: list[str],
    period: Period,
    today: dt.date,
    months: int,
    threshold: int,
    unmet: Iterable[dict] = (),
) -> GapReport:
    """The report from raw rows: needs (case attributes + topic, status, since), links
    (case, district, topic, status, decline reason, since, until, offer), offers and unmet
    search counts (topic, district, language, month, n) of one municipality."""
    check_ending_months(months)
    end = period.end.isoformat()
    supply_cells = _supply(offers, end)
    demand_rows = [n for n in needs if case_ran_in(n, period) and n["status"] in DEMAND_STATUSES]
    demand_counts = _count((n["case"], n["topic"], n["district"]) for n in demand_rows)
    topics = sorted({t for t, _ in demand_counts})
    for t in topics:
        for d in districts:
            demand_counts.setdefault((t, d), 0)
    language_gaps, group_gaps = [], []
    for n in demand_rows:
        there = supply_cells.get((n["topic"], n["district"])) or []
        if not there:
            continue  # no offer at all: the heat map shows that gap
        spoken = set(n.get("languages") or [])
        if spoken and not any(spoken & set(o.get("languages") or []) for o in there):
            language_gaps += [(n["case"], lang, n["topic"]) for lang in sorted(spoken)]
        if not any(offer_fits(o, n) for o in there):
            groups = client_groups(n) or {NO_SPECIFIC_GROUP}
            group_gaps += [(n["case"], g, n["topic"]) for g in sorted(groups)]
    refused = [
        (lk, refusal_reason(lk))
        for lk in links
        if lk["status"] in REFUSED_STATUSES and period.contains(lk.get("until") or lk.get("since"))
    ]
    by_reason = _count((lk["case"], lk["topic"], reason or "declined") for lk, reason in refused)
    by_district = _count(
        (lk["case"], lk["topic"], lk.get("district") or "")
        for lk, reason in refused
        if reason in SUPPLY_REFUSALS
    )
    unmet_district: dict[tuple[str, str], int] = defaultdict(int)
    unmet_language: dict[tuple[str, str], int] = defaultdict(int)
    first, last = period.start.isoformat()[:7], period.end.isoformat()[:7]
    for row in unmet:
        if not first <= row["month"] <= last:
            continue
        if row["language"] == ALL_LANGUAGES:
            unmet_district[row["topic"], row["district"] or CITY_WIDE] += row["n"]
        else:
            unmet_language[row["language"], row["topic"]] += row["n"]
    quarters = period.quarters()
    trend: dict[tuple[str, str], int] = {(q, m): 0 for q in quarters for m in TREND_MEASURES}
    for n in needs:
        if period.contains(n.get("since")):
            q = quarter_of(n["since"])
            trend[q, "needs_raised"] += 1
            if n["status"] in DEMAND_STATUSES:
                trend[q, "still_open"] += 1
    demand = suppress(demand_counts, threshold)
    return GapReport(
        period=period,
        today=today,
        months=months,
        threshold=threshold,
        topics=topics,
        districts=list(districts),
        demand=demand,
        supply={cell: _summary(found) for cell, found in supply_cells.items()},
        refusals=suppress(by_reason, threshold),
        refusals_by_district=suppress(by_district, threshold),
        unmet_by_district=suppress(dict(unmet_district), threshold),
        unmet_by_language=suppress(dict(unmet_language), threshold),
        languages=suppress(_count(language_gaps), threshold),
        target_groups=suppress(_count(group_gaps), threshold),
        trend=suppress(trend, threshold),
        quarters=quarters,
        ending=_ending(offers, links, period.end, months, demand, threshold),
    )
