"""Rules of the case file (concept, steps 1–5): phases, link statuses, consent, identifiers.

Plain Python, no database: the services ask these functions before they write, and the
write queries enforce the same conditions again so a concurrent change cannot slip through.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import model

# Links that still bind the partner: they count as "active" support for parallel-support
# checks and keep a case from being closed.
ACTIVE_LINK_STATUSES = ("accepted", "active")
OPEN_LINK_STATUSES = ("proposed", "accepted", "active")
LINK_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "proposed": ("accepted", "declined", "no_capacity", "cancelled"),
    "accepted": ("active", "declined", "no_capacity", "cancelled"),
    "active": ("completed", "cancelled"),
    "completed": (),
    "declined": (),
    "no_capacity": (),
    "cancelled": (),
}
MONITORING_REVIEW_DAYS = 90  # a case in monitoring is overdue when not reviewed for this long


class CaseRuleError(Exception):
    """A change breaks a rule of the case file; the message says which, `field` where."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class UnknownOffer(CaseRuleError):
    """The change names an offer the directory does not hold (the API answers 404)."""


def check_phase_change(current: str, target: str) -> None:
    """Forward one step at a time, back to any earlier phase (re-assessment) at any time.

    Closing goes through evaluation (close_case), never through a plain phase change.
    """
    order = model.PHASES
    if target not in order:
        raise CaseRuleError(f"unknown phase {target!r}", "phase")
    if current == "closed":
        raise CaseRuleError("the case is closed", "phase")
    if target == "closed":
        raise CaseRuleError("close a case through the evaluation (outcome per need)", "phase")
    if order.index(target) > order.index(current) + 1:
        raise CaseRuleError(
            f"from {current} the next phase is {order[order.index(current) + 1]}", "phase"
        )


def allowed_link_sources(target: str) -> tuple[str, ...]:
    """The statuses from which a link may move to `target`."""
    if target not in model.LINK_STATUSES:
        raise CaseRuleError(f"unknown status {target!r}", "status")
    return tuple(s for s, nexts in LINK_TRANSITIONS.items() if target in nexts)


def check_link_change(current: str, target: str) -> None:
    """Raise unless a link may move from `current` to `target`."""
    if target not in LINK_TRANSITIONS.get(current, ()):
        raise CaseRuleError(f"a {current} link cannot become {target}", "status")


def consent_valid(consent: dict | None, on: str) -> bool:
    """Whether a confidentiality waiver (signed_on, withdrawn_on) holds on date `on`."""
    if not consent or not consent.get("signed_on"):
        return False
    withdrawn = consent.get("withdrawn_on")
    return consent["signed_on"] <= on and (not withdrawn or withdrawn > on)


def offer_valid(offer: dict, on: str) -> bool:
    """Whether an offer runs on date `on` (projects end)."""
    starts, ends = offer.get("valid_from"), offer.get("valid_until")
    return (not starts or starts <= on) and (not ends or ends >= on)


def review_overdue(phase: str, last_change: str, today: dt.date) -> bool:
    """A case in monitoring is overdue when its last phase change is too long ago."""
    if phase != "monitoring" or not last_change:
        return False
    return dt.date.fromisoformat(last_change) + dt.timedelta(days=MONITORING_REVIEW_DAYS) < today


# Needs still to be worked on; met and unmet are outcomes.
OPEN_NEED_STATUSES = ("open", "in_progress")


@dataclass(frozen=True)
class NextStep:
    """What the case manager does next: a key the interface names, and the topics it is about."""

    key: str
    topics: tuple[str, ...] = ()


def next_step(
    case: dict, needs: list[dict], consents: dict[str, dict], links: list[dict], on: str
) -> NextStep:
    """The next step of a case, in the order of the concept (steps 1–5):

    documents signed → a waiver (or a self-referral) for each open need → a link for each open
    need → the partners' answers → monitoring reviews → evaluation and closing.
    """
    phase = case.get("phase")
    if phase == "closed":
        return NextStep("none")
    if phase == "evaluation":
        return NextStep("close")
    if not case.get("privacy_notice_on") or not case.get("agreement_signed_on"):
        return NextStep("documents")
    open_topics = [n["topic"] for n in needs if n.get("status") in OPEN_NEED_STATUSES]
    bound = {link["topic"] for link in links if link.get("status") in OPEN_LINK_STATUSES}
    unlinked = [t for t in open_topics if t not in bound]
    without_waiver = [t for t in unlinked if not consent_valid(consents.get(t), on)]
    if without_waiver:
        return NextStep("waiver", tuple(without_waiver))
    if unlinked:
        return NextStep("link", tuple(unlinked))
    waiting = [link["topic"] for link in links if link.get("status") == "proposed"]
    if waiting:
        return NextStep("answer", tuple(dict.fromkeys(waiting)))
    if phase == "monitoring":
        last = (case.get("phase_history") or [""])[-1][:10]
        overdue = bool(last) and review_overdue(phase, last, dt.date.fromisoformat(on))
        return NextStep("review_overdue" if overdue else "monitor")
    return NextStep("advance")


@dataclass(frozen=True)
class IdentifierHint:
    """Something in a free text that looks like a direct identifier."""

    kind: str
    excerpt: str


IDENTIFIER_PATTERNS = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("phone", re.compile(r"(?:\+|\b0)\d[\d /-]{6,}\d")),
    (
        "date",
        re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"),
    ),
    (
        "name",
        re.compile(
            r"\b(?:Herr|Frau|Name:?|heißt|namens)\s+[A-ZÄÖÜ][a-zäöüß]+(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?"
        ),
    ),
    ("address", re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|str\.|weg|platz|allee)\s+\d+", re.I)),
)


def identifier_hints(text: str) -> list[IdentifierHint]:
    """Parts of a note that look like a name, birth date, phone, e-mail or address."""
    hints = []
    for kind, pattern in IDENTIFIER_PATTERNS:
        for match in pattern.finditer(text or ""):
            hints.append(IdentifierHint(kind, match.group(0)))
    return hints


# HER-2026-0042: three letters of the municipality, the year, a counter of at least four digits
# (cypher/cases/open_case.cypher makes them).
PSEUDONYM = re.compile(r"^[A-Z]{3}-\d{4}-\d{4,6}$")


def pseudonym_prefix(municipality_id: str, year: int) -> str:
    """The prefix of new pseudonyms, e.g. HER-2026 (three letters of the municipality)."""
    letters = re.sub(r"[^a-z]", "", municipality_id.lower()) or "kim"
    return f"{letters[:3].upper():X<3}-{year}"
