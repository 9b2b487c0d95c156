"""Cases over JSON: the same forms validate, the same service decides, the same audit."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Blueprint, jsonify, request
from flask_login import current_user

from ...domain import cases as rules
from ...domain import model
from ...domain.errors import Conflict, InvalidInput, NotFound
from ...services import cases
from ..access import CASE_WORK, roles_required
from ..cases.forms import (
    ConsentForm,
    IntakeForm,
    LinkForm,
    LinkStatusForm,
    NeedForm,
    PhaseForm,
)
from ..context import graph, match_settings, settings, who
from ..errors import api_error
from .contract import (
    ANY_OBJECT,
    IDENTIFIER,
    PSEUDONYM_PARAMETER,
    documented,
    integer,
    obj,
    one_of,
    vocabulary,
)
from .openapi import form_schema, resolve

bp = Blueprint("api_cases", __name__, url_prefix="/api/v1/cases")
SURROGATE = re.compile(r"[\ud800-\udfff]")


def error(status: int, message: str, fields: dict | None = None, **extra: Any):
    """The API's error answer (web/errors.py)."""
    return api_error(status, message, fields, **extra)


def invalid(form):
    """400 naming each field of the form that failed, and why."""
    return error(400, "invalid input", {k: [str(m) for m in v] for k, v in form.errors.items()})


class BadBody(InvalidInput):
    """The request body is not a JSON object the API can read; `fields` says where (the
    app's InvalidInput handler answers 400 in the API's error shape)."""


def body(schema: dict[str, Any] | None = None) -> dict:
    """The request body as a JSON object that matches `schema` (the one the OpenAPI document
    shows); BadBody (400) naming the fields for anything else: not JSON, not an object,
    nested too deeply, text that is not Unicode (a lone surrogate), or against the schema."""
    raw = request.get_data(cache=True)
    try:
        data = json.loads(raw) if raw.strip() else {}
    except (ValueError, UnicodeDecodeError):
        raise BadBody({"body": "not JSON"}) from None
    except RecursionError:
        raise BadBody({"body": "JSON nested too deeply"}) from None
    if not isinstance(data, dict):
        raise BadBody({"body": "a JSON object is expected"})
    bad = _not_unicode(data, "")
    if bad is not None:
        raise BadBody({bad or "body": "text with an unpaired surrogate (not Unicode)"})
    # 3.0 is the whole number 3 to JSON Schema; the forms read it as text.
    data = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in data.items()}
    if schema is not None:
        fields = _schema_fields(schema, data)
        if fields:
            raise BadBody(fields)
    return data


def _schema_fields(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Each field of `data` that `schema` refuses, with the reasons."""
    import jsonschema

    fields: dict[str, list[str]] = {}
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for problem in check.iter_errors(data):
        where = ".".join(str(p) for p in problem.absolute_path)
        instance = problem.instance if isinstance(problem.instance, dict) else {}
        if problem.validator == "required":
            for name in problem.validator_value:
                if name not in instance:
                    key = f"{where}.{name}" if where else name
                    fields.setdefault(key, []).append("required")
        elif problem.validator == "additionalProperties":
            for name in sorted(set(instance) - set(problem.schema.get("properties", {}))):
                key = f"{where}.{name}" if where else name
                fields.setdefault(key, []).append("unknown field")
        elif problem.validator == "dependentRequired":
            for name, needed in problem.validator_value.items():
                for need in needed if name in instance else []:
                    if need not in instance:
                        fields.setdefault(need, []).append(f"required with {name}")
        else:
            fields.setdefault(where or "body", []).append(_reason(problem))
    return fields


def _reason(problem) -> str:
    """Why a value fails, without repeating the value (it may be a client's name)."""
    rule, value = problem.validator, problem.validator_value
    reasons = {
        "type": f"must be of type {value}",
        "enum": "not one of the allowed values",
        "maxLength": f"at most {value} characters",
        "minLength": f"at least {value} characters",
        "maxItems": f"at most {value} items",
        "minItems": f"at least {value} items",
        "minimum": f"at least {value}",
        "maximum": f"at most {value}",
        "format": f"not a valid {value}",
        "not": "must not be empty",
        "oneOf": "give exactly one of phase, need, consent",
    }
    if rule == "pattern":
        plain = str(value).startswith("^[^")  # the pattern that bars control characters
        return "contains characters that are not allowed" if plain else "not in the expected form"
    return reasons.get(rule, "not valid")


def _not_unicode(value: Any, where: str) -> str | None:
    """The field holding a lone surrogate, if any."""
    if isinstance(value, str):
        return where if SURROGATE.search(value) else None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        if isinstance(key, str) and SURROGATE.search(key):
            return where or "body"
        found = _not_unicode(item, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None


def part(data: dict, name: str) -> dict:
    """The object under `name` of a body ({"need": {…}}); BadBody when it is not one."""
    value = data.get(name)
    if not isinstance(value, dict):
        raise BadBody({name: "an object is expected"})
    return value


def plain_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A body schema for checking: the forms check the graph's ids themselves."""
    return resolve(schema, {})


def topics() -> list[tuple[str, str]]:
    return [(t["id"], t["name_en"]) for t in graph().query("cases.topic_choices")]


VERSION = integer(1, 2**53, description="the case's version as last read")
LIST_FILTERS = ("mine", "phase", "topic", "overdue")
PATH = {"pseudonym": PSEUDONYM_PARAMETER}
CHANGED = obj({"version": VERSION}, ("version",))


def _intake_body() -> dict[str, Any]:
    schema = form_schema(IntakeForm)
    # The identity rules of the form: a name comes with the birth date, a birth date with
    # the family name, and a name has a letter.
    schema["dependentRequired"] = {
        "client_given_names": ["client_birth_date"],
        "client_family_name": ["client_birth_date"],
        "client_birth_date": ["client_family_name"],
    }
    for name in ("client_given_names", "client_family_name"):
        schema["properties"][name]["pattern"] = r"[^\W\d_]"
    return schema


def versioned_schema(form) -> dict[str, Any]:
    """The schema of a form whose version field is a whole number (the one read last)."""
    schema = form_schema(form)
    schema["properties"]["version"] = VERSION
    return schema


def _change_body() -> dict[str, Any]:
    """One change per call: the phase, a need's status, or a topic's confidentiality waiver."""
    return {"oneOf": list(_changes().values())}


def _changes() -> dict[str, dict[str, Any]]:
    """The body of each kind of change, by the key that names it."""

    def wrapped(name: str, form) -> dict[str, Any]:
        inner = form_schema(form, without=("version",))
        return {
            "type": "object",
            "properties": {"version": VERSION, name: inner},
            "required": ["version", name],
            "additionalProperties": False,
        }

    return {
        "phase": versioned_schema(PhaseForm),
        "need": wrapped("need", NeedForm),
        "consent": wrapped("consent", ConsentForm),
    }


@bp.get("")
@roles_required(*CASE_WORK)
@documented(
    query={
        "mine": one_of("0", "1", description="1: only one's own cases"),
        "phase": one_of(*model.PHASES),
        "topic": vocabulary("topics", description="only cases with this need"),
        "overdue": one_of("0", "1", description="1: only overdue monitoring"),
    },
    answer=obj({"cases": {"type": "array", "items": ANY_OBJECT}}, ("cases",)),
)
def list_cases():
    """The organisation's cases (?mine=1 for one's own, ?phase=, ?topic=, ?overdue=1)."""
    args = request.args
    fields = {name[:40]: "unknown parameter" for name in set(args) - set(LIST_FILTERS)}
    for name in LIST_FILTERS:
        values = args.getlist(name)
        if len(values) > 1:
            fields[name] = "give it once"
        elif values and name in ("mine", "overdue") and values[0] not in ("0", "1"):
            fields[name] = "0 or 1"
        elif values and name == "phase" and values[0] not in model.PHASES:
            fields[name] = "one of " + ", ".join(model.PHASES)
        elif values and name == "topic" and values[0] not in {t for t, _ in topics()}:
            fields[name] = "unknown topic id"
    if fields:
        return error(400, "invalid input", fields)
    rows = cases.list_cases(
        graph(),
        who(),
        mine=args.get("mine") == "1",
        phase=args.get("phase", ""),
        topic=args.get("topic", ""),
        overdue=args.get("overdue") == "1",
        follow_up_days=settings().follow_up_days,
    )
    return jsonify(cases=rows)


@bp.post("")
@roles_required(*CASE_WORK)
@documented(
    body=_intake_body,
    status=201,
    answer=obj({"pseudonym": {"type": "string"}}, ("pseudonym",)),
)
def create_case():
    """Open a case from intake data; answers with the new pseudonym."""
    form = IntakeForm.from_json(body(plain_schema(_intake_body())))
    form.fill_choices(cases.choices(graph(), current_user.municipality_id), "en")
    if not form.validate():
        return invalid(form)
    hints = rules.identifier_hints(form.notes.data or "")
    if hints and not form.no_identifier.data:
        return error(
            400,
            "the notes look like they contain a direct identifier",
            {"notes": [f"{h.kind}: {h.excerpt}" for h in hints]},
        )
    pseudonym = cases.open_case(graph(), who(), form.data, match_settings())
    return jsonify(pseudonym=pseudonym), 201


@bp.get("/<pseudonym>")
@roles_required(*CASE_WORK)
@documented(path=PATH, answer=ANY_OBJECT)
def read_case(pseudonym: str):
    """The whole case file."""
    return jsonify(cases.read_case(graph(), who(), pseudonym))


@bp.patch("/<pseudonym>")
@roles_required(*CASE_WORK)
@documented(path=PATH, body=_change_body, answer=CHANGED, errors=(409,))
def update_case(pseudonym: str):
    """Change the phase, a need or a waiver: {"version": n, "phase": …} or "need" or "consent"."""
    data = body()
    chosen = next((name for name in ("phase", "need", "consent") if name in data), None)
    if chosen is not None:
        body(plain_schema(_changes()[chosen]))
    if "phase" in data:
        form = PhaseForm.from_json(data)
        if not form.validate():
            return invalid(form)
        return _done(
            lambda: cases.change_phase(
                graph(), who(), pseudonym, form.version.data, form.phase.data
            )
        )
    if "need" in data:
        form = NeedForm.from_json({"version": data.get("version"), **part(data, "need")})
        form.topic.choices = topics()
        if not form.validate():
            return invalid(form)
        return _done(
            lambda: cases.set_need(
                graph(), who(), pseudonym, form.version.data, form.topic.data, form.status.data
            )
        )
    if "consent" in data:
        form = ConsentForm.from_json({"version": data.get("version"), **part(data, "consent")})
        form.topic.choices = topics()
        if not form.validate():
            return invalid(form)
        withdrawn = form.withdrawn_on.data.isoformat() if form.withdrawn_on.data else None
        return _done(
            lambda: cases.set_consent(
                graph(),
                who(),
                pseudonym,
                form.version.data,
                form.topic.data,
                form.signed_on.data.isoformat(),
                withdrawn,
            )
        )
    return error(400, "give one of: phase, need, consent", {"body": ["nothing to change"]})


@bp.post("/<pseudonym>/links")
@roles_required(*CASE_WORK)
@documented(
    path=PATH,
    body=lambda: versioned_schema(LinkForm),
    status=201,
    answer=obj({"version": VERSION, "link_id": {"type": "string"}}, ("version", "link_id")),
    errors=(409,),
)
def create_link(pseudonym: str):
    """Link the case to an offer; 409 with the parallel links unless a reason is given."""
    form = LinkForm.from_json(body(plain_schema(versioned_schema(LinkForm))))
    form.topic.choices = topics()
    if not form.validate():
        return invalid(form)
    return _link_result(
        lambda: cases.create_link(
            graph(),
            who(),
            pseudonym,
            form.version.data,
            form.offer_id.data,
            form.topic.data,
            form.mode.data,
            self_referral=form.self_referral.data,
            confirm_reason=form.reason.data or "",
        ),
        created=True,
    )


@bp.patch("/<pseudonym>/links/<link_id>")
@roles_required(*CASE_WORK)
@documented(
    path={**PATH, "link_id": IDENTIFIER},
    body=lambda: versioned_schema(LinkStatusForm),
    answer=CHANGED,
    errors=(409,),
)
def update_link(pseudonym: str, link_id: str):
    """Move a link to a new status (activating runs the parallel-support check)."""
    form = LinkStatusForm.from_json(body(plain_schema(versioned_schema(LinkStatusForm))))
    if not form.validate():
        return invalid(form)
    return _link_result(
        lambda: cases.change_link(
            graph(),
            who(),
            pseudonym,
            form.version.data,
            link_id,
            form.status.data,
            feedback=form.feedback.data or "",
            confirm_reason=form.reason.data or "",
        )
    )


def _link_result(change, created: bool = False):
    saved: dict[str, Any] = {}

    def run():
        version, check = change()
        if version is None:
            raise _Parallel(check.parallel)
        if check.link_id:
            saved["link_id"] = check.link_id
        return version

    try:
        return _done(run, created, saved)
    except _Parallel as warning:
        return error(
            409,
            "parallel support: give a reason to save",
            {"reason": ["the topic already has a running link: say why a second one"]},
            code="parallel_support",
            parallel=warning.links,
        )


class _Parallel(Exception):
    def __init__(self, links):
        super().__init__("parallel")
        self.links = links


def _done(change, created: bool = False, saved: dict[str, Any] | None = None):
    try:
        version = change()
    except Conflict:
        return error(409, "the case was changed meanwhile: read it again")
    except rules.UnknownOffer as exc:
        return error(404, str(exc), {exc.field or "offer_id": [str(exc)]})
    except rules.CaseRuleError as exc:
        # A well-formed request the case's rules refuse in its current state (phase order,
        # a waiver missing, an ended offer): a conflict with the case, not bad input.
        return error(409, str(exc), {exc.field or "case": [str(exc)]}, code="case_rule")
    return jsonify(version=version, **(saved or {})), 201 if created else 200


@bp.errorhandler(NotFound)
def not_found(_exc):
    return error(404, "no such case in your organisation")
