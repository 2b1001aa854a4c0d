"""Tables written for spreadsheets, the one way every export does it.

CSV: UTF-8 with BOM so Excel shows å, ä, ö right. In CSV and Excel alike yes/no is the
word Ja/Nej (Yes/No in English), never True/False or TRUE/FALSE. Excel: real types
(whole numbers, decimals, dates), a bold and frozen header, widths that fit the content.

User text can never run as a formula: in CSV a text cell that a spreadsheet would read as
a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading
apostrophe, as spreadsheets themselves do; in Excel every text cell is written as a
string, never a formula. The rule is in portal/cells.py; the imports take the apostrophe off.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from portal.cells import neutralise
from portal.i18n import t

MAX_WIDTH = 60


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out


def csv_text(df: pd.DataFrame) -> str:
    """CSV without BOM (for machine readers such as an HSDS validator), formulas defused."""
    buf = io.StringIO()
    # CRLF as RFC 4180 says: a carriage return inside a cell is then quoted, not a row break
    safe_frame(df).to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    return buf.getvalue()


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for people (spreadsheets): BOM, and yes/no columns as words."""
    return ("\ufeff" + csv_text(yes_no(df))).encode("utf-8")


def yes_no(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose boolean columns read Ja/Nej (in the UI's language)."""
    out = df.copy()
    words = {True: t("common.yes"), False: t("common.no")}
    for col in out.columns:
        values = out[col].dropna()
        if pd.api.types.is_bool_dtype(out[col]) or (
            len(values) and all(isinstance(v, bool | np.bool_) for v in values)
        ):
            out[col] = out[col].map(
                lambda v: words[bool(v)] if isinstance(v, bool | np.bool_) else v
            )
    return out


def write_csv(df: pd.DataFrame, path: Path) -> None:
    Path(path).write_bytes(csv_bytes(df))


def cell_value(value: Any) -> Any:
    """A plain Python value for openpyxl (numpy types and NaN/NaT are not cells)."""
    if value is None:
        return None
    if isinstance(value, float | int | str | bool | date | datetime):
        return None if isinstance(value, float) and pd.isna(value) else value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def add_sheet(
    wb: Workbook, title: str, df: pd.DataFrame, widths: Mapping[str, float] | None = None
) -> Worksheet:
    """One sheet: bold frozen header, typed cells, text never a formula, fitted widths."""
    ws = wb.create_sheet(title=title[:31])
    ws.append([str(c) for c in df.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in df.itertuples(index=False):
        ws.append([cell_value(v) for v in row])
    for column in ws.iter_cols(min_row=2):
        for cell in column:
            _type(cell)
    _fit(ws, df, widths or {})
    ws.freeze_panes = "A2"
    if len(df):
        ws.auto_filter.ref = ws.dimensions
    print_setup(ws)
    return ws


def print_setup(ws: Worksheet) -> None:
    """Prints on A4 as people expect: one page wide (landscape when the sheet is wide),
    the header row repeated on every page, only the used cells."""
    wide = (
        sum(
            ws.column_dimensions[get_column_letter(i)].width or 10
            for i in range(1, ws.max_column + 1)
        )
        > 110
    )
    ws.print_options.gridLines = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide or ws.max_column > 5 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_area = ws.dimensions


def _type(cell: Cell) -> None:
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    elif isinstance(cell.value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(cell.value, date):
        cell.number_format = "yyyy-mm-dd"


def _fit(ws: Worksheet, df: pd.DataFrame, widths: Mapping[str, float]) -> None:
    for idx, name in enumerate(df.columns, start=1):
        letter = get_column_letter(idx)
        if name in widths:
            ws.column_dimensions[letter].width = widths[name]
            continue
        longest = max(
            [len(str(name))] + [len(_shown(c.value)) for c in ws[letter][1:200]], default=8
        )
        ws.column_dimensions[letter].width = min(MAX_WIDTH, max(8, longest + 2))


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "2026-01-01 00:00"
    if isinstance(value, date):
        return "2026-01-01"
    return str(value)


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per (title, table), in order."""
    wb = Workbook()
    default = wb.active
    for title, df in sheets.items():
        add_sheet(wb, title, yes_no(df))
    if default is not None and len(wb.worksheets) > 1:
        wb.remove(default)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
