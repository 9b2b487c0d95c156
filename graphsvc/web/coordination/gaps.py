"""The gap-analysis report: HTML, CSV, PDF and JSON of the same findings."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField
from wtforms.validators import NumberRange, Optional

from ...domain import clock
from ...domain import gaps as rules
from ...domain.suppression import DEFAULT_THRESHOLD, MIN_THRESHOLD, SuppressedTable
from ...services import audit, gaps, gaps_pdf, themes
from ..access import COORDINATION, roles_required
from ..context import graph, lang, municipality, who
from ..display import CATEGORY_LABELS
from ..errors import bad_request
from ..formats import day
from . import bp

MAX_THRESHOLD = 50
HIDDEN = "×"  # one mark for every hidden cell: which ones are primary must not show either
REASON_LABELS = {
    "no_capacity": _l("no capacity"),
    "not_eligible": _l("not eligible"),
    "client_did_not_come": _l("client did not come"),
    "other": _l("other reason"),
    "declined": _l("declined (recorded by the case manager)"),
}
CITY_WIDE_LABEL = _l("whole city (no district given)")
MEASURE_LABELS = {
    "needs_raised": _l("Needs recorded"),
    "still_open": _l("of these still open or unmet"),
}
GROUP_NONE = _l("no specific group")
FORMATS = {
    "coordination.gap_report_csv": "csv",
    "coordination.gap_report_pdf": "pdf",
    "coordination.gap_report_json": "json",
    "api_coordination.gap_report": "api",
}


class GapReportForm(FlaskForm):
    """Period, horizon for ending offers and the suppression threshold (query string)."""

    class Meta:
        csrf = False

    period: rules.Period  # set by validate()
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])
    months = IntegerField(
        _l("Offers ending within (months)"),
        default=6,
        validators=[
            Optional(),
            NumberRange(1, rules.MAX_ENDING_MONTHS, _l("Choose 1 to 36 months.")),
        ],
    )
    threshold = IntegerField(
        _l("Smallest count shown"),
        default=DEFAULT_THRESHOLD,
        validators=[
            Optional(),
            NumberRange(
                MIN_THRESHOLD,
                MAX_THRESHOLD,
                _l("Choose 3 to 50: data protection allows no threshold below 3."),
            ),
        ],
    )

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then the period with its defaults filled in (see `options`)."""
        if not super().validate(extra_validators):
            return False
        default = rules.Period.default(clock.today())
        start = self.date_from.data or (
            default.start if not self.date_to.data else self.date_to.data.replace(day=1)
        )
        end = self.date_to.data or max(start, default.end)
        try:
            self.period = rules.Period.check(start, end)
        except rules.GapInputError as exc:
            message = {
                "date_to": _("The end must not lie before the start."),
                "date_from": _("The period may span at most five years."),
            }[exc.field]
            getattr(self, exc.field).errors = [message]
            return False
        return True

    def options(self) -> tuple[rules.Period, int, int]:
        """The checked period, months and threshold (call after `validate`)."""
        return self.period, self.months.data or 6, self.threshold.data or DEFAULT_THRESHOLD


def _load() -> tuple[GapReportForm, dict[str, Any] | None]:
    """The form and, when it is valid, the report with its names and themes."""
    form = GapReportForm(request.args)
    if not form.validate():
        return form, None
    today = clock.today()
    period, months, threshold = form.options()
    if not request.args:
        form.date_from.data, form.date_to.data = period.start, period.end
    names = gaps.names(graph(), municipality(), lang())
    found = gaps.report(
        graph(), municipality(), period, months, today, threshold, list(names.districts)
    )
    listed = themes.for_report(themes.list_themes(graph(), municipality()), threshold)
    audit.record(
        graph(),
        who(),
        "coordination.gap_report",
        target=municipality(),
        details={
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "months": months,
            "threshold": threshold,
            "format": FORMATS.get(request.endpoint or "", "html"),
        },
    )
    return form, {"report": found, "names": names, "themes": listed}


def _errors(form: GapReportForm) -> dict[str, list[str]]:
    return {name: [str(e) for e in errs] for name, errs in form.errors.items()}


def _shown(value: int | None) -> str:
    return HIDDEN if value is None else str(value)


def _matrix(
    table: SuppressedTable,
    rows: list[str],
    columns: list[str],
    row_name: dict[str, str],
    column_name: dict[str, str],
    first: str,
    row_totals: bool = True,
) -> dict[str, Any]:
    """A suppressed count table as labelled rows (by name) with totals; no rows when empty.

    `row_totals=False` where the columns do not add up (the trend's measures overlap)."""
    header = [first] + [column_name.get(c, c) for c in columns]
    header += [_("Total")] if row_totals else []
    if not rows:
        return {"columns": header, "rows": []}
    body = []
    for r in sorted(rows, key=lambda r: str(row_name.get(r, r)).lower()):
        line = [row_name.get(r, r)] + [_shown(table.shown((r, c))) for c in columns]
        body.append(line + ([_shown(table.row_total(r))] if row_totals else []))
    totals = [_("Total")] + [_shown(table.column_total(c)) for c in columns]
    body.append(totals + ([""] if row_totals else []))
    return {"columns": header, "rows": body}


def _axis(table: SuppressedTable, axis: int) -> list[str]:
    return sorted({cell[axis] for cell in table.counts})


def _ending_rows(found: rules.GapReport, names: gaps.Names) -> list[dict[str, Any]]:
    rows = []
    for offer in found.ending:
        uncovered = [
            f"{names.topics.get(u['topic'], u['topic'])} / "
            f"{names.districts.get(u['district'], u['district'])}"
            + (f" ({_('open needs')}: {_shown(u['open_needs'])})")
            for u in offer["uncovered"]
        ]
        rows.append(
            {
                **offer,
                "category_label": str(CATEGORY_LABELS.get(offer.get("category") or "", "")),
                "topic_names": ", ".join(names.topics.get(t, t) for t in offer["topics"]),
                "district_names": ", ".join(names.districts.get(d, d) for d in offer["districts"]),
                "uncovered_text": "; ".join(uncovered) or _("nothing: other offers remain"),
                "active_text": _shown(offer["active_cases"]),
            }
        )
    return rows


def _view(data: dict[str, Any]) -> dict[str, Any]:
    """Everything the HTML, CSV and PDF show, labelled in the interface language."""
    found: rules.GapReport = data["report"]
    names: gaps.Names = data["names"]
    groups = {**names.target_groups, rules.NO_SPECIFIC_GROUP: str(GROUP_NONE)}
    districts = {**names.districts, rules.CITY_WIDE: str(CITY_WIDE_LABEL)}
    heat = sorted(
        (
            {
                "id": t,
                "topic": names.topics.get(t, t),
                "cells": [found.cell(t, d) for d in found.districts],
                "total": found.demand.row_total(t),
            }
            for t in found.topics
        ),
        key=lambda row: str(row["topic"]).lower(),
    )
    tables = {
        "refusals": _matrix(
            found.refusals,
            _axis(found.refusals, 0),
            [r for r in rules.REFUSAL_REASONS if any(c == r for _, c in found.refusals.counts)],
            names.topics,
            {k: str(v) for k, v in REASON_LABELS.items()},
            _("Need"),
        ),
        "refusals_by_district": _matrix(
            found.refusals_by_district,
            _axis(found.refusals_by_district, 0),
            _axis(found.refusals_by_district, 1),
            names.topics,
            districts,
            _("Need"),
        ),
        "unmet": _matrix(
            found.unmet_by_district,
            _axis(found.unmet_by_district, 0),
            _axis(found.unmet_by_district, 1),
            names.topics,
            districts,
            _("Need"),
        ),
        "unmet_languages": _matrix(
            found.unmet_by_language,
            _axis(found.unmet_by_language, 0),
            _axis(found.unmet_by_language, 1),
            names.languages,
            names.topics,
            _("Language"),
        ),
        "languages": _matrix(
            found.languages,
            _axis(found.languages, 0),
            _axis(found.languages, 1),
            names.languages,
            names.topics,
            _("Language"),
        ),
        "target_groups": _matrix(
            found.target_groups,
            _axis(found.target_groups, 0),
            _axis(found.target_groups, 1),
            groups,
            names.topics,
            _("Target group"),
        ),
        "trend": _matrix(
            found.trend,
            found.quarters,
            list(rules.TREND_MEASURES),
            {},
            {k: str(v) for k, v in MEASURE_LABELS.items()},
            _("Quarter"),
            row_totals=False,
        ),
    }
    theme_rows = [
        {
            **t,
            "topic_names": ", ".join(names.topics.get(x, x) for x in t["topics"]),
            "district_names": ", ".join(names.districts.get(x, x) for x in t["districts"]),
            "cases_text": (f"≥ {found.threshold}" if t["many_cases"] else f"< {found.threshold}"),
        }
        for t in data["themes"]
    ]
    return {
        "found": found,
        "names": names,
        "heat": heat,
        "heat_totals": [found.demand.column_total(d) for d in found.districts],
        "tables": tables,
        "ending": _ending_rows(found, names),
        "themes": theme_rows,
        "trend_chart": _trend_chart(found),
        "method": _method(found),
        "legend": _heat_legend(found.threshold),
    }


def _method(found: rules.GapReport) -> list[str]:
    n = found.threshold
    return [
        _(
            "Demand: needs with status open or unmet of cases that ran in the period, one per "
            "case, need and district."
        ),
        _(
            "Supply: offers valid on the last day of the period that cover the need and serve "
            "the district, with their places and average waiting time."
        ),
        _(
            "Language and target-group gaps: needs for which offers exist in the district, but "
            "none in a language of the client, or none for the client's group (derived from age "
            "band, gender and residence status) and eligibility."
        ),
        _(
            "Refusals: links declined or refused for lack of capacity, dated in the period, by "
            "the reason the receiving organisation gave when it answered (else as the case "
            "manager recorded it); by district only those for lack of capacity or eligibility."
        ),
        _(
            "Searched, nothing suitable found: referral searches by case managers in the "
            "period's months in which no eligible offer covered a need, or the best one had a "
            "waiting time above the threshold. Counted per search, without case or user; the "
            "same search by the same person on the same day counts once."
        ),
        _(
            "Ending offers: offers whose last day lies within %(months)s months after the end "
            "of the period; uncovered are the need and district pairs no other offer serves "
            "afterwards.",
            months=found.months,
        ),
        _(
            "Small-cell suppression: no count under %(n)s cases is shown (×), and further cells "
            "or totals are hidden until none can be worked out from the totals. Generative "
            "themes show only whether at least %(n)s cases are linked.",
            n=n,
        ),
    ]


def _trend_chart(found: rules.GapReport) -> dict[str, Any]:
    """Bar positions for the inline SVG: two bars per quarter; hidden values as a stub."""
    width, height, pad = 640, 220, 30
    values = [found.trend.shown((q, m)) for q in found.quarters for m in rules.TREND_MEASURES]
    top = max([v for v in values if v] or [1])
    slot = (width - 2 * pad) / max(len(found.quarters), 1)
    bar = slot / (len(rules.TREND_MEASURES) + 1)
    bars = []
    for i, q in enumerate(found.quarters):
        for j, m in enumerate(rules.TREND_MEASURES):
            v = found.trend.shown((q, m))
            h = 6 if v is None else (height - 2 * pad) * v / top
            x = pad + i * slot + (j + 0.5) * bar
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(height - pad - h, 1),
                    "w": round(bar * 0.9, 1),
                    "h": round(h, 1),
                    "measure": m,
                    "hidden": v is None,
                    "label": _shown(v),
                    "quarter": q,
                }
            )
    axis = [
        {"x": round(pad + (i + 0.5) * slot, 1), "label": q} for i, q in enumerate(found.quarters)
    ]
    return {"width": width, "height": height, "base": height - pad, "bars": bars, "axis": axis}


def _meta(view: dict[str, Any]) -> list[tuple[str, str]]:
    found: rules.GapReport = view["found"]
    return [
        (_("Report"), _("Gap analysis")),
        (_("Municipality"), view["names"].municipality),
        (_("Period"), f"{day(found.period.start)} – {day(found.period.end)}"),
        (_("Created"), day(found.today)),
        (_("Smallest count shown"), str(found.threshold)),
    ]


def _flat_tables(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The sections of the CSV and PDF, in the order of the page."""
    found: rules.GapReport = view["found"]
    names: gaps.Names = view["names"]
    heat_rows = []
    for row in view["heat"]:
        for d, cell in zip(found.districts, row["cells"], strict=True):
            heat_rows.append(
                [
                    row["topic"],
                    names.districts.get(d, d),
                    _shown(cell["demand"]),
                    str(cell["offers"]),
                    str(cell["capacity"]),
                    "" if cell.get("waiting_days") is None else str(cell["waiting_days"]),
                ]
            )
    t = view["tables"]
    return [
        {
            "title": _("Demand and supply by need and district"),
            "columns": [
                _("Need"),
                _("District"),
                _("Open or unmet needs"),
                _("Offers"),
                _("Places"),
                _("Average waiting days"),
            ],
            "rows": heat_rows,
        },
        {"title": _("Declined or no capacity"), **t["refusals"]},
        {
            "title": _("Refused for lack of capacity or eligibility, by district"),
            **t["refusals_by_district"],
        },
        {"title": _("Searched, nothing suitable found"), **t["unmet"]},
        {"title": _("Searched, nothing suitable found, by language"), **t["unmet_languages"]},
        {"title": _("Language gaps"), **t["languages"]},
        {"title": _("Target-group gaps"), **t["target_groups"]},
        {
            "title": _("Offers ending within %(n)s months", n=found.months),
            "columns": [
                _("Offer"),
                _("Organisation"),
                _("Last day"),
                _("Cases with binding links"),
                _("Left uncovered"),
            ],
            "rows": [
                [
                    o["name"],
                    o["actor"],
                    day(o["valid_until"]),
                    o["active_text"],
                    o["uncovered_text"],
                ]
                for o in view["ending"]
            ],
        },
        {
            "title": _("Trend by quarter"),
            **t["trend"],
            "chart": {
                "labels": found.quarters,
                "series": [
                    {
                        "name": str(MEASURE_LABELS[m]),
                        "values": [found.trend.shown((q, m)) for q in found.quarters],
                    }
                    for m in rules.TREND_MEASURES
                ],
            },
        },
        {
            "title": _("Generative themes"),
            "columns": [_("Theme"), _("Needs"), _("Districts"), _("Linked cases")],
            "rows": [
                [x["title"], x["topic_names"], x["district_names"], x["cases_text"]]
                for x in view["themes"]
            ],
        },
    ]


@bp.get("/gaps")
@roles_required(*COORDINATION)
def gap_report():
    """The gap report as a page: heat map, tables, trend chart, themes and method note."""
    form, data = _load()
    if data is None:
        return render_template("coordination/gaps.html", form=form, view=None), 400
    return render_template("coordination/gaps.html", form=form, view=_view(data))


@bp.get("/gaps.csv")
@roles_required(*COORDINATION)
def gap_report_csv():
    """The same findings as one CSV file with a section per table."""
    form, data = _load()
    if data is None:
        return bad_request(_errors(form))
    view = _view(data)
    body = "\ufeff" + gaps.to_csv(_meta(view), _flat_tables(view))  # BOM: Excel reads UTF-8
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=gap-report.csv"},
    )


@bp.get("/gaps.pdf")
@roles_required(*COORDINATION)
def gap_report_pdf():
    """The same findings as a PDF for the steering committee."""
    form, data = _load()
    if data is None:
        return bad_request(_errors(form))
    view = _view(data)
    found: rules.GapReport = view["found"]
    document = {
        "title": _("Gap analysis: %(m)s", m=view["names"].municipality),
        "meta": _meta(view)[1:],
        "date": day(found.today),
        "lang": lang(),
        "subject": _("Needs that meet no offer, by topic and district, language and target group"),
        "accessible_note": _(
            "Screen readers: this PDF has a title, a language and bookmarks for each section, "
            "but its tables carry no tags. The same report as an accessible web page:"
        ),
        "accessible_url": url_for("coordination.gap_report", _external=True, **request.args),
        "heat": {
            "title": _("Demand and supply by need and district"),
            "legend": _heat_legend(found.threshold),
            "columns": [view["names"].districts.get(d, d) for d in found.districts],
            "rows": [
                {
                    "label": row["topic"],
                    "cells": [
                        {
                            "level": c["level"],
                            "text": _shown(c["demand"]),
                            "sub": _("%(n)s off.", n=c["offers"]),
                        }
                        for c in row["cells"]
                    ],
                }
                for row in view["heat"]
            ],
        },
        "tables": _flat_tables(view)[1:],
        "method_title": _("Method"),
        "method": view["method"],
        "footer": _("Page"),
    }
    return Response(
        gaps_pdf.render(document),
        mimetype="application/pdf",
        headers={"Content-Disposition": "attachment; filename=gap-report.pdf"},
    )


def _heat_legend(threshold: int) -> list[tuple[int | None, str]]:
    return [
        (0, _("no open need")),
        (1, _("under 1 case per offer")),
        (2, _("1 to 3 cases per offer")),
        (3, _("3 to 6 cases per offer")),
        (4, _("6 or more cases per offer")),
        (5, _("need without any offer")),
        (None, _("× hidden (fewer than %(n)s cases, or would reveal one)", n=threshold)),
    ]


@bp.get("/gaps.json")
@roles_required(*COORDINATION)
def gap_report_json():
    """The findings as JSON; hidden counts are null."""
    return gap_report_answer()


def gap_report_answer():
    """The JSON answer (page's .json and the API): hidden counts are null; 400 names each
    wrong parameter."""
    form, data = _load()
    if data is None:
        return bad_request(_errors(form))
    return jsonify(
        **gaps.to_json(data["report"]),
        themes=[
            {k: t[k] for k in ("id", "title", "topics", "districts", "many_cases")}
            for t in data["themes"]
        ],
    )
