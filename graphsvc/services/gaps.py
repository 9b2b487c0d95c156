"""Gap analysis report for one municipality: reads, rules, CSV and PDF.

Four indexed reads per report (needs, links, offers of the municipality, and the names);
nothing scans across NRW. The rules live in `domain/gaps.py`; the web layer labels the
tables, and this module writes them as CSV or PDF without knowing the interface language.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from ..domain import csvfile
from ..domain.cases import ACTIVE_LINK_STATUSES
from ..domain.gaps import DEMAND_STATUSES, REFUSED_STATUSES, GapReport, Period, build
from ..domain.suppression import DEFAULT_THRESHOLD, check_threshold
from ..graph import Graph
from . import unmet_searches


@dataclass
class Names:
    """Display names for the report in one language."""

    municipality: str
    districts: dict[str, str]
    topics: dict[str, str]
    languages: dict[str, str]
    target_groups: dict[str, str]


def names(graph: Graph, municipality_id: str, lang: str = "de") -> Names:
    """Names of districts (in their order), topics, languages and target groups."""
    row = graph.query("gaps.vocabulary", municipality_id=municipality_id) or {}
    key = "name_en" if lang == "en" else "name_de"

    def named(items: list[dict]) -> dict[str, str]:
        return {i["id"]: i.get(key) or i.get("name_de") or i["id"] for i in items if i}

    districts = sorted((d for d in row.get("districts") or [] if d), key=lambda d: d["name"])
    return Names(
        municipality=row.get("municipality") or municipality_id,
        districts={d["id"]: d["name"] for d in districts},
        topics=named(row.get("topics") or []),
        languages=named(row.get("languages") or []),
        target_groups=named(row.get("target_groups") or []),
    )


def report(
    graph: Graph,
    municipality_id: str,
    period: Period,
    months: int,
    today: dt.date,
    threshold: int = DEFAULT_THRESHOLD,
    district_ids: list[str] | None = None,
) -> GapReport:
    """The gap report of one municipality for a period (four reads, rules in Python)."""
    check_threshold(threshold)
    # The reads already leave out what no rule uses (old settled needs, links that neither
    # refused nor bind); the rules in domain/gaps.py check the same conditions again.
    cases = graph.query(
        "gaps.case_needs",
        municipality_id=municipality_id,
        demand_statuses=list(DEMAND_STATUSES),
        date_from=period.start.isoformat(),
        date_to=period.end.isoformat(),
    )
    # One row per case with its needs as [topic, status, since]: a third of the values to
    # decode compared with one row per need (measured on the nrw bench graph).
    needs = [
        {**case, "topic": topic, "status": status, "since": since}
        for case in cases
        for topic, status, since in case.pop("needs")
    ]
    links = graph.query(
        "gaps.case_links",
        municipality_id=municipality_id,
        statuses=[*REFUSED_STATUSES, *ACTIVE_LINK_STATUSES],
    )
    offers = [r["offer"] for r in graph.query("gaps.offers", municipality_id=municipality_id)]
    if district_ids is None:
        district_ids = list(names(graph, municipality_id).districts)
    unmet = unmet_searches.counts(graph, municipality_id, period.start, period.end)
    return build(needs, links, offers, district_ids, period, today, months, threshold, unmet)


# --- files: the labelled tables the web layer hands over, as CSV or PDF ---------------------


def to_csv(meta: list[tuple[str, str]], tables: list[dict[str, Any]]) -> str:
    """One CSV file (semicolon, for German spreadsheets): the facts, then one section per table."""
    out = io.StringIO()
    writer = csvfile.Writer(out, delimiter=";", lineterminator="\r\n")
    for key, value in meta:
        writer.writerow([key, value])
    for table in tables:
        writer.writerow([])
        writer.writerow([f"# {table['title']}"])
        writer.writerow(table["columns"])
        writer.writerows(table["rows"])
    return out.getvalue()


def to_json(report: GapReport) -> dict[str, Any]:
    """The report as plain values; suppressed counts are null, never the number."""

    def cells(table, row_key: str, column_key: str) -> list[dict]:
        return [
            {row_key: r, column_key: c, "cases": table.shown((r, c))}
            for r, c in sorted(table.counts)
        ]

    return {
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "threshold": report.threshold,
        "demand_supply": [
            {"topic": t, "district": d, **report.cell(t, d)}
            for t in report.topics
            for d in report.districts
        ],
        "refusals": cells(report.refusals, "topic", "reason"),
        "refusals_by_district": cells(report.refusals_by_district, "topic", "district"),
        "unmet_searches": cells(report.unmet_by_district, "topic", "district"),
        "unmet_searches_by_language": cells(report.unmet_by_language, "language", "topic"),
        "language_gaps": cells(report.languages, "language", "topic"),
        "target_group_gaps": cells(report.target_groups, "target_group", "topic"),
        "ending_offers": report.ending,
        "trend": cells(report.trend, "quarter", "measure"),
    }
