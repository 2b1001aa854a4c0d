"""The generated Word, PDF and Excel files, opened with their own libraries."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import altair as alt
import pandas as pd
import pytest
from docx import Document

from portal.db.connection import transaction
from portal.exports.report import render
from portal.plan._db import plans as plans_db
from portal.report import _sections as sections
from portal.report._data import Report, assemble, build_report, plan_content
from tests.outputs import (
    assert_accessible_a4,
    blank_pages,
    ink_outside,
    mm_to_px,
    pdf_page_images,
    problems_in,
    text_of,
)
from tests.unit.report_helpers import (
    MEETINGS,
    SIGNALS,
    SITUATION,
    docx_headings,
    docx_text,
    pdf_text,
    xlsx,
)

TODAY = date(2026, 11, 24)
DIMENSIONS = [
    "4.1 Främja demokratin",
    "4.2 Förebygga våldsbejakande extremism",
    "4.3 Förhindra våldsbejakande extremism",
]
NASTY = '<script>alert(1)</script> **fet** [länk](http://x) =HYPERLINK("http://x")\x07'


@pytest.fixture
def report_2019(demo_db) -> Report:
    return build_report(2019, TODAY, with_charts=False)


def _full_report(demo_db_unused=None) -> Report:
    """Every section filled: the plan from the database, the rest in the agreed shapes."""
    chart = (
        alt.Chart(pd.DataFrame({"år": [2019, 2020], "antal": [1, 3]}))
        .mark_bar()
        .encode(x="år:O", y="antal:Q")
        .properties(title="Indikatorer över år")
    )
    content = assemble(
        2020,
        date(2020, 12, 31),
        plan_content(2020, date(2020, 12, 31)),
        sections.cooperation_section(MEETINGS),
        sections.situation_section(SITUATION),
        sections.signals_section(SIGNALS),
    )
    return Report(content, sections.chart_images([("Trend per år", chart)], scale=1))


def test_docx_has_real_headings_per_dimension_and_every_activity(report_2019):
    data = render(report_2019, "docx")
    h1 = docx_headings(data, 1)
    for dim in DIMENSIONS:
        assert dim in h1
    assert h1[0] == "Sammanfattning" and "Det som förs över till nästa år" in h1
    h2 = docx_headings(data, 2)
    text = docx_text(data)
    rows = {
        (row.cells[0].text, row.cells[1].text)
        for table in Document(BytesIO(data)).tables
        for row in table.rows
    }
    acts = [a for dim in report_2019.content["dimensions"] for a in dim["activities"]]
    assert any(a["changed"] for a in acts) and not all(a["changed"] for a in acts)
    for act in acts:
        # every activity is a row of its dimension's list; in full only if updated
        assert (act["number"], act["description"]) in rows
        in_full = any(h.startswith(act["number"] + " ") for h in h2)
        assert in_full == act["changed"], act["number"]
        assert act["description"] in text
    assert "Klar" in text and "Pågår" in text and "Ej påbörjad" in text
    assert "Tjörns kommun" in text and "Säkerhetssamordnaren" in text
    assert "Processledaren för barn och unga" in text


def test_docx_contents_is_a_toc_field(report_2019):
    doc = Document(BytesIO(render(report_2019, "docx")))
    xml = doc.element.xml
    assert 'TOC \\o "1-3"' in xml
    settings = doc.settings.element.xml
    assert "updateFields" in settings
    assert settings.index("w:updateFields") < settings.index("w:compat")  # schema order
    assert doc.paragraphs[0].style.name == "Title"


def test_pdf_text_has_swedish_letters_and_every_activity(report_2019):
    text = pdf_text(render(report_2019, "pdf"))
    assert "Uppföljning" in text and "Främja demokratin" in text
    for ch in "åäöÅÄÖ":
        if ch.islower():
            assert ch in text
    assert "Förhindra våldsbejakande extremism" in text
    for dim in report_2019.content["dimensions"]:
        for act in dim["activities"]:
            assert act["number"] in text
    assert "Innehåll" in text and "Sammanfattning" in text


def test_pdf_is_an_accessible_a4_document_without_raw_values_or_blank_pages(report_2019):
    data = render(report_2019, "pdf")
    title = "Uppföljning av handlingsplan mot våldsbejakande extremism 2019"
    assert_accessible_a4(data, title)
    text = text_of(data, "pdf")
    assert problems_in(text) == []
    pages = text.split("\f")[:-1]
    assert "Tjörns kommun" in pages[0] and "Sida" not in pages[0]  # the cover
    assert "Innehåll" in pages[1] and "Sammanfattning" in pages[1]
    assert all(f"Sida {n} av {len(pages)}" in page for n, page in enumerate(pages, 1) if n > 1)
    images = pdf_page_images(data)
    assert blank_pages(images) == []
    assert ink_outside(images, mm_to_px(5)) == []
    # every page holds more than its header and footer (the old "Sida 3"-only page)
    assert all(len(page.split()) > 20 for page in pages[2:])


def test_pdf_cover_shows_the_logo_when_one_is_set(report_2019, monkeypatch, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (200, 30, 30)).save(logo)
    monkeypatch.setenv("PORTAL_LOGO", str(logo))
    cover = pdf_page_images(render(report_2019, "pdf"))[0]
    assert any(r > 150 and g < 80 for _, (r, g, _b) in cover.getcolors(1 << 20) or [])
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")  # a broken file leaves the logo out
    assert "Tjörns kommun" in text_of(render(report_2019, "pdf"), "pdf")


def test_xlsx_one_sheet_per_section_with_typed_columns(report_2019):
    wb = xlsx(render(report_2019, "xlsx"))
    assert wb.sheetnames == [
        "Sammanfattning",
        "Aktiviteter",
        "Indikatorer",
        "Samverkan",
        "Viktiga beslut",
        "Lägesbild",
        "Signaler",
        "Det som förs över till nästa år",
        "Genomfört under året",  # the lists Word and PDF count when long
        "Öppna åtgärder",
    ]
    ws = wb["Aktiviteter"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2"]
    assert all(isinstance(r[4], int) for r in rows)
    assert rows[0][3] == "Pågår" and rows[0][4] == 20
    summary = {r[0]: r[1] for r in wb["Sammanfattning"].iter_rows(min_row=2, values_only=True)}
    assert summary["Antal aktiviteter"] == 6 and summary["Klar"] == 1
    assert summary["Samlat framsteg"] == pytest.approx(
        report_2019.content["summary"]["progress"] / 100
    )


def test_all_sections_with_other_domains_and_chart_image(demo_db):
    report = _full_report()
    docx_data = render(report, "docx")
    h1 = docx_headings(docx_data, 1)
    assert {"Samverkan", "Lägesbild", "Signaler"} <= set(h1)
    text = docx_text(docx_data)
    assert "SOS-möte" in text and "Socialtjänsten" in text and "§ 3" in text
    assert "Högerextremism" in text and "<3" in text and "Oförändrad" in text
    assert len(Document(BytesIO(docx_data)).inline_shapes) == 1
    assert report.charts[0][1].startswith(b"\x89PNG")
    pdf_data = render(report, "pdf")
    pdf = pdf_text(pdf_data)
    assert "Möte med polisen" in pdf and "Våldsbejakande islamism" in pdf
    assert problems_in(text_of(pdf_data, "pdf")) == []
    assert "Trend per år" in pdf  # the chart's caption
    assert blank_pages(pdf_page_images(pdf_data)) == []
    wb = xlsx(render(report, "xlsx"))
    assert [r[1] for r in wb["Samverkan"].iter_rows(min_row=2, values_only=True)] == [5, 2]
    decision = list(wb["Viktiga beslut"].iter_rows(min_row=2, values_only=True))[0]
    assert decision[0].date() == date(2020, 3, 4)
    signals = list(wb["Signaler"].iter_rows(min_row=2, values_only=True))
    assert ("Per miljö", "Våldsbejakande islamism", "<3") in signals


def test_missing_domains_say_there_is_no_data_yet(report_2019):
    text = docx_text(render(report_2019, "docx"))
    assert text.count("Det finns inga uppgifter om detta ännu.") == 3


def test_nothing_to_report_is_a_whole_document_in_every_format(demo_db):
    report = build_report(2010, TODAY, with_charts=False)
    message = "Det finns inget att rapportera för 2010"
    assert message in docx_text(render(report, "docx"))
    assert message in pdf_text(render(report, "pdf")).replace("\n", " ")
    wb = xlsx(render(report, "xlsx"))
    assert any(
        message in str(v) for r in wb["Sammanfattning"].iter_rows(values_only=True) for v in r
    )


def test_user_text_is_escaped_in_every_format(demo_db):
    plan = plans_db.current_plan()
    acts = plans_db.activities(plan["id"])
    with transaction() as cur:
        cur.execute(
            "UPDATE activities SET description = ? WHERE id = ?", [NASTY, int(acts.iloc[0]["id"])]
        )
    report = build_report(2019, TODAY, with_charts=False)
    literal = NASTY.replace("\x07", "")
    assert literal in docx_text(render(report, "docx"))
    assert "<script>alert(1)</script>" in pdf_text(render(report, "pdf"))
    ws = xlsx(render(report, "xlsx"))["Aktiviteter"]
    cell = ws.cell(row=2, column=3)
    assert cell.value == literal and cell.data_type == "s"
    # an "=..." text stays a string, never a formula
    report.content["dimensions"][0]["activities"][0]["description"] = "=1+1"
    cell = xlsx(render(report, "xlsx"))["Aktiviteter"].cell(row=2, column=3)
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_indicators_target_against_actual(demo_db):
    """indicators_for_plan's shape (activity_id, name, unit, target, actual, actual_on)."""
    from portal.plan import _core as plan_service
    from portal.report._data import plan_sections
    from portal.report._db import reports as reports_db

    plan, dims, acts = plan_service.plan_view(plans_db.current_plan()["id"], date(2020, 12, 31))
    first = int(acts.iloc[0]["id"])
    indicators = pd.DataFrame(
        [
            {
                "activity_id": first,
                "name": "Utbildade tjänstemän",
                "unit": "personer",
                "target": 40.0,
                "actual": 27.0,
                "actual_on": date(2020, 11, 30),
            },
            {
                "activity_id": first,
                "name": "Informationsträffar",
                "unit": "st",
                "target": 4.0,
                "actual": None,
                "actual_on": None,
            },
        ]
    )
    history = reports_db.activity_history(int(plan["id"]), pd.Timestamp("2020-12-31 23:59"))
    part = plan_sections(plan, dims, acts, history, indicators, 2020)
    got = part["dimensions"][0]["activities"][0]["indicators"]
    assert got[0] == {
        "name": "Utbildade tjänstemän",
        "unit": "personer",
        "target": 40.0,
        "actual": 27.0,
        "actual_on": "2020-11-30",
    }
    assert got[1]["actual"] is None and got[1]["actual_on"] == ""
    assert part["dimensions"][0]["activities"][1]["indicators"] == []
    report = Report(assemble(2020, date(2020, 12, 31), part, None, None, None))
    text = docx_text(render(report, "docx"))
    assert "Utbildade tjänstemän" in text and "40" in text and "27" in text
    rows = list(xlsx(render(report, "xlsx"))["Indikatorer"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:5] == ("4.1.1", "Utbildade tjänstemän", "personer", 40.0, 27.0)
    assert rows[0][5].date() == date(2020, 11, 30)
    assert rows[1][4] is None
