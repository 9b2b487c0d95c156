"""The directory in Open Referral HSDS 3.0 shape: /api/v1/hsds/services, /organizations."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from ...services import hsds
from ..access import DIRECTORY, roles_required
from ..context import graph

bp = Blueprint("api_hsds", __name__, url_prefix="/api/v1/hsds")
PARAMETERS = {"page", "per_page", "full"}
MAX_PER_PAGE = 200


def bad_request(fields: dict[str, str]):
    """The API's 400 answer naming the fields and why."""
    return jsonify(error={"status": 400, "message": _("Invalid input"), "fields": fields}), 400


def _paging() -> tuple[int, int, bool] | dict[str, str]:
    fields: dict[str, str] = {}
    unknown = sorted(set(request.args) - PARAMETERS)
    for name in unknown[:5]:
        fields[name[:40]] = "unknown parameter"
    values = {}
    for name, default, high in (("page", 1, 1_000_000), ("per_page", 50, MAX_PER_PAGE)):
        raw = request.args.get(name, str(default))
        if not raw.isdigit() or not 1 <= int(raw) <= high:
            fields[name] = f"a whole number from 1 to {high}"
        else:
            values[name] = int(raw)
    full = request.args.get("full", "false")
    if full not in ("true", "false"):
        fields["full"] = "true or false"
    if fields:
        return fields
    return values["page"], values["per_page"], full == "true"


@bp.get("/services")
@roles_required(*DIRECTORY)
def services():
    """Services (offers), paginated in the HSDS Page shape; full=true nests their parts.

    Query parameters: page (from 1), per_page (1–200, default 50), full (true|false).
    """
    paging = _paging()
    if isinstance(paging, dict):
        return bad_request(paging)
    page, per_page, full = paging
    return jsonify(hsds.services_page(graph(), page, per_page, nested=full))


@bp.get("/organizations")
@roles_required(*DIRECTORY)
def organizations():
    """Organizations (actors), paginated in the HSDS Page shape; full=true nests their parts.

    Query parameters: page (from 1), per_page (1–200, default 50), full (true|false).
    """
    paging = _paging()
    if isinstance(paging, dict):
        return bad_request(paging)
    page, per_page, full = paging
    return jsonify(hsds.organizations_page(graph(), page, per_page, nested=full))
