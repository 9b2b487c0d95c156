"""The directory: offers and organisations of the network, read for the directory pages."""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from typing import Any

from ..domain import clock, model
from ..domain.errors import Conflict
from ..graph import Graph
from .audit import Who

LIST_KEYS = (
    "topics",
    "districts",
    "languages",
    "target_groups",
    "working_groups",
    "other_offers",
    "offers",
    "partners",
)


# Counts of accepted and decided case links per offer: they come from cases, so only the
# roles of the referral search see them (web/access.py FIGURES).
REFERRAL_COUNTS = ("links_accepted", "links_decided")


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Drop the all-null maps an OPTIONAL MATCH without a hit leaves in collected lists."""
    for key in LIST_KEYS:
        if key in record:
            record[key] = [item for item in record[key] if item and item.get("id") is not None]
    return record


def is_expired(valid_until: str | None, today: str) -> bool:
    """Whether an offer ended before `today` (ISO dates compare as strings)."""
    return valid_until is not None and valid_until < today


CHOICES_LIMIT = 20  # the picker shows a short list; more words narrow it down


def fold(text: str) -> str:
    """Text for matching as people type it: case, accents and ß do not matter."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def offer_choices(
    graph: Graph, municipality_id: str, today: str, text: str, limit: int = CHOICES_LIMIT
) -> list[dict[str, Any]]:
    """Running offers whose name, organisation or districts hold every word of `text`;
    offers whose name starts with the text first, then by name."""
    words = fold(text).split()
    if not words:
        return []
    wanted = fold(text.strip())
    found = []
    for row in graph.query("directory.offer_choices", municipality_id=municipality_id, today=today):
        districts = sorted(d for d in row["districts"] or [] if d)
        haystack = fold(" ".join([row["name"] or "", row["actor"] or "", *districts]))
        if all(word in haystack for word in words):
            found.append({**row, "districts": districts})
    found.sort(key=lambda r: (not fold(r["name"] or "").startswith(wanted), fold(r["name"] or "")))
    return found[:limit]


def get_offer(graph: Graph, offer_id: str, today: str) -> dict[str, Any] | None:
    """An offer with everything the offer page shows, or None."""
    found = graph.query("directory.get_offer", offer_id=offer_id, today=today)
    if found is None:
        return None
    found = _clean(found)
    offer = found["offer"]
    offer["expired"] = is_expired(offer.get("valid_until"), today)
    offer["not_started"] = (offer.get("valid_from") or "") > today
    for other in found["other_offers"]:
        other["expired"] = is_expired(other.get("valid_until"), today)
    found["other_offers"].sort(key=lambda o: (o["expired"], o.get("name") or ""))
    for key in ("topics", "districts", "languages", "target_groups", "working_groups"):
        found[key].sort(key=lambda item: item.get("name_de") or item.get("name") or item["id"])
    return found


def get_actor(graph: Graph, actor_id: str, today: str) -> dict[str, Any] | None:
    """An organisation with its offers, working groups and partners, or None."""
    found = graph.query("directory.get_actor", actor_id=actor_id, today=today)
    if found is None:
        return None
    found = _clean(found)
    for offer in found["offers"]:
        offer["expired"] = is_expired(offer.get("valid_until"), today)
    found["offers"].sort(key=lambda o: (o["expired"], o.get("name") or ""))
    found["working_groups"].sort(key=lambda w: w.get("name") or "")
    found["partners"].sort(key=lambda p: p.get("name") or "")
    return found


def list_offers(
    graph: Graph,
    municipality_id: str,
    today: str,
    topic_id: str | None = None,
    district_id: str | None = None,
    category: str | None = None,
    include_expired: bool = False,
) -> list[dict[str, Any]]:
    """Offers of the municipality for the directory index, expired ones flagged."""
    if category is not None and category not in model.OFFER_CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    rows = graph.query(
        "directory.list_offers",
        municipality_id=municipality_id,
        topic_id=topic_id,
        district_id=district_id,
        category=category,
    )
    for row in rows:
        row["offer"]["expired"] = is_expired(row["offer"].get("valid_until"), today)
    return [row for row in rows if include_expired or not row["offer"]["expired"]]


def list_actors(graph: Graph, municipality_id: str) -> list[dict[str, Any]]:
    """Organisations of the municipality with their number of offers."""
    return graph.query("directory.list_actors", municipality_id=municipality_id)


# --- editing: every change is one statement that also writes who changed what ----------

OFFER_FIELDS = (
    "name",
    "description",
    "keywords",
    "category",
    "circle",
    "age_min",
    "age_max",
    "genders",
    "residence_statuses",
    "capacity",
    "waiting_days",
    "valid_from",
    "valid_until",
    "address",
    "phone",
    "email",
    "hours",
)
OFFER_LINKS = ("topic_ids", "district_ids", "language_ids", "target_group_ids")


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "angebot"


def offer_form_data(found: dict[str, Any]) -> dict[str, Any]:
    """The editable values of an offer as read by get_offer (fields and link ids)."""
    offer = found["offer"]
    data = {field: offer.get(field) for field in OFFER_FIELDS}
    data["topic_ids"] = sorted(t["id"] for t in found["topics"])
    data["district_ids"] = sorted(d["id"] for d in found["districts"])
    data["language_ids"] = sorted(lang["id"] for lang in found["languages"])
    data["target_group_ids"] = sorted(g["id"] for g in found["target_groups"])
    return data


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(after)
        if before.get(key) != after.get(key)
    }


def _links(data: dict[str, Any]) -> dict[str, list[str]]:
    return {key: sorted(set(data.get(key) or [])) for key in OFFER_LINKS}


def import_changes(graph: Graph, proposed: list[dict[str, Any]]) -> dict[str, str | None]:
    """What writing each proposed offer would change, as the history records it (JSON), by id.

    `proposed` holds `id`, `props` and the link ids under OFFER_LINKS. None means the offer
    would stay as it is: re-importing a file records nothing.
    """
    stored = {
        row["offer"]["id"]: {
            **row["offer"],
            **{key: sorted(row[key]) for key in OFFER_LINKS},
        }
        for row in graph.query(
            "directory.offers_for_history", offer_ids=[p["id"] for p in proposed]
        )
    }
    out: dict[str, str | None] = {}
    for offer in proposed:
        after = {**offer["props"], **_links(offer)}
        before = stored.get(offer["id"], {})
        changes = _diff({key: before.get(key) for key in after}, after)
        out[offer["id"]] = (
            json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes else None
        )
    return out


def create_offer(graph: Graph, who: Who, actor_id: str, data: dict[str, Any]) -> str:
    """Create an offer of `actor_id` from checked form data; return its id."""
    props = {field: data.get(field) for field in OFFER_FIELDS}
    offer_id = f"{_slug(props['name'] or '')}-{uuid.uuid4().hex[:6]}"
    changes = _diff({}, {**props, **_links(data)})
    created = graph.query(
        "directory.create_offer",
        actor_id=actor_id,
        offer_id=offer_id,
        props={k: v for k, v in props.items() if v is not None},
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
        **_links(data),
    )
    if not created:
        raise ValueError("unknown organisation")
    return offer_id


def update_offer(
    graph: Graph,
    who: Who,
    offer_id: str,
    version: int,
    data: dict[str, Any],
    today: str,
) -> int:
    """Write checked form data if the offer is still at `version`; return the new version."""
    found = get_offer(graph, offer_id, today)
    if found is None:
        raise LookupError(offer_id)
    before = offer_form_data(found)
    after = {**{field: data.get(field) for field in OFFER_FIELDS}, **_links(data)}
    changes = _diff(before, after)
    written = graph.query(
        "directory.update_offer",
        offer_id=offer_id,
        version=version,
        props={field: after[field] for field in OFFER_FIELDS},
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        action="update",
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
        **_links(data),
    )
    if not written:
        raise Conflict(offer_id)
    return written[0]["version"]


def retire_offer(graph: Graph, who: Who, offer_id: str, version: int, last_day: str) -> int:
    """End an offer after `last_day` (it stays listed, flagged as expired); new version."""
    found = graph.query("directory.get_offer", offer_id=offer_id, today=clock.today_iso())
    if found is None:
        raise LookupError(offer_id)
    changes = {"valid_until": [found["offer"].get("valid_until"), last_day]}
    written = graph.query(
        "directory.retire_offer",
        offer_id=offer_id,
        version=version,
        valid_until=last_day,
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
    )
    if not written:
        raise Conflict(offer_id)
    return written[0]["version"]


def offer_history(graph: Graph, offer_id: str) -> list[dict[str, Any]]:
    """Who changed an offer, when and what, newest first."""
    return _history(graph.query("directory.offer_history", offer_id=offer_id))


def actor_history(graph: Graph, actor_id: str) -> list[dict[str, Any]]:
    """Who changed an organisation, when and what, newest first."""
    return _history(graph.query("directory.actor_history", actor_id=actor_id))


def _history(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        change = row["change"]
        change["changes"] = json.loads(change.get("changes") or "{}")
        out.append(change)
    return out


ACTOR_FIELDS = (
    "name",
    "kind",
    "description",
    "address",
    "phone",
    "email",
    "website",
    "district_id",
)


def actor_form_data(found: dict[str, Any]) -> dict[str, Any]:
    """The editable values of an organisation as read by get_actor."""
    actor = found["actor"]
    data = {field: actor.get(field) for field in ACTOR_FIELDS}
    data["district_id"] = (found.get("district") or {}).get("id") or actor.get("district_id")
    return data


def create_actor(graph: Graph, who: Who, municipality_id: str, data: dict[str, Any]) -> str:
    """Create an organisation in the municipality from checked form data; return its id."""
    props = {field: data.get(field) for field in ACTOR_FIELDS}
    actor_id = f"{_slug(props['name'] or '')}-{uuid.uuid4().hex[:6]}"
    created = graph.query(
        "directory.create_actor",
        municipality_id=municipality_id,
        actor_id=actor_id,
        props={k: v for k, v in props.items() if v is not None},
        district_id=props.get("district_id"),
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        changes=json.dumps(_diff({}, props), ensure_ascii=False, sort_keys=True),
    )
    if not created:
        raise ValueError("unknown municipality")
    return actor_id


def update_actor(
    graph: Graph,
    who: Who,
    actor_id: str,
    version: int,
    data: dict[str, Any],
    today: str,
) -> int:
    """Write checked form data if the organisation is still at `version`; new version."""
    found = get_actor(graph, actor_id, today)
    if found is None:
        raise LookupError(actor_id)
    after = {field: data.get(field) for field in ACTOR_FIELDS}
    written = graph.query(
        "directory.update_actor",
        actor_id=actor_id,
        version=version,
        props=after,
        district_id=after.get("district_id"),
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        changes=json.dumps(
            _diff(actor_form_data(found), after), ensure_ascii=False, sort_keys=True
        ),
    )
    if not written:
        raise Conflict(actor_id)
    return written[0]["version"]


def retire_actor(graph: Graph, who: Who, actor_id: str, version: int, last_day: str) -> int:
    """Retire an organisation after `last_day` and end its running offers; how many ended."""
    written = graph.query(
        "directory.retire_actor",
        actor_id=actor_id,
        version=version,
        last_day=last_day,
        change_id=uuid.uuid4().hex,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
        changes=json.dumps({"retired_on": [None, last_day]}),
        offer_changes=json.dumps({"valid_until": ["(running)", last_day]}),
    )
    if not written:
        raise Conflict(actor_id)
    return written[0]["offers_ended"]
