"""Shared by the signal tests: catch every log record, read the whole audit table."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from portal.db.connection import cursor

WORD = "Zyxqvuniktord"  # a word found nowhere else: where it shows up, signal text leaked


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # message, and any trace with exc_info


@contextmanager
def captured_logs() -> Iterator[_Everything]:
    """Every log record at DEBUG and up, from the root and from Streamlit's own loggers
    (which do not propagate)."""
    handler = _Everything()
    loggers = [logging.getLogger(), logging.getLogger("streamlit")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)


def audit_text() -> str:
    with cursor() as cur:
        rows = cur.execute("SELECT * FROM audit_log").fetchall()
    return " ".join(str(v) for row in rows for v in row)
