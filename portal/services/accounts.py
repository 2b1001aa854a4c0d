"""Account events at login: last login, failed attempts. Lockout policy lives here."""

from __future__ import annotations

from datetime import datetime

from portal.db import audit
from portal.db import users as users_db
from portal.db.connection import transaction


def record_login(username: str, now: datetime) -> None:
    with transaction() as cur:
        users_db.mark_login(cur, username, now)
        audit.record(cur, username, "login", "users", username)


def record_failed_logins(failures: dict[str, int]) -> None:
    """Audit failed password attempts for known users (unknown names leave no trace)."""
    if not failures:
        return
    with transaction() as cur:
        for username in failures:
            audit.record(cur, username, "login_failed", "users", username)
