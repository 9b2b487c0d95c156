"""The OpenAPI 3.1 document of /api/v1, built from the routes themselves so it cannot drift:
paths and methods from the URL map, summaries from the view docstrings, the roles each
endpoint admits, parameters, bodies and answers from the view's declaration
(`contract.documented`), request bodies of forms from the same WTForms forms that validate
them, and one error shape (`web/errors.py`) for every error status.

The graph's ids (topics, districts, languages, …) are listed as enums for a logged-in
reader, so a client (or a fuzzer) can build valid requests; an anonymous reader gets the
structure without the directory's contents.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from flask import current_app
from flask_login import current_user
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    IntegerField,
    SelectField,
    SelectMultipleField,
)
from wtforms.validators import Length, NumberRange, Optional

from ..errors import ERROR_SCHEMA
from .contract import PLAIN_TEXT, VOCABULARY, Operation, or_empty

ERROR_TEXTS = {
    400: "Invalid input: error.fields names each field and why",
    401: "No token or session, or an invalid one",
    403: "The user lacks the role",
    404: "No such thing (for this user)",
    405: "Method not allowed (see the Allow header)",
    414: "The address is too long (the server reads at most 4094 bytes of it)",
    409: "Conflict: error.code says which (conflict: changed meanwhile; case_rule: the "
    "case's rules refuse it in its current state; parallel_support: give a reason)",
    413: "The request body is too large",
    429: "Too many requests: wait (see the Retry-After header)",
    503: "The graph database does not answer right now",
}
# Form fields whose choices come from the graph, and the vocabulary each lists.
FORM_VOCABULARIES = {
    "district_id": "districts",
    "needs": "topics",
    "topic": "topics",
    "languages": "languages",
    "residence_status": "residence_statuses",
    "district": "districts",
}
VOCABULARY_NAMES = (
    "topics",
    "districts",
    "languages",
    "target_groups",
    "residence_statuses",
    "actors",
    "working_groups",
)


def _field_schema(field) -> dict[str, Any]:
    schema: dict[str, Any]
    if isinstance(field, SelectMultipleField):
        item: dict[str, Any] = {"type": "string"}
        if field.choices:
            item["enum"] = [c[0] for c in field.choices]
        elif field.name in FORM_VOCABULARIES:
            item[VOCABULARY] = FORM_VOCABULARIES[field.name]
        schema = {"type": "array", "items": item}
        if field.flags.required:
            schema["minItems"] = 1
        return schema
    if isinstance(field, SelectField):
        schema = {"type": "string"}
        if field.choices:
            schema["enum"] = [c[0] for c in field.choices if c[0] != ""]
        elif field.name in FORM_VOCABULARIES:
            schema[VOCABULARY] = FORM_VOCABULARIES[field.name]
        return schema
    if isinstance(field, BooleanField):
        return {"type": "boolean"}
    if isinstance(field, IntegerField | FloatField):
        schema = {"type": "integer" if isinstance(field, IntegerField) else "number"}
        for validator in field.validators:
            if isinstance(validator, NumberRange):
                if validator.min is not None:
                    schema["minimum"] = validator.min
                if validator.max is not None:
                    schema["maximum"] = validator.max
        return schema
    if isinstance(field, DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string", "pattern": PLAIN_TEXT}
    for validator in field.validators:
        if isinstance(validator, Length) and validator.max and validator.max > 0:
            schema["maxLength"] = validator.max
    if field.flags.required:
        schema["not"] = {"pattern": r"^\s*$"}  # DataRequired: more than spaces
    return schema


def form_schema(form_class, without: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON schema of a form: its fields, types, choices and required fields."""
    form = form_class(formdata=None, meta={"csrf": False})
    properties, required = {}, []
    for field in form:
        if field.name == "csrf_token" or field.name in without:
            continue
        properties[field.name] = {**_field_schema(field), "description": str(field.label.text)}
        if field.flags.required:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _vocabularies() -> dict[str, list[str]]:
    """The ids of every vocabulary of the reader's municipality, for a logged-in reader;
    none for anyone else."""
    if not current_user.is_authenticated:
        return {}
    from ..context import graph

    place = current_user.municipality_id or ""  # none: the municipality lists stay empty
    found = graph().query("openapi.vocabulary", municipality_id=place) or {}
    return {name: sorted(i for i in found.get(name) or [] if i) for name in VOCABULARY_NAMES}


def resolve(schema: Any, vocab: dict[str, list[str]]) -> Any:
    """The schema with each vocabulary marker turned into the list of ids (or dropped)."""
    if isinstance(schema, list):
        return [resolve(item, vocab) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: resolve(v, vocab) for k, v in schema.items() if k != VOCABULARY}
    name = schema.get(VOCABULARY)
    if name is not None:
        if vocab.get(name):
            out["enum"] = vocab[name]
        else:
            out.setdefault("pattern", PLAIN_TEXT)
    return out


def _parameters(rule, operation: Operation, vocab) -> list[dict[str, Any]]:
    parameters = []
    for arg in sorted(rule.arguments):
        schema = operation.path.get(arg, {"type": "string", "pattern": PLAIN_TEXT})
        parameters.append({"name": arg, "in": "path", "required": True, "schema": schema})
    query = dict(operation.query)
    if operation.query_form is not None:
        form = form_schema(operation.query_form)
        optional = {
            field.name
            for field in operation.query_form(formdata=None, meta={"csrf": False})
            if any(isinstance(v, Optional) for v in field.validators)
        }
        for name, schema in form["properties"].items():
            if name in optional and schema.get("type") != "array":
                described = schema.pop("description", None)
                schema = or_empty(schema)
                if described:
                    schema["description"] = described
            query.setdefault(name, schema)
    for name, schema in query.items():
        parameter: dict[str, Any] = {
            "name": name,
            "in": "query",
            "required": name in operation.required,
            "schema": schema,
        }
        if schema.get("description"):
            parameter["description"] = schema["description"]
        if schema.get("type") == "array":
            parameter.update(style="form", explode=True)
        parameters.append(parameter)
    return resolve(parameters, vocab)


def _body(operation: Operation, vocab) -> dict[str, Any] | None:
    body = operation.body
    if body is None:
        return None
    if callable(body) and not isinstance(body, type):
        schema = body()
    elif isinstance(body, dict):
        schema = copy.deepcopy(body)
    else:
        schema = form_schema(body)
    return {
        "required": operation.body_required,
        "content": {"application/json": {"schema": resolve(schema, vocab)}},
    }


def _responses(rule, operation: Operation, roles: list[str], body: bool) -> dict[str, Any]:
    success: dict[str, Any] = {"description": "OK" if operation.status == 200 else "Created"}
    if operation.answer is not None:
        success["content"] = {"application/json": {"schema": operation.answer}}
    statuses = {*operation.errors, 429, 503}
    if rule.arguments or operation.query or operation.query_form or body:
        statuses.add(400)
    if operation.query or operation.query_form:
        statuses.add(414)
    if roles:
        statuses |= {401, 403}
    if rule.arguments:
        statuses.add(404)
    if body:
        statuses.add(413)
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    responses = {str(operation.status): success}
    for status in sorted(statuses):
        # 414 comes from the HTTP server in front of the app, as a plain page.
        content = {} if status == 414 else {"content": error}
        responses[str(status)] = {"description": ERROR_TEXTS[status], **content}
    return responses


def document() -> dict[str, Any]:
    """The OpenAPI document for every route under /api/v1."""
    vocab = _vocabularies()
    paths: dict[str, Any] = {}
    for rule in current_app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        view = current_app.view_functions[rule.endpoint]
        declared: Operation = getattr(view, "operation", None) or Operation()
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        roles = sorted(getattr(view, "required_roles", []) or [])
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            doc = (view.__doc__ or "").strip()
            body = _body(declared, vocab)
            operation: dict[str, Any] = {
                "operationId": f"{rule.endpoint}.{method.lower()}",
                "summary": doc.splitlines()[0] if doc else "",
                "parameters": _parameters(rule, declared, vocab),
                "responses": _responses(rule, declared, roles, body is not None),
            }
            if declared.description or len(doc.splitlines()) > 1:
                operation["description"] = declared.description or doc
            if roles:
                operation["x-roles"] = roles
                operation["security"] = [{"bearer": []}]
            else:
                operation["security"] = []
            if body is not None:
                operation["requestBody"] = body
            paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "graphsvc API",
            "version": "1",
            "description": "Every error answers with the Error schema; tokens go in "
            "'Authorization: Bearer gsv_…' (made on the profile page or with "
            "'graphsvc token create').",
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": ERROR_SCHEMA},
        },
        "security": [{"bearer": []}],
        "paths": dict(sorted(paths.items())),
    }
