"""The directory of offers and organisations, and the referral search page."""

from flask import Blueprint

bp = Blueprint("directory", __name__)

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
