"""Queries for accounts that sign in with the identity provider (matched by issuer and
subject, see migration 075)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from portal.db.connection import Cursor


def find(cur: Cursor, issuer: str, subject: str) -> dict[str, Any] | None:
    """username, name, email, role (None for none), role_from_claims, last_login."""
    row = cur.execute(
        "SELECT username, name, email, role, role_from_claims, last_login FROM users"
        " WHERE sso_issuer = ? AND sso_subject = ?",
        [issuer, subject],
    ).fetchone()
    if not row:
        return None
    keys = ("username", "name", "email", "role", "role_from_claims", "last_login")
    return dict(zip(keys, row, strict=True))


def username_taken(cur: Cursor, username: str) -> bool:
    return cur.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone() is not None


def insert(
    cur: Cursor,
    username: str,
    name: str,
    email: str,
    role: str | None,
    issuer: str,
    subject: str,
) -> None:
    cur.execute(
        "INSERT INTO users (username, name, email, role, password_hash, sso_issuer,"
        " sso_subject, role_from_claims) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
        [username, name, email, role, issuer, subject, role is not None],
    )


def update_profile(cur: Cursor, username: str, name: str, email: str) -> None:
    cur.execute("UPDATE users SET name = ?, email = ? WHERE username = ?", [name, email, username])


def set_role_from_claims(cur: Cursor, username: str, role: str | None) -> None:
    cur.execute(
        "UPDATE users SET role = ?, role_from_claims = ? WHERE username = ?",
        [role, role is not None, username],
    )


def mark_login(cur: Cursor, username: str, when: datetime) -> None:
    cur.execute("UPDATE users SET last_login = ? WHERE username = ?", [when, username])
