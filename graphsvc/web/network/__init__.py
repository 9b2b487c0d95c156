"""The network explorer: the interactive graph page for network meetings (no case data)."""

from flask import Blueprint

bp = Blueprint("network", __name__, url_prefix="/network")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
