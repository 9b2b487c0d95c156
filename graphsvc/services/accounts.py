"""Users, passwords, server-side sessions and API tokens.

Passwords are hashed with Argon2id (memory-hard). Session ids and API tokens are random
secrets handed to the client; the graph stores only their SHA-256, so a copy of the graph
cannot be used to log in. Sessions live on the server: logout, disabling a user and a
password change delete them, so a replayed cookie is refused.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain import clock, model
from ..graph import Graph

HASHER = PasswordHasher()
# A hash to verify against when the username is unknown, so both cases take equally long.
DUMMY_HASH = HASHER.hash("graphsvc-no-such-user")
MIN_PASSWORD_LENGTH = 10
# Failed logins are counted per account and address: 5 within 15 minutes lock that account
# for that address for 15 minutes. A lock per account alone would let anyone lock out any
# known user (admin included) from everywhere; the OWASP authentication guidance names the
# account-and-address pair as the way to slow guessing without that denial of service.
LOCK_AFTER_FAILURES = 5
LOCK_WINDOW_SECONDS = 15 * 60
# Failed logins are counted per account and address (above); the lock lasts this long.
LOCK_SECONDS = 15 * 60  # nosec B105 (a duration, not a password)
# The public start of every token, not a secret.
TOKEN_PREFIX = "gsv_"  # nosec B105
# A token that is forgotten in a script or a mail keeps working until it ends; 90 days
# bounds that, and is long enough that a nightly job is renewed only a few times a year.
DEFAULT_TOKEN_DAYS = 90
DAY_SECONDS = 86400
# Trying every role on a development machine should take one login, not an admin's reset per
# account: the seeds' demo accounts (sample data, never real people) all get this password
# there. It is public (README), so production never sets it (commands/server.py, demo).
DEMO_PASSWORD = "Herne-Demo-2026"  # nosec B105


class AccountError(Exception):
    """A request about accounts cannot be done; the message is safe to show."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt."""

    user: dict[str, Any] | None
    session_id: str | None = None
    reason: str = ""  # "", "invalid", "locked", "disabled"


def digest(secret: str) -> str:
    """The SHA-256 under which a session id or token is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def check_password_rules(password: str, username: str = "") -> None:
    """Raise AccountError if a new password is too weak."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"at least {MIN_PASSWORD_LENGTH} characters", "password")
    if username and username.lower() in password.lower():
        raise AccountError("must not contain the username", "password")


def create_user(
    graph: Graph,
    username: str,
    display_name: str,
    actor_id: str,
    roles: list[str],
    password: str | None = None,
) -> tuple[str, str]:
    """Create a user; return (user id, password). Without a password a one-time one is made."""
    unknown = [r for r in roles if r not in model.ROLES]
    if not roles or unknown:
        raise AccountError(f"roles must be chosen from {', '.join(model.ROLES)}", "roles")
    one_time = password is None
    password = password or secrets.token_urlsafe(12)
    check_password_rules(password, username)
    user_id = f"user-{uuid.uuid4().hex[:12]}"
    created = graph.query(
        "accounts.create_user",
        id=user_id,
        username=username,
        display_name=display_name,
        roles=sorted(set(roles)),
        password_hash=HASHER.hash(password),
        must_change=one_time,
        actor_id=actor_id,
        now=clock.now_seconds(),
    )
    if not created:
        if graph.query("accounts.get_user_by_username", username=username, failure_key=""):
            raise AccountError("this username is already taken", "username")
        raise AccountError("unknown organisation", "actor_id")
    return user_id, password


def failure_key(username: str, address: str) -> str:
    """Under which failed logins of one account from one address are counted."""
    return digest(f"{username}\n{address}")


def _locked(failures: dict[str, Any] | None) -> bool:
    """Whether the counted failures of an account and address lock it now."""
    return ((failures or {}).get("locked_until") or 0) > clock.now_seconds()


def _record_failure(graph: Graph, user_id: str, key: str) -> bool:
    """Count one failed attempt for an account and address; True when that locks it."""
    current = clock.now_seconds()
    state = graph.query(
        "accounts.record_failed_login",
        failure_key=key,
        user_id=user_id,
        now=current,
        window_start=current - LOCK_WINDOW_SECONDS,
        limit=LOCK_AFTER_FAILURES,
        lock_until=current + LOCK_SECONDS,
    )
    return bool(state) and state[0]["locked_until"] > current


def login(graph: Graph, username: str, password: str, address: str = "") -> LoginResult:
    """Check a username and password; on success start a session and return its id.

    Five failures of one account from one address within 15 minutes lock the account for
    that address only (see LOCK_AFTER_FAILURES)."""
    key = failure_key(username, address)
    row = graph.query("accounts.get_user_by_username", username=username, failure_key=key)
    user = row["user"] if row else None
    stored = (user or {}).get("password_hash") or DUMMY_HASH
    try:
        valid = HASHER.verify(stored, password) and user is not None
    except (VerificationError, InvalidHashError):
        valid = False
    if user is None:
        return LoginResult(None, reason="invalid")
    current = clock.now_seconds()
    if _locked(row["failures"]):
        return LoginResult(user, reason="locked")
    if not valid:
        locked = _record_failure(graph, user["id"], key)
        return LoginResult(user, reason="locked" if locked else "invalid")
    if not user.get("active"):
        return LoginResult(user, reason="disabled")
    session_id = secrets.token_urlsafe(32)
    graph.query(
        "accounts.record_login",
        user_id=user["id"],
        session_hash=digest(session_id),
        now=current,
        failure_key=key,
    )
    return LoginResult(user, session_id=session_id)


def resolve_session(
    graph: Graph, session_id: str, idle_seconds: int, lifetime_seconds: int
) -> dict[str, Any] | None:
    """The user of a live session, or None (unknown, idle too long, too old: then ended)."""
    key = digest(session_id)
    row = graph.query("accounts.resolve_session", session_hash=key)
    if not row:
        return None
    current = clock.now_seconds()
    session = row["session"]
    if (
        current - session["last_seen"] > idle_seconds
        or current - session["created_at"] > lifetime_seconds
    ):
        graph.query("accounts.end_session", session_hash=key)
        return None
    if current - session["last_seen"] >= 30:  # one write per half minute is enough for idling
        graph.query("accounts.touch_session", session_hash=key, now=current)
    return row["user"]


def logout(graph: Graph, session_id: str) -> None:
    """End one session on the server."""
    graph.query("accounts.end_session", session_hash=digest(session_id))


def change_password(graph: Graph, user_id: str, current: str, new: str, address: str = "") -> None:
    """Change one's own password after checking the current one; ends all sessions.

    A wrong current password counts like a failed login of the account from this address,
    so a stolen session cannot guess the password: the fifth wrong one within 15 minutes
    raises AccountError with field "locked", and the caller ends the session."""
    row = graph.query("accounts.get_user", user_id=user_id)
    if not row:
        raise AccountError("unknown user")
    key = failure_key(row["user"]["username"], address)
    state = graph.query(
        "accounts.get_user_by_username", username=row["user"]["username"], failure_key=key
    )
    if _locked((state or {}).get("failures")):
        raise AccountError("too many failed attempts", "locked")
    try:
        HASHER.verify(row["user"]["password_hash"], current)
    except (VerificationError, InvalidHashError):
        if _record_failure(graph, user_id, key):
            raise AccountError("too many failed attempts", "locked") from None
        raise AccountError("the current password is not correct", "current_password") from None
    check_password_rules(new, row["user"]["username"])
    graph.query(
        "accounts.set_password",
        user_id=user_id,
        password_hash=HASHER.hash(new),
        must_change=False,
        now=clock.now_seconds(),
    )


def reset_password(graph: Graph, user_id: str) -> str:
    """Give a user a new one-time password (admin); ends all sessions and tokens, leaves a
    disabled user disabled; returns the password once."""
    password = secrets.token_urlsafe(12)
    if not graph.query(
        "accounts.set_password",
        user_id=user_id,
        password_hash=HASHER.hash(password),
        must_change=True,
        now=clock.now_seconds(),
    ):
        raise AccountError("unknown user")
    return password


def set_active(graph: Graph, user_id: str, active: bool) -> None:
    """Enable or disable a user; disabling ends the user's sessions and API tokens."""
    if not graph.query(
        "accounts.set_active", user_id=user_id, active=active, now=clock.now_seconds()
    ):
        raise AccountError("unknown user")


def create_token(graph: Graph, user_id: str, name: str, days: int = DEFAULT_TOKEN_DAYS) -> str:
    """Create a personal API token valid for `days`; the returned secret is shown once and
    never stored."""
    if not name.strip() or len(name) > 80:
        raise AccountError("give the token a name of at most 80 characters", "name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    current = clock.now_seconds()
    graph.query(
        "accounts.create_token",
        user_id=user_id,
        token_hash=digest(token),
        name=name.strip(),
        prefix=token[:12],
        now=current,
        expires_at=current + days * DAY_SECONDS,
    )
    return token


def resolve_token(graph: Graph, token: str) -> dict[str, Any] | None:
    """The active user behind a valid, unexpired token, or None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = graph.query("accounts.resolve_token", token_hash=digest(token), now=clock.now_seconds())
    return row["user"] if row else None


def list_tokens(graph: Graph, user_id: str) -> list[dict[str, Any]]:
    """A user's tokens, newest first, each with the day it expires (`expires_on`)."""
    tokens = [row["token"] for row in graph.query("accounts.list_tokens", user_id=user_id)]
    current = clock.now_seconds()
    for token in tokens:
        expires = token.get("expires_at") or 0
        token["expires_on"] = clock.day_of(expires) if expires else None
        token["expired"] = not token["revoked"] and expires <= current
    return tokens


def revoke_token(graph: Graph, user_id: str, prefix: str) -> None:
    """Revoke one of the user's own tokens."""
    if not graph.query(
        "accounts.revoke_token", user_id=user_id, prefix=prefix, now=clock.now_seconds()
    ):
        raise AccountError("no such active token")


def find_user_id(graph: Graph, username: str) -> str:
    """The id of a user by username, or AccountError."""
    row = graph.query("accounts.get_user_by_username", username=username, failure_key="")
    if not row:
        raise AccountError(f"no user named {username!r}", "username")
    return row["user"]["id"]


def ensure_first_admin(graph: Graph, actor_id: str, password: str | None) -> str | None:
    """Create the user 'admin' if no active admin exists; return its password, else None."""
    if graph.query("accounts.count_active_admins"):
        return None
    _, password = create_user(graph, "admin", "Administration", actor_id, ["admin"], password)
    return password


def enable_demo_users(graph: Graph, env: str) -> list[dict[str, Any]]:
    """In development, give the seeds' demo accounts that have no password yet the demo
    password and enable them; return every active demo account (username, roles).

    Refused outside development: a known password must never open a real installation.
    """
    if env != "development":
        raise AccountError("demo passwords exist only in development (GRAPHSVC_ENV)")
    graph.query("accounts.enable_demo_users", password_hash=HASHER.hash(DEMO_PASSWORD))
    return graph.query("accounts.demo_users")
