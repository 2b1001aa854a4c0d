"""The Excel appendix (openpyxl): one sheet per section, typed columns.

Numbers are numbers, dates are dates; every text cell is forced to be a string so a
user's "=..." can never become a formula.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from portal.i18n import t
from portal.report.api import Report, clean

Column = tuple[str, str, str]  # (key, header message key, type: text|int|float|pct|date)


def render(report: Report) -> bytes:
    c = report.content
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, t("report.summary"), *_summary_rows(c))
    acts = [
        dict(a, dimension=f"{d['number']} {d['name']}")
        for d in c["dimensions"]
        for a in d["activities"]
    ]
    _sheet(
        wb,
        t("report.activities_sheet"),
        [
            ("dimension", "report.dimension", "text"),
            ("number", "report.number", "text"),
            ("description", "report.activity", "text"),
            ("status_label", "report.status", "text"),
            ("progress", "report.progress", "int"),
            ("due", "report.due", "text"),
            ("responsible", "report.responsible", "text"),
            ("overdue_text", "report.overdue", "text"),
            ("comment", "report.comments", "text"),
        ],
        [
            dict(
                a,
                overdue_text=t("common.yes") if a["overdue"] else t("common.no"),
                comment="\n".join(f"{x['date']}: {x['text']}" for x in a["comments"]),
            )
            for a in acts
        ],
    )
    _sheet(
        wb,
        t("report.indicators"),
        [
            ("number", "report.number", "text"),
            ("name", "report.indicator", "text"),
            ("unit", "report.unit", "text"),
            ("target", "report.target", "float"),
            ("actual", "report.actual", "float"),
            ("actual_on", "report.actual_on", "date"),
        ],
        [dict(i, number=a["number"]) for a in acts for i in a["indicators"]],
    )
    coop = c["cooperation"] or {}
    _sheet(
        wb,
        t("report.cooperation"),
        [
            ("label", "report.meeting_type", "text"),
            ("count", "report.count", "int"),
        ],
        coop.get("by_type", []),
    )
    _sheet(
        wb,
        t("report.decisions"),
        [
            ("date", "report.date", "date"),
            ("meeting", "report.meeting", "text"),
            ("number", "report.number", "text"),
            ("text", "report.decision", "text"),
        ],
        coop.get("decisions", []),
    )
    situ = c["situation"] or {}
    _sheet(
        wb,
        t("report.situation"),
        [
            ("milieu", "report.milieu", "text"),
            ("level", "report.level", "text"),
            ("trend", "report.trend", "text"),
            ("narrative", "report.narrative", "text"),
            ("sources_used", "report.sources_used", "text"),
            ("sources_not_used", "report.sources_not_used", "text"),
        ],
        situ.get("assessments", []),
    )
    sig = c["signals"] or {}
    _sheet(
        wb,
        t("report.signals"),
        [
            ("group", "report.group", "text"),
            ("label", "report.category", "text"),
            ("count", "report.count", "text"),  # text: suppressed counts read "<3"
        ],
        [
            dict(r, group=t(f"report.{k}"))
            for k in ("by_milieu", "by_setting", "by_quarter")
            for r in sig.get(k, [])
        ],
    )
    _sheet(
        wb,
        t("report.carry_over"),
        [
            ("dimension", "report.dimension", "text"),
            ("number", "report.number", "text"),
            ("description", "report.activity", "text"),
            ("status_label", "report.status", "text"),
            ("progress", "report.progress", "int"),
            ("due", "report.due", "text"),
            ("responsible", "report.responsible", "text"),
        ],
        c["carry_over"],
    )
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _summary_rows(c: dict) -> tuple[list[Column], list[dict]]:
    rows: list[dict] = [
        {"label": t("report.cover_municipality"), "value": c["cover"]["municipality"]},
        {"label": t("report.cover_year"), "value": c["year"]},
    ]
    if c["empty"]:
        rows.append(
            {"label": t("report.summary"), "value": t("report.nothing_to_report", year=c["year"])}
        )
    s = c["summary"]
    if s:
        rows.append(
            {
                "label": t("report.overall_progress"),
                "value": None if s["progress"] is None else s["progress"] / 100,
            }
        )
        rows.append({"label": t("report.activities_count"), "value": s["activities"]})
        rows += [{"label": r["label"], "value": r["count"]} for r in s["by_status"]]
        rows.append({"label": t("report.late"), "value": len(s["late"])})
    return [("label", "report.category", "text"), ("value", "report.count", "any")], rows


def _sheet(wb: Workbook, title: str, columns: list[Column], rows: list[dict]) -> None:
    # Sheet names: at most 31 characters, none of []:*?/\ .
    name = "".join(ch for ch in clean(title) if ch not in "[]:*?/\\")[:31]
    ws = wb.create_sheet(name)
    for col, (_, header, _) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=t(header))
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = 40 if col > 2 else 18
    ws.freeze_panes = "A2"
    if not rows:
        ws.cell(row=2, column=1, value=t("report.no_data_yet"))
    for r, row in enumerate(rows, start=2):
        for col, (key, _, kind) in enumerate(columns, start=1):
            _put(ws.cell(row=r, column=col), row.get(key), kind)


def _put(cell, value, kind: str) -> None:
    if value is None or value == "":
        return
    if kind == "int":
        cell.value = int(value)
    elif kind == "float":
        cell.value = float(value)
    elif kind == "date":
        try:
            cell.value = date.fromisoformat(str(value)[:10])
            cell.number_format = "yyyy-mm-dd"
        except ValueError:
            _text(cell, value)
    elif kind == "any" and isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
        if isinstance(value, float) and value <= 1:
            cell.number_format = "0%"
    else:
        _text(cell, value)


def _text(cell, value) -> None:
    cell.value = clean(value)
    cell.data_type = "s"  # never a formula, whatever the text starts with
