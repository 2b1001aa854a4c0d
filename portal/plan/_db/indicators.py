"""Queries about indicators of plan activities and their dated values."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from portal.db.connection import Cursor, cursor, one, scalar


def indicators_for_plan(plan_id: int, as_of: date | None = None) -> pd.DataFrame:
    """One row per indicator of the plan with its latest value (by date, then entry);
    with `as_of`, the latest measured on or before that day (a past year's report)."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT i.activity_id, i.id AS indicator_id, i.name, i.unit, i.target,
                   lv.value AS actual, lv.measured_on AS actual_on
            FROM indicators i
            JOIN activities a ON a.id = i.activity_id
            JOIN dimensions d ON d.id = a.dimension_id
            LEFT JOIN (
                SELECT indicator_id, value, measured_on,
                       row_number() OVER (PARTITION BY indicator_id
                                          ORDER BY measured_on DESC, id DESC) AS rn
                FROM indicator_values
                WHERE $as_of::DATE IS NULL OR measured_on <= $as_of
            ) lv ON lv.indicator_id = i.id AND lv.rn = 1
            WHERE d.plan_id = $plan_id
            ORDER BY d.position, a.position, i.position, i.id
            """,
            {"plan_id": plan_id, "as_of": as_of},
        ).df()


def indicators_for_activity(activity_id: int) -> pd.DataFrame:
    """One row per indicator of the activity with its latest value (by date, then entry)."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT i.activity_id, i.id AS indicator_id, i.name, i.unit, i.target,
                   lv.value AS actual, lv.measured_on AS actual_on
            FROM indicators i
            LEFT JOIN (
                SELECT v.indicator_id, v.value, v.measured_on,
                       row_number() OVER (PARTITION BY v.indicator_id
                                          ORDER BY v.measured_on DESC, v.id DESC) AS rn
                FROM indicator_values v JOIN indicators j ON j.id = v.indicator_id
                WHERE j.activity_id = ?
            ) lv ON lv.indicator_id = i.id AND lv.rn = 1
            WHERE i.activity_id = ?
            ORDER BY i.position, i.id
            """,
            [activity_id, activity_id],
        ).df()


def indicator(indicator_id: int) -> dict[str, Any] | None:
    with cursor() as cur:
        row = cur.execute(
            "SELECT id, activity_id, name, unit, target FROM indicators WHERE id = ?",
            [indicator_id],
        ).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "activity_id", "name", "unit", "target"), row, strict=True))


def indicator_values(indicator_id: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, measured_on, value, note, actor, made_at FROM indicator_values"
            " WHERE indicator_id = ? ORDER BY measured_on, id",
            [indicator_id],
        ).df()


def insert_indicator(
    cur: Cursor, activity_id: int, name: str, unit: str, target: float | None, actor: str
) -> int:
    position = scalar(
        cur,
        "SELECT coalesce(max(position), 0) + 1 FROM indicators WHERE activity_id = ?",
        [activity_id],
    )
    row = one(
        cur,
        "INSERT INTO indicators (activity_id, name, unit, target, position, created_by)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [activity_id, name, unit, target, position, actor],
    )
    return int(row[0])


def insert_value(
    cur: Cursor, indicator_id: int, measured_on: date, value: float, note: str, actor: str
) -> int:
    row = one(
        cur,
        "INSERT INTO indicator_values (indicator_id, measured_on, value, note, actor)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        [indicator_id, measured_on, value, note, actor],
    )
    return int(row[0])


def rows_for_activity(
    cur: Cursor, activity_id: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The activity's indicators and their values, for the audit log before a delete."""
    inds = _dicts(
        cur.execute("SELECT * FROM indicators WHERE activity_id = ? ORDER BY id", [activity_id])
    )
    vals = _dicts(
        cur.execute(
            "SELECT v.* FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id"
            " WHERE i.activity_id = ? ORDER BY v.id",
            [activity_id],
        )
    )
    return inds, vals


def delete_for_activity(cur: Cursor, activity_id: int) -> None:
    cur.execute(
        "DELETE FROM indicator_values WHERE indicator_id IN"
        " (SELECT id FROM indicators WHERE activity_id = ?)",
        [activity_id],
    )
    cur.execute("DELETE FROM indicators WHERE activity_id = ?", [activity_id])


def _dicts(cur: Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
