"""The one clock: every "today" and "now" in graphsvc is read here.

Calendar days are those of Europe/Berlin, where the users work (a link made at 00:30 on
29.11. belongs to the 29th, not to the 28th as UTC would say). Timestamps are UTC ISO
strings, which sort as text and mean the same on every server; expiry sums use epoch seconds.
"""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Berlin")


def today() -> dt.date:
    """Today's calendar day in Europe/Berlin."""
    return dt.datetime.now(LOCAL).date()


def today_iso() -> str:
    """Today as YYYY-MM-DD: what the graph stores and compares dates as."""
    return today().isoformat()


def now() -> dt.datetime:
    """This moment, in UTC."""
    return dt.datetime.now(dt.UTC)


def now_iso() -> str:
    """This moment in UTC, to the microsecond, as stored in the audit trail and histories."""
    return now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def day_of(seconds: int) -> dt.date:
    """The Europe/Berlin calendar day of an epoch-seconds moment (a token's expiry)."""
    return dt.datetime.fromtimestamp(seconds, LOCAL).date()


def now_seconds() -> int:
    """This moment as whole seconds since the epoch, for session and token expiry."""
    return int(time.time())
