"""Counts and single pages of the meeting lists (LIMIT/OFFSET in SQL), so the list page
reads what it shows rather than every meeting and action item stored."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from portal.db.connection import cursor, one, scalar
from portal.meetings._db import meetings as db


def meetings_page(
    meeting_type: str | None,
    year: int | None,
    now: datetime,
    upcoming: bool,
    offset: int,
    limit: int,
) -> pd.DataFrame:
    """One page of the upcoming (soonest first) or past (latest first) meetings."""
    clauses, params = db.meeting_filter(meeting_type, year)
    clauses.append("ends_at >= ?" if upcoming else "ends_at < ?")
    order = "starts_at, id" if upcoming else "starts_at DESC, id DESC"
    # Only fixed clause texts are joined; every value goes as a parameter.
    sql = (
        f"SELECT {db.MEETING_COLUMNS} FROM meetings WHERE {' AND '.join(clauses)}"  # noqa: S608
        f" ORDER BY {order} LIMIT ? OFFSET ?"
    )
    with cursor() as cur:
        return cur.execute(sql, [*params, now, limit, offset]).df()


def meeting_counts(meeting_type: str | None, year: int | None, now: datetime) -> tuple[int, int]:
    """(upcoming, past) meetings of the filter: ends_at from `now` on, or before it."""
    clauses, params = db.meeting_filter(meeting_type, year)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT count(*) FILTER (WHERE ends_at >= ?), count(*) FILTER (WHERE ends_at < ?)"  # noqa: S608
        f" FROM meetings {where}"
    )
    with cursor() as cur:
        row = one(cur, sql, [now, now, *params])
    return int(row[0]), int(row[1])


def count_actions(
    open_only: bool = False, owner: tuple[str, str] | None = None, due_before: date | None = None
) -> int:
    """How many action items `actions` would return with the same filters."""
    clauses, params = db.action_filter(None, open_only, owner, due_before, None)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT count(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id"  # noqa: S608
        f" {where}"
    )
    with cursor() as cur:
        return int(scalar(cur, sql, params))
