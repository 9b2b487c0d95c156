"""The case file pages: my cases, intake, one case with its help network."""

from flask import Blueprint

bp = Blueprint("cases", __name__, url_prefix="/cases")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
