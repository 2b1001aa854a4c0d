"""Queries for the annual follow-up report: plan by year, history, final snapshots."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from portal.db.connection import Cursor, cursor, one

SNAPSHOT_FORMATS = ("docx", "pdf", "xlsx")


def plan_id_for_year(year: int) -> int | None:
    """The plan whose period covers `year` (the current one first if several do)."""
    with cursor() as cur:
        row = cur.execute(
            "SELECT id FROM plans WHERE start_year <= ? AND end_year >= ?"
            " ORDER BY is_current DESC, start_year DESC, id DESC LIMIT 1",
            [year, year],
        ).fetchone()
        return int(row[0]) if row else None


def plan_created_at(plan_id: int) -> datetime | None:
    with cursor() as cur:
        row = cur.execute("SELECT created_at FROM plans WHERE id = ?", [plan_id]).fetchone()
        return row[0] if row else None


def activity_history(plan_id: int, until: datetime) -> pd.DataFrame:
    """Every update of the plan's activities made up to `until`, oldest first."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT u.id, u.activity_id, u.made_at, u.actor, u.old_status, u.new_status,
                   u.old_progress, u.new_progress, u.comment
            FROM activity_updates u
            JOIN activities a ON a.id = u.activity_id
            JOIN dimensions d ON d.id = a.dimension_id
            WHERE d.plan_id = ? AND u.made_at <= ?
            ORDER BY u.made_at, u.id
            """,
            [plan_id, until],
        ).df()


def first_updates(plan_id: int) -> pd.DataFrame:
    """Each activity's first update ever: its old status/progress is the starting state."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT activity_id, old_status, old_progress FROM (
                SELECT u.activity_id, u.old_status, u.old_progress,
                       row_number() OVER (PARTITION BY u.activity_id
                                          ORDER BY u.made_at, u.id) AS rn
                FROM activity_updates u
                JOIN activities a ON a.id = u.activity_id
                JOIN dimensions d ON d.id = a.dimension_id
                WHERE d.plan_id = ?
            ) WHERE rn = 1
            """,
            [plan_id],
        ).df()


def next_version(cur: Cursor, year: int) -> int:
    row = one(
        cur, "SELECT coalesce(max(version), 0) + 1 FROM report_snapshots WHERE year = ?", [year]
    )
    return int(row[0])


def insert_snapshot(
    cur: Cursor,
    year: int,
    version: int,
    created_by: str,
    note: str,
    data_json: str,
    files: dict[str, bytes],
) -> int:
    row = one(
        cur,
        """
        INSERT INTO report_snapshots (year, version, created_by, note, data_json, docx, pdf,
                                      xlsx)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
        [year, version, created_by, note, data_json, files["docx"], files["pdf"], files["xlsx"]],
    )
    return int(row[0])


def snapshots(year: int | None = None) -> pd.DataFrame:
    """The list of final snapshots (without their files), newest first."""
    with cursor() as cur:
        return cur.execute(
            "SELECT id, year, version, created_by, created_on, note FROM report_snapshots"
            " WHERE ? IS NULL OR year = ? ORDER BY year DESC, version DESC",
            [year, year],
        ).df()


def snapshot_data(snapshot_id: int) -> str | None:
    with cursor() as cur:
        row = cur.execute(
            "SELECT data_json FROM report_snapshots WHERE id = ?", [snapshot_id]
        ).fetchone()
        return row[0] if row else None


def snapshot_file(snapshot_id: int, fmt: str) -> bytes | None:
    if fmt not in SNAPSHOT_FORMATS:
        raise ValueError(f"unknown format: {fmt}")
    # The column name comes from the fixed tuple above, never from user input.
    with cursor() as cur:
        row = cur.execute(
            f"SELECT {fmt} FROM report_snapshots WHERE id = ?",  # noqa: S608
            [snapshot_id],
        ).fetchone()
        return bytes(row[0]) if row else None


def first_plan_year() -> int | None:
    """The earliest year any plan covers: reports before it have nothing to say."""
    with cursor() as cur:
        row = cur.execute("SELECT min(start_year) FROM plans").fetchone()
        return int(row[0]) if row and row[0] is not None else None
