"""Final snapshots are frozen: later plan edits do not change them; new versions add rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portal.actor import Actor
from portal.cli import main
from portal.db.connection import cursor, transaction
from portal.errors import PermissionDenied
from portal.exports.report import FORMATS, render, render_all
from portal.plan._db import plans as plans_db
from portal.report import _snapshots as snaps
from portal.report._data import build_report
from tests.unit.report_helpers import docx_text, pdf_text, xlsx

TODAY = date(2026, 11, 24)


def _finish_first_activity() -> None:
    """An edit after finalising: activity 4.1.1 marked done with a new comment."""
    act_id = int(plans_db.activities(plans_db.current_plan()["id"]).iloc[0]["id"])
    at = datetime(2020, 12, 1, 10, 0)
    with transaction() as cur:
        plans_db.insert_update(
            cur,
            act_id,
            "samordnare",
            at,
            "in_progress",
            "done",
            60,
            100,
            "Efterhandsändring efter inlämning",
        )
        plans_db.set_activity_state(cur, act_id, "done", 100, at, "samordnare")


def test_member_may_not_finalize(demo_db):
    with pytest.raises(PermissionDenied):
        snaps.finalize(Actor("ledamot", "Ledamot", "member"), 2020, render_all)
    assert snaps.snapshots().empty


def test_snapshot_is_immutable_and_new_versions_are_new_rows(demo_db):
    snap_id, version = snaps.finalize(
        Actor("samordnare", "Samordnare", "coordinator"), 2020, render_all, "Till KLG", TODAY
    )
    assert version == 1
    frozen = {fmt: snaps.snapshot_file(snap_id, fmt) for fmt in FORMATS}
    frozen_content = snaps.snapshot_content(snap_id)
    first = frozen_content["dimensions"][0]["activities"][0]
    assert (first["status"], first["progress"]) == ("in_progress", 60)

    _finish_first_activity()

    live = build_report(2020, TODAY, with_charts=False).content
    assert live["dimensions"][0]["activities"][0]["status"] == "done"
    assert "Efterhandsändring" in docx_text(render(build_report(2020, TODAY), "docx"))
    # the snapshot still says what was submitted
    assert snaps.snapshot_content(snap_id) == frozen_content
    for fmt in FORMATS:
        assert snaps.snapshot_file(snap_id, fmt) == frozen[fmt]
    assert "Efterhandsändring" not in docx_text(frozen["docx"])
    assert "Efterhandsändring" not in pdf_text(frozen["pdf"])
    rows = list(xlsx(frozen["xlsx"])["Aktiviteter"].iter_rows(min_row=2, values_only=True))
    assert rows[0][3] == "Pågår"

    snap2, version2 = snaps.finalize(
        Actor("processledare", "Processledare", "process_leader"), 2020, render_all, "", TODAY
    )
    assert (version2, snap2 != snap_id) == (2, True)
    assert snaps.snapshot_content(snap_id) == frozen_content
    assert snaps.snapshot_content(snap2)["dimensions"][0]["activities"][0]["status"] == "done"
    listed = snaps.snapshots(2020)
    assert list(listed["version"]) == [2, 1]
    assert list(listed["created_by"]) == ["processledare", "samordnare"]
    with cursor() as cur:
        audited = cur.execute(
            "SELECT count(*) FROM audit_log WHERE entity = "
            "'report_snapshots' AND action = 'finalize'"
        ).fetchone()[0]
    assert audited == 2


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_cli_writes_each_format(demo_db, tmp_path, fmt, capsys):
    out = tmp_path / f"rapport.{fmt}"
    assert main(["report", "--year", "2020", "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 1000
    if fmt == "docx":
        assert "4.3 Förhindra våldsbejakande extremism" in docx_text(out.read_bytes())
    elif fmt == "pdf":
        assert "Förhindra" in pdf_text(out.read_bytes())
    else:
        assert "Aktiviteter" in xlsx(out.read_bytes()).sheetnames
    assert "wrote" in capsys.readouterr().out


def test_cli_empty_year_says_so(demo_db, tmp_path, capsys):
    out = tmp_path / "tom.docx"
    assert main(["report", "--year", "2005", "--format", "docx", "-o", str(out)]) == 0
    assert "nothing to report" in capsys.readouterr().out
    assert "Det finns inget att rapportera för 2005" in docx_text(out.read_bytes())
