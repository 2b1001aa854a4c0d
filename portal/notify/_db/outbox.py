"""The outbox: every message the portal sends, recorded once, with its delivery state.

A message is keyed by (kind, recipient, subject_ref, period). The sender looks the key up
inside its serialised write transaction before queuing, so a message is queued once;
the MIME text is kept only until it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portal.db.connection import Cursor, cursor


@dataclass(frozen=True)
class Pending:
    id: int
    kind: str
    recipient: str
    address: str
    subject_ref: str
    period: str
    attempts: int
    message: bytes


def known_keys(kind: str) -> set[tuple[str, str, str]]:
    """(recipient, subject_ref, period) of every message of `kind` ever queued."""
    with cursor() as cur:
        rows = cur.execute(
            "SELECT recipient, subject_ref, period FROM notify_outbox WHERE kind = ?", [kind]
        ).fetchall()
    return {(str(r[0]), str(r[1]), str(r[2])) for r in rows}


def latest_periods(kind: str) -> dict[tuple[str, str], str]:
    """(recipient, subject_ref) -> the period of the latest message of `kind` queued."""
    with cursor() as cur:
        rows = cur.execute(
            "SELECT recipient, subject_ref, period FROM notify_outbox WHERE kind = ? ORDER BY id",
            [kind],
        ).fetchall()
    return {(str(r[0]), str(r[1])): str(r[2]) for r in rows}


def exists(cur: Cursor, kind: str, recipient: str, subject_ref: str, period: str) -> bool:
    row = cur.execute(
        "SELECT 1 FROM notify_outbox WHERE kind = ? AND recipient = ? AND subject_ref = ?"
        " AND period = ?",
        [kind, recipient, subject_ref, period],
    ).fetchone()
    return row is not None


def insert(
    cur: Cursor,
    kind: str,
    recipient: str,
    address: str,
    subject_ref: str,
    period: str,
    message: bytes,
) -> int:
    row = cur.execute(
        "INSERT INTO notify_outbox (kind, recipient, address, subject_ref, period, message)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [kind, recipient, address, subject_ref, period, message],
    ).fetchone()
    assert row is not None
    return int(row[0])


def pending() -> list[Pending]:
    """Every message not sent yet, oldest first."""
    with cursor() as cur:
        rows = cur.execute(
            "SELECT id, kind, recipient, address, subject_ref, period, attempts, message"
            " FROM notify_outbox WHERE sent_at IS NULL ORDER BY id"
        ).fetchall()
    return [
        Pending(int(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6]), bytes(r[7] or b""))
        for r in rows
    ]


def mark_sent(cur: Cursor, message_id: int, now: datetime) -> None:
    cur.execute(
        "UPDATE notify_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL,"
        " message = NULL WHERE id = ?",
        [now, message_id],
    )


def mark_failed(cur: Cursor, message_id: int, error: str) -> None:
    cur.execute(
        "UPDATE notify_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
        [error, message_id],
    )


def history(username: str, limit: int = 20) -> list[dict[str, Any]]:
    """The latest messages to one user (no content: the outbox keeps none once sent)."""
    with cursor() as cur:
        cur.execute(
            "SELECT kind, subject_ref, period, queued_at, sent_at, attempts, last_error"
            " FROM notify_outbox WHERE recipient = ? ORDER BY id DESC LIMIT ?",
            [username, limit],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
