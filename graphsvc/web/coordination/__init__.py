"""Coordination views (aggregated and pseudonymous, one municipality)."""

from flask import Blueprint

bp = Blueprint("coordination", __name__, url_prefix="/coordination")

from . import clients, routes  # noqa: E402,F401  (routes attach themselves to bp)
