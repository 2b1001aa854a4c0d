"""The Excel appendix (openpyxl): one sheet per section, typed columns.

Numbers are numbers, dates are dates; every text cell is forced to be a string so a
user's "=..." can never become a formula. Each sheet has a bold, frozen header row that
repeats on printed pages, widths that fit the content (long text wraps), and prints one
page wide (landscape when wide). A sentence such as "no data yet" stands in its own
row, across the sheet, as text: never in a date or number column.
"""

from __future__ import annotations

import math
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from portal.exports.tabular import MAX_WIDTH, print_setup
from portal.i18n import t
from portal.report.api import Report, clean

Column = tuple[str, str, str]  # (key, header message key, type: text|int|float|pct|date)
# An activity in a list (done during the year, carried over).
BRIEF_COLUMNS: list[Column] = [
    ("dimension", "report.dimension", "text"),
    ("number", "report.number", "text"),
    ("description", "report.activity", "text"),
    ("status_label", "report.status", "text"),
    ("progress", "report.progress", "int"),
    ("due", "report.due", "text"),
    ("responsible", "report.responsible", "text"),
]


def render(report: Report) -> bytes:
    c = report.content
    wb = Workbook()
    wb.remove(wb.active)
    columns, rows = _summary_rows(c)
    note = t("report.nothing_to_report", year=c["year"]) if c["empty"] else None
    _sheet(wb, t("report.summary"), columns, rows, note)
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
    _sheet(wb, t("report.carry_over"), BRIEF_COLUMNS, c["carry_over"])
    # Lists the Word and PDF report give as a count when long (report_outline.LIST_LIMIT).
    _sheet(wb, t("report.completed"), BRIEF_COLUMNS, (c["summary"] or {}).get("done", []))
    _sheet(
        wb,
        t("report.open_actions"),
        [
            ("text", "report.action", "text"),
            ("owner", "report.owner", "text"),
            ("due", "report.due", "text"),
            ("status", "report.status", "text"),
        ],
        coop.get("open_actions", []),
    )
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _summary_rows(c: dict) -> tuple[list[Column], list[dict]]:
    rows: list[dict] = [
        {"label": t("report.cover_municipality"), "value": c["cover"]["municipality"]},
        {"label": t("report.cover_year"), "value": c["year"]},
    ]
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


def _sheet(
    wb: Workbook, title: str, columns: list[Column], rows: list[dict], note: str | None = None
) -> None:
    # Sheet names: at most 31 characters, none of []:*?/\ .
    name = "".join(ch for ch in clean(title) if ch not in "[]:*?/\\")[:31]
    ws = wb.create_sheet(name)
    for col, (_, header, _) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=t(header))
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for r, row in enumerate(rows, start=2):
        for col, (key, _, kind) in enumerate(columns, start=1):
            _put(ws.cell(row=r, column=col), row.get(key), kind)
    _fit(ws, columns)
    if rows:
        ws.auto_filter.ref = ws.dimensions
    if note is None and not rows:
        note = t("report.no_data_yet")
    if note:
        _note(ws, len(rows) + 2, len(columns), note)
    print_setup(ws)


def _note(ws: Worksheet, row: int, width: int, text: str) -> None:
    """A sentence in column A of its own row, merged across the sheet, stored as text."""
    cell = ws.cell(row=row, column=1)
    _text(cell, text)
    cell.number_format = "@"
    cell.font = Font(italic=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    # Excel does not grow a merged row to its wrapped text: give it the lines it needs.
    chars = sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, width + 1))
    ws.row_dimensions[row].height = 15 * max(1, math.ceil(len(text) * 1.1 / chars))


NARROW = {"int": 10, "float": 10, "pct": 10, "date": 12}


def _fit(ws: Worksheet, columns: list[Column]) -> None:
    """Numbers and dates narrow; text as wide as its longest line (at most MAX_WIDTH,
    wrapping beyond that)."""
    for col, (_, _, kind) in enumerate(columns, start=1):
        letter = get_column_letter(col)
        header = len(str(ws.cell(row=1, column=col).value or ""))
        longest = max(
            [header]
            + [
                max((len(line) for line in str(c.value).splitlines()), default=0)
                for c in ws[letter][1:300]
                if c.value is not None
            ]
        )
        width = max(NARROW.get(kind, 8), min(MAX_WIDTH, longest + 2), header + 2)
        ws.column_dimensions[letter].width = width
        if longest + 2 > MAX_WIDTH or kind == "text":
            _align(ws, letter, Alignment(wrap_text=longest + 2 > MAX_WIDTH, vertical="top"))


def _align(ws: Worksheet, letter: str, alignment: Alignment) -> None:
    """One alignment for every data cell of a column. Registered with the workbook once
    and given to each cell by its index: `cell.alignment = ...` hashes and looks the
    style up again for every cell (3 s of the 100x report's 66,000 cells)."""
    index = ws.parent._alignments.add(alignment)
    for cell in ws[letter][1:]:
        if not cell._style:  # as openpyxl's own setter does for a cell without a style
            cell._style = StyleArray()
        cell._style.alignmentId = index


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
