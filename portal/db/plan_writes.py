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

from datetime import datetime

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
    cur, activity_id: int, version: int, fields: dict, now: datetime, actor: str
) -> bool:
    """Set `fields` and bump the version, only if the row still has `version`."""
    names = [n for n in fields if n in EDITABLE]
    if len(names) != len(fields):
        raise ValueError(f"not editable: {set(fields) - set(EDITABLE)}")
    sets = ", ".join(f"{n} = ?" for n in names)
    count = cur.execute(
        f"UPDATE activities SET {sets}, updated_at = ?, updated_by = ?,"  # noqa: S608
        " version = version + 1 WHERE id = ? AND version = ?",
        [*(fields[n] for n in names), now, actor, activity_id, version],
    ).fetchone()[0]
    return count == 1


def activity_row(cur, activity_id: int) -> dict | None:
    """The activity as this transaction sees it."""
    cur.execute(
        "SELECT a.*, d.plan_id FROM activities a JOIN dimensions d ON d.id = a.dimension_id"
        " WHERE a.id = ?",
        [activity_id],
    )
    rows = _dicts(cur)
    return rows[0] if rows else None


def siblings(cur, dimension_id: int) -> list[tuple[int, int, int]]:
    """(id, position, version) of a dimension's activities in order."""
    return cur.execute(
        "SELECT id, position, version FROM activities WHERE dimension_id = ? ORDER BY position, id",
        [dimension_id],
    ).fetchall()


def next_position(cur, dimension_id: int) -> int:
    return int(
        cur.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM activities WHERE dimension_id = ?",
            [dimension_id],
        ).fetchone()[0]
    )


def update_rows(cur, activity_id: int) -> list[dict]:
    cur.execute("SELECT * FROM activity_updates WHERE activity_id = ? ORDER BY id", [activity_id])
    return _dicts(cur)


def delete_activity(cur, activity_id: int) -> None:
    cur.execute("DELETE FROM activity_updates WHERE activity_id = ?", [activity_id])
    cur.execute("DELETE FROM activities WHERE id = ?", [activity_id])


def dimension_row(cur, dimension_id: int) -> dict | None:
    cur.execute("SELECT * FROM dimensions WHERE id = ?", [dimension_id])
    rows = _dicts(cur)
    return rows[0] if rows else None


def update_dimension_if_unchanged(
    cur,
    dimension_id: int,
    old_objective: str,
    old_description: str,
    objective: str,
    description: str,
) -> bool:
    """Compare-and-set on the texts the editor started from (dimensions have no version)."""
    count = cur.execute(
        "UPDATE dimensions SET objective = ?, description = ? WHERE id = ?"
        " AND objective = ? AND description = ?",
        [objective, description, dimension_id, old_objective, old_description],
    ).fetchone()[0]
    return count == 1


def make_current(cur, plan_id: int) -> None:
    """Exactly one plan is current: the overview and the default selection show it."""
    cur.execute("UPDATE plans SET is_current = (id = ?)", [plan_id])


def _dicts(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
