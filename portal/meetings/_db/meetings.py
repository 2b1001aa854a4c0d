"""Queries about cooperation meetings, their agenda, attendance, decisions and actions.

Every value goes as a `?` parameter. The writes are in `writes.py`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd

from portal.db.cache import cached_read
from portal.db.connection import Cursor, cursor

MEETING_COLUMNS = (
    "id, title, type, starts_at, ends_at, place, link, status, minutes, version,"
    " minutes_version, minutes_by, agenda_version, attendance_version,"
    " created_by, created_at, updated_by, updated_at"
)
ACTION_COLUMNS = (
    "a.id, a.meeting_id, m.title AS meeting_title, m.starts_at AS meeting_starts_at,"
    " a.text, a.owner, a.owner_username, a.due, a.status, a.activity_id, a.version,"
    " a.created_by, a.created_at, a.closed_by, a.closed_at"
)
OPEN = ("open", "in_progress")


def _one(cur: Cursor) -> dict[str, Any] | None:
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


# --- reads ---------------------------------------------------------------------------


def meeting(meeting_id: int, cur: Cursor | None = None) -> dict[str, Any] | None:
    sql = f"SELECT {MEETING_COLUMNS} FROM meetings WHERE id = ?"  # noqa: S608 - fixed cols
    if cur is not None:
        cur.execute(sql, [meeting_id])
        return _one(cur)
    with cursor() as c:
        c.execute(sql, [meeting_id])
        return _one(c)


def meeting_filter(meeting_type: str | None, year: int | None) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if meeting_type:
        clauses.append("type = ?")
        params.append(meeting_type)
    if year:
        clauses.append("year(starts_at) = ?")
        params.append(year)
    return clauses, params


def meetings(meeting_type: str | None = None, year: int | None = None) -> pd.DataFrame:
    """All meetings (optionally one type and/or one year), oldest first."""
    clauses, params = meeting_filter(meeting_type, year)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT {MEETING_COLUMNS} FROM meetings {where} ORDER BY starts_at, id"  # noqa: S608
    with cursor() as cur:
        return cur.execute(sql, params).df()


def meeting_years() -> list[int]:
    with cursor() as cur:
        rows = cur.execute(
            "SELECT DISTINCT year(starts_at) FROM meetings ORDER BY 1 DESC"
        ).fetchall()
    return [int(r[0]) for r in rows]


def next_meeting(now: datetime) -> dict[str, Any] | None:
    with cursor() as cur:
        cur.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings"  # noqa: S608 - fixed columns
            " WHERE ends_at >= ? AND status = 'planned' ORDER BY starts_at, id LIMIT 1",
            [now],
        )
        return _one(cur)


def upcoming(now: datetime) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings"  # noqa: S608 - fixed columns
            " WHERE ends_at >= ? AND status <> 'cancelled' ORDER BY starts_at, id",
            [now],
        ).df()


def agenda(meeting_id: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, meeting_id, position, title, duration_min, presenter, activity_id,"
            " kind, notes FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
            [meeting_id],
        ).df()


def attendees(meeting_id: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, meeting_id, name, organisation, coalesce(email, '') AS email, invited,"
            " present FROM meeting_attendees WHERE meeting_id = ?"
            " ORDER BY organisation, name, id",
            [meeting_id],
        ).df()


def decisions(meeting_id: int | None = None, year: int | None = None) -> pd.DataFrame:
    clauses: list[str] = []
    params: list[object] = []
    if meeting_id is not None:
        clauses.append("d.meeting_id = ?")
        params.append(meeting_id)
    if year is not None:
        clauses.append("year(m.starts_at) = ?")
        params.append(year)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    # Only fixed clause texts are joined; every value goes as a parameter.
    sql = (
        "SELECT d.id, d.meeting_id, m.title AS meeting_title, m.starts_at, d.number, d.text,"  # noqa: S608
        " d.created_by, d.created_at FROM meeting_decisions d"
        f" JOIN meetings m ON m.id = d.meeting_id {where}"
        " ORDER BY m.starts_at, d.meeting_id, d.number"
    )
    with cursor() as cur:
        return cur.execute(sql, params).df()


def actions(
    meeting_id: int | None = None,
    open_only: bool = False,
    owner: tuple[str, str] | None = None,
    due_before: date | None = None,
    before_meeting: datetime | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """Action items, filtered; `owner` is (username, display name) and matches either.
    With `limit`, at most that many from `offset` on (due first, then oldest)."""
    clauses, params = action_filter(meeting_id, open_only, owner, due_before, before_meeting)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    # Only fixed clause texts are joined; every value goes as a parameter.
    sql = (
        f"SELECT {ACTION_COLUMNS} FROM action_items a JOIN meetings m ON m.id = a.meeting_id"  # noqa: S608
        f" {where} ORDER BY a.due NULLS LAST, a.id"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    with cursor() as cur:
        return cur.execute(sql, params).df()


def action_filter(
    meeting_id: int | None,
    open_only: bool,
    owner: tuple[str, str] | None,
    due_before: date | None,
    before_meeting: datetime | None,
) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if meeting_id is not None:
        clauses.append("a.meeting_id = ?")
        params.append(meeting_id)
    if open_only:
        clauses.append("a.status IN ('open', 'in_progress')")
    if owner is not None:
        clauses.append("(a.owner_username = ? OR a.owner = ?)")
        params += list(owner)
    if due_before is not None:
        clauses.append("a.due < ?")
        params.append(due_before)
    if before_meeting is not None:
        clauses.append("m.starts_at <= ?")
        params.append(before_meeting)
    return clauses, params


def action(action_id: int, cur: Cursor) -> dict[str, Any] | None:
    cur.execute(
        f"SELECT {ACTION_COLUMNS} FROM action_items a"  # noqa: S608 - fixed columns
        " JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?",
        [action_id],
    )
    return _one(cur)


@cached_read
def attendance_by_org(year: int) -> pd.DataFrame:
    """Present attendees per organisation over the meetings held in `year`."""
    with cursor() as cur:
        return cur.execute(
            "SELECT CASE WHEN p.organisation = '' THEN '–' ELSE p.organisation END"
            " AS organisation, count(*) AS count"
            " FROM meeting_attendees p JOIN meetings m ON m.id = p.meeting_id"
            " WHERE p.present AND m.status = 'held' AND year(m.starts_at) = ?"
            " GROUP BY 1 ORDER BY count DESC, organisation",
            [year],
        ).df()


def held_by_type(year: int) -> dict[str, int]:
    with cursor() as cur:
        rows = cur.execute(
            "SELECT type, count(*) FROM meetings WHERE status = 'held'"
            " AND year(starts_at) = ? GROUP BY type",
            [year],
        ).fetchall()
    return {t: int(n) for t, n in rows}


# --- writes (inside a transaction) -----------------------------------------------------
