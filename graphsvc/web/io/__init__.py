"""Spreadsheet import in the browser: upload, preview with every problem, confirm."""

from flask import Blueprint

bp = Blueprint("io", __name__, url_prefix="/import")
IMPORT_ROLES = ("admin", "directory_editor")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
