"""Derived state of a plan's activities (overdue, last updated, stale) computed in SQL,
so a page reads the rows it shows instead of deriving state over every activity.

The rules are the SQL expressions in portal/plan/_rules.py, embedded here as text. Every
value goes in as a named parameter: the plan, the month and day of "today", the stale
threshold and the filters.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from portal.db.connection import cursor
from portal.plan._rules import OVERDUE_SQL, STALE_SQL

# Activities of one plan (or one activity of it) with overdue, last_updated and stale.
DERIVED = f"""
WITH base AS (
    SELECT a.id, a.dimension_id, d.key AS dimension_key, d.number AS dimension_number,
           d.name AS dimension_name, d.position AS dimension_position, a.position,
           a.description, a.responsible_role, a.responsible_label, a.due_month, a.ongoing,
           a.status, a.progress, a.weight, a.version, a.predecessor_id, a.created_at,
           a.updated_at, a.updated_by
    FROM activities a JOIN dimensions d ON d.id = a.dimension_id
    WHERE d.plan_id = $plan_id AND ($activity_id::INTEGER IS NULL OR a.id = $activity_id)
), latest AS (
    SELECT u.activity_id, max(u.made_at) AS made_at
    FROM activity_updates u JOIN base b ON b.id = u.activity_id
    GROUP BY u.activity_id
), dated AS (
    SELECT b.*, l.made_at AS latest_update_at,
           coalesce(l.made_at, b.updated_at, b.created_at) AS last_updated,
           b.status IN ('done', 'cancelled') AS closed
    FROM base b LEFT JOIN latest l ON l.activity_id = b.id
), derived AS (
    SELECT *, {OVERDUE_SQL} AS overdue, {STALE_SQL} AS stale
    FROM dated
)
"""  # noqa: S608 - only the fixed rule texts of _rules are joined in

# The latest comment of the activities in CTE `rows` (only those: a page, not the plan).
LATEST_COMMENT = """
LEFT JOIN (
    SELECT u.activity_id, arg_max(u.comment, (u.made_at, u.id)) AS comment
    FROM activity_updates u JOIN rows r ON r.id = u.activity_id
    GROUP BY u.activity_id
) c ON c.activity_id = x.id
"""

# One page per dimension: the offset of each dimension's page comes from the lists
# $dim_ids/$offsets; an offset past the end shows that dimension's last page.
_PAGES = "".join(
    (
        DERIVED,
        """
, filtered AS (
    SELECT * FROM derived
    WHERE ($role::VARCHAR IS NULL OR responsible_role = $role)
      AND CASE coalesce($state::VARCHAR, 'all')
              WHEN 'all' THEN TRUE
              WHEN 'open' THEN NOT closed
              WHEN 'overdue' THEN overdue
              WHEN 'stale' THEN stale
              ELSE status = $state END
      AND ($search::VARCHAR IS NULL
           OR strpos(lower(dimension_number || ' ' || description), lower($search)) > 0)
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY dimension_id ORDER BY position, id) AS rn,
           count(*) OVER (PARTITION BY dimension_id) AS total,
           coalesce(list_extract($offsets::INTEGER[],
                                 list_position($dim_ids::INTEGER[], dimension_id)), 0)
               AS wanted
    FROM filtered
), rows AS (
    SELECT *, least(wanted, (total - 1) // $limit * $limit) AS shown_from
    FROM ranked
    WHERE rn > least(wanted, (total - 1) // $limit * $limit)
      AND rn <= least(wanted, (total - 1) // $limit * $limit) + $limit
)
SELECT x.*, c.comment AS latest_comment
FROM rows x
""",
        LATEST_COMMENT,
        """
ORDER BY x.dimension_position, x.rn
""",
    )
)

_ALL = "".join(
    (
        DERIVED,
        """
, rows AS (SELECT * FROM derived)
SELECT x.*, c.comment AS latest_comment
FROM rows x
""",
        LATEST_COMMENT,
        """
ORDER BY x.dimension_position, x.position, x.id
""",
    )
)

_CHOICES = """
SELECT a.id, d.number AS dimension_number, a.description, count(*) OVER () AS total
FROM activities a JOIN dimensions d ON d.id = a.dimension_id
WHERE d.plan_id = $plan_id
  AND ($search::VARCHAR IS NULL
       OR strpos(lower(d.number || ' ' || a.description), lower($search)) > 0)
ORDER BY d.position, a.position, a.id
LIMIT $limit
"""

_CHOSEN = """
SELECT a.id, d.number AS dimension_number, a.description
FROM activities a JOIN dimensions d ON d.id = a.dimension_id
WHERE d.plan_id = $plan_id AND list_contains($ids, a.id)
ORDER BY d.position, a.position, a.id
"""

_OPEN = """
SELECT a.id, a.description, a.status, count(*) OVER () AS total
FROM activities a JOIN dimensions d ON d.id = a.dimension_id
WHERE d.plan_id = ? AND a.status NOT IN ('done', 'cancelled')
ORDER BY d.position, a.position, a.id
LIMIT ?
"""


def params(plan_id: int, today: date, days: int, activity_id: int | None = None) -> dict[str, Any]:
    """The parameters of DERIVED."""
    return {
        "plan_id": plan_id,
        "activity_id": activity_id,
        "month": f"{today.year:04d}-{today.month:02d}",
        "today": today,
        "days": days,
    }


def derived_activities(plan_id: int, today: date, days: int) -> pd.DataFrame:
    """Every activity of a plan in document order with its derived state and latest
    comment (exports and the annual report show every activity)."""
    with cursor() as cur:
        return cur.execute(_ALL, params(plan_id, today, days)).df()


def dimension_pages(
    plan_id: int,
    today: date,
    days: int,
    *,
    offsets: dict[int, int] | None = None,
    role: str | None = None,
    state: str | None = None,
    search: str | None = None,
    limit: int = 25,
) -> pd.DataFrame:
    """For every dimension, one page of its activities that match the filters, in
    document order, with `total` (matches in that dimension), `shown_from` (the offset
    actually shown) and the latest comment.

    `state` is a status, or 'open', 'overdue', 'stale', or None for all; `search`
    matches "number description" case-insensitively; `offsets` maps dimension id to
    the first row wanted (0 when absent).
    """
    offsets = offsets or {}
    search = search.strip() if search and search.strip() else None
    values = {
        **params(plan_id, today, days),
        "role": role,
        "state": state,
        "search": search,
        "dim_ids": list(offsets),
        "offsets": list(offsets.values()),
        "limit": limit,
    }
    with cursor() as cur:
        return cur.execute(_PAGES, values).df()


def activity_state(activity_id: int, plan_id: int, today: date, days: int) -> dict[str, Any] | None:
    """One activity of the plan with its derived state and latest comment, or None."""
    with cursor() as cur:
        rows = cur.execute(_ALL, params(plan_id, today, days, activity_id)).df()
    return None if rows.empty else rows.iloc[0].to_dict()


def activity_choices(
    plan_id: int, search: str | None, limit: int | None
) -> tuple[pd.DataFrame, int]:
    """Activities whose "number description" contains `search` (all when empty), in
    document order: the first `limit` (all when None) (id, dimension_number,
    description) and how many match in all. No derived state: a picker needs only the
    names."""
    search = search.strip() if search and search.strip() else None
    with cursor() as cur:
        rows = cur.execute(_CHOICES, {"plan_id": plan_id, "search": search, "limit": limit}).df()
    return rows.drop(columns=["total"]), int(rows["total"].iloc[0]) if len(rows) else 0


def chosen_activities(plan_id: int, ids: list[int]) -> pd.DataFrame:
    """The named activities of a plan (id, dimension_number, description), in document
    order: the labels of links already made, without reading the whole plan."""
    if not ids:
        return pd.DataFrame(columns=["id", "dimension_number", "description"])
    with cursor() as cur:
        return cur.execute(_CHOSEN, {"plan_id": plan_id, "ids": ids}).df()


def open_activities(plan_id: int, limit: int) -> tuple[pd.DataFrame, int]:
    """The first `limit` activities not done or cancelled (description, status), in
    document order, and how many there are: what a new period would carry over."""
    with cursor() as cur:
        rows = cur.execute(_OPEN, [plan_id, limit]).df()
    return rows.drop(columns=["total"]), int(rows["total"].iloc[0]) if len(rows) else 0
