"""The one shape of "this input cannot be used": a reason per field, shown to the user."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input a use case cannot take; `fields` maps each field to the reason.

    Pages turn `fields` into form errors and the API into a 400 naming each field, so every
    use case that checks input raises a subclass of this one.
    """

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = fields
