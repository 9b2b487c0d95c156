"""Which parameter values may travel to the engine.

The `falkordb` client does not send parameters apart from the query: it writes them into
the query text (a `CYPHER k=v ...` header) with its own quoting. A NUL byte or NaN breaks
that text, and an int subclass with its own __str__ can inject a clause. So only exact
plain types pass, and strings without control characters other than tab and newline.
The same rule applies to Neo4j, so both engines accept exactly the same values.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .backend import ParameterRejected

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def check(params: dict[str, Any]) -> dict[str, Any]:
    """Return params unchanged if every value is plain, else raise ParameterRejected."""
    for key, value in params.items():
        if type(key) is not str or not NAME.match(key):
            raise ParameterRejected(
                f"parameter name {key!r} is not a plain identifier", problem="name"
            )
        _check_value(value, key)
    return params


def _check_value(value: Any, where: str) -> None:
    kind = type(value)  # exact types: subclasses may stringify themselves into the query
    if value is None or kind is bool or kind is int:
        return
    if kind is float:
        if not math.isfinite(value):
            raise ParameterRejected(
                f"parameter {where}: {value!r} is not a finite number", _field(where), "number"
            )
        return
    if kind is str:
        if CONTROL.search(value):
            raise ParameterRejected(
                f"parameter {where}: text contains a control character", _field(where), "control"
            )
        return
    if kind is list or kind is tuple:
        for i, item in enumerate(value):
            _check_value(item, f"{where}[{i}]")
        return
    if kind is dict:
        for k, item in value.items():
            if type(k) is not str or not k or "`" in k or CONTROL.search(k):
                raise ParameterRejected(
                    f"parameter {where}: map key {k!r} is not allowed", _field(where), "name"
                )
            _check_value(item, f"{where}.{k}")
        return
    raise ParameterRejected(
        f"parameter {where}: type {kind.__name__} is not a plain value", _field(where), "type"
    )


def _field(where: str) -> str:
    """The last plain name of a parameter path: `attributes.notes[0]` → `notes`."""
    return re.sub(r"\[\d+\]", "", where).rsplit(".", 1)[-1]
