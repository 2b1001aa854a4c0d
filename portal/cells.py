"""Spreadsheet cells and formulas: the one rule for every CSV the portal writes or reads.

A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
or a carriage return) is written with a leading apostrophe, as spreadsheets themselves
do; the portal's own imports take that apostrophe off again, so what goes out comes back.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that would start a formula, with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The text a neutralised cell held (for reading the portal's own files back)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def is_xlsx(data: bytes) -> bool:
    """An Excel workbook (a zip file) rather than text."""
    return data[:4] == b"PK\x03\x04"


def xlsx_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The first sheet of a workbook as (header, [(row number, {column: text})]), the
    same shape a CSV reader gives: every cell as text (dates ISO, whole numbers without
    ".0", empty cells ""), cells right of the header under the key None. Blank rows are
    left out."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [_text(v).strip() for v in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        out = []
        for number, values in enumerate(rows, start=2):
            texts = [_text(v) for v in values]
            if not any(x.strip() for x in texts):
                continue
            row: dict[Any, Any] = dict(zip(header, texts[: len(header)], strict=False))
            row.update({h: "" for h in header if h not in row})
            if any(x.strip() for x in texts[len(header) :]):
                row[None] = texts[len(header) :]
            out.append((number, row))
        return header, out
    finally:
        book.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(sep=" ")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
