"""Queries about users. Password hashes never leave this layer except for login."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from portal.actor import Actor
from portal.db.connection import Cursor, cursor, scalar


@dataclass(frozen=True)
class User(Actor):
    """A user account as stored: the actor plus its account state."""

    email: str = ""
    active: bool = True
    must_change_password: bool = False
    is_demo: bool = False
    sso: bool = False  # signs in with the identity provider; no local password
    # Every session that began at or before this time is over (portal/admin/_sessions.py).
    sessions_revoked_at: datetime | None = None


# A NULL role is an account without one (auth.NO_ROLE).
_COLUMNS = (
    "username, name, email, coalesce(role, 'none'), active, must_change_password, is_demo,"
    " sso_subject IS NOT NULL, sessions_revoked_at"
)


def get_user(username: str) -> User | None:
    with cursor() as cur:
        row = cur.execute(
            f"SELECT {_COLUMNS} FROM users WHERE username = ?",  # noqa: S608 - fixed columns
            [username],
        ).fetchone()
    if not row:
        return None
    username, name, email, role, active, must_change, is_demo, sso, revoked = row
    return User(
        username=username,
        name=name,
        role=role,
        email=email,
        active=active,
        must_change_password=must_change,
        is_demo=is_demo,
        sso=sso,
        sessions_revoked_at=revoked,
    )


def login_credentials(now: datetime) -> dict[str, dict[str, Any]]:
    """Active, unlocked users with their bcrypt hashes, shaped for streamlit-authenticator."""
    with cursor() as cur:
        rows = cur.execute(
            "SELECT username, name, email, role, password_hash FROM users"
            " WHERE active AND password_hash IS NOT NULL AND sso_subject IS NULL"
            " AND (locked_until IS NULL OR locked_until <= ?)",
            [now],
        ).fetchall()
    return {
        u: {"name": n, "email": e or f"{u}@invalid", "roles": [r], "password": h}
        for u, n, e, r, h in rows
    }


def active_credentials() -> list[tuple[Any, ...]]:
    """(username, name, email, role, password_hash, locked_until) of every active user."""
    with cursor() as cur:
        return cur.execute(
            "SELECT username, name, email, role, password_hash, locked_until FROM users"
            " WHERE active AND password_hash IS NOT NULL AND sso_subject IS NULL"
        ).fetchall()


def login_state(cur: Cursor, username: str) -> tuple[bool, int, datetime | None] | None:
    """(active, failed_attempts, locked_until) of a user, or None if there is none."""
    row = cur.execute(
        "SELECT active, failed_attempts, locked_until FROM users WHERE username = ?",
        [username],
    ).fetchone()
    return tuple(row) if row else None


def password_hash(cur: Cursor, username: str) -> str | None:
    row = cur.execute("SELECT password_hash FROM users WHERE username = ?", [username]).fetchone()
    return row[0] if row else None


def insert_user(
    cur: Cursor,
    username: str,
    name: str,
    email: str,
    role: str,
    password_hash: str,
    is_demo: bool = False,
    must_change_password: bool = False,
) -> None:
    cur.execute(
        "INSERT INTO users (username, name, email, role, password_hash, is_demo,"
        " must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [username, name, email, role, password_hash, is_demo, must_change_password],
    )


def list_users() -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT username, name, email, coalesce(role, 'none') AS role, active,"
            " must_change_password, last_login, locked_until, failed_attempts, is_demo,"
            " sso_subject IS NOT NULL AS sso FROM users ORDER BY username"
        ).df()


def snapshot(cur: Cursor, username: str) -> dict[str, Any] | None:
    """The audit-relevant fields of one user (never the hash)."""
    row = cur.execute(
        "SELECT username, name, email, coalesce(role, 'none'), active, must_change_password,"
        " locked_until FROM users WHERE username = ?",
        [username],
    ).fetchone()
    if not row:
        return None
    keys = ("username", "name", "email", "role", "active", "must_change_password", "locked_until")
    return dict(zip(keys, row, strict=True))


def set_active(cur: Cursor, username: str, active: bool) -> int:
    rows = cur.execute(
        "UPDATE users SET active = ? WHERE username = ? RETURNING username", [active, username]
    ).fetchall()
    return len(rows)


def set_role(cur: Cursor, username: str, role: str) -> int:
    rows = cur.execute(
        "UPDATE users SET role = ?, role_from_claims = FALSE WHERE username = ? RETURNING username",
        [role, username],
    ).fetchall()
    return len(rows)


def set_password(cur: Cursor, username: str, password_hash: str, must_change: bool) -> int:
    """Store a new hash; also clears a lockout (an admin reset is how a locked user gets in)."""
    rows = cur.execute(
        "UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0,"
        " locked_until = NULL WHERE username = ? RETURNING username",
        [password_hash, must_change, username],
    ).fetchall()
    return len(rows)


def revoke_sessions(cur: Cursor, username: str, at: datetime) -> None:
    """End every session of the user that began at or before `at`."""
    cur.execute("UPDATE users SET sessions_revoked_at = ? WHERE username = ?", [at, username])


def mark_failed(cur: Cursor, username: str, attempts: int, locked_until: datetime | None) -> None:
    cur.execute(
        "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
        [attempts, locked_until, username],
    )


def mark_login(cur: Cursor, username: str, now: datetime) -> None:
    cur.execute(
        "UPDATE users SET last_login = ?, failed_attempts = 0, locked_until = NULL"
        " WHERE username = ?",
        [now, username],
    )


def get_user_row_exists(cur: Cursor, username: str) -> bool:
    return cur.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone() is not None


def count_active_admins(cur: Cursor) -> int:
    return int(scalar(cur, "SELECT count(*) FROM users WHERE role = 'admin' AND active"))
