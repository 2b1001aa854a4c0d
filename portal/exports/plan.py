"""The action plan with status and latest comment, as CSV or Excel.

`python -m portal export plan --format csv|xlsx -o FILE` and the page's download buttons
use the same table, so the file and the screen never disagree.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from portal.errors import NotFound
from portal.exports.tabular import add_sheet, write_csv, yes_no
from portal.i18n import t
from portal.plan import api as plan_api

FORMATS = ("csv", "xlsx")
WIDTHS = {"activity": 60, "latest_comment": 50, "dimension": 34, "responsible": 22}
# Column -> catalog key of its heading (the file speaks the reader's language).
HEADERS = {
    "plan": "plan.select_plan",
    "dimension": "plan.dimension",
    "activity": "report.activity",
    "due": "plan.due",
    "responsible": "plan.responsible",
    "status": "plan.status",
    "progress": "plan.progress",
    "overdue": "plan.overdue",
    "stale": "plan.stale",
    "last_updated": "plan.last_updated",
    "latest_comment": "plan.latest_comment",
}


def plan_table(today: date, plan_id: int | None = None) -> pd.DataFrame:
    """One row per activity, in the plan's order, with the columns people read, headed
    in the UI's language. Yes/no columns are booleans here, written as the words Ja/Nej
    in CSV and Excel alike (portal.exports.tabular)."""
    view = plan_api.plan_view(plan_id, today) if plan_id else plan_api.current_plan_view(today)
    if view is None:
        raise NotFound(t("plan.no_plan"))
    plan, _dims, acts = view
    ongoing = t("plan.ongoing")
    table = pd.DataFrame(
        {
            "plan": plan["period_label"],
            "dimension": acts["dimension_number"] + " " + acts["dimension_name"],
            "activity": acts["description"],
            "due": [
                plan_api.due_label(d if isinstance(d, str) else None, bool(o), ongoing)
                for d, o in zip(acts["due_month"], acts["ongoing"], strict=True)
            ],
            "responsible": acts["responsible_label"],
            "status": [t(f"plan.statuses.{s}") for s in acts["status"]],
            "progress": acts["progress"].astype(int),
            "overdue": acts["overdue"].astype(bool),
            "stale": acts["stale"].astype(bool),
            "last_updated": [
                lu.date() if lu is not None and not pd.isna(lu) else None
                for lu in acts["last_updated"]
            ],
            "latest_comment": acts["latest_comment"].fillna(""),
        }
    )
    return table.rename(columns={k: t(v) for k, v in HEADERS.items()})


def xlsx_bytes(df: pd.DataFrame, sheet: str) -> bytes:
    """An Excel workbook with real types (whole numbers, dates) and yes/no as words."""
    wb = Workbook()
    default = wb.active
    add_sheet(wb, sheet, yes_no(df), {t(HEADERS[k]): w for k, w in WIDTHS.items()})
    if default is not None:
        wb.remove(default)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export(fmt: str, path: Path) -> None:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    table = plan_table(date.today())
    if fmt == "csv":
        write_csv(table, path)
    else:
        Path(path).write_bytes(xlsx_bytes(table, t("plan.title")))
