"""Writes for cooperation meetings, their agenda, attendance, decisions and actions.

Every value goes as a `?` parameter. Each function takes the transaction's cursor so the
service records the audit entry in the same transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from portal.db.connection import Cursor, one


def insert_meeting(cur: Cursor, m: dict[str, Any], actor: str) -> int:
    row = one(
        cur,
        "INSERT INTO meetings (title, type, starts_at, ends_at, place, link, status, minutes,"
        " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            m["title"],
            m["type"],
            m["starts_at"],
            m["ends_at"],
            m.get("place", ""),
            m.get("link", ""),
            m.get("status", "planned"),
            m.get("minutes", ""),
            actor,
        ],
    )
    return int(row[0])


def update_meeting(
    cur: Cursor, meeting_id: int, m: dict[str, Any], actor: str, now: datetime
) -> None:
    cur.execute(
        "UPDATE meetings SET title = ?, type = ?, starts_at = ?, ends_at = ?, place = ?,"
        " link = ?, status = ?, version = version + 1, updated_by = ?, updated_at = ?"
        " WHERE id = ?",
        [
            m["title"],
            m["type"],
            m["starts_at"],
            m["ends_at"],
            m["place"],
            m["link"],
            m["status"],
            actor,
            now,
            meeting_id,
        ],
    )


def update_minutes(cur: Cursor, meeting_id: int, minutes: str, actor: str, now: datetime) -> None:
    cur.execute(
        "UPDATE meetings SET minutes = ?, minutes_version = minutes_version + 1,"
        " minutes_by = ?, updated_at = ? WHERE id = ?",
        [minutes, actor, now, meeting_id],
    )


# One fixed statement per list (a column name cannot be a parameter).
_BUMP = {
    column: f"UPDATE meetings SET {column} = {column} + 1, updated_by = ?, updated_at = ?"  # noqa: S608
    " WHERE id = ?"
    for column in ("agenda_version", "attendance_version")
}


def bump_list_version(cur: Cursor, meeting_id: int, column: str, actor: str, now: datetime) -> None:
    """The agenda or the attendance list changed: a save made on an older copy is stale."""
    cur.execute(_BUMP[column], [actor, now, meeting_id])


def insert_agenda_item(cur: Cursor, meeting_id: int, item: dict[str, Any], position: int) -> int:
    row = one(
        cur,
        "INSERT INTO agenda_items (meeting_id, position, title, duration_min, presenter,"
        " activity_id, kind, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            meeting_id,
            position,
            item["title"],
            int(item.get("duration_min", 10)),
            item.get("presenter", ""),
            item.get("activity_id"),
            item.get("kind", "custom"),
            item.get("notes", ""),
        ],
    )
    return int(row[0])


def delete_agenda(cur: Cursor, meeting_id: int) -> None:
    cur.execute("DELETE FROM agenda_items WHERE meeting_id = ?", [meeting_id])


def insert_attendee(cur: Cursor, meeting_id: int, person: dict[str, Any]) -> int:
    row = one(
        cur,
        "INSERT INTO meeting_attendees (meeting_id, name, organisation, email, invited, present)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [
            meeting_id,
            person["name"],
            person.get("organisation", ""),
            person.get("email", ""),
            bool(person.get("invited", True)),
            bool(person.get("present", False)),
        ],
    )
    return int(row[0])


def delete_attendees(cur: Cursor, meeting_id: int) -> None:
    cur.execute("DELETE FROM meeting_attendees WHERE meeting_id = ?", [meeting_id])


def next_decision_number(cur: Cursor, meeting_id: int) -> int:
    row = one(
        cur,
        "SELECT coalesce(max(number), 0) + 1 FROM meeting_decisions WHERE meeting_id = ?",
        [meeting_id],
    )
    return int(row[0])


def insert_decision(cur: Cursor, meeting_id: int, number: int, text: str, actor: str) -> int:
    row = one(
        cur,
        "INSERT INTO meeting_decisions (meeting_id, number, text, created_by)"
        " VALUES (?, ?, ?, ?) RETURNING id",
        [meeting_id, number, text, actor],
    )
    return int(row[0])


def insert_action(cur: Cursor, meeting_id: int, a: dict[str, Any], actor: str) -> int:
    row = one(
        cur,
        "INSERT INTO action_items (meeting_id, text, owner, owner_username, due, status,"
        " activity_id, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            meeting_id,
            a["text"],
            a["owner"],
            a.get("owner_username"),
            a.get("due"),
            a.get("status", "open"),
            a.get("activity_id"),
            actor,
        ],
    )
    return int(row[0])


def set_action_status(
    cur: Cursor, action_id: int, status: str, closed_by: str | None, closed_at: datetime | None
) -> None:
    cur.execute(
        "UPDATE action_items SET status = ?, closed_by = ?, closed_at = ?,"
        " version = version + 1 WHERE id = ?",
        [status, closed_by, closed_at, action_id],
    )
