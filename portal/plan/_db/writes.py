"""Writes to activities and dimensions, guarded by optimistic concurrency.

Every update names the version (or the old text) it was based on and reports whether a
row matched, so the service can refuse a stale save instead of overwriting it.

No `UPDATE ... RETURNING` here: in DuckDB 2.0 an UPDATE with RETURNING is not reported
as a conflict against another session's uncommitted plain UPDATE of the same row (tried:
both commit and one change is lost). A plain UPDATE returns its row count and conflicts
as it should whenever both sessions write a common column - every save here writes
`version`, so any two saves of one activity overlap.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from portal.db.connection import Cursor, scalar

# Columns an edit may set; the SET clause is built from these fixed names only.
EDITABLE = (
    "description",
    "responsible_role",
    "responsible_label",
    "due_month",
    "ongoing",
    "weight",
    "status",
    "progress",
    "position",
)


def update_activity_if_version(
    cur: Cursor, activity_id: int, version: int, fields: dict[str, Any], now: datetime, actor: str
) -> bool:
    """Set `fields` and bump the version, only if the row still has `version`."""
    names = [n for n in fields if n in EDITABLE]
    if len(names) != len(fields):
        raise ValueError(f"not editable: {set(fields) - set(EDITABLE)}")
    sets = ", ".join(f"{n} = ?" for n in names)
    count = scalar(
        cur,
        f"UPDATE activities SET {sets}, updated_at = ?, updated_by = ?,"  # noqa: S608
        " version = version + 1 WHERE id = ? AND version = ?",
        [*(fields[n] for n in names), now, actor, activity_id, version],
    )
    return bool(count == 1)


def activity_row(cur: Cursor, activity_id: int) -> dict[str, Any] | None:
    """The activity as this transaction sees it."""
    cur.execute(
        "SELECT a.*, d.plan_id FROM activities a JOIN dimensions d ON d.id = a.dimension_id"
        " WHERE a.id = ?",
        [activity_id],
    )
    rows = _dicts(cur)
    return rows[0] if rows else None


def latest_update(cur: Cursor, activity_id: int) -> dict[str, Any] | None:
    """The activity's newest history entry (who, when, what), or None."""
    cur.execute(
        "SELECT made_at, actor, new_status, new_progress, comment, link FROM activity_updates"
        " WHERE activity_id = ? ORDER BY made_at DESC, id DESC LIMIT 1",
        [activity_id],
    )
    rows = _dicts(cur)
    return rows[0] if rows else None


def siblings(cur: Cursor, dimension_id: int) -> list[tuple[int, int, int]]:
    """(id, position, version) of a dimension's activities in order."""
    return cur.execute(
        "SELECT id, position, version FROM activities WHERE dimension_id = ? ORDER BY position, id",
        [dimension_id],
    ).fetchall()


def next_position(cur: Cursor, dimension_id: int) -> int:
    return int(
        scalar(
            cur,
            "SELECT coalesce(max(position), 0) + 1 FROM activities WHERE dimension_id = ?",
            [dimension_id],
        )
    )


def update_rows(cur: Cursor, activity_id: int) -> list[dict[str, Any]]:
    cur.execute("SELECT * FROM activity_updates WHERE activity_id = ? ORDER BY id", [activity_id])
    return _dicts(cur)


def delete_activity(cur: Cursor, activity_id: int) -> None:
    cur.execute("DELETE FROM activity_updates WHERE activity_id = ?", [activity_id])
    cur.execute("DELETE FROM activities WHERE id = ?", [activity_id])


def dimension_row(cur: Cursor, dimension_id: int) -> dict[str, Any] | None:
    cur.execute("SELECT * FROM dimensions WHERE id = ?", [dimension_id])
    rows = _dicts(cur)
    return rows[0] if rows else None


def update_dimension_if_unchanged(
    cur: Cursor,
    dimension_id: int,
    old_objective: str,
    old_description: str,
    objective: str,
    description: str,
) -> bool:
    """Compare-and-set on the texts the editor started from (dimensions have no version)."""
    count = scalar(
        cur,
        "UPDATE dimensions SET objective = ?, description = ? WHERE id = ?"
        " AND objective = ? AND description = ?",
        [objective, description, dimension_id, old_objective, old_description],
    )
    return bool(count == 1)


def adoption(cur: Cursor, plan_id: int) -> dict[str, Any] | None:
    cur.execute("SELECT adopted_by, adopted_on, adoption_ref FROM plans WHERE id = ?", [plan_id])
    rows = _dicts(cur)
    return rows[0] if rows else None


def set_adoption(
    cur: Cursor, plan_id: int, adopted_by: str, adopted_on: date, adoption_ref: str
) -> None:
    cur.execute(
        "UPDATE plans SET adopted_by = ?, adopted_on = ?, adoption_ref = ? WHERE id = ?",
        [adopted_by, adopted_on, adoption_ref, plan_id],
    )


def make_current(cur: Cursor, plan_id: int) -> None:
    """Exactly one plan is current: the overview and the default selection show it."""
    cur.execute("UPDATE plans SET is_current = (id = ?)", [plan_id])


def _dicts(cur: Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
