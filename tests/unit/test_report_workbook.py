"""The report's Excel appendix as a reader prints and reads it (defect 17)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from portal.exports.report import render
from portal.report._data import build_report
from tests.outputs import problems_in, text_of
from tests.unit.test_report_formats import TODAY, _full_report


def _book(report):
    data = render(report, "xlsx")
    assert problems_in(text_of(data, "xlsx")) == []
    return load_workbook(BytesIO(data))


def test_every_sheet_prints_one_page_wide_with_a_repeated_bold_frozen_header(demo_db):
    book = _book(_full_report())
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1] if c.value), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        assert ws.print_area, ws.title
        assert int(ws.page_setup.paperSize) == 9  # A4
    acts = book["Aktiviteter"]
    assert acts.page_setup.orientation == "landscape"
    widths = {c.value: acts.column_dimensions[c.column_letter].width for c in acts[1]}
    assert widths["Aktivitet"] > 2 * widths["Framsteg (%)"]


def test_an_empty_section_says_so_in_its_own_text_row(demo_db):
    book = _book(build_report(2015, TODAY, with_charts=False))
    decisions = book["Viktiga beslut"]
    assert decisions["A1"].value == "Datum"
    note = decisions["A2"]
    assert note.data_type == "s" and note.number_format == "@"
    assert "A2:D2" in {str(r) for r in decisions.merged_cells.ranges}
    summary = book["Sammanfattning"]
    values = [[c.value for c in row] for row in summary.iter_rows()]
    sentence = [row for row in values if row[0] and "2015" in str(row[0]) and row[1] is None]
    assert sentence, values  # in column A, never in the count column
