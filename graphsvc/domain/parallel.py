"""Rules of parallel support: which links count, whether they ran at the same time, and the
periods (quarters or months) a case was supported in parallel.

A link runs from its `since` day to its `until` day; a link without `until` is open-ended
(still running). Two links ran together when the later start lies before the earlier end;
an open end has not come yet, so two running links that both started today ran together. A
warm handover ends one link on the day the next starts, and that is no parallel support.
`ran_together` is the one rule: the coordination view and the case's own check both ask it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .cases import ACTIVE_LINK_STATUSES
from .errors import InvalidInput
from .model import LINK_STATUSES

INTERVALS = ("quarter", "month")
# Three years of quarters or a year of months: enough for a steering meeting, short on screen.
MAX_PERIODS = {"quarter": 12, "month": 12}


class RulesError(InvalidInput):
    """Rules that cannot be used; `fields` maps each field to the reason."""


@dataclass(frozen=True)
class Rules:
    """Which link statuses count, whether the links must overlap in time, the chart's period."""

    statuses: tuple[str, ...] = ACTIVE_LINK_STATUSES
    require_overlap: bool = True
    interval: str = "quarter"


def check_rules(rules: Rules) -> Rules:
    """The rules, refused with a reason per field when a value is unknown or missing."""
    errors = {}
    unknown = [s for s in rules.statuses if s not in LINK_STATUSES]
    if unknown:
        errors["status"] = f"unknown link status {unknown[0]!r}"
    elif not rules.statuses:
        errors["status"] = "choose at least one link status"
    if rules.interval not in INTERVALS:
        errors["interval"] = f"must be one of {', '.join(INTERVALS)}"
    if errors:
        raise RulesError(errors)
    return rules


def ran_together(
    since_a: str | None, until_a: str | None, since_b: str | None, until_b: str | None
) -> bool:
    """Whether two links ran together: the later start lies before the earlier end, and a
    link without an end is still running. A link without a start day overlaps nothing."""
    if not since_a or not since_b:
        return False
    ends = [day for day in (until_a, until_b) if day]
    return not ends or max(since_a, since_b) < min(ends)


def common_days(row: Mapping[str, Any], today: str) -> tuple[str, str] | None:
    """The first and last day both links of a row ran (a running link until today), or None
    when they did not run together."""
    if not ran_together(
        row.get("since_a"), row.get("until_a"), row.get("since_b"), row.get("until_b")
    ):
        return None
    start = max(row["since_a"], row["since_b"])
    end = min(row.get("until_a") or today, row.get("until_b") or today)
    return start, max(start, end)


def parallel_rows(rows: Iterable[Mapping[str, Any]], rules: Rules, today: str) -> list[dict]:
    """Each unordered pair of links once, kept when it satisfies the rules.

    The query returns every pair in both orders (it cannot order organisations by id without
    a string range comparison, which FalkorDB's index answers wrongly), so one order is kept.
    """
    kept = []
    for row in rows:
        if (row["actor_a_id"], row["link_a"]) > (row["actor_b_id"], row["link_b"]):
            continue
        period = common_days(row, today)
        if rules.require_overlap and period is None:
            continue
        kept.append({**row, "common": period})
    return kept


def _step(year: int, index: int, interval: str) -> tuple[int, int]:
    last = 4 if interval == "quarter" else 12
    return (year + 1, 1) if index == last else (year, index + 1)


def periods(first_day: str, last_day: str, interval: str) -> list[str]:
    """Every period from the one holding `first_day` to the one holding `last_day`."""
    year, index = _index(first_day, interval)
    end = _index(last_day, interval)
    found = []
    while (year, index) <= end:
        found.append(_label(year, index, interval))
        year, index = _step(year, index, interval)
    return found


def _index(day: str, interval: str) -> tuple[int, int]:
    month = int(day[5:7])
    return int(day[:4]), (month - 1) // 3 + 1 if interval == "quarter" else month


def _label(year: int, index: int, interval: str) -> str:
    return f"{year}-Q{index}" if interval == "quarter" else f"{year}-{index:02d}"


def cases_per_period(rows: Iterable[Mapping[str, Any]], interval: str, today: str) -> dict:
    """Distinct cases in parallel support per period, for the last MAX_PERIODS periods.

    A case counts in every period in which two of its links ran at the same time; pairs that
    never ran together (possible when the overlap rule is off) have no place in time.
    """
    cases: dict[str, set[str]] = defaultdict(set)
    first = today
    for row in rows:
        if row.get("common"):
            start, end = row["common"]
            first = min(first, start)
            for period in periods(start, end, interval):
                cases[period].add(row["pseudonym"])
    shown = periods(first, today, interval)[-MAX_PERIODS[interval] :] if cases else []
    return {period: len(cases.get(period, ())) for period in shown}
