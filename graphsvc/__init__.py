"""graphsvc: the referral and network graph for municipal integration management (KIM)."""

from __future__ import annotations

import atexit
from typing import Any

from flask import Flask, current_app, session
from flask_babel import get_locale
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module
from .domain import clock
from .extensions import babel, csrf
from .graph import connect
from .graph.embedded import EmbeddedEngine
from .resources import folder


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: settings from the environment, then `config` (settings overrides)."""
    settings = config_module.from_env()
    if config:
        settings = settings.with_overrides(**config)
    app = Flask(__name__, template_folder=str(folder("templates")), static_folder="static")
    app.config.update(
        SECRET_KEY=settings.secret_key,
        GRAPHSVC=settings,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=settings.session_lifetime_hours * 3600,
        # Spreadsheet uploads up to the import cap get a form error naming the cap; the
        # request limit above it (10 MB of headroom) answers 413 before reading the body.
        IMPORT_MAX_BYTES=settings.import_max_mb * 1024 * 1024,
        MAX_CONTENT_LENGTH=(settings.import_max_mb + 10) * 1024 * 1024,
        BABEL_DEFAULT_LOCALE=settings.language,
        BABEL_TRANSLATION_DIRECTORIES="translations",
        BABEL_DEFAULT_TIMEZONE=clock.LOCAL.key,  # times are shown where the users work
        WTF_CSRF_TIME_LIMIT=None,
        TESTING=settings.env == "test",
    )
    register_graph(app, settings)
    register_mail(app, settings)
    register_extensions(app, settings)
    register_blueprints(app)
    return app


def register_graph(app: Flask, settings: config_module.Settings) -> None:
    """Connect to the graph; without GRAPH_URL start the embedded engine for this process."""
    url = settings.graph_url
    if url is None:
        engine = EmbeddedEngine(settings.data_dir).start()
        atexit.register(engine.stop)
        app.extensions["graphsvc.engine"] = engine
        url = engine.url
    app.extensions["graphsvc.graph_url"] = url
    app.extensions["graphsvc.graph"] = connect(settings, url)


def register_mail(app: Flask, settings: config_module.Settings) -> None:
    """The notification mailer (idle without an SMTP host)."""
    from .services.mail import Mailer, MailSettings

    app.extensions["graphsvc.mailer"] = Mailer(
        MailSettings(
            host=settings.smtp_host,
            port=settings.smtp_port,
            user=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            sender=settings.mail_from,
        )
    )


def select_locale() -> str:
    """The interface language: the one the user chose, else the configured default."""
    chosen = session.get("lang")
    return chosen if chosen in {"de", "en"} else current_app.config["BABEL_DEFAULT_LOCALE"]


def settings_language(app: Flask) -> str:
    """The configured default interface language."""
    return app.config["BABEL_DEFAULT_LOCALE"]


def register_extensions(app: Flask, settings: config_module.Settings) -> None:
    """Bind the extensions to this app."""
    from .web import access, formats, limits, security

    if settings.proxies:
        # Behind a reverse proxy every request comes from the proxy: trust its
        # X-Forwarded-For (only as many hops as configured) for the caller's address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxies)  # type: ignore[method-assign]
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    access.init_app(app)
    limits.init_app(app, settings, app.extensions["graphsvc.graph_url"])
    security.init_app(app)
    formats.init_app(app)

    @app.context_processor
    def interface_language() -> dict[str, str]:
        return {"lang": str(get_locale() or settings_language(app))}


def register_blueprints(app: Flask) -> None:
    """Mount the web blueprints and the JSON API."""
    from .web import admin, api, auth, errors, main
    from .web import cases as cases_web
    from .web import coordination as coordination_web
    from .web.api import cases as cases_api

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(cases_web.bp)
    app.register_blueprint(cases_api.bp)
    app.register_blueprint(coordination_web.bp)
    app.register_blueprint(coordination_web.api.bp)
    from .web import network as network_web
    from .web.api import network as network_api

    app.register_blueprint(network_web.bp)
    app.register_blueprint(network_api.bp)
    from .web import directory as directory_web
    from .web.api import search as search_api

    app.register_blueprint(directory_web.bp)
    app.register_blueprint(search_api.bp)
    from .web.api import hsds as hsds_api

    app.register_blueprint(hsds_api.bp)
    from .web import notifications as notifications_web
    from .web import referrals as referrals_web
    from .web.api import referrals as referrals_api

    app.register_blueprint(referrals_web.bp)
    app.register_blueprint(notifications_web.bp)
    app.register_blueprint(referrals_api.bp)
    from .web import io as io_web

    app.register_blueprint(io_web.bp)
    errors.init_app(app)
