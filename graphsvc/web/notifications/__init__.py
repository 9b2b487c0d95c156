"""Notifications for case managers: what partners answered on their cases' referrals."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

from . import routes  # noqa: E402,F401  (attaches the routes to bp)
