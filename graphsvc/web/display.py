"""How graph values are shown in the interface language: the labels of the fixed
vocabularies, names of the graph's vocabularies, and the sentences that explain a
referral-search result — shared by every page and the API."""

from __future__ import annotations

from typing import Any

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l

from ..domain import ranking

KIND_LABELS = {
    "city_office": _l("City office"),
    "welfare": _l("Welfare organisation"),
    "association": _l("Association"),
    "education": _l("Education"),
    "health": _l("Health"),
    "job_centre": _l("Job centre"),
    "church": _l("Church"),
    "other": _l("Other"),
}
CATEGORY_LABELS = {
    "counselling": _l("Permanent counselling"),
    "project": _l("Project"),
    "statutory": _l("Statutory service"),
}
CIRCLE_LABELS = {"inner": _l("Inner circle"), "outer": _l("Outer circle")}
GENDER_LABELS = {"female": _l("female"), "male": _l("male"), "diverse": _l("diverse")}


def names(vocab: dict[str, list[dict]], language: str) -> dict[str, dict[str, str]]:
    """Id → display name per vocabulary, in the interface language."""
    key = "name_en" if language == "en" else "name_de"
    return {
        kind: {i["id"]: i.get(key) or i.get("name") or i["id"] for i in items}
        for kind, items in vocab.items()
    }


def _list(ids: list[str], lookup: dict[str, str]) -> str:
    return ", ".join(lookup.get(i, i) for i in ids)


class Translator:
    """gettext with one catalogue lookup per message and request: explaining 20 rows calls
    it a few hundred times, and Flask-Babel's own gettext looks the catalogue up each time."""

    def __init__(self) -> None:
        self.catalogue = get_translations()
        self.seen: dict[str, str] = {}

    def __call__(self, msgid: str, **values: Any) -> str:
        text = self.seen.get(msgid)
        if text is None:
            text = self.seen[msgid] = self.catalogue.ugettext(msgid)
        return text % values if values else text


def _reason(reason: dict[str, Any], named: dict[str, dict[str, str]], _: Translator) -> str:
    if reason["criterion"] == "age":
        low, high = reason.get("age_min"), reason.get("age_max")
        if low is not None and high is not None:
            return _("only for ages %(low)s to %(high)s", low=low, high=high)
        if low is not None:
            return _("only from age %(low)s", low=low)
        return _("only up to age %(high)s", high=high)
    if reason["criterion"] == "gender":
        allowed = ", ".join(str(GENDER_LABELS.get(g, g)) for g in reason["allowed"])
        return _("only for: %(genders)s", genders=allowed)
    return _(
        "only for residence status: %(statuses)s",
        statuses=_list(reason["allowed"], named["residence_statuses"]),
    )


def explain(
    row: ranking.Row, named: dict[str, dict[str, str]], _: Translator | None = None
) -> list[dict[str, Any]]:
    """The reasons of one row as sentences in the interface language, with their points."""
    _ = _ or Translator()
    out = []
    for item in row.explanation:
        factor, text = item["factor"], ""
        if factor == "needs":
            parts = []
            if item["covered"]:
                parts.append(
                    _("Covers %(covered)s", covered=_list(item["covered"], named["topics"]))
                )
            for near in item.get("related") or []:
                parts.append(
                    _(
                        "%(need)s only through the related topic %(via)s",
                        need=_list([near["need"]], named["topics"]),
                        via=_list(near["via"], named["topics"]),
                    )
                )
            text = " · ".join(parts)
            if item["missing"]:
                text += " · " + _(
                    "not: %(missing)s", missing=_list(item["missing"], named["topics"])
                )
        elif factor == "language":
            if item["matched"]:
                text = _(
                    "Counselling in %(languages)s",
                    languages=_list(item["matched"], named["languages"]),
                )
            else:
                text = _(
                    "None of the client's languages (offered: %(offered)s)",
                    offered=_list(item["offered"], named["languages"]),
                )
        elif factor == "location":
            text = {
                "same": _("Serves the client's district"),
                "neighbour": _("Serves a neighbouring district"),
                "elsewhere": _("Elsewhere in the city"),
            }[item["where"]]
        elif factor == "eligibility":
            if not item["eligible"]:
                text = _(
                    "Not eligible: %(reasons)s",
                    reasons="; ".join(_reason(r, named, _) for r in item["reasons"]),
                )
            elif item["unchecked"]:
                labels = {
                    "age": _("age"),
                    "gender": _("gender"),
                    "residence_status": _("residence status"),
                }
                text = _(
                    "Eligible as far as stated; please check: %(criteria)s",
                    criteria=", ".join(labels[c] for c in item["unchecked"]),
                )
            else:
                text = _("Eligible")
        elif factor == "waiting":
            if item["days"] is None:
                text = _("Waiting time unknown")
            elif item["days"] == 0:
                text = _("No waiting time")
            else:
                text = _("Waiting time about %(days)s days", days=item["days"])
        elif factor == "acceptance":
            if item["rate"] is None:
                text = _("Too few decided referrals to tell (%(decided)s)", decided=item["decided"])
            else:
                text = _(
                    "%(accepted)s of %(decided)s referrals by colleagues accepted",
                    accepted=item["accepted"],
                    decided=item["decided"],
                )
        elif factor == "target_group":
            text = (
                _("Made for the client's target group")
                if item["fits"]
                else _("Not specifically for the client's target group")
            )
        elif factor == "text":
            text = (
                _("Matches the free text") if item["matches"] else _("Does not match the free text")
            )
        out.append({"factor": factor, "points": row.points.get(factor, 0.0), "text": text})
    return out


# Shown first on a result card: what the offer covers, then what decides for or against it.
DECISIVE_REASONS = 3


def decisive(reasons: list[dict[str, Any]], eligible: bool) -> list[dict[str, Any]]:
    """The two or three reasons that decide a result: the needs it covers, what speaks against
    it (not eligible, none of the client's languages), then the factors that earned most."""
    first = [r for r in reasons if r["factor"] == "needs"]
    if not eligible:
        first += [r for r in reasons if r["factor"] == "eligibility"]
    first += [r for r in reasons if r["factor"] == "language" and r["points"] == 0]
    rest = sorted(
        (r for r in reasons if r not in first and r["points"] > 0),
        key=lambda r: -r["points"],
    )
    return (first + rest)[:DECISIVE_REASONS]
