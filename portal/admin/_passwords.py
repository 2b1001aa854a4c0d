"""Password hashing with bcrypt and the password rules, in one place.

Hashing happens once when a password is set; checking happens only at login. The
rules: at least 12 characters, not the username, no leading/trailing spaces (the login
library strips them, so such a password could never be typed in), no control
characters, never a demo password ("demo-<name>") outside demo mode, and nothing weak
(_weak.py: a common password, the user's own names, a repeated character, digits only,
a keyboard or alphabet run). A demo password in demo mode skips the weakness checks.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import cache

import bcrypt

from portal import config
from portal.admin import _weak
from portal.admin._demo import DEMO_USERS
from portal.errors import ConfigError, ValidationError
from portal.i18n import t

MIN_PASSWORD = 12
MAX_PASSWORD = 72  # bcrypt only looks at the first 72 bytes


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(_rounds())).decode("ascii")


def _rounds() -> int:
    """The bcrypt cost for new hashes (PORTAL_BCRYPT_ROUNDS; existing hashes keep theirs)."""
    rounds = config.get_int("PORTAL_BCRYPT_ROUNDS")
    if not 4 <= rounds <= 31:
        raise ConfigError("PORTAL_BCRYPT_ROUNDS must be between 4 and 31")
    return rounds


def check_password(password: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False


@cache
def _dummy_hash() -> str:
    return hash_password("not-a-password-of-anyone")


@cache
def locked_hash() -> str:
    """A valid bcrypt hash of a random secret nobody knows: matches no typed password."""
    return hash_password(secrets.token_urlsafe(32))


def spend_check_time(password: str) -> None:
    """Do the same bcrypt work as a real check, for names that have no usable hash.

    This keeps an unknown or locked username from answering measurably faster than a
    known one (the timing would otherwise reveal which usernames exist).
    """
    check_password(password or "x", _dummy_hash())


def is_demo_password(username: str, password: str) -> bool:
    names = {username.lower()} | {u for u, _, _ in DEMO_USERS}
    return password.strip().lower() in {f"demo-{n}" for n in names}


def validate_password(
    username: str, password: str, demo_mode: bool, lang: str | None = None, name: str = ""
) -> None:
    """Raise ValidationError (field "password") unless `password` follows the rules.

    `name` is the user's display name: no part of it (4+ letters) may be in the password.
    """
    password = password or ""
    problem = None
    if len(password) < MIN_PASSWORD:
        problem = t("account.rule_length", lang, n=MIN_PASSWORD)
    elif len(password.encode("utf-8")) > MAX_PASSWORD:
        problem = t("account.rule_too_long", lang, n=MAX_PASSWORD)
    elif password != password.strip():
        problem = t("account.rule_spaces", lang)
    elif any(unicodedata.category(c) == "Cc" for c in password):
        problem = t("account.rule_control", lang)
    elif password.lower() == username.lower():
        problem = t("account.rule_username", lang)
    elif is_demo_password(username, password):
        problem = None if demo_mode else t("account.rule_demo", lang)
    elif weakness := _weak.problem(password, username, name):
        problem = t(f"admin.password_{weakness}", lang)
    if problem:
        raise ValidationError(problem, {"password": problem})
