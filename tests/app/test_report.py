"""The Uppföljning page: guard, build with preview and downloads, finalising, snapshots."""

import re

from portal.report import _snapshots as snaps
from tests.app.helpers import app_as, page_as, texts

PAGE = "app_pages/report.py"


def _build(at, year: int = 2020):
    at.selectbox(key="report-year").select(year)
    at.run()
    next(b for b in at.button if b.label == "Bygg rapporten").click()
    at.run()
    return at


def _submit_labels(at) -> list[str]:
    return [b.label for b in at.get("form_submit_button")] + [b.label for b in at.button]


def test_partner_is_refused(demo_db):
    at = page_as("partner", PAGE)
    assert "Du har inte behörighet" in texts(at)
    assert not at.button


def test_member_previews_and_downloads_but_cannot_finalize(demo_db):
    at = _build(page_as("ledamot", PAGE))
    assert not at.exception
    text = texts(at)
    assert "Förhandsgranskning" in text
    assert "Förhindra våldsbejakande extremism" in text
    # the status tables: counts per status and each dimension's list of activities
    assert any("Ej påbörjad" in df.value.to_string() for df in at.dataframe)
    assert "Säkerhetssamordnaren" in text
    labels = [d.label for d in at.get("download_button")]
    assert labels == ["Word (.docx)", "PDF", "Excel-bilaga (.xlsx)"]
    assert "Markera som slutlig" not in _submit_labels(at)
    assert "Inga rapporter är markerade som slutliga ännu." in text


def test_coordinator_finalizes_and_sees_the_snapshot(demo_db):
    at = _build(page_as("samordnare", PAGE))
    at.text_input[0].input("Till KLG <b>mars</b>")
    next(b for b in at.get("form_submit_button") if b.label == "Markera som slutlig").click()
    at.run()
    assert not at.exception
    assert "Slutlig version 1 för 2020 är sparad." in texts(at)
    listed = snaps.snapshots()
    assert list(listed["year"]) == [2020] and list(listed["created_by"]) == ["samordnare"]
    assert at.selectbox(key="report-snapshot").value == int(listed.iloc[0]["id"])
    names = [d.label for d in at.get("download_button")]
    assert names.count("Word (.docx)") == 2  # the fresh build and the frozen copy


def test_years_run_from_the_first_plan_to_this_year(demo_db):
    from datetime import date

    at = page_as("processledare", PAGE)
    years = at.selectbox(key="report-year").options
    assert years[0] == str(date.today().year)
    assert years[-1] == "2019"


def test_page_reachable_in_the_app_by_url_name(demo_db):
    at = app_as("ledamot", PAGE)
    assert not at.exception
    assert "Årlig uppföljning" in texts(at)


def test_user_text_in_the_preview_is_inert(demo_db):
    from portal.db.connection import transaction
    from portal.plan._db import plans as plans_db

    act_id = int(plans_db.activities(plans_db.current_plan()["id"]).iloc[0]["id"])
    with transaction() as cur:
        cur.execute(
            "UPDATE activities SET description = ? WHERE id = ?",
            ["<img src=x onerror=alert(1)> <script>alert(2)</script>", act_id],
        )
    at = _build(page_as("ledamot", PAGE))
    sources = [m.value for m in at.markdown]
    assert any("\\<img src=x onerror=alert\\(1\\)\\>" in s for s in sources)
    unescaped = re.compile(r"(?<!\\)<(img|script)")
    assert not any(unescaped.search(s) for s in sources)
    assert all(not m.allow_html for m in at.markdown)
