"""A large plan's Word and PDF report stay readable: every activity is one row of its
dimension's list, the details (comments, indicators) are given for at most
DETAIL_LIMIT updated activities, and a list longer than LIST_LIMIT is counted, naming
the Excel sheet where it is in full. The limits are lowered here so the demo plan
counts as large."""

from __future__ import annotations

from datetime import date

import pytest

from portal.exports import report_outline
from portal.exports.report import render
from portal.exports.report_outline import outline
from portal.report._data import Report, build_report
from tests.unit.report_helpers import docx_headings, docx_text, pdf_text, xlsx


@pytest.fixture
def report_2019(demo_db) -> Report:
    return build_report(2019, date(2026, 11, 24), with_charts=False)


def _activities(report: Report) -> list[dict]:
    return [a for d in report.content["dimensions"] for a in d["activities"]]


def test_small_plan_lists_every_list_and_details_what_changed(report_2019):
    blocks = outline(report_2019)
    h2 = [b.text for b in blocks if b.kind == "h2"]
    for act in _activities(report_2019):
        assert any(h.startswith(act["number"] + " ") for h in h2) == act["changed"]
    assert not any("Excel-bilagan" in b.text for b in blocks)


def test_large_plan_counts_long_lists_and_points_to_the_appendix(report_2019, monkeypatch):
    acts = _activities(report_2019)
    carry = report_2019.content["carry_over"]
    assert len(carry) > 2 and sum(a["changed"] for a in acts) > 2
    monkeypatch.setattr(report_outline, "DETAIL_LIMIT", 2)
    monkeypatch.setattr(report_outline, "LIST_LIMIT", 2)
    data = render(report_2019, "docx")
    text = docx_text(data)
    h2 = docx_headings(data, 2)
    assert not any(h.startswith(a["number"] + " ") for a in acts for h in h2)
    for act in acts:  # each activity still named, as a row of its dimension's list
        assert act["description"] in text
    assert (
        f"Listan har {len(carry)} rader och finns i sin helhet i Excel-bilagan "
        "(bladet Det som förs över till nästa år)." in text
    )
    for dim in report_2019.content["dimensions"]:  # each dimension counts its own
        changed = sum(a["changed"] for a in dim["activities"])
        if changed:
            assert f"{changed} av dimensionens aktiviteter uppdaterades under året." in text
    pdf = " ".join(pdf_text(render(report_2019, "pdf")).split())
    assert f"Listan har {len(carry)} rader" in pdf
    # the sheets the sentences name exist and hold the lists in full
    book = xlsx(render(report_2019, "xlsx"))
    assert book["Det som förs över till nästa år"].max_row == len(carry) + 1
    assert "Genomfört under året" in book.sheetnames and "Aktiviteter" in book.sheetnames
