"""Each user's mail choices (digest frequency, language) and calendar feed tokens."""

from __future__ import annotations

from portal.db.connection import Cursor, cursor


def prefs(username: str) -> tuple[str, str] | None:
    """(digest, lang) as the user chose them, or None when never chosen."""
    with cursor() as cur:
        row = cur.execute(
            "SELECT digest, lang FROM notify_prefs WHERE username = ?", [username]
        ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def all_prefs() -> dict[str, tuple[str, str]]:
    with cursor() as cur:
        rows = cur.execute("SELECT username, digest, lang FROM notify_prefs").fetchall()
    return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}


def save_prefs(cur: Cursor, username: str, digest: str, lang: str) -> None:
    cur.execute("DELETE FROM notify_prefs WHERE username = ?", [username])
    cur.execute(
        "INSERT INTO notify_prefs (username, digest, lang) VALUES (?, ?, ?)",
        [username, digest, lang],
    )


def nonce(username: str) -> str | None:
    with cursor() as cur:
        row = cur.execute(
            "SELECT nonce FROM calendar_tokens WHERE username = ?", [username]
        ).fetchone()
    return str(row[0]) if row else None


def replace_token(cur: Cursor, username: str, nonce: str, token_hash: str) -> None:
    """The user's one token is replaced: the old one stops working in the same commit."""
    cur.execute("DELETE FROM calendar_tokens WHERE username = ?", [username])
    cur.execute(
        "INSERT INTO calendar_tokens (username, nonce, token_hash) VALUES (?, ?, ?)",
        [username, nonce, token_hash],
    )


def user_for_token(token_hash: str) -> str | None:
    with cursor() as cur:
        row = cur.execute(
            "SELECT username FROM calendar_tokens WHERE token_hash = ?", [token_hash]
        ).fetchone()
    return str(row[0]) if row else None
