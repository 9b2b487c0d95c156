"""The three ways a use case refuses: the input cannot be used, the thing is not there (for
this user), or someone changed it meanwhile. web/errors.py answers them with 400, 404 and
409 wherever a view does not say something more specific."""

from __future__ import annotations

from typing import Any


class InvalidInput(ValueError):
    """Input a use case cannot take; `fields` maps each field to the reason.

    Pages turn `fields` into form errors and the API into a 400 naming each field, so every
    use case that checks input raises a subclass of this one.
    """

    def __init__(self, fields: dict[str, Any]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = fields


class NotFound(LookupError):
    """No such thing for this user; something of another organisation or municipality gives
    the same answer, so its existence does not leak."""


class Conflict(Exception):
    """The thing changed since the user read it (a stale version) or can no longer change
    that way (a decision that stands); the user reloads and decides again."""
