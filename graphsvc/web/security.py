"""Security headers on every answer, and API requests exempt from CSRF when token-authenticated."""

from __future__ import annotations

from flask import Flask, request
from flask_login import current_user

from ..extensions import csrf

# No inline scripts anywhere: every script is a file under /static. Cytoscape.js injects a
# small <style> element, hence 'unsafe-inline' for styles only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


# Pages that show a password or token (once) or a login form are never kept in a cache.
NO_STORE = {
    "auth.login",
    "auth.profile",
    "auth.create_token",
    "auth.change_password",
    "admin.users",
    "admin.user_action",
}


def init_app(app: Flask) -> None:
    """Add the headers; let bearer-token API calls through without a CSRF token."""

    @app.after_request
    def headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if request.path.startswith("/api/") or request.endpoint in NO_STORE:
            response.headers["Cache-Control"] = "no-store"
        return response

    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # checked below, in one place

    @app.before_request
    def check_csrf():
        # A bearer token cannot be sent by another site's form, so CSRF does not apply to
        # token-authenticated API calls; every cookie-authenticated write needs the token.
        # An API call with neither token nor session changes nothing either: the view
        # answers it with 401, which tells a client what is missing.
        if request.path.startswith("/api/"):
            bearer = request.headers.get("Authorization", "").startswith("Bearer ")
            if bearer or not current_user.is_authenticated:
                return
        csrf.protect(apply_exemptions=True)
