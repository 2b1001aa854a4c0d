"""Spreadsheet cells and formulas: the one rule for every CSV the portal writes or reads.

A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
or a carriage return) is written with a leading apostrophe, as spreadsheets themselves
do; the portal's own imports take that apostrophe off again, so what goes out comes back.
"""

from __future__ import annotations

from typing import Any

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
