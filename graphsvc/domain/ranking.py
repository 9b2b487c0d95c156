"""The referral ranking: eligibility, score and explanation of one offer for one client.

Plain Python, no database: the search service feeds it the raw facts of each candidate
offer (what the graph says) and gets back ranked rows, each with the points per factor and
the facts behind them, so a case manager can see why an offer ranks where it does.

The rules, in order of weight (a full score is 100 points plus the free-text bonus):
- needs covered: the share of the client's needs the offer covers, because an offer that
  covers several needs at once saves the client a second hand-over; a need met only through
  its broader or a narrower topic counts half;
- language: the client can be counselled in one of their languages, because without it the
  referral usually fails at the first appointment;
- location: same district, a neighbouring district, or elsewhere in the city;
- waiting time: sooner is better, fading to zero at WAIT_HORIZON_DAYS;
- eligibility fit: every stated criterion of the client is confirmed by the offer (criteria
  the client did not state are "not checked" and earn half);
- acceptance: how often colleagues' referrals to the offer were accepted (only decided
  links count; with fewer than MIN_DECIDED decided links the rate is neutral);
- target group: the offer names the client's target group (or all migrants).
Ties are broken by name and id, so the order is stable. The searching case manager's own
organisation's case management is left out: the client is already in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from . import model

# Weights (points). Needs dominate: covering two of two needs beats any single convenience.
WEIGHT_NEEDS = 40.0
# An offer for the broader field of a need (general work counselling for a job search) or for
# a narrower part of it helps, but less surely than one made for the need: half its share.
RELATED_SHARE = 0.5
# Language is the most common reason a referral fails, so it outweighs distance.
WEIGHT_LANGUAGE = 20.0
# Herne's districts are a short bus ride apart: proximity matters, but less than language.
WEIGHT_SAME_DISTRICT = 15.0
WEIGHT_NEIGHBOUR_DISTRICT = 8.0
# A long wait often means the need escalates meanwhile (eviction, benefit deadlines).
WEIGHT_WAITING = 10.0
WAIT_HORIZON_DAYS = 60
# Confirmed eligibility spares the client a rejection at the door.
WEIGHT_ELIGIBILITY = 10.0
# Colleagues' experience is a signal, but a noisy one: small weight, neutral when n is small.
WEIGHT_ACCEPTANCE = 5.0
MIN_DECIDED = 3
# Offers made for the client's group usually fit better, but others do not exclude them.
WEIGHT_TARGET_GROUP = 5.0
ALL_MIGRANTS = "all-migrants"
# Free text is an extra hint from the case manager, a small bonus on top.
WEIGHT_TEXT = 5.0

ACCEPTED_STATUSES = ("accepted", "active", "completed")
# Decided = the offer answered; proposed is open and cancelled was withdrawn by our side.
DECIDED_STATUSES = (*ACCEPTED_STATUSES, "declined", "no_capacity")

DEFAULT_LIMIT = 20
MAX_LIMIT = 50


def count_links(statuses: Iterable[str]) -> tuple[int, int]:
    """(accepted, decided) among the statuses of an offer's links, as acceptance counts them.

    Offers keep these two counts as properties (links_accepted, links_decided), written by
    the statements that change links, so a search reads them instead of counting edges.
    """
    statuses = list(statuses)
    accepted = sum(s in ACCEPTED_STATUSES for s in statuses)
    return accepted, sum(s in DECIDED_STATUSES for s in statuses)


@dataclass(frozen=True)
class Client:
    """What the case manager tells the search about the client and their needs."""

    topic_ids: tuple[str, ...]
    district_id: str | None = None
    neighbour_ids: frozenset[str] = frozenset()
    languages: tuple[str, ...] = ()
    age: int | None = None
    # The case file keeps an age band, not an age: eligibility then asks whether the band
    # lies inside, outside or across the offer's age range.
    age_range: tuple[int, int] | None = None
    gender: str | None = None
    residence_status: str | None = None
    target_group: str | None = None
    text_matches: frozenset[str] | None = None  # offer ids the free text found; None: no text
    related: Mapping[str, frozenset[str]] = field(default_factory=dict)  # need -> related topics
    # The searching case manager's organisation: its own case management is no partner offer.
    own_actor_id: str | None = None


def related_topics(
    broader: Mapping[str, str | None], needs: Iterable[str]
) -> dict[str, frozenset[str]]:
    """For each need, its broader topic and its narrower topics (from topic -> broader)."""
    out = {}
    for need in needs:
        found = {t for t, parent in broader.items() if parent == need}
        if broader.get(need):
            found.add(broader[need])  # type: ignore[arg-type]
        out[need] = frozenset(found - {need})
    return out


@dataclass
class Row:
    """One ranked offer: its facts, points per factor, eligibility and the reasons."""

    offer: dict[str, Any]
    actor: dict[str, Any]
    covered: list[str]
    languages: list[str]
    districts: list[str]
    score: float
    points: dict[str, float]
    eligible: bool
    ineligible_reasons: list[dict[str, Any]] = field(default_factory=list)
    explanation: list[dict[str, Any]] = field(default_factory=list)
    acceptance: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON and templates."""
        return {
            "offer": self.offer,
            "actor": self.actor,
            "score": self.score,
            "points": self.points,
            "eligible": self.eligible,
            "ineligible_reasons": self.ineligible_reasons,
            "covered_topics": self.covered,
            "languages": self.languages,
            "districts": self.districts,
            "acceptance": self.acceptance,
            "explanation": self.explanation,
        }


def eligibility(offer: Mapping[str, Any], client: Client) -> tuple[bool, list[dict], list[str]]:
    """(eligible, reasons it is not, criteria not checked) for one offer and client."""
    reasons: list[dict[str, Any]] = []
    unchecked: list[str] = []
    age_min, age_max = offer.get("age_min"), offer.get("age_max")
    if age_min is not None or age_max is not None:
        low = 0 if age_min is None else age_min
        high = model.OLDEST if age_max is None else age_max
        if client.age is not None:
            ages = (client.age, client.age)
        else:
            ages = client.age_range  # type: ignore[assignment]
        if ages is None:
            unchecked.append("age")
        elif ages[1] < low or ages[0] > high:
            reasons.append({"criterion": "age", "age_min": age_min, "age_max": age_max})
        elif ages[0] < low or ages[1] > high:
            unchecked.append("age")  # the band reaches beyond the offer's range: ask the age
    genders = list(offer.get("genders") or [])
    if genders:
        if client.gender is None:
            unchecked.append("gender")
        elif client.gender not in genders:
            reasons.append({"criterion": "gender", "allowed": genders})
    statuses = list(offer.get("residence_statuses") or [])
    if statuses:
        if client.residence_status is None:
            unchecked.append("residence_status")
        elif client.residence_status not in statuses:
            reasons.append({"criterion": "residence_status", "allowed": statuses})
    return not reasons, reasons, unchecked


def location(districts: Iterable[str], client: Client) -> str | None:
    """'same', 'neighbour' or 'elsewhere' for the client's district; None if none given."""
    if client.district_id is None:
        return None
    served = set(districts)
    if client.district_id in served:
        return "same"
    if served & client.neighbour_ids:
        return "neighbour"
    return "elsewhere"


def acceptance_rate(accepted: int, decided: int) -> float | None:
    """Share of decided links that were accepted; None when too few to say."""
    return accepted / decided if decided >= MIN_DECIDED else None


def score_candidate(candidate: Mapping[str, Any], client: Client) -> Row:
    """Score one candidate offer (a row of search.referral_candidates) for the client."""
    offer = dict(candidate["offer"])
    wanted = list(dict.fromkeys(client.topic_ids))
    offered = set(candidate["covered"])
    covered = [t for t in wanted if t in offered]
    related = [
        {"need": t, "via": sorted(offered & client.related.get(t, frozenset()))}
        for t in wanted
        if t not in offered and offered & client.related.get(t, frozenset())
    ]
    languages = sorted(candidate.get("languages") or [])
    districts = sorted(candidate.get("districts") or [])
    groups = set(candidate.get("target_groups") or [])
    points: dict[str, float] = {}
    explanation: list[dict[str, Any]] = []

    points["needs"] = WEIGHT_NEEDS * (len(covered) + RELATED_SHARE * len(related)) / len(wanted)
    partly = {r["need"] for r in related}
    missing = [t for t in wanted if t not in offered and t not in partly]
    explanation.append(
        {"factor": "needs", "covered": covered, "related": related, "missing": missing}
    )

    if client.languages:
        matched = [lang for lang in client.languages if lang in languages]
        points["language"] = WEIGHT_LANGUAGE if matched else 0.0
        explanation.append({"factor": "language", "matched": matched, "offered": languages})

    where = location(districts, client)
    if where is not None:
        points["location"] = {
            "same": WEIGHT_SAME_DISTRICT,
            "neighbour": WEIGHT_NEIGHBOUR_DISTRICT,
        }.get(where, 0.0)
        explanation.append({"factor": "location", "where": where})

    eligible, reasons, unchecked = eligibility(offer, client)
    if not eligible:
        points["eligibility"] = 0.0
    elif unchecked:
        points["eligibility"] = WEIGHT_ELIGIBILITY / 2
    else:
        points["eligibility"] = WEIGHT_ELIGIBILITY
    explanation.append(
        {"factor": "eligibility", "eligible": eligible, "reasons": reasons, "unchecked": unchecked}
    )

    waiting = offer.get("waiting_days")
    if waiting is None:
        points["waiting"] = WEIGHT_WAITING / 2
    else:
        points["waiting"] = WEIGHT_WAITING * max(0.0, 1 - waiting / WAIT_HORIZON_DAYS)
    explanation.append({"factor": "waiting", "days": waiting})

    # Offers never linked carry no counts yet: none decided.
    accepted, decided = int(candidate.get("accepted") or 0), int(candidate.get("decided") or 0)
    rate = acceptance_rate(accepted, decided)
    points["acceptance"] = WEIGHT_ACCEPTANCE * (0.5 if rate is None else rate)
    acceptance = {"accepted": accepted, "decided": decided, "rate": rate}
    explanation.append({"factor": "acceptance", **acceptance})

    if client.target_group:
        fits = client.target_group in groups or ALL_MIGRANTS in groups
        points["target_group"] = WEIGHT_TARGET_GROUP if fits else 0.0
        explanation.append({"factor": "target_group", "fits": fits})

    if client.text_matches is not None:
        hit = offer["id"] in client.text_matches
        points["text"] = WEIGHT_TEXT if hit else 0.0
        explanation.append({"factor": "text", "matches": hit})

    total = round(sum(points.values()), 2)
    points = {k: round(v, 2) for k, v in points.items()}
    return Row(
        offer=offer,
        actor=dict(candidate.get("actor") or {}),
        covered=covered,
        languages=languages,
        districts=districts,
        score=total,
        points=points,
        eligible=eligible,
        ineligible_reasons=reasons,
        explanation=explanation,
        acceptance=acceptance,
    )


def own_case_management(candidate: Mapping[str, Any], client: Client) -> bool:
    """Whether a candidate is the case management of the searching case manager's own
    organisation: the client is already in it, so proposing it would refer the client back
    to where they are (offers marked `case_management` in the directory)."""
    offer = candidate.get("offer") or {}
    actor = candidate.get("actor") or {}
    return bool(
        client.own_actor_id
        and offer.get("case_management")
        and actor.get("id") == client.own_actor_id
    )


def sort_key(row: Row) -> tuple:
    """Eligible first, then score (high first), then name and id for a stable order."""
    return (not row.eligible, -row.score, row.offer.get("name") or "", row.offer["id"])


def rank(
    candidates: Iterable[Mapping[str, Any]],
    client: Client,
    include_ineligible: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[Row], list[Row]]:
    """(the top `limit` rows, every eligible row) for the client; never the client's own
    case management as a partner offer."""
    rows = [score_candidate(c, client) for c in candidates if not own_case_management(c, client)]
    eligible = sorted((r for r in rows if r.eligible), key=sort_key)
    shown = rows if include_ineligible else eligible
    return sorted(shown, key=sort_key)[:limit], eligible


def help_network(rows: Sequence[Row], topic_ids: Sequence[str], budget: int = 20_000) -> dict:
    """The fewest offers that together cover all needs; among equals the highest total score.

    At most 10 needs, so the search tries 1, 2, … offers over the best offer per distinct
    set of covered needs (dominated sets dropped); if that grows beyond `budget`
    combinations it falls back to greedy set cover (always within ln(10)+1 of the optimum).
    """
    needs = list(dict.fromkeys(topic_ids))
    bit = {t: 1 << i for i, t in enumerate(needs)}
    best: dict[int, Row] = {}
    for row in rows:
        mask = sum(bit[t] for t in row.covered if t in bit)
        if mask and (mask not in best or sort_key(row) < sort_key(best[mask])):
            best[mask] = row
    reachable = 0
    for mask in best:
        reachable |= mask
    uncovered = [t for t in needs if not reachable & bit[t]]
    # Drop sets contained in another set with at least as good a row: never needed.
    masks = [
        m
        for m in best
        if not any(o != m and m & o == m and sort_key(best[o]) <= sort_key(best[m]) for o in best)
    ]
    masks.sort(key=lambda m: sort_key(best[m]))
    chosen: list[int] | None = None
    tried = 0
    for size in range(1, len(needs) + 1):
        found: tuple[float, list[int]] | None = None
        for combo in combinations(masks, size):
            tried += 1
            if tried > budget:
                break
            union = 0
            for m in combo:
                union |= m
            if union == reachable:
                total = sum(best[m].score for m in combo)
                if found is None or total > found[0]:
                    found = (total, list(combo))
        if found or tried > budget:
            chosen = found[1] if found else None
            break
    method = "exact"
    if chosen is None:
        method = "greedy"
        chosen, left = [], reachable
        while left:
            pick = max(masks, key=lambda m: (bin(m & left).count("1"), best[m].score))
            chosen.append(pick)
            left &= ~pick
    offers = sorted((best[m] for m in chosen), key=sort_key)
    return {"offers": offers, "uncovered": uncovered, "method": method}
