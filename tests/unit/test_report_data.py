"""The report's content against the real demo database: statuses at the year's end,
activities of the year, late and carried-over work, and a year with nothing to report."""

from __future__ import annotations

from datetime import date, datetime

from portal.db.connection import cursor, transaction
from portal.plan._db import plans as plans_db
from portal.report import _sections as sections
from portal.report._data import assemble, build_report, clean
from tests.unit.report_helpers import MEETINGS, SIGNALS, SITUATION

TODAY = date(2026, 11, 24)


def _activities(content: dict) -> dict[str, dict]:
    return {a["number"]: a for d in content["dimensions"] for a in d["activities"]}


def _expected_state(year: int) -> dict[int, tuple[str, int]]:
    """Straight from the database: each activity's last update up to the year's end."""
    with cursor() as cur:
        rows = cur.execute(
            """
            SELECT a.id,
                   coalesce(last.new_status, first.old_status, a.status),
                   coalesce(last.new_progress, first.old_progress, a.progress)
            FROM activities a
            LEFT JOIN (SELECT activity_id, arg_max(new_status, made_at) AS new_status,
                              arg_max(new_progress, made_at) AS new_progress
                       FROM activity_updates WHERE made_at <= ? GROUP BY activity_id) last
                   ON last.activity_id = a.id
            LEFT JOIN (SELECT activity_id, arg_min(old_status, made_at) AS old_status,
                              arg_min(old_progress, made_at) AS old_progress
                       FROM activity_updates GROUP BY activity_id) first
                   ON first.activity_id = a.id
            """,
            [datetime(year, 12, 31, 23, 59, 59)],
        ).fetchall()
    return {r[0]: (r[1] or "not_started", int(r[2] or 0)) for r in rows}


def test_2019_report_has_every_activity_with_its_status_at_year_end(demo_db):
    content = build_report(2019, TODAY, with_charts=False).content
    acts = _activities(content)
    assert sorted(acts) == ["4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2"]
    expected = _expected_state(2019)
    for act in acts.values():
        assert (act["status"], act["progress"]) == expected[act["id"]]
    assert acts["4.1.1"]["progress"] == 20 and acts["4.1.2"]["status"] == "done"
    assert acts["4.2.2"]["status"] == "not_started"  # its first update came in 2020
    assert acts["4.1.1"]["comments"][0]["text"].startswith("[Demo] Första möte")
    by_status = {r["status"]: r["count"] for r in content["summary"]["by_status"]}
    assert by_status == {"not_started": 3, "in_progress": 2, "done": 1, "cancelled": 0}
    assert [d["number"] for d in content["summary"]["done"]] == ["4.1.2"]
    assert content["summary"]["late"] == []
    assert not content["empty"]


def test_2020_numbers_match_the_database(demo_db):
    content = build_report(2020, TODAY, with_charts=False).content
    expected = _expected_state(2020)
    for act in _activities(content).values():
        assert (act["status"], act["progress"]) == expected[act["id"]]
    progresses = [expected[a["id"]][1] for a in _activities(content).values()]
    assert content["summary"]["progress"] == round(sum(progresses) / len(progresses), 1)
    carried = [c["number"] for c in content["carry_over"]]
    assert carried == ["4.1.1", "4.2.1", "4.2.2", "4.3.1", "4.3.2"]
    assert content["cover"]["municipality"] == "Tjörns kommun"
    assert "2019-2020" in content["cover"]["period"]


def test_after_the_plan_period_unfinished_work_is_late(demo_db):
    content = build_report(2021, TODAY, with_charts=False).content
    late = [a["number"] for a in content["summary"]["late"]]
    assert late == ["4.1.1", "4.2.1", "4.3.1", "4.3.2"]  # 4.2.2 is ongoing: never late


def test_activities_added_after_the_year_are_left_out(demo_db):
    plan = plans_db.current_plan()
    dim_id = int(plans_db.dimensions(plan["id"]).iloc[0]["id"])
    with transaction() as cur:
        act_id = plans_db.insert_activity(
            cur,
            dim_id,
            {
                "description": "Ny aktivitet 2021",
                "responsible_role": "process_leader",
                "responsible_label": "Processledaren",
                "due_month": "2021-06",
            },
            9,
        )
        cur.execute(
            "UPDATE activities SET created_at = ? WHERE id = ?",
            [datetime(2021, 3, 1, 9, 0), act_id],
        )
    in_2020 = [a["id"] for a in _activities(build_report(2020, TODAY, False).content).values()]
    in_2021 = [a["id"] for a in _activities(build_report(2021, TODAY, False).content).values()]
    assert act_id not in in_2020
    assert act_id in in_2021


def test_a_year_before_any_plan_has_nothing_to_report(demo_db):
    content = build_report(2010, TODAY, with_charts=False).content
    assert content["empty"] is True
    assert content["summary"] is None and content["dimensions"] == []


def test_section_builders_take_the_other_domains_shapes():
    coop = sections.cooperation_section(MEETINGS)
    assert coop["held"] == 7 and coop["by_type"][1] == {"label": "Möte med polisen", "count": 2}
    assert coop["decisions"][0]["number"] == "§ 3"
    situ = sections.situation_section(SITUATION)
    assert situ["assessments"][0]["milieu"] == "Högerextremism"
    assert situ["indicators"][0]["count"] == "<3"
    sig = sections.signals_section(SIGNALS)
    assert sig["total"] == "11" and sig["by_quarter"][0]["count"] == "<3"


def test_missing_or_empty_domains_give_no_section():
    assert sections.cooperation_section(None) is None
    assert (
        sections.cooperation_section(
            {"held": 0, "by_type": [], "attendance_by_org": [], "decisions": [], "open_actions": []}
        )
        is None
    )
    assert sections.situation_section({"status": "missing", "assessments": []}) is None
    assert (
        sections.signals_section(
            {"total": "0", "by_milieu": [], "by_setting": [], "by_quarter": []}
        )
        is None
    )


def test_other_domains_alone_make_a_report_not_empty():
    content = assemble(
        2030, date(2030, 12, 31), None, None, None, sections.signals_section(SIGNALS)
    )
    assert content["empty"] is False and content["signals"]["total"] == "11"


def test_clean_removes_control_characters_only():
    assert clean("a\x00b\x07c<script>å") == "abc<script>å"


def test_small_counts_never_leave_the_portal_exact():
    sig = sections.signals_section(
        {
            "total": "2",
            "by_milieu": [{"label": "Annat", "count": "1"}],
            "by_setting": [],
            "by_quarter": [],
        }
    )
    assert sig["total"] == "<3" and sig["by_milieu"][0]["count"] == "<3"
    situ = sections.situation_section(
        {
            **SITUATION,
            "indicators": [
                {"milieu_label": "Högerextremism", "source_label": "Polisen", "count": "2"}
            ],
        }
    )
    assert situ["indicators"][0]["count"] == "<3"
