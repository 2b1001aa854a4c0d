"""The annual report in a real browser: build, download the Word file, finalise, and
download the frozen copy again. Runs its own server because finalising writes data."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.e2e.conftest import goto, login, start_server, stop_server

DIMENSIONS = [
    "4.1 Främja demokratin",
    "4.2 Förebygga våldsbejakande extremism",
    "4.3 Förhindra våldsbejakande extremism",
]


@pytest.fixture(scope="module")
def report_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("e2e-report"))
    yield srv
    stop_server(srv)


def _headings(path: Path, level: int) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == f"Heading {level}"]


def test_coordinator_downloads_word_report_and_a_frozen_copy(page, report_server, tmp_path):
    login(page, report_server.url, "samordnare")
    goto(page, report_server.url, "/uppfoljning")
    page.get_by_role("heading", name="Årlig uppföljning").wait_for()
    page.get_by_role("button", name="Bygg rapporten").click()
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("Förhandsgranskning").wait_for(timeout=60_000)

    with page.expect_download() as info:
        main.get_by_role("button", name="Word (.docx)").first.click()
    download = info.value
    assert download.suggested_filename.startswith("uppfoljning-")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    h1 = _headings(path, 1)
    for dim in DIMENSIONS:
        assert dim in h1
    assert "Sammanfattning" in h1
    # every activity is a row of its dimension's list (updated ones also in full)
    doc = Document(str(path))
    assert "4.3.2" in {row.cells[0].text for table in doc.tables for row in table.rows}

    page.get_by_label("Anteckning (valfri)").fill("Till KLG")
    page.get_by_label("Anteckning (valfri)").press("Tab")
    page.get_by_role("button", name="Markera som slutlig").click()
    main.get_by_text("Slutlig version 1").wait_for(timeout=60_000)

    frozen_buttons = main.get_by_role("button", name="Word (.docx)")
    frozen_buttons.nth(1).wait_for()
    with page.expect_download() as info:
        frozen_buttons.nth(1).click()
    frozen = info.value
    assert frozen.suggested_filename.endswith("-v1.docx")
    frozen_path = tmp_path / frozen.suggested_filename
    frozen.save_as(frozen_path)
    assert _headings(frozen_path, 1) == h1
