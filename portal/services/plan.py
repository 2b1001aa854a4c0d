"""Action plan logic: derived state (overdue) and roll-ups. Pure functions on plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from portal.db import plans as plans_db

STATUSES = ("not_started", "in_progress", "done", "cancelled")
CLOSED = ("done", "cancelled")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def is_overdue(status: str, due_month: str | None, ongoing: bool, today: date) -> bool:
    """Overdue is derived, never typed: past the due month and not done or cancelled.

    An activity due this month is not yet overdue (due "2020-12" means by the end of
    December); an ongoing ("Fortlöpande") activity is never overdue.
    """
    if ongoing or not due_month or status in CLOSED:
        return False
    return due_month < month_of(today)


def with_derived(activities: pd.DataFrame, today: date) -> pd.DataFrame:
    """The activities table plus an `overdue` column computed for `today`."""
    df = activities.copy()
    df["overdue"] = [
        is_overdue(s, d if isinstance(d, str) else None, bool(o), today)
        for s, d, o in zip(df["status"], df["due_month"], df["ongoing"], strict=True)
    ] if len(df) else pd.Series(dtype=bool)
    return df


def weighted_progress(df: pd.DataFrame) -> float | None:
    """Weighted mean progress of the activities that count (cancelled ones do not)."""
    counted = df[df["status"] != "cancelled"]
    total_weight = float(counted["weight"].sum()) if len(counted) else 0.0
    if total_weight <= 0:
        return None
    return float((counted["progress"] * counted["weight"]).sum() / total_weight)


@dataclass(frozen=True)
class DimensionSummary:
    key: str
    number: str
    name: str
    progress: float | None
    activities: int
    overdue: int
    done: int


@dataclass(frozen=True)
class PlanSummary:
    plan: dict
    progress: float | None
    activities: int
    overdue: int
    done: int
    dimensions: list[DimensionSummary]


def summarize(plan: dict, activities: pd.DataFrame, dims: pd.DataFrame,
              today: date) -> PlanSummary:
    df = with_derived(activities, today)
    per_dim = []
    for dim in dims.itertuples():
        part = df[df["dimension_id"] == dim.id]
        per_dim.append(
            DimensionSummary(
                key=dim.key, number=dim.number, name=dim.name,
                progress=weighted_progress(part), activities=len(part),
                overdue=int(part["overdue"].sum()) if len(part) else 0,
                done=int((part["status"] == "done").sum()) if len(part) else 0,
            )
        )
    return PlanSummary(
        plan=plan, progress=weighted_progress(df), activities=len(df),
        overdue=int(df["overdue"].sum()) if len(df) else 0,
        done=int((df["status"] == "done").sum()) if len(df) else 0,
        dimensions=per_dim,
    )


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
    acts = with_derived(plans_db.activities(plan_id), today)
    return plan, dims, acts


def due_label(due_month: str | None, ongoing: bool, ongoing_text: str) -> str:
    """How the plan words the due date: YYYY-MM, or 'Fortlöpande' for ongoing work."""
    return ongoing_text if ongoing or not due_month else due_month
