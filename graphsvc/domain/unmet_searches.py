"""Unmet searches: which needs of a referral search found nothing suitable, counted as
anonymous demand signals (need × district × language × month; no case, no user).

A need is unmet when no eligible offer covers it (directly or through a related topic), or
when the best-ranked eligible offer that covers it keeps the client waiting longer than the
threshold (GRAPHSVC_UNMET_WAIT_DAYS). Plain Python, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# Beyond about a month the need usually escalates meanwhile (eviction, benefit deadlines):
# an offer that makes the client wait longer is no answer for now.
DEFAULT_WAIT_DAYS = 30
REASONS = ("none", "waiting")  # nothing eligible covers the need / only with a long wait
ANY = ""  # no district given in the search: the whole municipality
# Every unmet need counts once in a cell of all languages, and once more per language the
# search named, so need × district counts searches, and need × language counts languages.
ALL_LANGUAGES = "*"
SEPARATOR = "|"


def unmet_needs(
    eligible: Sequence[Any], topic_ids: Iterable[str], wait_days: int
) -> dict[str, str]:
    """{need: reason} for the needs of a search nothing suitable was found for.

    `eligible` are the eligible ranked rows (`ranking.Row`), best first.
    """
    unmet: dict[str, str] = {}
    for topic in dict.fromkeys(topic_ids):
        best = next((row for row in eligible if _covers(row, topic)), None)
        if best is None:
            unmet[topic] = "none"
        elif (best.offer.get("waiting_days") or 0) > wait_days:
            unmet[topic] = "waiting"
    return unmet


def _covers(row: Any, topic: str) -> bool:
    if topic in row.covered:
        return True
    needs: dict[str, Any] = next((e for e in row.explanation if e.get("factor") == "needs"), {})
    return any(r["need"] == topic for r in needs.get("related") or [])


def signals(
    municipality_id: str,
    unmet: dict[str, str],
    district_id: str | None,
    languages: Sequence[str],
    month: str,
) -> list[dict[str, str]]:
    """The counter cells one search adds to: per unmet need, one of all languages and one
    per language of the client."""
    cells = []
    for topic, reason in sorted(unmet.items()):
        for language in [ALL_LANGUAGES, *sorted(set(languages))]:
            parts = (municipality_id, topic, district_id or ANY, language, month, reason)
            cells.append(
                {
                    "id": SEPARATOR.join(parts),
                    "topic": topic,
                    "district": district_id or ANY,
                    "language": language,
                    "month": month,
                    "reason": reason,
                }
            )
    return cells
