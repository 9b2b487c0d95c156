"""The directory in Open Referral HSDS 3.0 shape: /api/v1/hsds/services, /organizations."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from ...services import hsds
from ..access import DIRECTORY, roles_required
from ..context import graph
from ..errors import bad_request
from .contract import documented, integer, obj

PAGING = {
    "page": integer(1, 1_000_000, description="page number, from 1"),
    "per_page": integer(1, 200, description="items per page (default 50)"),
    "full": {"type": "boolean", "description": "true: each item with its nested parts"},
}
PAGE = obj(
    {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": {"type": "object"}},
    },
    ("total_items", "total_pages", "page_number", "size", "contents"),
)

bp = Blueprint("api_hsds", __name__, url_prefix="/api/v1/hsds")
PARAMETERS = {"page", "per_page", "full"}
MAX_PER_PAGE = 200


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
@documented(query=PAGING, answer=PAGE)
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
@documented(query=PAGING, answer=PAGE)
def organizations():
    """Organizations (actors), paginated in the HSDS Page shape; full=true nests their parts.

    Query parameters: page (from 1), per_page (1–200, default 50), full (true|false).
    """
    paging = _paging()
    if isinstance(paging, dict):
        return bad_request(paging)
    page, per_page, full = paging
    return jsonify(hsds.organizations_page(graph(), page, per_page, nested=full))
