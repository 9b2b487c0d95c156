"""Coordination views (aggregated and pseudonymous, one municipality)."""

from flask import Blueprint

bp = Blueprint("coordination", __name__, url_prefix="/coordination")

from . import api, gaps, routes, same_client, structures, themes  # noqa: E402,F401  (each module attaches its routes to bp)
