"""The OpenAPI 3.1 document of /api/v1, built from the routes themselves so it cannot drift:
paths and methods from the URL map, summaries from the view docstrings, the roles each
endpoint admits, and request bodies from the same WTForms forms that validate them."""

from __future__ import annotations

import re
from typing import Any

from flask import current_app
from wtforms import BooleanField, DateField, IntegerField, SelectField, SelectMultipleField

from ..cases.forms import IntakeForm, LinkForm, LinkStatusForm, PhaseForm
from ..referrals.forms import AnswerForm, FeedbackForm

REQUEST_FORMS = {
    ("api_cases.create_case", "post"): IntakeForm,
    ("api_cases.create_link", "post"): LinkForm,
    ("api_cases.update_link", "patch"): LinkStatusForm,
    ("api_cases.update_case", "patch"): PhaseForm,
    ("api_referrals.answer", "post"): AnswerForm,
    ("api_referrals.feedback", "post"): FeedbackForm,
}
# Bodies that no form validates, described here.
REQUEST_SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {
    ("api_coordination.decide_same_client", "post"): {
        "type": "object",
        "properties": {"decision": {"type": "string", "enum": ["confirm", "reject", "undo"]}},
        "required": ["decision"],
    },
    ("api_referrals.mark_read", "post"): {
        "type": "object",
        "properties": {
            "ids": {
                "type": "array",
                "items": {"type": "string", "maxLength": 40},
                "description": "the notifications to mark; all unread when empty or left out",
            }
        },
    },
}


def _field_schema(field) -> dict[str, Any]:
    if isinstance(field, SelectMultipleField):
        items: dict[str, Any] = {"type": "string"}
        if field.choices:
            items["enum"] = [c[0] for c in field.choices]
        return {"type": "array", "items": items}
    if isinstance(field, SelectField):
        schema: dict[str, Any] = {"type": "string"}
        if field.choices:
            schema["enum"] = [c[0] for c in field.choices if c[0] != ""]
        return schema
    if isinstance(field, BooleanField):
        return {"type": "boolean"}
    if isinstance(field, IntegerField):
        return {"type": "integer", "minimum": 1}
    if isinstance(field, DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string"}
    for validator in field.validators:
        if getattr(validator, "max", -1) and getattr(validator, "max", -1) > 0:
            schema["maxLength"] = validator.max
    return schema


def _form_schema(form_class) -> dict[str, Any]:
    form = form_class(formdata=None, meta={"csrf": False})
    properties, required = {}, []
    for field in form:
        if field.name == "csrf_token":
            continue
        properties[field.name] = {**_field_schema(field), "description": str(field.label.text)}
        if field.flags.required:
            required.append(field.name)
    return {"type": "object", "properties": properties, "required": required}


def document() -> dict[str, Any]:
    """The OpenAPI document for every route under /api/v1."""
    paths: dict[str, Any] = {}
    for rule in current_app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        view = current_app.view_functions[rule.endpoint]
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        roles = sorted(getattr(view, "required_roles", []) or [])
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operation: dict[str, Any] = {
                "operationId": f"{rule.endpoint}.{method.lower()}",
                "summary": (view.__doc__ or "").strip().splitlines()[0] if view.__doc__ else "",
                "parameters": [
                    {"name": arg, "in": "path", "required": True, "schema": {"type": "string"}}
                    for arg in sorted(rule.arguments)
                ],
                "responses": {
                    "200": {"description": "OK"},
                    "400": {"description": "Invalid input: error.fields names each field and why"},
                    "401": {"description": "No or invalid token"},
                    "403": {"description": "The token's user lacks the role"},
                },
            }
            if roles:
                operation["x-roles"] = roles
                operation["security"] = [{"bearer": []}]
            form = REQUEST_FORMS.get((rule.endpoint, method.lower()))
            schema = (
                _form_schema(form) if form else REQUEST_SCHEMAS.get((rule.endpoint, method.lower()))
            )
            if schema:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": schema}},
                }
            paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "graphsvc API", "version": "1"},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": dict(sorted(paths.items())),
    }
