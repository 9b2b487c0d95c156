"""Request-side access to the graph and settings, so views stay thin."""

from __future__ import annotations

from flask import current_app, request
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from ..config import Settings
from ..graph import Graph
from ..services.audit import Who
from ..services.mail import Mailer
from ..services.same_client import MatchSettings


def graph() -> Graph:
    """The graph of this app (one connection pool per process, shared by threads)."""
    return current_app.extensions["graphsvc.graph"]


def settings() -> Settings:
    """The validated settings of this app."""
    return current_app.config["GRAPHSVC"]


def lang() -> str:
    """The interface language ('de' or 'en'), for vocabulary names."""
    return "en" if str(get_locale() or "de") == "en" else "de"


def municipality() -> str:
    """The user's municipality; a user without one sees no directory, network or report."""
    if not current_user.municipality_id:
        raise Forbidden()
    return current_user.municipality_id


def match_settings() -> MatchSettings:
    """The configured match-key secret and threshold."""
    config = settings()
    return MatchSettings(config.match_key_secret, config.match_threshold)


def mailer() -> Mailer:
    """The notification mailer of this app (sends nothing without GRAPHSVC_SMTP_HOST)."""
    return current_app.extensions["graphsvc.mailer"]


def client_address() -> str:
    """The caller's address, for the audit trail."""
    return request.remote_addr or ""


def who() -> Who:
    """Who acts in this request: the logged-in user (or nobody) and their address."""
    return Who(current_user.data if current_user.is_authenticated else None, client_address())


def municipal_who() -> Who:
    """Who acts, for a use case within the user's municipality (403 without one)."""
    municipality()
    return who()
