"""What each API operation takes and answers, declared beside its view.

The OpenAPI document (`openapi.py`) is built from the routes and these declarations, and
`tests/web/test_openapi.py` fails for an /api/v1 route that has none. To add an operation:

    @bp.get("/things/<thing_id>")
    @roles_required(*DIRECTORY)
    @documented(
        path={"thing_id": IDENTIFIER},
        query={"limit": integer(1, 50)},
        answer={"type": "object", "properties": {...}},
        errors=(404,),
    )
    def thing(thing_id): ...

The statuses every client must expect are added by the builder: 400 when the operation
takes input, 401 and 403 when it needs a role, 404 for path parameters, 413 for a body, 429
and 503 always; `errors` adds the others (409, …), `status` names the success status (201).
Each error answer has the one shape of `web/errors.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ...domain.cases import PSEUDONYM

VOCABULARY = "x-graphsvc-vocabulary"  # marker: the document lists the graph's ids here
# Text the graph accepts: no control characters but tab and line feed (graph/params.py).
PLAIN_TEXT = r"^[^\u0000-\u0008\u000b-\u001f\u007f]*$"
IDENTIFIER = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,119}$"}
PSEUDONYM_PARAMETER = {"type": "string", "pattern": PSEUDONYM.pattern}


def vocabulary(name: str, **extra: Any) -> dict[str, Any]:
    """A string from one of the graph's vocabularies (topics, districts, languages, …)."""
    return {"type": "string", VOCABULARY: name, **extra}


def text(max_length: int, **extra: Any) -> dict[str, Any]:
    """Free text the graph can store, up to `max_length` characters."""
    return {"type": "string", "maxLength": max_length, "pattern": PLAIN_TEXT, **extra}


def integer(low: int, high: int, **extra: Any) -> dict[str, Any]:
    """A whole number from low to high."""
    return {"type": "integer", "minimum": low, "maximum": high, **extra}


def number(low: float, high: float, **extra: Any) -> dict[str, Any]:
    """A number from low to high."""
    return {"type": "number", "minimum": low, "maximum": high, **extra}


def one_of(*values: str, **extra: Any) -> dict[str, Any]:
    """One of the given words."""
    return {"type": "string", "enum": list(values), **extra}


def many(item: dict[str, Any], low: int = 0, high: int | None = None) -> dict[str, Any]:
    """A list of items (repeated query parameters, or a JSON list; a repeat counts once)."""
    schema: dict[str, Any] = {"type": "array", "items": item}
    if low:
        schema["minItems"] = low
    if high is not None:
        schema["maxItems"] = high
    return schema


def calendar_day(first: Any, last: Any, description: str = "") -> dict[str, Any]:
    """A calendar day as YYYY-MM-DD between two days. JSON Schema cannot bound a date, so the
    range is said in words (a pattern beside the format starves a fuzzer)."""
    said = f"from {first} to {last}"
    return {"type": "string", "format": "date", "description": f"{description} ({said})".strip()}


def or_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema, or an empty text: what a page's GET form sends for a field left empty."""
    return {"anyOf": [schema, {"type": "string", "maxLength": 0}]}


def obj(properties: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with these properties (more may come: the answer can grow)."""
    schema: dict[str, Any] = {"type": "object", "properties": dict(properties)}
    if required:
        schema["required"] = list(required)
    return schema


ANY_OBJECT: dict[str, Any] = {"type": "object"}


@dataclass(frozen=True)
class Operation:
    """One operation's input and answers (see the module docstring)."""

    path: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    query: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    required: tuple[str, ...] = ()  # query parameters that must be given
    query_form: Any = None  # a GET form whose fields are the query parameters
    body: Any = None  # a form class, a JSON schema, or a callable returning one
    body_required: bool = True  # False: the operation also takes no body at all
    answer: dict[str, Any] | None = None
    status: int = 200
    errors: tuple[int, ...] = ()
    description: str = ""


def repeated(operation: Operation, args) -> dict[str, str]:
    """Query parameters that take one value but came more than once (a client's mistake the
    view would otherwise hide by reading the first)."""
    single = {name for name, schema in operation.query.items() if schema.get("type") != "array"}
    if operation.query_form is not None:
        from wtforms import SelectMultipleField

        form = operation.query_form(formdata=None, meta={"csrf": False})
        single |= {f.name for f in form if not isinstance(f, SelectMultipleField)}
    return {name: "give it once" for name in sorted(single) if len(args.getlist(name)) > 1}


def documented(**declared: Any) -> Callable:
    """Attach an Operation to a view (place it below the route and role decorators)."""
    operation = Operation(**declared)

    def decorate(view: Callable) -> Callable:
        view.operation = operation  # type: ignore[attr-defined]
        return view

    return decorate
