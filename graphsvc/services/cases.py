"""The case file: intake, needs, consent, phases, the help network, closing and retention.

Only case managers of the organisation that holds a case see or change it. Every read and
change goes to the audit trail. Every change carries the version the user saw; a stale
version answers "conflict" and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..domain import cases as rules
from ..domain import clock, model, parallel, ranking, referrals
from ..domain.errors import Conflict, NotFound
from ..graph import Graph
from . import audit, same_client
from .audit import Who


@dataclass
class LinkProposal:
    """What the parallel-support check found before a link is saved."""

    parallel: list[dict[str, Any]] = field(default_factory=list)
    link_id: str | None = None  # the new link's id, once it is saved

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.parallel)


def _audit(graph: Graph, who: Who, action: str, pseudonym: str, **details: Any) -> None:
    audit.record(graph, who, action, target=pseudonym, details=details)


def _own_case(graph: Graph, who: Who, pseudonym: str) -> dict[str, Any]:
    row = graph.query("cases.case_version", pseudonym=pseudonym)
    if not row or row["actor_id"] != who.actor_id:
        _audit(graph, who, "case.denied", pseudonym)
        raise NotFound(pseudonym)
    return row


def _written(graph: Graph, who: Who, pseudonym: str, result: Any, version: int) -> int:
    """The new version after a version-checked write, or the reason it did not happen."""
    rows = result if isinstance(result, list) else [result]
    if rows and rows[0]:
        return rows[0]["version"]
    current = _own_case(graph, who, pseudonym)
    if current["version"] != version:
        raise Conflict(pseudonym)
    raise rules.CaseRuleError("this change is not possible in the case's current state")


def choices(graph: Graph, municipality_id: str) -> dict[str, list[dict[str, Any]]]:
    """Topics, districts, languages and residence statuses for the forms."""
    return {
        "topics": graph.query("cases.topic_choices"),
        "districts": graph.query("cases.district_choices", municipality_id=municipality_id),
        "languages": graph.query("cases.language_choices"),
        "residence_statuses": graph.query("cases.residence_status_choices"),
    }


def open_case(
    graph: Graph,
    who: Who,
    intake: dict[str, Any],
    match: same_client.MatchSettings | None = None,
) -> str:
    """Open a case from a checked intake form; return its new pseudonym.

    A name and birth date in the intake become a match key (with `match`'s secret) and go
    no further; likely pairs with other organisations' cases are recorded for coordination.
    """
    intake = dict(intake)
    identity = same_client.take_identity(intake)
    match = match or same_client.MatchSettings()
    match_text = same_client.key_text(identity, match.secret) if identity else None
    del identity
    attributes = {
        key: intake.get(key)
        for key in (
            "intake_outcome",
            "criteria",
            "access_route",
            "age_band",
            "gender",
            "residence_status",
            "household_band",
            "languages",
            "notes",
        )
        if intake.get(key) not in (None, "")
    }
    if match_text:
        attributes["match_key"] = match_text
    year = clock.today().year
    row = graph.query(
        "cases.open_case",
        actor_id=who.actor_id,
        district_id=intake["district_id"],
        user_id=who.get("id"),
        prefix=rules.pseudonym_prefix(who.municipality_id, year),
        attributes=attributes,
        needs=intake["needs"],
        today=clock.today_iso(),
    )
    if not row:
        raise rules.CaseRuleError("unknown district or topic", "district_id")
    pseudonym = row[0]["pseudonym"]
    _audit(graph, who, "case.open", pseudonym, needs=intake["needs"])
    if match_text:
        same_client.record_intake(graph, who, pseudonym, match_text, match.threshold)
    return pseudonym


def read_case(graph: Graph, who: Who, pseudonym: str) -> dict[str, Any]:
    """The whole case file (audited read)."""
    # One read for the check and the file: the page is the most frequent case read.
    data = graph.query("cases.get_case", pseudonym=pseudonym)
    if not data or data["case"].get("actor_id") != who.actor_id:
        _audit(graph, who, "case.denied", pseudonym)
        raise NotFound(pseudonym)
    data["case"].pop("match_key", None)  # for matching only; says nothing to a reader
    data["needs"] = [n for n in data["needs"] if n]
    data["consents"] = {c["topic"]: c for c in data["consents"] if c}
    data["links"] = [link for link in data["links"] if link]
    _audit(graph, who, "case.read", pseudonym)
    return data


def linked_offers(graph: Graph, who: Who, pseudonym: str) -> dict[str, str]:
    """Offer id → status of the case's link to it, open links first (audited read)."""
    _own_case(graph, who, pseudonym)
    rows = graph.query(
        "cases.linked_offers", pseudonym=pseudonym, open_statuses=list(rules.OPEN_LINK_STATUSES)
    )
    _audit(graph, who, "case.read", pseudonym, part="links")
    found: dict[str, str] = {}
    for row in rows:
        found.setdefault(row["offer_id"], row["status"])
    return found


def list_cases(
    graph: Graph,
    who: Who,
    mine: bool,
    phase: str = "",
    topic: str = "",
    overdue: bool = False,
    follow_up_days: int = referrals.DEFAULT_FOLLOW_UP_DAYS,
) -> list[dict[str, Any]]:
    """The organisation's (or my own) cases with filters; overdue = monitoring too long;
    `follow_ups` counts referrals unanswered for `follow_up_days` days or more."""
    now = clock.today()
    rows = graph.query(
        "cases.list_cases",
        actor_id=who.actor_id,
        user_id=who.get("id") if mine else "",
        phase=phase,
        topic=topic,
        follow_up_since=referrals.follow_up_cutoff(now, follow_up_days),
    )
    result = []
    for row in rows:
        case = row["case"]
        last = (case.get("phase_history") or [""])[-1][:10]
        case["overdue"] = rules.review_overdue(case["phase"], last, now)
        case["needs"] = row["needs"]
        case["need_ids"] = row["need_ids"]
        case["follow_ups"] = row["follow_ups"]
        if not overdue or case["overdue"]:
            result.append(case)
    _audit(graph, who, "case.list", "", mine=mine, phase=phase, topic=topic, overdue=overdue)
    return result


def change_phase(graph: Graph, who: Who, pseudonym: str, version: int, phase: str) -> int:
    """Move the case to another phase (one step forward, or back to any earlier one)."""
    current = _own_case(graph, who, pseudonym)
    rules.check_phase_change(current["phase"], phase)
    result = graph.query(
        "cases.change_phase",
        pseudonym=pseudonym,
        version=version,
        phase=phase,
        today=clock.today_iso(),
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.phase", pseudonym, phase=phase)
    return new


def set_need(graph: Graph, who: Who, pseudonym: str, version: int, topic: str, status: str) -> int:
    """Add a need or change its status."""
    if status not in model.NEED_STATUSES:
        raise rules.CaseRuleError(f"unknown need status {status!r}", "status")
    _own_case(graph, who, pseudonym)
    result = graph.query(
        "cases.set_need",
        pseudonym=pseudonym,
        version=version,
        topic=topic,
        status=status,
        today=clock.today_iso(),
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.need", pseudonym, topic=topic, status=status)
    return new


def set_documents(
    graph: Graph,
    who: Who,
    pseudonym: str,
    version: int,
    privacy_notice_on: str | None,
    agreement_signed_on: str | None,
) -> int:
    """Record when the privacy notice was handed out and the agreement signed."""
    _own_case(graph, who, pseudonym)
    result = graph.query(
        "cases.set_documents",
        pseudonym=pseudonym,
        version=version,
        privacy_notice_on=privacy_notice_on,
        agreement_signed_on=agreement_signed_on,
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.documents", pseudonym)
    return new


def set_consent(
    graph: Graph,
    who: Who,
    pseudonym: str,
    version: int,
    topic: str,
    signed_on: str,
    withdrawn_on: str | None,
) -> int:
    """Record the confidentiality waiver for one topic (and its withdrawal)."""
    if withdrawn_on and withdrawn_on < signed_on:
        raise rules.CaseRuleError("withdrawn before it was signed", "withdrawn_on")
    _own_case(graph, who, pseudonym)
    result = graph.query(
        "cases.set_consent",
        pseudonym=pseudonym,
        version=version,
        topic=topic,
        signed_on=signed_on,
        withdrawn_on=withdrawn_on,
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.consent", pseudonym, topic=topic, withdrawn=bool(withdrawn_on))
    return new


def running_beside(links: list[dict[str, Any]], since: str) -> list[dict[str, Any]]:
    """The links that run together with a link starting on `since` and still running, by
    the one rule of parallel support (`domain/parallel.py`)."""
    return [
        {k: v for k, v in link.items() if k not in {"since", "until"}}
        for link in links
        if link and parallel.ran_together(link.get("since"), link.get("until"), since, None)
    ]


def check_parallel(
    graph: Graph, pseudonym: str, topic: str, since: str, except_link: str = ""
) -> LinkProposal:
    """Links of the case that bind a partner for the same topic and run together with a link
    that starts on `since`."""
    rows = graph.query(
        "cases.active_links_for_topic",
        pseudonym=pseudonym,
        topic=topic,
        statuses=list(rules.ACTIVE_LINK_STATUSES),
        except_link=except_link,
    )
    return LinkProposal(parallel=running_beside(rows, since))


def create_link(
    graph: Graph,
    who: Who,
    pseudonym: str,
    version: int,
    offer_id: str,
    topic: str,
    mode: str,
    self_referral: bool = False,
    confirm_reason: str = "",
) -> tuple[int | None, LinkProposal]:
    """Link the case to an offer. Returns (new version, check); version None means the
    parallel-support check found active links for the topic and asks for a reason first."""
    if mode not in model.LINK_MODES:
        raise rules.CaseRuleError(f"unknown mode {mode!r}", "mode")
    context = graph.query(
        "cases.link_context",
        pseudonym=pseudonym,
        topic=topic,
        offer_id=offer_id,
        statuses=list(rules.ACTIVE_LINK_STATUSES),
    )
    if not context or context["actor_id"] != who.actor_id:
        _audit(graph, who, "case.denied", pseudonym)
        raise NotFound(pseudonym)
    if context["phase"] == "closed":
        raise rules.CaseRuleError("the case is closed", "offer_id")
    if context["offer"] is None:
        raise rules.UnknownOffer("unknown offer", "offer_id")
    if not rules.offer_valid(context["offer"], clock.today_iso()):
        raise rules.CaseRuleError("this offer has ended (or not yet started)", "offer_id")
    if not self_referral and not rules.consent_valid(context["consent"], clock.today_iso()):
        _audit(graph, who, "case.link.refused", pseudonym, offer=offer_id, topic=topic)
        raise rules.CaseRuleError("no valid confidentiality waiver for this topic", "topic")
    check = LinkProposal(parallel=running_beside(context["parallel"], clock.today_iso()))
    if check.needs_confirmation and not confirm_reason.strip():
        return None, check
    result = graph.query(
        "cases.create_link",
        pseudonym=pseudonym,
        version=version,
        offer_id=offer_id,
        topic=topic,
        mode=mode,
        status="proposed",
        self_referral=self_referral,
        reason=confirm_reason.strip() or None,
        link_id=(link_id := uuid.uuid4().hex[:16]),
        today=clock.today_iso(),
        username=who.get("username"),
    )
    new = _written(graph, who, pseudonym, result, version)
    check.link_id = link_id
    _audit(
        graph,
        who,
        "case.link.create",
        pseudonym,
        offer=offer_id,
        topic=topic,
        mode=mode,
        parallel=len(check.parallel),
    )
    return new, check


def change_link(
    graph: Graph,
    who: Who,
    pseudonym: str,
    version: int,
    link_id: str,
    status: str,
    feedback: str = "",
    confirm_reason: str = "",
) -> tuple[int | None, LinkProposal]:
    """Move a link to a new status; activating one runs the parallel-support check again."""
    rules.allowed_link_sources(status)  # an unknown status is refused before any read
    _own_case(graph, who, pseudonym)
    data = graph.query("cases.get_case", pseudonym=pseudonym)
    link = next((x for x in data["links"] if x and x["id"] == link_id), None)
    if link is None:
        raise rules.CaseRuleError("unknown link", "link_id")
    rules.check_link_change(link["status"], status)
    check = LinkProposal()
    if status in rules.ACTIVE_LINK_STATUSES:
        since = link.get("since") or clock.today_iso()
        check = check_parallel(graph, pseudonym, link["topic"], since, except_link=link_id)
        if check.needs_confirmation and not confirm_reason.strip():
            return None, check
    result = write_link_status(
        graph,
        who,
        pseudonym,
        link_id,
        status,
        version=version,
        feedback=feedback.strip() or None,
        reason=confirm_reason.strip() or None,
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.link.status", pseudonym, link=link_id, status=status)
    return new, check


def write_link_status(
    graph: Graph,
    who: Who,
    pseudonym: str,
    link_id: str,
    status: str,
    *,
    version: int = -1,
    link_version: int = -1,
    actor_id: str = "",
    feedback: str | None = None,
    reason: str | None = None,
    decline_reason: str | None = None,
    decline_text: str | None = None,
    notify_as: str = "",
) -> dict[str, Any] | None:
    """The one write of a link status change, for the case manager and for the receiving
    organisation alike; None when the version, the status or the offer's owner did not match.

    The case manager's change checks the case's `version`; the receiving organisation's
    answer checks the link's own `link_version` and its `actor_id`, and with `notify_as`
    (its name) leaves a notification for the case's manager in the same statement.
    """
    row = graph.query(
        "cases.change_link_status",
        pseudonym=pseudonym,
        version=version,
        link_version=link_version,
        actor_id=actor_id,
        link_id=link_id,
        status=status,
        allowed_from=list(rules.allowed_link_sources(status)),
        accepted_statuses=list(ranking.ACCEPTED_STATUSES),
        decided_statuses=list(ranking.DECIDED_STATUSES),
        feedback=feedback,
        reason=reason,
        decline_reason=decline_reason,
        decline_text=decline_text,
        notify=bool(notify_as),
        notification_id=uuid.uuid4().hex,
        actor_name=notify_as,
        username=who.get("username"),
        display_name=who.get("display_name") or who.get("username"),
        today=clock.today_iso(),
        now=clock.now_iso(),
    )
    rows = row if isinstance(row, list) else [row]
    return rows[0] if rows and rows[0] else None


def close_case(
    graph: Graph, who: Who, pseudonym: str, version: int, outcomes: dict[str, str]
) -> int:
    """Close an evaluated case with an outcome (met / unmet) per need."""
    current = _own_case(graph, who, pseudonym)
    if current["phase"] != "evaluation":
        raise rules.CaseRuleError("close a case from the evaluation phase", "phase")
    data = graph.query("cases.get_case", pseudonym=pseudonym)
    if any(x and x["status"] in rules.OPEN_LINK_STATUSES for x in data["links"]):
        raise rules.CaseRuleError("end or complete the open links first", "links")
    needs = {n["topic"] for n in data["needs"] if n}
    if set(outcomes) != needs or not set(outcomes.values()) <= {"met", "unmet"}:
        raise rules.CaseRuleError("give every need an outcome: met or unmet", "outcomes")
    result = graph.query(
        "cases.close_case",
        pseudonym=pseudonym,
        version=version,
        today=clock.today_iso(),
        open_statuses=list(rules.OPEN_LINK_STATUSES),
        outcomes=[{"topic": t, "status": s} for t, s in sorted(outcomes.items())],
    )
    new = _written(graph, who, pseudonym, result, version)
    _audit(graph, who, "case.close", pseudonym, outcomes=outcomes)
    return new


def purge(graph: Graph, municipality_id: str, months: int, dry_run: bool) -> list[dict[str, Any]]:
    """Closed cases past retention: list them (dry run) or delete them, keeping aggregates."""
    cutoff_day = clock.today() - dt.timedelta(days=round(months * 30.44))
    cutoff = cutoff_day.isoformat()
    due = graph.query("cases.purge_candidates", municipality_id=municipality_id, cutoff=cutoff)
    if not dry_run and due:
        graph.query("cases.keep_aggregates", municipality_id=municipality_id, cutoff=cutoff)
        graph.query("cases.purge_notifications", municipality_id=municipality_id, cutoff=cutoff)
        graph.query("cases.purge_cases", municipality_id=municipality_id, cutoff=cutoff)
        graph.query("same_client.drop_orphan_pairs", municipality_id=municipality_id)
        audit.record(
            graph,
            audit.SHELL,
            "case.purge",
            target=municipality_id,
            details={"cases": len(due), "cutoff": cutoff},
        )
    return due
