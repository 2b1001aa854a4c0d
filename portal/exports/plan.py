"""The action plan with status and latest comment, as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from portal.errors import NotFound
from portal.exports.tabular import write_csv
from portal.i18n import t
from portal.services import plan as plan_service

FORMATS = ("csv",)


def plan_table(today: date, plan_id: int | None = None) -> pd.DataFrame:
    """One row per activity, in the plan's order, with the columns people read."""
    view = (plan_service.plan_view(plan_id, today) if plan_id
            else plan_service.current_plan_view(today))
    if view is None:
        raise NotFound(t("plan.no_plan"))
    plan, _dims, acts = view
    ongoing = t("plan.ongoing")
    return pd.DataFrame({
        "plan": plan["period_label"],
        "dimension": acts["dimension_number"] + " " + acts["dimension_name"],
        "activity": acts["description"],
        "due": [plan_service.due_label(d if isinstance(d, str) else None, bool(o), ongoing)
                for d, o in zip(acts["due_month"], acts["ongoing"], strict=True)],
        "responsible": acts["responsible_label"],
        "status": [t(f"plan.statuses.{s}") for s in acts["status"]],
        "progress": acts["progress"].astype(int),
        "overdue": acts["overdue"].astype(bool),
        "latest_comment": acts["latest_comment"].fillna(""),
    })


def export(fmt: str, path: Path) -> None:
    if fmt != "csv":
        raise ValueError(fmt)
    write_csv(plan_table(date.today()), path)
