"""Generative themes: system-level issues coordination finds in case
conferences, with the topics, districts and cases (by pseudonym) they concern."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import clock
from ..domain.errors import Conflict
from ..graph import Graph
from . import audit
from .audit import Who

MAX_TITLE = 200
MAX_DESCRIPTION = 4000
MAX_CASES = 200


class ThemeError(ValueError):
    """A theme change that cannot be saved; `field` names the form field, `items` the
    offending values (e.g. unknown pseudonyms)."""

    def __init__(self, message: str, field: str | None = None, items: list[str] | None = None):
        super().__init__(message)
        self.field = field
        self.items = items or []


@dataclass
class ThemeInput:
    """What the form gives: checked ids and pseudonyms of the user's municipality."""

    title: str
    description: str
    topic_ids: list[str]
    district_ids: list[str]
    pseudonyms: list[str]

    def params(self) -> dict[str, Any]:
        """Query parameters."""
        return {
            "title": self.title,
            "description": self.description,
            "topic_ids": self.topic_ids,
            "district_ids": self.district_ids,
            "pseudonyms": self.pseudonyms,
        }


def unknown_pseudonyms(graph: Graph, municipality_id: str, pseudonyms: list[str]) -> list[str]:
    """The pseudonyms that are not cases of this municipality (another city's are unknown too)."""
    if not pseudonyms:
        return []
    found = {
        r["pseudonym"]
        for r in graph.query(
            "themes.known_pseudonyms", municipality_id=municipality_id, pseudonyms=pseudonyms
        )
    }
    return [p for p in pseudonyms if p not in found]


def _check(graph: Graph, municipality_id: str, data: ThemeInput) -> None:
    if len(data.pseudonyms) > MAX_CASES:
        raise ThemeError(f"at most {MAX_CASES} cases", "cases")
    unknown = unknown_pseudonyms(graph, municipality_id, data.pseudonyms)
    if unknown:
        raise ThemeError("unknown pseudonym: " + ", ".join(unknown[:5]), "cases", unknown[:5])


def create(graph: Graph, who: Who, data: ThemeInput) -> str:
    """Record a new open theme in the user's municipality (audited); returns its id."""
    _check(graph, who.municipality_id, data)
    theme_id = uuid.uuid4().hex[:12]
    graph.query(
        "themes.create_theme",
        id=theme_id,
        municipality_id=who.municipality_id,
        username=who.get("username"),
        now=clock.now_iso(),
        **data.params(),
    )
    audit.record(graph, who, "themes.create", target=theme_id, details={"cases": data.pseudonyms})
    return theme_id


def update(graph: Graph, who: Who, theme_id: str, version: int, data: ThemeInput) -> int:
    """Change an open theme if nobody else did meanwhile (audited); returns the new version."""
    _check(graph, who.municipality_id, data)
    row = graph.query(
        "themes.update_theme",
        id=theme_id,
        municipality_id=who.municipality_id,
        version=version,
        username=who.get("username"),
        now=clock.now_iso(),
        **data.params(),
    )
    new_version = _new_version(row)
    audit.record(graph, who, "themes.update", target=theme_id, details={"cases": data.pseudonyms})
    return new_version


def close(graph: Graph, who: Who, theme_id: str, version: int) -> int:
    """Close an open theme if nobody else changed it meanwhile (audited)."""
    row = graph.query(
        "themes.close_theme",
        id=theme_id,
        municipality_id=who.municipality_id,
        version=version,
        username=who.get("username"),
        now=clock.now_iso(),
    )
    new_version = _new_version(row)
    audit.record(graph, who, "themes.close", target=theme_id, details={"cases": []})
    return new_version


def _new_version(rows: list[dict]) -> int:
    """The version a guarded write returned; no row means someone else changed it first."""
    if not rows:
        raise Conflict("the theme was changed or closed meanwhile; please reload")
    return rows[0]["version"]


def get(graph: Graph, municipality_id: str, theme_id: str) -> dict | None:
    """One theme of the municipality, or None."""
    row = graph.query("themes.get_theme", id=theme_id, municipality_id=municipality_id)
    return row["theme"] if row else None


def list_themes(graph: Graph, municipality_id: str) -> list[dict]:
    """All themes of the municipality, newest first."""
    return [r["theme"] for r in graph.query("themes.list_themes", municipality_id=municipality_id)]


def for_report(themes: list[dict], threshold: int) -> list[dict]:
    """Open themes as the gap report shows them: no pseudonyms, and the number of linked
    cases only as 'at least the threshold' or 'fewer' — a theme's few cases together with
    its topics and districts could point at a person, and the committee needs no more."""
    return [
        {
            "id": t["id"],
            "title": t["title"],
            "description": t.get("description") or "",
            "topics": t.get("topics") or [],
            "districts": t.get("districts") or [],
            "many_cases": len(t.get("cases") or []) >= threshold,
        }
        for t in themes
        if t.get("status") == "open"
    ]
