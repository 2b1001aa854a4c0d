"""Every setting declared once: name, default and help.

Values come from environment variables; a few may also come from
`.streamlit/secrets.toml` (noted per setting). Nothing here imports Streamlit.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

from portal import ROOT
from portal.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    env: str
    default: str | None
    help: str
    secret_path: tuple[str, str] | None = None  # [section] key in secrets.toml


SETTINGS: dict[str, Setting] = {
    s.env: s
    for s in [
        Setting("PORTAL_DB", "data/portal.duckdb", "DuckDB database file."),
        Setting(
            "PORTAL_COOKIE_KEY",
            None,
            "Key that signs the login cookie (32+ bytes). Else [auth] cookie_key in "
            "secrets.toml, else generated once and kept beside the database.",
            ("auth", "cookie_key"),
        ),
        Setting("PORTAL_LANG", "sv", "Default UI language: sv or en."),
        Setting("PORTAL_MUNICIPALITY", "Tjörns kommun", "The municipality's name."),
        Setting(
            "PORTAL_REGION",
            "Västra Götalands län",
            "The municipality's county: the state_province of local addresses in open data.",
        ),
        Setting(
            "PORTAL_OPEN_DATA_LICENSE",
            "CC0-1.0",
            "Licence of the published directory (HSDS export and API): CC0-1.0 or CC-BY-4.0.",
        ),
        Setting(
            "PORTAL_COORDINATOR_CONTACT",
            "",
            "How residents reach the local coordinator (phone, e-mail or web page). "
            "Empty shows the municipality's switchboard advice instead.",
        ),
        Setting("PORTAL_COOKIE_EXPIRY_DAYS", "1", "Days a login cookie stays valid."),
        Setting("PORTAL_LOGIN_SLEEP", "0.2", "Seconds the login step waits (slows guessing)."),
        Setting("PORTAL_STALE_DAYS", "90", "Days without an update before an activity is stale."),
        Setting(
            "PORTAL_VERIFY_MONTHS", "12", "Months before a directory entry must be re-verified."
        ),
        Setting(
            "PORTAL_SMALL_NUMBER", "3", "Counts below this are shown as '<N' to members/exports."
        ),
        Setting(
            "PORTAL_SIGNAL_RETENTION_MONTHS", "24", "Months before closed signals' text is purged."
        ),
        Setting("PORTAL_SIGNAL_RECEIVER_ROLE", "coordinator", "Role that receives signals."),
        Setting("PORTAL_LOCKOUT_ATTEMPTS", "5", "Failed logins before an account is locked."),
        Setting("PORTAL_LOCKOUT_MINUTES", "15", "Minutes an account stays locked."),
        Setting(
            "PORTAL_SESSION_IDLE_MINUTES",
            "60",
            "Minutes without activity after which an open session is logged out.",
        ),
        Setting(
            "PORTAL_LOGIN_CLIENT_ATTEMPTS",
            "20",
            "Failed password logins from one client address before it must wait.",
        ),
        Setting(
            "PORTAL_LOGIN_CLIENT_MINUTES",
            "15",
            "Minutes over which a client's failed logins are counted, and it waits.",
        ),
        Setting(
            "PORTAL_LOGO",
            "",
            "Path of the municipality's logo (PNG/SVG), shown above "
            "the navigation; empty for none.",
        ),
        Setting(
            "PORTAL_BCRYPT_ROUNDS",
            "12",
            "bcrypt cost (log2 rounds) for new password hashes; 4-31. The test suite uses 4.",
        ),
        Setting(
            "PORTAL_LOCAL_LOGIN",
            "on",
            "Local portal accounts (username and password) on the login page: on or off. "
            "Off needs a single sign-on provider in secrets.toml; without one it stays on.",
        ),
        Setting(
            "PORTAL_SSO_PROVIDER",
            "",
            "Which [auth.<name>] provider of secrets.toml the login button uses; empty for "
            "the first one. Else [sso] provider in secrets.toml.",
        ),
        Setting(
            "PORTAL_SSO_NAME",
            "",
            "The provider's name on the login button ('Logga in med <name>'); empty for the "
            "provider's key. Else [sso] name in secrets.toml.",
        ),
        Setting(
            "PORTAL_SSO_ROLE_CLAIM",
            "",
            "The ID token claim that holds the person's groups or roles (a dotted path "
            "reaches nested claims, e.g. realm_access.roles); default groups. Else [sso] "
            "role_claim in secrets.toml.",
        ),
        Setting(
            "PORTAL_SSO_ROLES",
            "",
            "Claim value -> portal role, as 'value=role, value=role'. Else the table "
            "[sso.roles] in secrets.toml. Values that map to nothing give no role.",
        ),
        Setting(
            "PORTAL_CLI_WAIT",
            "300",
            "Seconds a command (export, report, backup, ...) waits for the running portal "
            "to do it when the portal holds the database.",
        ),
        Setting("PORTAL_SMTP_HOST", "", "SMTP server for e-mail; empty sends nothing."),
        Setting("PORTAL_SMTP_PORT", "587", "SMTP server port."),
        Setting("PORTAL_SMTP_USER", "", "SMTP login name; empty logs in as nobody."),
        Setting(
            "PORTAL_SMTP_PASSWORD",
            "",
            "SMTP password. Else [smtp] password in secrets.toml.",
            ("smtp", "password"),
        ),
        Setting("PORTAL_SMTP_STARTTLS", "1", "Use STARTTLS on the SMTP connection (1/0)."),
        Setting("PORTAL_MAIL_FROM", "sos-portalen@localhost", "Sender address of e-mail."),
        Setting(
            "PORTAL_BASE_URL",
            "http://localhost:8501",
            "The portal's address as users reach it; links in e-mail start with it.",
        ),
        Setting("PORTAL_DIGEST_HOUR", "7", "Hour (0-23) from which the day's digests go out."),
        Setting(
            "PORTAL_SITUATION_REMIND_MONTH",
            "3",
            "Month (1-12) from which the coordinator is reminded of last year's unapproved "
            "situation picture.",
        ),
        Setting(
            "PORTAL_NOTIFY_INTERVAL",
            "300",
            "Seconds between the running portal's own notification passes.",
        ),
    ]
}


def get(name: str) -> str:
    """The value of a declared setting: environment, then secrets.toml, then default."""
    setting = SETTINGS[name]
    value = os.environ.get(name)
    if value:
        return value
    if setting.secret_path:
        value = _from_secrets(*setting.secret_path)
        if value:
            return value
    if setting.default is None:
        raise ConfigError(f"{name} is not set")
    return setting.default


def get_int(name: str) -> int:
    try:
        return int(get(name))
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number") from exc


def get_bool(name: str) -> bool:
    return get(name).strip().lower() not in ("0", "false", "no", "off")


def get_float(name: str) -> float:
    try:
        return float(get(name))
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number") from exc


def db_path() -> Path:
    path = Path(get("PORTAL_DB"))
    return path if path.is_absolute() else ROOT / path


def logo_path() -> Path | None:
    """The configured logo file, or None (a missing file is skipped rather than breaking
    every page)."""
    value = get("PORTAL_LOGO")
    path = Path(value) if value else None
    return path if path and path.is_file() else None


def default_lang() -> str:
    lang = get("PORTAL_LANG")
    return lang if lang in ("sv", "en") else "sv"


def _from_secrets(section: str, key: str) -> str | None:
    path = ROOT / ".streamlit" / "secrets.toml"
    if not path.exists():
        return None
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    value = data.get(section, {}).get(key)
    return str(value) if value else None


def cookie_key() -> str:
    """The login cookie key; generated once beside the database if none is configured.

    There is deliberately no built-in default: a fixed key in the code would let anyone
    who reads the source forge a login cookie.
    """
    try:
        return get("PORTAL_COOKIE_KEY")
    except ConfigError:
        pass
    key_file = db_path().with_suffix(".cookie_key")
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return key_file.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


MIN_COOKIE_KEY_BYTES = 32


def startup_problem(demo: bool) -> str | None:
    """Why the portal must refuse to serve, or None. Checked on every page load.

    Outside demo mode a short cookie key would make forging login cookies feasible, so
    the portal shows an error page instead of a login form.
    """
    try:
        key = cookie_key()
    except OSError as exc:
        return f"the cookie key could not be read or created: {exc}"
    if not demo and len(key.encode("utf-8")) < MIN_COOKIE_KEY_BYTES:
        return (
            f"PORTAL_COOKIE_KEY is shorter than {MIN_COOKIE_KEY_BYTES} bytes; set a "
            "longer random key (e.g. python -c 'import secrets; "
            "print(secrets.token_urlsafe(48))')"
        )
    return None
