"""Settings from the environment, in one place.

Every setting has a default that works on a fresh machine (embedded FalkorDB in ./var);
anything malformed raises ConfigError with one line saying what to fix.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlparse

from .domain import referrals, same_client, unmet_searches
from .resources import folder

FALKORDB_SCHEMES = {"falkordb", "redis", "unix"}
NEO4J_SCHEMES = {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}
# Refused in production (validate).
DEV_SECRET = "dev-only-not-secret"  # nosec B105
KEY_FILE = "secret_key"  # in the data directory, when SECRET_KEY is not set
# Uploads are read into memory and checked row by row; beyond this a spreadsheet is no
# longer a directory list but a data dump, which belongs in `graphsvc import`.
MAX_IMPORT_MB = 200
MAX_FOLLOW_UP_DAYS = 90  # later than a quarter is no follow-up any more
MAX_WAIT_DAYS = 365


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    """The validated settings of one graphsvc process."""

    graph_url: str | None = None
    graph_name: str = "graphsvc"
    data_dir: Path = Path("var")
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    host: str = "127.0.0.1"
    port: int = 5000
    env: str = "development"
    secret_key: str = DEV_SECRET
    language: str = "de"
    seed_dir: Path = folder("seeds")
    session_idle_minutes: int = 30
    session_lifetime_hours: int = 12
    secure_cookies: bool = False
    admin_password: str | None = None
    login_limit: str = "10 per minute"
    token_days: int = 90
    rate_limit_url: str | None = None
    proxies: int = 0
    match_key_secret: str = same_client.DEV_SECRET
    match_threshold: float = same_client.DEFAULT_THRESHOLD
    import_max_mb: int = 10
    follow_up_days: int = referrals.DEFAULT_FOLLOW_UP_DAYS
    unmet_wait_days: int = unmet_searches.DEFAULT_WAIT_DAYS
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "graphsvc@localhost"
    base_url: str = ""

    @property
    def backend_kind(self) -> str:
        """'embedded', 'falkordb' or 'neo4j', derived from the graph URL."""
        if not self.graph_url:
            return "embedded"
        scheme = urlparse(self.graph_url).scheme
        return "neo4j" if scheme in NEO4J_SCHEMES else "falkordb"

    def with_overrides(self, **overrides) -> Settings:
        """A copy with some settings replaced (used by tests and the CLI)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return validate(replace(self, **overrides))


def _int(name: str, raw: str, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={value} must be between {low} and {high}")
    return value


def _float(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number (like 0.85)") from None


def _flag(name: str, raw: str) -> bool:
    if raw not in {"0", "1"}:
        raise ConfigError(f"{name}={raw!r} must be 0 or 1")
    return raw == "1"


def validate(settings: Settings) -> Settings:
    """Check the settings and return them, or raise ConfigError naming the bad one."""
    if settings.graph_url:
        scheme = urlparse(settings.graph_url).scheme
        if scheme not in FALKORDB_SCHEMES | NEO4J_SCHEMES:
            allowed = ", ".join(sorted(FALKORDB_SCHEMES | NEO4J_SCHEMES))
            raise ConfigError(
                f"GRAPH_URL scheme {scheme or '(none)'!r} is unknown; use one of: {allowed} "
                "(or leave GRAPH_URL unset for the embedded engine)"
            )
    if settings.env not in {"development", "production", "test"}:
        raise ConfigError(f"GRAPHSVC_ENV={settings.env!r} must be development, production or test")
    if settings.env == "production" and settings.secret_key in {"", DEV_SECRET}:
        raise ConfigError(
            "SECRET_KEY must be set to a long random value in production "
            '(for example: python3 -c "import secrets; print(secrets.token_hex(32))")'
        )
    if settings.env == "production" and (
        len(settings.match_key_secret) < 16 or settings.match_key_secret == same_client.DEV_SECRET
    ):
        # The secret makes match keys unreadable; a known or short one lets anyone with a
        # name list rebuild keys. Changing it later makes all stored keys incomparable.
        raise ConfigError(
            "GRAPHSVC_MATCH_KEY_SECRET must be set to a long random value (16+ characters) in "
            "production and never changed afterwards "
            '(for example: python3 -c "import secrets; print(secrets.token_hex(32))")'
        )
    if not 0.5 <= settings.match_threshold <= 1.0:
        raise ConfigError(
            f"GRAPHSVC_MATCH_THRESHOLD={settings.match_threshold} must be between 0.5 and 1.0"
        )
    if not 1 <= settings.import_max_mb <= MAX_IMPORT_MB:
        raise ConfigError(
            f"GRAPHSVC_IMPORT_MAX_MB={settings.import_max_mb} must be between 1 and {MAX_IMPORT_MB}"
        )
    if settings.rate_limit_url and urlparse(settings.rate_limit_url).scheme not in {
        "redis",
        "rediss",
        "redis+unix",
        "memory",
    }:
        raise ConfigError(
            f"GRAPHSVC_RATE_LIMIT_URL={settings.rate_limit_url!r} must be a redis://, "
            "rediss://, redis+unix:// or memory:// address"
        )
    if not 1 <= settings.follow_up_days <= MAX_FOLLOW_UP_DAYS:
        raise ConfigError(
            f"GRAPHSVC_FOLLOW_UP_DAYS={settings.follow_up_days} must be between 1 and "
            f"{MAX_FOLLOW_UP_DAYS}"
        )
    if not 0 <= settings.unmet_wait_days <= MAX_WAIT_DAYS:
        raise ConfigError(
            f"GRAPHSVC_UNMET_WAIT_DAYS={settings.unmet_wait_days} must be between 0 and "
            f"{MAX_WAIT_DAYS}"
        )
    if settings.smtp_host and "@" not in settings.mail_from:
        raise ConfigError(f"GRAPHSVC_MAIL_FROM={settings.mail_from!r} is not an e-mail address")
    if settings.base_url and urlparse(settings.base_url).scheme not in {"http", "https"}:
        raise ConfigError(
            f"GRAPHSVC_BASE_URL={settings.base_url!r} must start with https:// (or http://)"
        )
    if settings.language not in {"de", "en"}:
        raise ConfigError(f"GRAPHSVC_LANGUAGE={settings.language!r} must be de or en")
    return settings


def installation_secret(data_dir: Path) -> str:
    """The signing key of an installation without SECRET_KEY: random, made once and kept in
    the data directory (readable by its owner only).

    A key per process would log everyone out on every restart and let the workers of one
    server disagree; a key in the source code would be the same for every installation.
    The file appears whole or not at all (written aside, then linked into place), so
    workers starting together agree on it. Where the data directory cannot be written, the
    fixed development key is used, which production refuses (validate).
    """
    path = data_dir / KEY_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            draft = data_dir / f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
            descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(secrets.token_hex(32))
            try:
                os.link(draft, path)
            except FileExistsError:
                pass  # another worker was first: use its key
            finally:
                draft.unlink()
        return path.read_text().strip() or DEV_SECRET
    except OSError:
        return DEV_SECRET


def from_env(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or the given mapping)."""
    env = os.environ if environ is None else environ
    mode = env.get("GRAPHSVC_ENV", "development")
    data_dir = Path(env.get("GRAPHSVC_DATA_DIR", "var")).resolve()
    secret = env.get("SECRET_KEY", "")
    if not secret and mode != "production":
        secret = installation_secret(data_dir)
    settings = Settings(
        graph_url=env.get("GRAPH_URL") or None,
        graph_name=env.get("GRAPH_NAME", "graphsvc"),
        data_dir=data_dir,
        neo4j_user=env.get("NEO4J_USER", "neo4j"),
        neo4j_password=env.get("NEO4J_PASSWORD", ""),
        host=env.get("GRAPHSVC_HOST", "127.0.0.1"),
        port=_int("GRAPHSVC_PORT", env.get("GRAPHSVC_PORT", "5000"), 1, 65535),
        env=mode,
        secret_key=secret,
        language=env.get("GRAPHSVC_LANGUAGE", "de"),
        session_idle_minutes=_int(
            "GRAPHSVC_SESSION_IDLE_MINUTES", env.get("GRAPHSVC_SESSION_IDLE_MINUTES", "30"), 1, 1440
        ),
        session_lifetime_hours=_int(
            "GRAPHSVC_SESSION_LIFETIME_HOURS",
            env.get("GRAPHSVC_SESSION_LIFETIME_HOURS", "12"),
            1,
            168,
        ),
        # Cookies are marked Secure when the app is served over https (production default).
        secure_cookies=env.get("GRAPHSVC_HTTPS", "1" if mode == "production" else "0") == "1",
        admin_password=env.get("GRAPHSVC_ADMIN_PASSWORD") or None,
        login_limit=env.get("GRAPHSVC_LOGIN_LIMIT", "10 per minute"),
        token_days=_int("GRAPHSVC_TOKEN_DAYS", env.get("GRAPHSVC_TOKEN_DAYS", "90"), 1, 365),
        rate_limit_url=env.get("GRAPHSVC_RATE_LIMIT_URL") or None,
        proxies=_int("GRAPHSVC_PROXIES", env.get("GRAPHSVC_PROXIES", "0"), 0, 5),
        match_key_secret=env.get("GRAPHSVC_MATCH_KEY_SECRET")
        or ("" if mode == "production" else same_client.DEV_SECRET),
        match_threshold=_float(
            "GRAPHSVC_MATCH_THRESHOLD",
            env.get("GRAPHSVC_MATCH_THRESHOLD", str(same_client.DEFAULT_THRESHOLD)),
        ),
        import_max_mb=_int(
            "GRAPHSVC_IMPORT_MAX_MB", env.get("GRAPHSVC_IMPORT_MAX_MB", "10"), 1, MAX_IMPORT_MB
        ),
        follow_up_days=_int(
            "GRAPHSVC_FOLLOW_UP_DAYS",
            env.get("GRAPHSVC_FOLLOW_UP_DAYS", str(referrals.DEFAULT_FOLLOW_UP_DAYS)),
            1,
            MAX_FOLLOW_UP_DAYS,
        ),
        unmet_wait_days=_int(
            "GRAPHSVC_UNMET_WAIT_DAYS",
            env.get("GRAPHSVC_UNMET_WAIT_DAYS", str(unmet_searches.DEFAULT_WAIT_DAYS)),
            0,
            MAX_WAIT_DAYS,
        ),
        smtp_host=env.get("GRAPHSVC_SMTP_HOST") or None,
        smtp_port=_int("GRAPHSVC_SMTP_PORT", env.get("GRAPHSVC_SMTP_PORT", "25"), 1, 65535),
        smtp_user=env.get("GRAPHSVC_SMTP_USER", ""),
        smtp_password=env.get("GRAPHSVC_SMTP_PASSWORD", ""),
        smtp_starttls=_flag("GRAPHSVC_SMTP_STARTTLS", env.get("GRAPHSVC_SMTP_STARTTLS", "0")),
        mail_from=env.get("GRAPHSVC_MAIL_FROM", "graphsvc@localhost"),
        base_url=env.get("GRAPHSVC_BASE_URL", "").rstrip("/"),
    )
    return validate(settings)


def random_secret() -> str:
    """A fresh random secret, for generated admin passwords and tokens."""
    return secrets.token_urlsafe(16)
