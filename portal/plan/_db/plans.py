"""Queries about action plans, their dimensions and activities."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd

from portal.db.connection import Cursor, cursor, one

PLAN_COLUMNS = (
    "id, title, period_label, start_year, end_year, adopted_by, adopted_on, adoption_ref,"
    " valid_through, document_owner, applies_to, prepared_by, prepared_on, introduction,"
    " predecessor_id, is_current"
)


def current_plan() -> dict[str, Any] | None:
    """The plan marked current, else the newest one."""
    with cursor() as cur:
        cur.execute(
            f"SELECT {PLAN_COLUMNS} FROM plans"  # noqa: S608 - fixed column list
            " ORDER BY is_current DESC, start_year DESC, id DESC LIMIT 1"
        )
        return _one_dict(cur)


def plan_by_id(plan_id: int) -> dict[str, Any] | None:
    with cursor() as cur:
        cur.execute(
            f"SELECT {PLAN_COLUMNS} FROM plans WHERE id = ?",  # noqa: S608 - fixed columns
            [plan_id],
        )
        return _one_dict(cur)


def all_plans() -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, title, period_label, is_current FROM plans ORDER BY start_year DESC, id"
        ).df()


def plan_sections(plan_id: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT number, heading, body FROM plan_sections WHERE plan_id = ? ORDER BY position",
            [plan_id],
        ).df()


def dimensions(plan_id: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, key, number, name, objective, description, position FROM dimensions"
            " WHERE plan_id = ? ORDER BY position",
            [plan_id],
        ).df()


def activities(plan_id: int) -> pd.DataFrame:
    """Every activity of a plan in document order, with its latest update comment."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT a.id, a.dimension_id, d.key AS dimension_key, d.number AS dimension_number,
                   d.name AS dimension_name, a.position, a.description, a.responsible_role,
                   a.responsible_label, a.due_month, a.ongoing, a.status, a.progress,
                   a.weight, a.version, a.predecessor_id, a.created_at, a.updated_at,
                   a.updated_by, lu.comment AS latest_comment, lu.made_at AS latest_update_at
            FROM activities a
            JOIN dimensions d ON d.id = a.dimension_id
            LEFT JOIN (
                SELECT activity_id, comment, made_at,
                       row_number() OVER (PARTITION BY activity_id ORDER BY made_at DESC, id DESC)
                           AS rn
                FROM activity_updates
            ) lu ON lu.activity_id = a.id AND lu.rn = 1
            WHERE d.plan_id = ?
            ORDER BY d.position, a.position
            """,
            [plan_id],
        ).df()


def activity(activity_id: int) -> dict[str, Any] | None:
    """One activity with its plan id and the fields an edit can change."""
    with cursor() as cur:
        cur.execute(ACTIVITY_SQL, [activity_id])
        return _one_dict(cur)


ACTIVITY_SQL = """
    SELECT a.id, a.dimension_id, d.plan_id, a.position, a.description, a.responsible_role,
           a.responsible_label, a.due_month, a.ongoing, a.status, a.progress, a.weight,
           a.version, a.predecessor_id, a.created_at, a.updated_at, a.updated_by
    FROM activities a JOIN dimensions d ON d.id = a.dimension_id
    WHERE a.id = ?
"""


def activity_updates(activity_ids: list[int]) -> pd.DataFrame:
    """The update history of the given activities, oldest first."""
    with cursor() as cur:
        return cur.execute(
            "SELECT id, activity_id, made_at, actor, old_status, new_status, old_progress,"
            " new_progress, comment, link FROM activity_updates"
            " WHERE list_contains(?, activity_id) ORDER BY made_at, id",
            [list(activity_ids)],
        ).df()


def plan_updates(plan_id: int, limit: int | None = None) -> pd.DataFrame:
    """Every update on a plan's activities, newest first (at most `limit`)."""
    with cursor() as cur:
        return cur.execute(
            """
            SELECT u.id, u.activity_id, u.made_at, u.actor, u.old_status, u.new_status,
                   u.old_progress, u.new_progress, u.comment, u.link, a.description,
                   a.dimension_id, d.number AS dimension_number
            FROM activity_updates u
            JOIN activities a ON a.id = u.activity_id
            JOIN dimensions d ON d.id = a.dimension_id
            WHERE d.plan_id = ?
            ORDER BY u.made_at DESC, u.id DESC
            LIMIT ?
            """,
            [plan_id, limit if limit is not None else 2**31 - 1],
        ).df()


def insert_plan(cur: Cursor, plan: dict[str, Any], is_current: bool = True) -> int:
    row = one(
        cur,
        """
        INSERT INTO plans (title, period_label, start_year, end_year, adopted_by, adopted_on,
                           adoption_ref, valid_through, document_owner, applies_to,
                           prepared_by, prepared_on, introduction, predecessor_id, is_current)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
        [
            plan["title"],
            plan["period_label"],
            plan["start_year"],
            plan["end_year"],
            plan.get("adopted_by"),
            plan.get("adopted_on"),
            plan.get("adoption_ref"),
            plan.get("valid_through"),
            plan.get("document_owner"),
            plan.get("applies_to"),
            plan.get("prepared_by"),
            plan.get("prepared_on"),
            plan.get("introduction"),
            plan.get("predecessor_id"),
            is_current,
        ],
    )
    return int(row[0])


def insert_section(
    cur: Cursor, plan_id: int, number: str, heading: str, body: str, position: int
) -> None:
    cur.execute(
        "INSERT INTO plan_sections (plan_id, number, heading, body, position)"
        " VALUES (?, ?, ?, ?, ?)",
        [plan_id, number, heading, body, position],
    )


def insert_dimension(cur: Cursor, plan_id: int, dim: dict[str, Any], position: int) -> int:
    row = one(
        cur,
        "INSERT INTO dimensions (plan_id, key, number, name, objective, description, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            plan_id,
            dim["key"],
            dim["number"],
            dim["name"],
            dim["objective"],
            dim["description"],
            position,
        ],
    )
    return int(row[0])


def insert_activity(cur: Cursor, dimension_id: int, act: dict[str, Any], position: int) -> int:
    row = one(
        cur,
        """
        INSERT INTO activities (dimension_id, position, description, responsible_role,
                                responsible_label, due_month, ongoing, status, progress,
                                predecessor_id, weight)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
        [
            dimension_id,
            position,
            act["description"],
            act["responsible_role"],
            act["responsible_label"],
            act.get("due_month"),
            act.get("ongoing", False),
            act.get("status", "not_started"),
            act.get("progress", 0),
            act.get("predecessor_id"),
            act.get("weight", 1.0),
        ],
    )
    return int(row[0])


def insert_update(
    cur: Cursor,
    activity_id: int,
    actor: str,
    at: datetime,
    old_status: str | None,
    new_status: str,
    old_progress: int | None,
    new_progress: int,
    comment: str = "",
    link: str = "",
) -> None:
    cur.execute(
        """
        INSERT INTO activity_updates (activity_id, made_at, actor, old_status, new_status,
                                      old_progress, new_progress, comment, link)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [activity_id, at, actor, old_status, new_status, old_progress, new_progress, comment, link],
    )


def set_activity_state(
    cur: Cursor, activity_id: int, status: str, progress: int, at: datetime, actor: str
) -> None:
    cur.execute(
        "UPDATE activities SET status = ?, progress = ?, updated_at = ?, updated_by = ?,"
        " version = version + 1 WHERE id = ?",
        [status, progress, at, actor, activity_id],
    )


def _one_dict(cur: Cursor) -> dict[str, Any] | None:
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description]
    return dict(zip(names, row, strict=True))
