"""No Python values in the report: lists, empty lists, None, NaN and status codes never
reach Word, PDF, Excel or the preview outline; every value reads as the UI shows it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.exports.report import render
from portal.exports.report_outline import outline
from portal.report._data import Report, build_report
from tests.unit.report_helpers import docx_text, pdf_text, xlsx

# A Python repr in a text: ['a', 'b'], [], None, nan, or a bare code of ours.
LEAKS = re.compile(r"\[\]|\['|\bNone\b|\bnan\b|\bNaT\b")
CODES = {"open", "in_progress", "done", "cancelled", "draft", "approved", "missing"}


@pytest.fixture
def report_2026(demo_db) -> Report:
    return build_report(2026, date(2026, 11, 24), with_charts=False)


def _outline_cells(report: Report) -> list[str]:
    cells = []
    for block in outline(report):
        cells.append(block.text)
        cells += [str(c) for row in block.rows for c in row]
    return cells


def test_outline_has_labels_not_python_values(report_2026):
    cells = _outline_cells(report_2026)
    assert [c for c in cells if LEAKS.search(c)] == []
    assert [c for c in cells if c.strip() in CODES] == []
    assert "Polisen" in cells  # the sources used, as labels joined with ", "
    assert "—" in cells  # no source left unused: a dash, not []
    assert "Öppen" in cells  # an open action by its label


def test_files_have_labels_not_python_values(report_2026):
    text = docx_text(render(report_2026, "docx"))
    assert not LEAKS.search(text) and "Öppen" in text
    pdf = pdf_text(render(report_2026, "pdf"))
    assert not LEAKS.search(pdf)
    wb = xlsx(render(report_2026, "xlsx"))
    values = [
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None  # an empty cell is fine in a sheet
    ]
    assert [v for v in values if LEAKS.search(v) or v in CODES] == []


def test_lists_are_joined_labels(demo_db):
    report = build_report(2025, date(2026, 11, 24), with_charts=False)
    first = report.content["situation"]["assessments"][0]
    assert first["sources_used"] == "Polisen, Skola, Öppna källor"
    assert first["sources_not_used"] == "Fritid"
