"""The same client at two organisations: match keys at intake, likely pairs for coordination.

At intake the client's name and birth date are turned into a match key
(domain/rules.py) and dropped; only the key is stored on the case. A new key is
compared with the keys of the other organisations' cases of the municipality; likely
pairs are recorded for coordination without telling the case manager anything (that would
tell one organisation about another's clients). Coordination confirms or rejects each
pair; the decision stays, whatever later scans find.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from ..domain import clock
from ..domain import same_client as rules
from ..domain.errors import Conflict, NotFound
from ..domain.same_client import Keyed
from ..graph import Graph
from . import audit
from .audit import Who

IDENTITY_FIELDS = ("client_given_names", "client_family_name", "client_birth_date")
STATUSES = ("open", "confirmed", "rejected")


@dataclass(frozen=True)
class MatchSettings:
    """The configured secret and threshold (GRAPHSVC_MATCH_KEY_SECRET / _THRESHOLD)."""

    secret: str = rules.DEV_SECRET
    threshold: float = rules.DEFAULT_THRESHOLD


@dataclass(frozen=True)
class Identity:
    """What the intake form gave to compute the key; lives only for the request."""

    names: tuple[str, ...]
    birth_date: dt.date

    def __repr__(self) -> str:  # never in a log line or traceback by accident
        return "Identity(<withheld>)"


def take_identity(intake: dict[str, Any]) -> Identity | None:
    """Remove the identity fields from `intake` (so nothing passes them on) and return them."""
    given, family, born = (intake.pop(name, None) for name in IDENTITY_FIELDS)
    if not family or not born:
        return None
    return Identity((given or "", family), born)


def key_text(identity: Identity, secret: str) -> str:
    """The stored form of the identity's match key."""
    return rules.to_text(rules.Encoder(secret).key(identity.names, identity.birth_date))


def pair_id(case_a: str, case_b: str) -> str:
    """A stable id per pair of cases, whichever was found first."""
    first, second = sorted((case_a, case_b))
    return "cm-" + hashlib.sha256(f"{first}|{second}".encode()).hexdigest()[:20]


def case_keys(graph: Graph, municipality_id: str, except_actor: str = "") -> list[Keyed]:
    """The match keys of the open cases of a municipality (except one organisation's)."""
    found = graph.query(
        "same_client.case_keys", municipality_id=municipality_id, except_actor=except_actor
    )
    if not found:
        return []
    return [
        Keyed(pseudonym, actor, rules.from_text(key))
        for pseudonym, actor, key in zip(
            found["pseudonyms"], found["actors"], found["keys"], strict=True
        )
    ]


def candidates(
    graph: Graph, municipality_id: str, actor_id: str, key: str, threshold: float
) -> tuple[int, list[tuple[Keyed, float]]]:
    """(cases compared, other organisations' cases scoring at least `threshold`)."""
    others = case_keys(graph, municipality_id, except_actor=actor_id)
    return len(others), rules.best_matches(rules.from_text(key), others, threshold)


def _record(graph: Graph, municipality_id: str, pairs: list[tuple[str, str, float]]) -> int:
    if not pairs:
        return 0
    rows = [
        {"id": pair_id(a, b), "case_a": min(a, b), "case_b": max(a, b), "score": round(s, 4)}
        for a, b, s in pairs
    ]
    result = graph.query(
        "same_client.record_pairs",
        pairs=rows,
        municipality_id=municipality_id,
        today=clock.today_iso(),
    )
    return result[0]["recorded"] if result else 0


def record_intake(graph: Graph, who: Who, pseudonym: str, key: str, threshold: float) -> int:
    """Compare a new case's key with the other organisations' cases; record likely pairs.

    Returns how many pairs were recorded; the caller does not show it to the case manager.
    """
    compared, found = candidates(graph, who.municipality_id, who.actor_id, key, threshold)
    recorded = _record(graph, who.municipality_id, [(pseudonym, o.pseudonym, s) for o, s in found])
    audit.record(
        graph,
        who,
        "same_client.intake",
        target=pseudonym,
        details={"compared": compared, "pairs": recorded},
    )
    return recorded


def scan(
    graph: Graph,
    municipality_id: str,
    threshold: float,
    who: Who = audit.SHELL,
) -> dict[str, int]:
    """Compare every case of the municipality with every other organisation's; record pairs.

    Cost grows with the square of the cases (≈1,850 cases: 1.7 M comparisons, about a
    second in Python); intake compares one case only.
    """
    keys = case_keys(graph, municipality_id)
    found = rules.all_pairs(keys, threshold)
    recorded = _record(graph, municipality_id, [(a.pseudonym, b.pseudonym, s) for a, b, s in found])
    result = {"cases": len(keys), "pairs": recorded}
    audit.record(graph, who, "same_client.scan", target=municipality_id, details=result)
    return result


def pairs(graph: Graph, who: Who, status: str = "") -> list[dict[str, Any]]:
    """The recorded pairs of the user's municipality (audited read)."""
    if status and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    rows = graph.query("same_client.list_pairs", municipality_id=who.municipality_id, status=status)
    audit.record(
        graph,
        who,
        "same_client.list",
        target=who.municipality_id,
        details={"status": status, "pairs": len(rows)},
    )
    return rows


DECISIONS = ("confirm", "reject", "undo")


def decide(graph: Graph, who: Who, pair: str, decision: str) -> dict[str, Any]:
    """Confirm or reject an open pair, or undo the decision on a decided one, recording who
    and when (audited); a pair that cannot change that way is a Conflict."""
    status = {"confirm": "confirmed", "reject": "rejected", "undo": "open"}.get(decision)
    if status is None:
        raise ValueError(f"unknown decision {decision!r}")
    municipality_id = who.municipality_id
    if decision == "undo":
        result = graph.query(
            "same_client.undo_decision",
            pair_id=pair,
            municipality_id=municipality_id,
            username=who.get("username"),
            today=clock.today_iso(),
        )
    else:
        result = graph.query(
            "same_client.decide_pair",
            pair_id=pair,
            municipality_id=municipality_id,
            status=status,
            username=who.get("username"),
            today=clock.today_iso(),
        )
    if not result:
        current = graph.query(
            "same_client.pair_status", pair_id=pair, municipality_id=municipality_id
        )
        raise Conflict(pair) if current else NotFound(pair)
    row = result[0]
    audit.record(
        graph,
        who,
        "same_client.undone" if decision == "undo" else f"same_client.{status}",
        target=pair,
        details={"cases": [row["case_a"], row["case_b"]]},
    )
    return row
