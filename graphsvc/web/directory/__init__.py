"""The directory of offers and organisations, and the referral search page."""

from flask import Blueprint

bp = Blueprint("directory", __name__)

# Everybody with an account reads the directory; the referral search is case work.
DIRECTORY_ROLES = ("case_manager", "coordination", "network", "admin", "directory_editor")
SEARCH_ROLES = ("case_manager", "coordination", "admin")
EDIT_ROLES = ("admin", "directory_editor")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
