"""Referral search: which valid offers of the city fit a client's needs, ranked and explained.

The graph supplies the facts of every candidate offer in one query (offers of the user's
municipality that cover at least one requested topic and are valid today); the rules of
graphsvc.domain.ranking score, filter and explain them. The same function serves the HTML
page, the JSON API and the benchmark, so all three rank alike.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain import fulltext, model, ranking, unmet_searches
from ..domain.errors import InvalidInput
from ..graph import Graph

MAX_TOPICS = 10
MAX_LANGUAGES = 10
MAX_TEXT = 200
MAX_AGE = 120
MAX_TEXT_WORDS = 8
TEXT_HITS = 1000
WORD = re.compile(r"[^\W_]+")
PARAMETERS = (
    "topics",
    "district",
    "languages",
    "age",
    "age_band",
    "gender",
    "residence_status",
    "target_group",
    "q",
    "include_ineligible",
    "limit",
)


class InvalidSearch(InvalidInput):
    """The search input is not acceptable; `fields` says which field and why."""


@dataclass(frozen=True)
class Criteria:
    """A validated referral search."""

    topic_ids: tuple[str, ...]
    district_id: str | None = None
    languages: tuple[str, ...] = ()
    age: int | None = None
    age_band: str | None = None
    gender: str | None = None
    residence_status: str | None = None
    target_group: str | None = None
    text: str = ""
    include_ineligible: bool = False
    limit: int = ranking.DEFAULT_LIMIT


@dataclass
class Result:
    """Ranked rows, the help-network proposal and what the search was about."""

    criteria: Criteria
    rows: list[ranking.Row]
    proposal: dict[str, Any]
    candidates: int
    eligible: int
    district: dict[str, Any] | None = None
    neighbours: list[str] = field(default_factory=list)
    unmet: dict[str, str] = field(default_factory=dict)  # need -> none | waiting

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "criteria": {
                "topics": list(self.criteria.topic_ids),
                "district": self.criteria.district_id,
                "languages": list(self.criteria.languages),
                "age": self.criteria.age,
                "age_band": self.criteria.age_band,
                "gender": self.criteria.gender,
                "residence_status": self.criteria.residence_status,
                "target_group": self.criteria.target_group,
                "text": self.criteria.text,
                "include_ineligible": self.criteria.include_ineligible,
                "limit": self.criteria.limit,
            },
            "candidates": self.candidates,
            "eligible": self.eligible,
            "results": [row.as_dict() for row in self.rows],
            "unmet_needs": dict(sorted(self.unmet.items())),
            "help_network": {
                "offers": [row.offer["id"] for row in self.proposal["offers"]],
                "uncovered": self.proposal["uncovered"],
                "method": self.proposal["method"],
            },
        }


VOCABULARY_SECONDS = 60.0
_vocabularies: dict[tuple[str, str, str], tuple[float, dict[str, list[dict[str, Any]]]]] = {}


def vocabulary(graph: Graph, municipality_id: str) -> dict[str, list[dict[str, Any]]]:
    """Topics, languages, target groups, residence statuses and the municipality's districts.

    Kept for VOCABULARY_SECONDS per process: master data changes rarely, and every search
    request checks its ids against it (a query of ~3 ms at nrw scale, a fifth of the budget).
    """
    key = (graph.dialect, str(getattr(graph.backend, "graph_name", id(graph))), municipality_id)
    cached = _vocabularies.get(key)
    if cached and time.monotonic() - cached[0] < VOCABULARY_SECONDS:
        return cached[1]
    found = graph.query("search.vocabulary", municipality_id=municipality_id) or {}
    vocab = {
        # FalkorDB collects an OPTIONAL MATCH without a hit as a map of nulls: drop those.
        key: sorted(
            (item for item in found.get(key) or [] if item and item.get("id") is not None),
            key=lambda item: item.get("name_de") or item.get("name") or "",
        )
        for key in ("topics", "languages", "target_groups", "residence_statuses", "districts")
    }
    if len(_vocabularies) > 1000:
        _vocabularies.clear()
    _vocabularies[key] = (time.monotonic(), vocab)
    return vocab


def _one(args: Mapping[str, Any], name: str) -> str | None:
    value = args.get(name)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _many(args: Mapping[str, Any], name: str) -> list[str]:
    value = args.get(name)
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        # "housing,work" and repeated parameters both work; a repeat counts towards the
        # limit (as the API document says) and is dropped afterwards.
        out.extend(part.strip() for part in str(item).split(",") if part.strip())
    return out


def parse_criteria(args: Mapping[str, Any], vocab: Mapping[str, list[dict]]) -> Criteria:
    """Check raw input (query-string lists or plain values) against the vocabulary."""
    errors: dict[str, str] = {}
    known = {key: {item["id"] for item in items} for key, items in vocab.items()}

    topics = _many(args, "topics")
    if not topics:
        errors["topics"] = "at least one topic (need) is required"
    elif len(topics) > MAX_TOPICS:
        errors["topics"] = f"at most {MAX_TOPICS} topics"
    elif unknown := [t for t in topics if t not in known["topics"]]:
        errors["topics"] = "unknown topic id: " + ", ".join(unknown[:3])

    district = _one(args, "district")
    if district is not None and district not in known["districts"]:
        errors["district"] = "unknown district id for your municipality"

    languages = _many(args, "languages")
    if len(languages) > MAX_LANGUAGES:
        errors["languages"] = f"at most {MAX_LANGUAGES} languages"
    elif unknown := [lang for lang in languages if lang not in known["languages"]]:
        errors["languages"] = "unknown language code: " + ", ".join(unknown[:3])

    age: int | None = None
    raw_age = _one(args, "age")
    if raw_age is not None:
        if not raw_age.isdigit() or len(raw_age) > 3 or int(raw_age) > MAX_AGE:
            errors["age"] = f"a whole number from 0 to {MAX_AGE}"
        else:
            age = int(raw_age)

    age_band = _one(args, "age_band")
    if age_band is not None and age_band not in model.AGE_BANDS:
        errors["age_band"] = "one of " + ", ".join(model.AGE_BANDS)

    gender = _one(args, "gender")
    if gender is not None and gender not in model.GENDERS:
        errors["gender"] = "one of " + ", ".join(model.GENDERS)

    status = _one(args, "residence_status")
    if status is not None and status not in known["residence_statuses"]:
        errors["residence_status"] = "unknown residence-status category"

    group = _one(args, "target_group")
    if group is not None and group not in known["target_groups"]:
        errors["target_group"] = "unknown target group"

    text = _one(args, "q") or ""
    if len(text) > MAX_TEXT:
        errors["q"] = f"at most {MAX_TEXT} characters"

    flag = (_one(args, "include_ineligible") or "").lower()
    if flag not in {"", "0", "1", "true", "false", "y", "n", "yes", "no", "on", "off"}:
        errors["include_ineligible"] = "true or false"

    limit = ranking.DEFAULT_LIMIT
    raw_limit = _one(args, "limit")
    if raw_limit is not None:
        if not raw_limit.isdigit() or not 1 <= int(raw_limit[:4]) <= ranking.MAX_LIMIT:
            errors["limit"] = f"a whole number from 1 to {ranking.MAX_LIMIT}"
        else:
            limit = int(raw_limit)

    if errors:
        raise InvalidSearch(errors)
    return Criteria(
        topic_ids=tuple(dict.fromkeys(topics)),
        district_id=district,
        languages=tuple(dict.fromkeys(languages)),
        age=age,
        age_band=age_band,
        gender=gender,
        residence_status=status,
        target_group=group,
        text=text,
        include_ineligible=flag in {"1", "true", "y", "yes", "on"},
        limit=limit,
    )


def text_words(text: str) -> list[str]:
    """The words of a free-text query, query-syntax characters dropped."""
    words = [w.lower() for w in WORD.findall(text) if len(w) >= 2]
    return fulltext.searchable(words)[:MAX_TEXT_WORDS]


def fulltext_query(text: str, dialect: str) -> str | None:
    """An engine's full-text query: every word stemmed, as prefix and (length ≥ 4) with one typo.

    German stemming does not split compounds, so a prefix query lets "Wohnung" find
    "Wohnungssuche"; the plain word keeps stemmed matches ("Lotse" finds "Lotsen"); the
    fuzzy term tolerates one typo. Words are ANDed; stop words are left out. Neo4j's German
    analyzer folds ä/ae, ö/oe, ü/ue and ß/ss itself; FalkorDB is asked for both spellings
    (domain/fulltext.py). Only letters and digits survive, so nothing of the input can
    change the query's structure.
    """
    words = text_words(text)
    if not words:
        return None
    parts = []
    for word in words:
        if dialect == "neo4j":
            parts.append(
                f"({word} OR {word}* OR {word}~1)" if len(word) >= 4 else f"({word} OR {word}*)"
            )
            continue
        spellings = [word, *filter(None, [fulltext.other_spelling(word)])]
        terms = [
            term
            for spelling in spellings
            for term in (
                (spelling, f"{spelling}*", f"%{spelling}%")
                if len(spelling) >= 4
                else (spelling, f"{spelling}*")
            )
        ]
        parts.append(f"({'|'.join(terms)})")
    return (" AND " if dialect == "neo4j" else " ").join(parts)


def text_search(graph: Graph, municipality_id: str, text: str) -> list[dict[str, Any]]:
    """Offers and organisations of the municipality matching free text, best first."""
    query = fulltext_query(text, graph.dialect)
    if query is None:
        return []
    rows = graph.query("search.text", municipality_id=municipality_id, text=query)
    rows.sort(key=lambda r: (-(r.get("score") or 0), r["kind"], r.get("name") or ""))
    return rows


def referral(
    graph: Graph,
    municipality_id: str,
    criteria: Criteria,
    today: str,
    wait_days: int = unmet_searches.DEFAULT_WAIT_DAYS,
    own_actor_id: str | None = None,
) -> Result:
    """Rank the valid offers of the municipality for the client; `today` is 'YYYY-MM-DD'.

    The result names the needs nothing suitable was found for (no eligible offer, or the
    best one waits more than `wait_days`). `own_actor_id` is the organisation of a searching
    case manager, whose own case management is then no partner offer (domain/ranking.py,
    `own_case_management`)."""
    district, neighbours = None, []
    if criteria.district_id:
        # The vocabulary (kept per process) knows each district's neighbours.
        known = {d["id"]: d for d in vocabulary(graph, municipality_id)["districts"]}
        district = known.get(criteria.district_id)
        if district is None:
            raise InvalidSearch({"district": "unknown district id for your municipality"})
        neighbours = [n for n in district.get("neighbours") or [] if n]
    matches: frozenset[str] | None = None
    if criteria.text:
        query = fulltext_query(criteria.text, graph.dialect)
        hits = (
            graph.query(
                "search.offer_text", municipality_id=municipality_id, text=query, limit=TEXT_HITS
            )
            if query
            else []
        )
        matches = frozenset(hit["id"] for hit in hits)
    broader = {t["id"]: t.get("broader") for t in vocabulary(graph, municipality_id)["topics"]}
    related = ranking.related_topics(broader, criteria.topic_ids)
    wanted = {*criteria.topic_ids, *(t for topics in related.values() for t in topics)}
    candidates = graph.query(
        "search.referral_candidates",
        municipality_id=municipality_id,
        topic_ids=sorted(wanted),
        today=today,
    )
    client = ranking.Client(
        topic_ids=criteria.topic_ids,
        district_id=criteria.district_id,
        neighbour_ids=frozenset(neighbours),
        languages=criteria.languages,
        age=criteria.age,
        age_range=model.age_band_range(criteria.age_band) if criteria.age_band else None,
        gender=criteria.gender,
        residence_status=criteria.residence_status,
        target_group=criteria.target_group,
        text_matches=matches,
        related=related,
        own_actor_id=own_actor_id,
    )
    rows, eligible = ranking.rank(candidates, client, criteria.include_ineligible, criteria.limit)
    proposal = ranking.help_network(eligible, criteria.topic_ids)
    return Result(
        criteria=criteria,
        rows=rows,
        proposal=proposal,
        candidates=len(candidates),
        eligible=len(eligible),
        district=district,
        neighbours=neighbours,
        unmet=unmet_searches.unmet_needs(eligible, criteria.topic_ids, wait_days),
    )
