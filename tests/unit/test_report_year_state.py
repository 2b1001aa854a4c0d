"""A past year's report shows that year: indicator values measured by 31 December and
only the work finished within the year (real demo database)."""

from __future__ import annotations

from datetime import date

from portal.actor import Actor
from portal.exports.report_outline import outline
from portal.plan import api as plan_api
from portal.report._data import build_report

TODAY = date(2026, 12, 2)
COORDINATOR = Actor("samordnare", "Samordnare", "coordinator")


def _indicator(content: dict, name_part: str) -> dict:
    found = [
        i
        for d in content["dimensions"]
        for a in d["activities"]
        for i in a["indicators"]
        if name_part in i["name"]
    ]
    assert len(found) == 1
    return found[0]


def test_indicator_values_are_those_measured_by_the_years_end(demo_db):
    # "Antal medarbetare som gått utbildning" (indicator 1): 45 on 2019-10-01, 120 on
    # 2020-06-15; today someone records 999.
    plan_api.record_indicator_value(1, TODAY, 999, COORDINATOR)
    y2020 = _indicator(build_report(2020, TODAY, False).content, "medarbetare")
    assert (y2020["actual"], y2020["actual_on"]) == (120.0, "2020-06-15")
    y2019 = _indicator(build_report(2019, TODAY, False).content, "medarbetare")
    assert (y2019["actual"], y2019["actual_on"]) == (45.0, "2019-10-01")
    now = _indicator(build_report(2026, TODAY, False).content, "medarbetare")
    assert (now["actual"], now["actual_on"]) == (999.0, TODAY.isoformat())


def test_the_indicator_table_says_which_date_it_shows(demo_db):
    texts = [b.text for b in outline(build_report(2020, TODAY, False))]
    assert any("31 december 2020" in x for x in texts)


def test_done_during_the_year_is_only_work_finished_that_year(demo_db):
    # 4.1.2 was done on 2019-11-20.
    done_2019 = build_report(2019, TODAY, False).content["summary"]["done"]
    assert [d["number"] for d in done_2019] == ["4.1.2"]
    done_2020 = build_report(2020, TODAY, False).content["summary"]["done"]
    assert done_2020 == []
    # still done at the end of 2020: counted by status, not listed as this year's work
    by_status = build_report(2020, TODAY, False).content["summary"]["by_status"]
    assert {r["status"]: r["count"] for r in by_status}["done"] == 1
