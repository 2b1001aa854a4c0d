"""Action plan logic: derived state (overdue, stale) and roll-ups. Pure functions on
plain data, plus the read views that pages, the overview and the annual report use.

Writes live in plan_edit.py (progress updates, indicators), plan_structure.py (editing
the plan itself) and plan_period.py (starting a new period).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from portal.db.cache import cached_read
from portal.plan._db import (
    indicators as indicators_db,
    plans as plans_db,
    progress as plan_progress,
    state as plan_state,
)
from portal.plan._rules import flags, stale_days, weighted_progress

STATUSES = ("not_started", "in_progress", "done", "cancelled")
CLOSED = ("done", "cancelled")


def _last_updated(row) -> datetime | None:
    """The latest of: last history entry, last save, creation."""
    for name in ("latest_update_at", "updated_at", "created_at"):
        value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
        if value is not None and not pd.isna(value):
            return pd.Timestamp(value).to_pydatetime()
    return None


def derive(activities: pd.DataFrame, today: date, days: int | None = None) -> pd.DataFrame:
    """The activities plus `overdue`, `last_updated` and `stale` computed for `today`, by
    the SQL rules in `_rules` (the same ones the paged queries use)."""
    days = stale_days() if days is None else days
    df = activities.copy()
    if not len(df):
        df["overdue"] = pd.Series(dtype=bool)
        df["last_updated"] = pd.Series(dtype="datetime64[ns]")
        df["stale"] = pd.Series(dtype=bool)
        return df
    last = [_last_updated(r) for r in df.to_dict("records")]
    flagged = flags(df.assign(last_updated=last), today, days)
    df["overdue"] = flagged["overdue"].to_numpy(dtype=bool)
    df["last_updated"] = last
    df["stale"] = flagged["stale"].to_numpy(dtype=bool)
    return df


@dataclass(frozen=True)
class DimensionSummary:
    key: str
    number: str
    name: str
    progress: float | None
    activities: int
    overdue: int
    done: int
    stale: int = 0


@dataclass(frozen=True)
class PlanSummary:
    plan: dict
    progress: float | None
    activities: int
    overdue: int
    done: int
    dimensions: list[DimensionSummary]
    stale: int = 0


def _count(part: pd.DataFrame, column: str) -> int:
    return int(part[column].sum()) if len(part) else 0


def summarize(plan: dict, activities: pd.DataFrame, dims: pd.DataFrame, today: date) -> PlanSummary:
    df = derive(activities, today)
    per_dim = []
    for dim in dims.itertuples():
        part = df[df["dimension_id"] == dim.id]
        per_dim.append(
            DimensionSummary(
                key=dim.key,
                number=dim.number,
                name=dim.name,
                progress=weighted_progress(part),
                activities=len(part),
                overdue=_count(part, "overdue"),
                done=int((part["status"] == "done").sum()) if len(part) else 0,
                stale=_count(part, "stale"),
            )
        )
    return PlanSummary(
        plan=plan,
        progress=weighted_progress(df),
        activities=len(df),
        overdue=_count(df, "overdue"),
        done=int((df["status"] == "done").sum()) if len(df) else 0,
        dimensions=per_dim,
        stale=_count(df, "stale"),
    )


def current_plan() -> dict | None:
    """The plan marked current (else the newest), without its activities."""
    return plans_db.current_plan()


def current_plan_view(today: date) -> tuple[dict, pd.DataFrame, pd.DataFrame] | None:
    """The current plan, its dimensions and its activities with derived state."""
    plan = plans_db.current_plan()
    if plan is None:
        return None
    return plan_view(plan["id"], today)


def plan_view(plan_id: int, today: date) -> tuple[dict, pd.DataFrame, pd.DataFrame] | None:
    plan = plans_db.plan_by_id(plan_id)
    if plan is None:
        return None
    dims = plans_db.dimensions(plan_id)
    # derived in SQL by the rules in _rules, over only this plan's rows
    acts = plan_state.derived_activities(plan_id, today, stale_days())[VIEW_COLUMNS]
    return plan, dims, acts


# The columns of plan_view's activities: plans_db.activities plus the derived state.
VIEW_COLUMNS = [
    "id",
    "dimension_id",
    "dimension_key",
    "dimension_number",
    "dimension_name",
    "position",
    "description",
    "responsible_role",
    "responsible_label",
    "due_month",
    "ongoing",
    "status",
    "progress",
    "weight",
    "version",
    "predecessor_id",
    "created_at",
    "updated_at",
    "updated_by",
    "latest_comment",
    "latest_update_at",
    "overdue",
    "last_updated",
    "stale",
]


def plan_header(plan_id: int) -> dict | None:
    """The plan's own fields (title, period, adoption), without its activities."""
    return plans_db.plan_by_id(plan_id)


def dimensions(plan_id: int) -> pd.DataFrame:
    """The plan's dimensions in order: id, key, number, name, objective, description."""
    return plans_db.dimensions(plan_id)


def indicators_for_activity(activity_id: int) -> pd.DataFrame:
    """The activity's indicators, with the columns of `indicators_for_plan`."""
    return indicators_db.indicators_for_activity(activity_id)


def due_label(due_month: str | None, ongoing: bool, ongoing_text: str) -> str:
    """How the plan words the due date: YYYY-MM, or 'Fortlöpande' for ongoing work."""
    return ongoing_text if ongoing or not due_month else due_month


def indicators_for_plan(plan_id: int, as_of: date | None = None) -> pd.DataFrame:
    """Indicators of a plan's activities: activity_id, indicator_id, name, unit, target,
    actual (latest value by date, NaN when none yet; with `as_of`, the latest measured
    on or before that day) and actual_on."""
    return indicators_db.indicators_for_plan(plan_id, as_of)


def activity_history(activity_id: int) -> pd.DataFrame:
    """Update history of an activity and of the activities it was carried over from,
    oldest first, with the plan period each entry was made in."""
    chain: list[int] = []
    current: int | None = activity_id
    while current is not None and current not in chain:
        chain.append(current)
        act = plans_db.activity(current)
        pred = act.get("predecessor_id") if act else None
        current = int(pred) if pred is not None and not pd.isna(pred) else None
    return plans_db.activity_updates(chain)


@cached_read  # the overview reads it on every rerun
def recent_updates(plan_id: int, limit: int = 10) -> pd.DataFrame:
    """The latest updates on a plan's activities, newest first."""
    return plans_db.plan_updates(plan_id, limit)


def status_counts(acts: pd.DataFrame) -> pd.DataFrame:
    """How many activities have each status (overdue counted apart): status, count."""
    keys = (
        [("overdue" if o else s) for s, o in zip(acts["status"], acts["overdue"], strict=True)]
        if len(acts)
        else []
    )
    order = ["not_started", "in_progress", "overdue", "done", "cancelled"]
    counts = pd.Series(keys, dtype=object).value_counts()
    return pd.DataFrame({"status": order, "count": [int(counts.get(k, 0)) for k in order]})


def progress_over_time(plan_id: int, whole_plan: str) -> pd.DataFrame:
    """Plan and dimension progress after each day with updates: day, series, progress.

    Rebuilt from the history (see portal/db/plan_progress.py): an activity's progress
    before its first update is that update's `old_progress`; cancelled activities drop
    out of the average.
    """
    sums = plan_progress.progress_sums(plan_id)
    deltas = sums[sums["day"].notna()]
    if deltas.empty:
        return pd.DataFrame(columns=["day", "series", "progress"])
    dims = plans_db.dimensions(plan_id)
    names = dict(zip(dims["id"], dims["number"] + " " + dims["name"], strict=True))
    start = sums[sums["day"].isna()].set_index("dimension_id")[["num", "den"]]
    days = sorted(deltas["day"].unique())
    per_dim = (
        deltas.pivot_table(
            index="day", columns="dimension_id", values=["num", "den"], aggfunc="sum", fill_value=0
        )
        .reindex(days, fill_value=0)
        .cumsum()
    )
    frames = []
    for dim_id in start.index:
        num = start.at[dim_id, "num"] + _column(per_dim, "num", dim_id)
        den = start.at[dim_id, "den"] + _column(per_dim, "den", dim_id)
        frames.append((names.get(dim_id, str(dim_id)), num, den))
    total_num = sum(f[1] for f in frames)
    total_den = sum(f[2] for f in frames)
    rows = []
    for series, num, den in [(whole_plan, total_num, total_den), *frames]:
        progress = (num / den).where(den > 0)
        rows.append(
            pd.DataFrame(
                {
                    "day": [pd.Timestamp(d).date() for d in days],
                    "series": series,
                    "progress": progress.to_numpy(),
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    order = {d: i for i, d in enumerate([whole_plan, *(f[0] for f in frames)])}
    out = out.sort_values(
        ["day", "series"], key=lambda c: c.map(order) if c.name == "series" else c, kind="stable"
    )
    return out.dropna(subset=["progress"]).reset_index(drop=True)


def _column(table: pd.DataFrame, value: str, dim_id) -> pd.Series:
    if (value, dim_id) in table.columns:
        return table[(value, dim_id)].astype(float)
    return pd.Series(0.0, index=table.index)
