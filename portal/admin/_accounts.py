"""Account events and self-service: login bookkeeping, lockout, own password change.

Lockout policy: after PORTAL_LOCKOUT_ATTEMPTS failed password logins in a row, the
account is locked for PORTAL_LOCKOUT_MINUTES and its open sessions end. Every failure is
audited. A locked, a
disabled and an unknown username all get the same message and cost the same bcrypt work,
so the login form never reveals whether a username exists.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from portal import auth, config
from portal.admin import _passwords as passwords
from portal.admin._db import users as users_db
from portal.admin._db.users import User
from portal.db import audit, meta
from portal.db.connection import retrying, transaction
from portal.errors import PermissionDenied, ValidationError
from portal.i18n import t

ANONYMOUS = "anonymous"


def login_credentials(now: datetime) -> dict[str, dict]:
    """Active users shaped for streamlit-authenticator.

    A locked user stays in the list with a hash nothing matches: the library then does
    the same bcrypt work as for anyone else and reports the name as a failed attempt,
    which lets us log the attempt on the locked account.
    """
    creds = {}
    for username, name, email, role, hashed, locked_until in users_db.active_credentials():
        locked = locked_until is not None and locked_until > now
        creds[username] = {
            "name": name,
            "email": email or f"{username}@invalid",
            "roles": [role],
            "password": passwords.locked_hash() if locked else hashed,
        }
    return creds


def record_login(username: str, now: datetime) -> None:
    def work() -> None:
        with transaction() as cur:
            users_db.mark_login(cur, username, now)
            audit.record(cur, username, "login", "users", username)

    retrying(work)


def login_failed(username: str | None, now: datetime, password: str = "") -> str:
    """Count and audit one failed login; returns what happened (for tests and logs).

    `username` is None when the name was not one of the active users: then only the
    bcrypt time is spent and an anonymous failure is logged (the typed name is not
    stored, as people sometimes type a password into the name field).
    """
    if username is None:
        passwords.spend_check_time(password)
        retrying(lambda: _audit_only(ANONYMOUS, "login_failed", None, None))
        return "unknown"
    return retrying(lambda: _count_failure(username, now))


def _audit_only(actor: str, action: str, entity_id: str | None, after: dict | None) -> None:
    with transaction() as cur:
        audit.record(cur, actor, action, "users", entity_id, None, after)


def _count_failure(username: str, now: datetime) -> str:
    limit = max(1, config.get_int("PORTAL_LOCKOUT_ATTEMPTS"))
    minutes = config.get_float("PORTAL_LOCKOUT_MINUTES")
    with transaction() as cur:
        state = users_db.login_state(cur, username)
        if state is None:
            audit.record(cur, ANONYMOUS, "login_failed", "users")
            return "unknown"
        _active, attempts, locked_until = state
        if locked_until is not None and locked_until > now:
            audit.record(
                cur,
                username,
                "login_refused_locked",
                "users",
                username,
                None,
                {"locked_until": locked_until},
            )
            return "refused_locked"
        attempts += 1
        if attempts >= limit:
            until = now + timedelta(minutes=minutes)
            users_db.mark_failed(cur, username, 0, until)
            users_db.revoke_sessions(cur, username, now)
            audit.record(
                cur,
                username,
                "login_failed",
                "users",
                username,
                None,
                {"failed_attempts": attempts},
            )
            audit.record(
                cur,
                "system",
                "lock",
                "users",
                username,
                None,
                {"locked_until": until, "failed_attempts": attempts},
            )
            return "locked"
        users_db.mark_failed(cur, username, attempts, None)
        audit.record(
            cur, username, "login_failed", "users", username, None, {"failed_attempts": attempts}
        )
        return "failed"


def log_out(username: str, now: datetime) -> None:
    """The user logged out: every session of theirs ends, on every device (a copied
    cookie included), audited."""

    def work() -> None:
        with transaction() as cur:
            users_db.revoke_sessions(cur, username, now)
            audit.record(cur, username, "logout", "users", username)

    retrying(work)


def record_failed_logins(failures: dict[str, int]) -> None:
    """Kept for callers of the foundation API: one failure per name."""
    now = datetime.now()
    for username in failures:
        login_failed(username, now)


def change_password(user: User, current: str, new: str, repeat: str) -> None:
    """The user changes their own password (also how a forced change is completed)."""
    fresh = users_db.get_user(user.username)
    if fresh is None or not fresh.active:
        raise PermissionDenied("account.manage")
    auth.require(fresh.role, "account.manage")
    with transaction() as cur:
        stored = users_db.password_hash(cur, user.username)
    if not stored or not passwords.check_password(current or "", stored):
        problem = t("account.wrong_current")
        raise ValidationError(problem, {"current": problem})
    if new != repeat:
        problem = t("account.mismatch")
        raise ValidationError(problem, {"repeat": problem})
    if new == current:
        problem = t("account.same_as_old")
        raise ValidationError(problem, {"password": problem})
    passwords.validate_password(user.username, new, meta.is_demo(), name=fresh.name)
    with audit.audited_transaction(user.username, "change_password", "users", user.username) as (
        cur,
        change,
    ):
        users_db.set_password(cur, user.username, passwords.hash_password(new), must_change=False)
        # Every device logs in anew; the page gives the changing session a new start.
        users_db.revoke_sessions(cur, user.username, datetime.now())
        change["before"] = {"must_change_password": fresh.must_change_password}
        change["after"] = {"must_change_password": False}
