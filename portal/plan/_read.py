"""Reads for the plan page and the overview that grow with what is shown, not with the
size of the plan: figures and lists come from SQL (portal/db/plan_state.py,
plan_rollup.py) and reads everyone shares are cached until the next committed write.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from portal.db.cache import cached_read
from portal.plan import _core as plan_service
from portal.plan._core import DimensionSummary, PlanSummary
from portal.plan._db import rollup as plan_rollup, state as plan_state
from portal.plan.records import Activity

PAGE_SIZE = 25  # activities per dimension and page on the plan page
CHOICES = 50  # activities a picker offers at once; a search narrows them
SHORT = 5  # rows of each list on the overview
MAX_POINTS = 120  # days per line in "progress over time" before weeks or months
STATE_FILTERS = (
    "all",
    "open",
    "not_started",
    "in_progress",
    "overdue",
    "stale",
    "done",
    "cancelled",
)
STATUS_ORDER = ("not_started", "in_progress", "overdue", "done", "cancelled")


@cached_read
def rollup(plan_id: int, today: date, days: int) -> pd.DataFrame:
    """Counts and weighted sums per dimension (see plan_rollup.dimension_rollup)."""
    return plan_rollup.dimension_rollup(plan_id, today, days)


def _progress(num: float, den: float) -> float | None:
    """The weighted mean; None when nothing counts (as `weighted_progress`)."""
    return float(num) / float(den) if den > 0 else None


def summary(plan: dict, today: date) -> PlanSummary:
    """The same PlanSummary as `plan.summarize`, from the SQL roll-up."""
    dims = rollup(int(plan["id"]), today, plan_service.stale_days())
    per_dim = [
        DimensionSummary(
            key=r.key,
            number=r.number,
            name=r.name,
            progress=_progress(r.num, r.den),
            activities=int(r.activities),
            overdue=int(r.overdue),
            done=int(r.done),
            stale=int(r.stale),
        )
        for r in dims.itertuples()
    ]
    return PlanSummary(
        plan=plan,
        progress=_progress(dims["num"].sum(), dims["den"].sum()),
        activities=int(dims["activities"].sum()),
        overdue=int(dims["overdue"].sum()),
        done=int(dims["done"].sum()),
        dimensions=per_dim,
        stale=int(dims["stale"].sum()),
    )


def status_counts(plan_id: int, today: date) -> pd.DataFrame:
    """As `plan.status_counts` (overdue counted apart): status, count."""
    dims = rollup(plan_id, today, plan_service.stale_days())
    return pd.DataFrame(
        {"status": list(STATUS_ORDER), "count": [int(dims[k].sum()) for k in STATUS_ORDER]}
    )


@cached_read
def _pages(
    plan_id: int,
    today: date,
    days: int,
    offsets: tuple[tuple[int, int], ...],
    state: str | None,
    search: str | None,
    limit: int,
) -> pd.DataFrame:
    return plan_state.dimension_pages(
        plan_id, today, days, offsets=dict(offsets), state=state, search=search, limit=limit
    )


def dimension_pages(
    plan_id: int,
    today: date,
    offsets: dict[int, int],
    state: str = "all",
    search: str = "",
    limit: int = PAGE_SIZE,
) -> pd.DataFrame:
    """One page of matching activities per dimension, with `total` and `shown_from`."""
    if state not in STATE_FILTERS:
        raise ValueError(state)
    return _pages(
        plan_id,
        today,
        plan_service.stale_days(),
        tuple(sorted(offsets.items())),
        None if state == "all" else state,
        search.strip() or None,
        limit,
    )


def activity(plan_id: int, activity_id: int, today: date) -> Activity | None:
    """One activity of the plan with overdue, last_updated, stale and latest comment."""
    row = _activity(plan_id, activity_id, today, plan_service.stale_days())
    return None if row is None else Activity.from_row(row)


@cached_read
def _activity(plan_id: int, activity_id: int, today: date, days: int) -> dict | None:
    # the detail and the edit tab show the same activity in one rerun: read it once
    return plan_state.activity_state(activity_id, plan_id, today, days)


def choices(plan_id: int, search: str = "", limit: int = CHOICES) -> tuple[pd.DataFrame, int]:
    """What a picker offers: the first `limit` matches (id, dimension_number,
    description) in document order, and how many match in all."""
    return plan_state.activity_choices(plan_id, search, limit)


def chosen(plan_id: int, ids: list[int]) -> pd.DataFrame:
    """The named activities (id, dimension_number, description) in document order: the
    labels of links already made (ids not in the plan are left out)."""
    return plan_state.chosen_activities(plan_id, sorted(set(ids)))


def overdue(plan_id: int, today: date, limit: int = SHORT) -> tuple[pd.DataFrame, int]:
    """The longest-overdue activities (at most `limit`) and how many are overdue."""
    return short_lists(plan_id, today, plan_service.stale_days(), "", limit)["overdue"]


@cached_read
def short_lists(
    plan_id: int, today: date, days: int, role: str, limit: int = SHORT
) -> dict[str, tuple[pd.DataFrame, int]]:
    """The overview's lists: kind ('mine', 'overdue', 'stale') -> (first rows, total)."""
    rows = plan_rollup.short_lists(plan_id, today, days, role, limit)
    out = {}
    for kind in ("mine", "overdue", "stale"):
        part = rows[rows["kind"] == kind].reset_index(drop=True)
        out[kind] = (part, int(part["total"].iloc[0]) if len(part) else 0)
    return out


def carry_over_preview(plan_id: int, limit: int = PAGE_SIZE) -> tuple[pd.DataFrame, int]:
    """The first activities a new period would carry over, and how many there are."""
    return plan_state.open_activities(plan_id, limit)


@cached_read
def progress_over_time(plan_id: int, whole_plan: str) -> pd.DataFrame:
    """`plan.progress_over_time` with at most about MAX_POINTS days per line, shared until
    the next write."""
    return thinned(plan_service.progress_over_time(plan_id, whole_plan))


def thinned(series: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Keep the last day with updates of each week (or month, for long histories) when a
    line would have more than `max_points` days.

    Progress is a step line (it stays put until the next update), so the value on the
    last day of a week is exactly where the plan stood at the end of that week; only the
    steps inside the week are left out. Years of daily updates would otherwise draw
    thousands of points that no one can tell apart and a table no one reads.
    """
    days = pd.to_datetime(series["day"])
    if days.nunique() <= max_points:
        return series
    span_years = (days.max() - days.min()).days / 365
    bucket = days.dt.to_period("W" if span_years <= 2 else "M")
    keep = (
        series.assign(_bucket=bucket, _day=days)
        .sort_values("_day", kind="stable")
        .groupby(["_bucket", "series"], sort=False)
        .tail(1)
        .index
    )
    return series.loc[sorted(keep)].reset_index(drop=True)
