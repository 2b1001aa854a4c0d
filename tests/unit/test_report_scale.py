"""The annual report on a generated municipality, not only the small demo: the bench's
1x database (bench/generate.py: 40 activities updated over five years, 60 meetings, 500
signals, ten years of situation picture) gives a report whose contents page runs over
more than one page. Every format must be made whole, never crash for having much to say.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bench.generate import generate
from portal.db.connection import close_all
from portal.exports.report import render
from portal.report.api import build_report
from tests.outputs import blank_pages, pdf_page_images, problems_in, text_of

YEAR = 2024


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "bench-1x.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PORTAL_COOKIE_KEY", "scale-" + "k" * 40)
        generate(path, 1)
    return path


@pytest.fixture(scope="module")
def files(generated: Path) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PORTAL_DB", str(generated))
        mp.setenv("PORTAL_COOKIE_KEY", "scale-" + "k" * 40)
        close_all()
        report = build_report(YEAR, date(YEAR, 12, 31))
        out = {fmt: render(report, fmt) for fmt in ("pdf", "docx", "xlsx")}
        close_all()
    return out


def test_pdf_contents_run_over_a_page_and_every_page_has_ink(files: dict[str, bytes]) -> None:
    pdf = files["pdf"]
    text = text_of(pdf, "pdf")
    pages = text.split("\f")
    contents = [n for n, page in enumerate(pages) if ". . ." in page]
    assert contents[:2] == [1, 2], "the generated report should need a second contents page"
    assert "Syntetisk aktivitet" in pages[1]
    assert not blank_pages(pdf_page_images(pdf))
    assert not problems_in(text)
    assert f"Uppföljning av handlingsplan mot våldsbejakande extremism {YEAR}" in text


def test_every_activity_is_in_every_format(files: dict[str, bytes]) -> None:
    for fmt in ("pdf", "docx", "xlsx"):
        text = " ".join(text_of(files[fmt], fmt).split())
        named = {int(n) for n in re.findall(r"Syntetisk aktivitet (\d+):", text)}
        assert named == set(range(1, 41)), (fmt, sorted(set(range(1, 41)) - named))
        assert not problems_in(text), (fmt, problems_in(text)[:5])
