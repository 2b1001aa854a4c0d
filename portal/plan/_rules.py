"""The plan's derived states, written once, in SQL.

"Overdue" and "stale" are never typed; they follow from an activity's status, due month,
last update and today. The rules below are SQL expressions used in two places: the paged
queries in `_db/state.py` embed them, and `derive()` runs them over rows already in memory
(the annual report's state at the end of a past year) on an in-memory DuckDB. So there
is one rule, not a Python copy kept in step by a test.

Named parameters: `$month` ('YYYY-MM' of today), `$today` (DATE) and `$days` (the stale
threshold, PORTAL_STALE_DAYS).
"""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pandas as pd

from portal import config

# Done and cancelled activities are closed: nothing is late or left to report.
CLOSED_SQL = "status IN ('done', 'cancelled')"

# Due this month is not late ('YYYY-MM' compares as text); ongoing is never late.
OVERDUE_SQL = (
    f"(NOT ({CLOSED_SQL}) AND NOT coalesce(ongoing, false)"
    " AND coalesce(due_month, '') <> '' AND due_month < $month)"
)

# Open activities nobody has updated for $days days or more (ongoing ones too).
STALE_SQL = (
    f"(NOT ({CLOSED_SQL}) AND last_updated IS NOT NULL"
    " AND date_diff('day', CAST(last_updated AS DATE), $today::DATE) >= $days)"
)


# The roll-up: progress weighted by each activity's weight; cancelled ones do not count.
# Aggregates over activity rows (with status, progress, weight); progress = NUM / DEN.
ROLLUP_NUM_SQL = "coalesce(sum(progress * weight) FILTER (WHERE status <> 'cancelled'), 0)"
ROLLUP_DEN_SQL = "coalesce(sum(weight) FILTER (WHERE status <> 'cancelled'), 0)"


def stale_days() -> int:
    """Days without an update before an open activity is flagged (PORTAL_STALE_DAYS)."""
    return config.get_int("PORTAL_STALE_DAYS")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def flags(rows: pd.DataFrame, today: date, days: int) -> pd.DataFrame:
    """`overdue` and `stale` for rows with status, ongoing, due_month and last_updated,
    in the rows' order."""
    frame = pd.DataFrame(
        {
            "row_no": range(len(rows)),
            "status": rows["status"].astype(str).to_numpy(),
            "ongoing": rows["ongoing"].fillna(False).astype(bool).to_numpy(),
            "due_month": [d if isinstance(d, str) else None for d in rows["due_month"]],
            "last_updated": pd.to_datetime(rows["last_updated"]).to_numpy(),
        }
    )
    con = duckdb.connect()  # in memory: the same SQL over rows the caller already holds
    try:
        con.register("acts", frame)
        return con.execute(
            f"SELECT {OVERDUE_SQL} AS overdue, {STALE_SQL} AS stale"  # noqa: S608 - fixed rules
            " FROM acts ORDER BY row_no",
            {"month": month_of(today), "today": today, "days": days},
        ).df()
    finally:
        con.close()


def weighted_progress(rows: pd.DataFrame) -> float | None:
    """The roll-up of `rows` by the same SQL; None when nothing counts."""
    if not len(rows):
        return None
    frame = pd.DataFrame(
        {
            "status": rows["status"].astype(str).to_numpy(),
            "progress": pd.to_numeric(rows["progress"]).astype(float).to_numpy(),
            "weight": pd.to_numeric(rows["weight"]).astype(float).to_numpy(),
        }
    )
    con = duckdb.connect()
    try:
        con.register("acts", frame)
        row = con.execute(
            f"SELECT {ROLLUP_NUM_SQL}, {ROLLUP_DEN_SQL} FROM acts"  # noqa: S608 - fixed rules
        ).fetchone()
    finally:
        con.close()
    num, den = (float(row[0]), float(row[1])) if row else (0.0, 0.0)
    return num / den if den > 0 else None


def is_overdue(status: str, due_month: str | None, ongoing: bool, today: date) -> bool:
    """One activity's overdue flag, by the same rule (for single checks and tests)."""
    one = pd.DataFrame(
        {"status": [status], "ongoing": [ongoing], "due_month": [due_month], "last_updated": [None]}
    )
    return bool(flags(one, today, 0)["overdue"].iloc[0])


def is_stale(status: str, last_updated: date | datetime | None, today: date, days: int) -> bool:
    """One activity's stale flag, by the same rule."""
    one = pd.DataFrame(
        {
            "status": [status],
            "ongoing": [False],
            "due_month": [None],
            "last_updated": [last_updated],
        }
    )
    return bool(flags(one, today, days)["stale"].iloc[0])
