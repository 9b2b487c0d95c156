"""What existed on a day: the running time of organisations, offers, working-group
memberships and cooperations, as their first and last day (ISO dates, either may be unset).

A record without a first day counts as present since always and one without a last day as
still running, so a graph written before the days were kept answers "as of" questions as if
nothing had changed; `graph_model.DATED` names the properties that carry the days.
"""

from __future__ import annotations


def exists_on(first_day: str | None, last_day: str | None, day: str) -> bool:
    """Whether a record running from `first_day` to `last_day` (both included) exists on `day`."""
    return (not first_day or first_day <= day) and (not last_day or last_day >= day)


def change(before: bool, after: bool) -> str | None:
    """'new', 'ended' or None for a record present (or not) on the earlier and the later day."""
    if after and not before:
        return "new"
    if before and not after:
        return "ended"
    return None
