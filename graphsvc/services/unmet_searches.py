"""Unmet searches: referral searches that found nothing suitable for a need, counted as
anonymous demand signals for the gap report (rules in domain/unmet_searches.py).

A counter per need × district × language × month × reason; nothing names a case or a user.
The same search by the same user on the same day counts once per process (a reload, a
language switch or the API client's retry is not new demand); the memory of that lives
only in this process and holds hashes, never the search itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from typing import Any

from ..domain import unmet_searches as rules
from ..graph import Graph

REMEMBERED = 10_000  # recent search fingerprints kept per process
_recent: OrderedDict[str, None] = OrderedDict()
_lock = threading.Lock()


def _first_time(fingerprint: str) -> bool:
    with _lock:
        if fingerprint in _recent:
            _recent.move_to_end(fingerprint)
            return False
        _recent[fingerprint] = None
        if len(_recent) > REMEMBERED:
            _recent.popitem(last=False)
        return True


def record(
    graph: Graph,
    municipality_id: str,
    criteria: Any,
    unmet: dict[str, str],
    searcher: str,
    today: dt.date,
) -> int:
    """Count one search's unmet needs; return how many counter cells it added to."""
    if not unmet:
        return 0
    signature = "|".join(
        str(part)
        for part in (
            searcher,
            today.isoformat(),
            municipality_id,
            sorted(criteria.topic_ids),
            criteria.district_id,
            sorted(criteria.languages),
            criteria.age,
            criteria.gender,
            criteria.residence_status,
            criteria.target_group,
        )
    )
    if not _first_time(hashlib.sha256(signature.encode()).hexdigest()):
        return 0
    cells = rules.signals(
        municipality_id, unmet, criteria.district_id, criteria.languages, today.isoformat()[:7]
    )
    graph.query("unmet_searches.record", municipality_id=municipality_id, cells=cells)
    return len(cells)


def counts(graph: Graph, municipality_id: str, start: dt.date, end: dt.date) -> list[dict]:
    """The counter cells of the months a period touches."""
    return graph.query(
        "unmet_searches.for_report",
        municipality_id=municipality_id,
        month_from=start.isoformat()[:7],
        month_to=end.isoformat()[:7],
    )
