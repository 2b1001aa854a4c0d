"""Every file the portal hands on, read the way its reader reads it: no raw values.

The annual report in every format for several years (an empty one included), the
minutes, the leaflet and every export. A report that printed `['Skola', 'Polisen']`,
`nan` or a catalog key passed reopen-the-file tests; this one reads the text.
"""

from datetime import date
from pathlib import Path

import pytest

from portal.exports import (
    directory as dir_export,
    leaflet,
    meetings as meet_export,
    minutes,
    plan as plan_export,
    report as report_files,
    situation as sit_export,
)
from portal.meetings import api as meetings_api
from portal.report import api as report_api
from tests.outputs import blank_pages, pdf_page_images, problems_in, text_of

# "[Demo]" marks demo rows; it is a label, not a leaked list.
ALLOWED = ("[Demo]",)


def _assert_readable(text: str, what: str) -> None:
    assert text.strip(), f"{what} has no text"
    assert problems_in(text, ALLOWED) == [], f"{what}: {problems_in(text, ALLOWED)[:10]}"


@pytest.mark.parametrize("year", [2019, 2020, date.today().year, 2031])
def test_the_report_reads_clean_in_every_format(demo_db, year):
    report = report_api.build_report(year, with_charts=False)
    for fmt in report_files.FORMATS:
        data = report_files.render(report, fmt)
        _assert_readable(text_of(data, fmt), f"report {year}.{fmt}")
        if fmt == "pdf":
            assert blank_pages(pdf_page_images(data)) == [], f"blank page in {year}.pdf"
        assert str(year) in text_of(data, fmt)


def test_minutes_and_leaflet_read_clean(demo_db):
    past = meetings_api.meetings(None, None)
    assert len(past), "the demo has meetings"
    meeting_id = int(past.iloc[0]["id"])
    _assert_readable(text_of(minutes.pdf_bytes(meeting_id), "pdf"), "minutes.pdf")
    _assert_readable(text_of(minutes.docx_bytes(meeting_id), "docx"), "minutes.docx")
    _assert_readable(text_of(leaflet.leaflet_pdf(), "pdf"), "leaflet.pdf")


@pytest.mark.parametrize(
    ("module", "fmt"),
    [
        (plan_export, "csv"),
        (plan_export, "xlsx"),
        (dir_export, "csv"),
        (dir_export, "xlsx"),
        (sit_export, "csv"),
        (sit_export, "xlsx"),
        (meet_export, "csv"),
    ],
)
def test_every_export_reads_clean(demo_db, tmp_path: Path, module, fmt):
    path = tmp_path / f"out.{fmt}"
    module.export(fmt, path)
    _assert_readable(text_of(path, fmt), f"{module.__name__}.{fmt}")
