"""Word files as a reader gets them: A4, Swedish, the municipality as author, a TOC
field, fitted fixed-width tables with repeated header rows, "Sida N av M" and alt text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from portal.admin._db import users as users_db
from portal.exports import minutes as minutes_export
from portal.exports.report import render
from portal.i18n import set_lang
from portal.meetings import _actions as acts, _agenda as lists
from tests.outputs import problems_in, text_of
from tests.unit.test_report_formats import TODAY, _full_report

WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _check_common(data: bytes, lang: str = "sv-SE") -> Document:
    doc = Document(BytesIO(data))
    assert problems_in(text_of(data, "docx")) == []
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert Mm(15) < section.left_margin < Mm(30)
    props = doc.core_properties
    assert props.author == "Tjörns kommun" and props.last_modified_by == "Tjörns kommun"
    assert "python-docx" not in f"{props.author}{props.comments}{props.last_modified_by}"
    assert props.created.year >= 2025 and props.modified.year >= 2025
    assert abs(props.created.replace(tzinfo=UTC) - datetime.now(UTC)) < timedelta(hours=1)
    styles = doc.styles.element
    default_lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert default_lang.find(qn("w:lang")).get(qn("w:val")) == lang
    normal = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == lang
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    for table in doc.tables:
        assert 'w:type="fixed"' in table._tbl.tblPr.xml
    for shape in doc.inline_shapes:
        assert shape._inline.find(WP_DOCPR).get("descr")
    return doc


def _header_repeats(table) -> bool:
    return table.rows[0]._tr.trPr is not None and "tblHeader" in table.rows[0]._tr.trPr.xml


def test_report_docx_is_a4_swedish_with_metadata_footer_and_fitted_tables(demo_db):
    data = render(_full_report(), "docx")
    doc = _check_common(data)
    assert len(doc.inline_shapes) == 1
    assert doc.inline_shapes[0]._inline.find(WP_DOCPR).get("descr") == "Trend per år"
    headed = [tb for tb in doc.tables if tb.rows[0].cells[0].paragraphs[0].runs[0].bold]
    assert headed and all(_header_repeats(tb) for tb in headed)
    # The activity column of a brief table is much wider than the number column.
    brief = next(tb for tb in doc.tables if tb.rows[0].cells[1].text == "Aktivitet")
    assert brief.rows[1].cells[1].width > 3 * brief.rows[1].cells[0].width
    xml = doc.element.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    assert "Sammanfattning" in text_of(data, "docx").split("Samverkan")[0]  # TOC shows headings
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Caption"} <= styles
    assert {tb.style.name for tb in doc.tables} == {"Table Grid"}


def test_an_unchanged_cell_width_table_would_have_failed(demo_db):
    """Equal widths are what the old file had: the check above tells them apart."""
    data = render(_full_report(), "docx")
    doc = Document(BytesIO(data))
    widths = {tuple(c.width for c in tb.rows[-1].cells) for tb in doc.tables if len(tb.columns) > 2}
    assert all(len(set(w)) > 1 for w in widths)


def test_report_docx_in_english_is_en_us(demo_db):
    from portal.report._data import build_report

    set_lang("en")
    try:
        data = render(build_report(2019, TODAY, with_charts=False), "docx")
    finally:
        set_lang("sv")
    doc = Document(BytesIO(data))
    assert doc.core_properties.language == "en-US"
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-US"
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Page ") and " of " in footer


def test_empty_year_report_docx_reads_cleanly(demo_db):
    from portal.report._data import build_report

    data = render(build_report(2015, TODAY, with_charts=False), "docx")
    _check_common(data)


@pytest.fixture
def leader(db_path):
    from portal.admin import _seed as user_seed
    from portal.db.connection import transaction

    with transaction() as cur:
        user_seed.load_demo(cur)
    return users_db.get_user("processledare")


def test_minutes_docx_has_the_same_page_setup_language_metadata_and_footer(leader):
    start = datetime(2031, 9, 3, 13)
    mid = lists.create_meeting(
        leader,
        {"title": "SOS-möte", "type": "sos", "starts_at": start, "ends_at": start + timedelta(2)},
        prefill=False,
    )
    acts.add_action(leader, mid, "Boka lokal för föräldrakväll", "Demo", date(2031, 10, 1))
    data = minutes_export.docx_bytes(mid)
    doc = _check_common(data)
    assert doc.core_properties.title == "SOS-möte"
    assert _header_repeats(doc.tables[0])
    assert doc.tables[0].rows[0].cells[0].width > doc.tables[0].rows[0].cells[2].width
