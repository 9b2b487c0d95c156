"""Dates, times and numbers as the interface language writes them (29.11.2026, 14:05, 82,5).

One place for every format: the Jinja filters below are registered once in `init_app`, and
views that put a date into a message call the same functions. Values come from the graph as
ISO strings (dates `YYYY-MM-DD`, timestamps UTC `…Z`); times are shown in Europe/Berlin, where
the users work (`domain/clock.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask
from flask_babel import format_date, format_decimal, format_number, format_time

from ..domain import clock

MISSING = "–"


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_moment(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def day(value: Any, missing: str = MISSING) -> str:
    """A calendar day: 29.11.2026 in German, 29 Nov 2026 in English."""
    found = _as_date(value)
    return (
        format_date(found, "medium") if found else (missing if value in (None, "") else str(value))
    )


def moment(value: Any, missing: str = MISSING) -> str:
    """A UTC timestamp as local date and time in Europe/Berlin: 29.11.2026, 14:05."""
    found = _as_moment(value)
    if found is None:
        return missing if value in (None, "") else str(value)
    local = found.astimezone(clock.LOCAL)
    return f"{format_date(local.date(), 'medium')}, {format_time(local.time(), 'short')}"


def decimal(value: Any, digits: int = 1, missing: str = MISSING) -> str:
    """A number with a fixed count of decimals and the language's separator: 82,5."""
    if value is None or value == "":
        return missing
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(float(value), format=pattern)


def number(value: Any, missing: str = MISSING) -> str:
    """A whole count with the language's grouping: 1.234."""
    if value is None or value == "":
        return missing
    return format_number(value)


def init_app(app: Flask) -> None:
    """Register the filters once for every template."""
    app.add_template_filter(day, "day")
    app.add_template_filter(moment, "moment")
    app.add_template_filter(decimal, "decimal")
    app.add_template_filter(number, "number")
