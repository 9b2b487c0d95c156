"""Spreadsheet import in the browser: upload, preview with every problem, confirm."""

from flask import Blueprint

bp = Blueprint("io", __name__, url_prefix="/import")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
