"""The network explorer's answers in words a meeting understands, in the interface language:
centrality as a role and a share, each step of a path as a sentence, days and filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import format_date, format_percent
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...domain import clock
from ...services import network
from ..display import CATEGORY_LABELS, CIRCLE_LABELS, KIND_LABELS

COOPERATION_LABELS = {
    "bilateral_agreement": _l("bilateral agreement"),
    "regular_exchange": _l("regular exchange"),
    "occasional": _l("occasional"),
}
TYPE_LABELS = {
    "actor": _l("Organisation"),
    "offer": _l("Offer"),
    "working_group": _l("Working group"),
    "district": _l("District"),
    "topic": _l("Topic"),
}
ROLE_LABELS = {
    "central_bridge": _l("Central bridge"),
    "bridge": _l("Bridge"),
    "connected": _l("Well connected"),
    "edge": _l("At the edge"),
    "isolated": _l("Not connected"),
}
FILTER_LABELS = {
    "topics": _l("Topic"),
    "districts": _l("District"),
    "working_groups": _l("Working group"),
    "kinds": _l("Organisation type"),
    "categories": _l("Offer category"),
    "circles": _l("Circle"),
}


def day(value: str | None) -> str:
    """An ISO day as the interface shows it (29.11.2026), '' for none."""
    if not value:
        return ""
    try:
        return format_date(dt.date.fromisoformat(value[:10]), "medium")
    except ValueError:
        return value


def centrality_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each organisation's centrality with its role and a sentence (no raw measures)."""
    out = []
    for row in rows:
        role = network.centrality_role(row)
        text = _(
            "%(role)s: %(share)s of the shortest connections between two others run through "
            "it; in %(groups)s working groups, %(partners)s cooperations",
            role=ROLE_LABELS[role],
            share=format_percent(row["betweenness"], "#,##0 %"),
            groups=row["groups"],
            partners=row["partners"],
        )
        out.append({**row, "role": role, "role_label": str(ROLE_LABELS[role]), "text": text})
    return out


def path_story(result: dict[str, Any], net: network.Network) -> list[dict[str, Any]]:
    """Per path: a headline (who could connect the two) and one sentence per step."""
    stories = []
    for path, steps in zip(result["paths"], result["steps"], strict=True):
        names = {n["id"]: n["label"] for n in path}
        sentences = [_step(step, names) for step in steps]
        middle = [n["label"] for n in path[1:-1] if n["type"] == "actor"]
        groups = [n["label"] for n in path[1:-1] if n["type"] == "working_group"]
        if middle:
            headline = _("%(names)s could connect them.", names=", ".join(middle))
        elif groups:
            headline = _(
                "They meet in “%(group)s” and can speak to each other there.", group=groups[0]
            )
        else:
            headline = _("They cooperate directly.")
        stories.append({"headline": headline, "steps": sentences})
    return stories


def _step(step: dict[str, Any], names: dict[str, str]) -> str:
    a, b = names[step["from"]], names[step["to"]]
    if step["type"] == "cooperates_with":
        kind = COOPERATION_LABELS.get(step.get("kind") or "")
        if kind:
            return _("%(a)s cooperates with %(b)s (%(kind)s).", a=a, b=b, kind=kind)
        return _("%(a)s cooperates with %(b)s.", a=a, b=b)
    organiser = step.get("role") == "organiser"
    if step["from"].startswith("actor:"):
        if organiser:
            return _("%(actor)s organises the working group “%(group)s”.", actor=a, group=b)
        return _("%(actor)s is a member of the working group “%(group)s”.", actor=a, group=b)
    if organiser:
        return _("“%(group)s” is organised by %(actor)s.", group=a, actor=b)
    return _("%(actor)s is a member of “%(group)s” too.", group=a, actor=b)


def details(found: dict[str, Any]) -> dict[str, Any]:
    """The details of a node with the fixed vocabularies in words (never a raw id)."""
    out = dict(found)
    for key, labels in (
        ("kind", KIND_LABELS),
        ("category", CATEGORY_LABELS),
        ("circle", CIRCLE_LABELS),
    ):
        if out.get(key):
            out[key + "_label"] = str(labels.get(out[key], out[key]))
    for key in ("since", "retired_on", "valid_from", "valid_until"):
        if out.get(key):
            out[key + "_label"] = day(out[key])
    out["type_label"] = str(TYPE_LABELS.get(out.get("type") or "", ""))
    return out


def filter_summary(filters: network.Filters, net: network.Network, lang: str) -> str:
    """The active filters in words ('Topic: Housing; District: Wanne'), '' for none."""
    names: dict[str, dict[str, str]] = {
        "topics": {t: network.topic_label(net.topics[t], lang) for t in net.topics},
        "districts": {d: net.districts[d].get("name") or d for d in net.districts},
        "working_groups": {g: net.groups[g].get("name") or g for g in net.groups},
        "kinds": {k: str(v) for k, v in KIND_LABELS.items()},
        "categories": {k: str(v) for k, v in CATEGORY_LABELS.items()},
        "circles": {k: str(v) for k, v in CIRCLE_LABELS.items()},
    }
    parts = []
    for name in network.FILTER_FIELDS:
        values = getattr(filters, name)
        if values:
            shown = ", ".join(names[name].get(v, v) for v in values)
            parts.append(f"{FILTER_LABELS[name]}: {shown}")
    return "; ".join(parts)


CHANGE_HEADINGS = {
    ("organisations", "new"): _l("New organisations"),
    ("organisations", "ended"): _l("Organisations that left"),
    ("offers", "new"): _l("New offers"),
    ("offers", "ended"): _l("Offers that ended"),
    ("memberships", "new"): _l("New working-group memberships"),
    ("memberships", "ended"): _l("Working-group memberships that ended"),
    ("cooperations", "new"): _l("New cooperations"),
    ("cooperations", "ended"): _l("Cooperations that ended"),
}


def change_sections(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The changes list as sections with a heading and items with their day in words."""
    sections = []
    for kind in network.CHANGE_KINDS:
        for change in ("new", "ended"):
            items = result["changes"][kind][change]
            sections.append(
                {
                    "kind": kind,
                    "change": change,
                    "heading": str(CHANGE_HEADINGS[kind, change]),
                    "items": [
                        {
                            **item,
                            "day": day(
                                item.get("first_day") if change == "new" else item.get("last_day")
                            ),
                        }
                        for item in items
                    ],
                }
            )
    return sections


def handout_texts() -> dict[str, str]:
    """The words of the PDF handout in the interface language."""
    texts = {
        "as_of": _("As of %(day)s"),
        "filters": _("Filters: %(filters)s"),
        "no_filters": _("No filters: the whole network."),
        "legend": _("Legend"),
        "new": _("new"),
        "ended": _("ended"),
        "changes": _("What changed from %(since)s to %(until)s"),
        "nothing": _("none"),
        "shown": _("%(nodes)s nodes, %(edges)s edges shown."),
        "page": _("Page"),
        "made": _("Made with graphsvc on %(day)s. No case data."),
        "today": day(clock.today_iso()),
    }
    texts.update({f"type_{k}": str(v) for k, v in TYPE_LABELS.items()})
    return texts
