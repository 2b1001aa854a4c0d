"""Situation picture rules on a real temporary DuckDB: default data, approval lock with
revisions, optimistic concurrency, permissions, overdue."""

from datetime import date

import pytest

from portal.db import audit
from portal.errors import PermissionDenied, StaleEdit, ValidationError
from portal.plan._seed import load_plan_document
from portal.situation import _core as service, _indicators as indicators
from portal.situation._db import situation as db
from portal.situation._summary import charts_for_year, year_summary
from portal.vocab import MILIEUS

FIELDS = {
    "level": "low",
    "trend": "unchanged",
    "narrative": "Lugnt läge.",
    "sources_used": ["police", "school"],
    "sources_not_used": ["leisure"],
}


def _fill(year: int, actor: str = "samordnare") -> None:
    service.create_year(year, actor, "coordinator")
    for m in MILIEUS:
        service.save_assessment(year, m, FIELDS, None, actor, "coordinator")


def test_default_2017_is_the_plans_statement_and_2019_is_planned(db_path):
    plan = load_plan_document()
    text = next(s["body"] for s in plan["sections"] if s["number"] == "3.1")
    assert text.startswith("I dagsläget anses det inte finnas någon våldsbejakande extremism")
    y2017 = db.get_year(2017)
    assert y2017["status"] == "approved"
    assert y2017["approved_on"] == date(2019, 5, 2)
    assert "§ 97" in y2017["source_ref"] and "3.1" in y2017["source_ref"]
    summary = year_summary(2017)
    assert summary["status"] == "approved"
    assert [a["milieu"] for a in summary["assessments"]] == list(MILIEUS)
    assert {a["level"] for a in summary["assessments"]} == {"none"}
    assert {a["level_label"] for a in summary["assessments"]} == {"Ingen känd"}
    assert summary["assessments"][0]["narrative"] == text
    assert db.get_year(2019)["status"] == "planned"
    assert "ny lägesbild under 2019" in db.get_year(2019)["summary"]
    assert year_summary(2019)["status"] == "missing"
    assert year_summary(2018) == {
        "status": "missing",
        "approved_on": None,
        "made_with": "",
        "assessments": [],
        "indicators": [],
    }
    assert db.indicators().empty  # no invented counts in the real default


def test_default_data_is_overdue_today(db_path):
    assert service.is_overdue(date(2026, 3, 1))
    assert not service.is_overdue(date(2018, 6, 1))  # 2017 approved: fine during 2018
    assert service.is_overdue(date(2019, 1, 1))


def test_draft_then_approve_then_locked(db_path):
    _fill(2025)
    assert year_summary(2025)["status"] == "draft"
    year = db.get_year(2025)
    service.approve(2025, year["version"], date(2025, 12, 1), "samordnare", "coordinator")
    summary = year_summary(2025)
    assert summary["status"] == "approved" and summary["approved_on"] == date(2025, 12, 1)
    current = db.assessments(2025).set_index("milieu").loc["far_right"]
    with pytest.raises(ValidationError) as err:
        service.save_assessment(
            2025,
            "far_right",
            {**FIELDS, "level": "high"},
            int(current["version"]),
            "samordnare",
            "coordinator",
        )
    assert "reason" in err.value.problems
    assert db.assessments(2025).set_index("milieu").loc["far_right", "level"] == "low"
    assert db.revisions(2025).empty


def test_change_after_approval_is_a_revision_with_reason(db_path):
    _fill(2025)
    service.approve(
        2025, db.get_year(2025)["version"], date(2025, 12, 1), "samordnare", "coordinator"
    )
    version = int(db.assessments(2025).set_index("milieu").loc["islamist", "version"])
    service.save_assessment(
        2025,
        "islamist",
        {**FIELDS, "level": "elevated"},
        version,
        "admin",
        "admin",
        reason="Ny uppgift från polisen",
    )
    revs = db.revisions(2025)
    assert len(revs) == 1
    rev = revs.iloc[0]
    assert (rev["milieu"], rev["actor"], rev["reason"]) == (
        "islamist",
        "admin",
        "Ny uppgift från polisen",
    )
    assert '"level": "low"' in rev["before_json"] and '"level": "elevated"' in rev["after_json"]
    assert db.get_year(2025)["status"] == "approved"  # still approved, not silently reset
    log = audit.entries(entity="situation_assessment")
    assert (log["entity_id"] == "2025/islamist").any()
    # the year's own fields are locked too
    y = db.get_year(2025)
    with pytest.raises(ValidationError):
        service.save_year(2025, {"summary": "x"}, y["version"], "samordnare", "coordinator")
    service.save_year(
        2025,
        {"summary": "Rättad", "made_with": "Kommunpolisen"},
        y["version"],
        "samordnare",
        "coordinator",
        reason="Stavfel",
    )
    assert len(db.revisions(2025)) == 2


def test_approval_needs_every_milieu(db_path):
    service.create_year(2025, "samordnare", "coordinator")
    service.save_assessment(2025, "far_right", FIELDS, None, "samordnare", "coordinator")
    with pytest.raises(ValidationError, match="Alla miljöer"):
        service.approve(
            2025, db.get_year(2025)["version"], date.today(), "samordnare", "coordinator"
        )


def test_stale_version_is_refused_and_nothing_overwritten(db_path):
    _fill(2025)
    v = int(db.assessments(2025).set_index("milieu").loc["far_left", "version"])
    service.save_assessment(
        2025, "far_left", {**FIELDS, "narrative": "Först"}, v, "samordnare", "coordinator"
    )
    with pytest.raises(StaleEdit) as err:
        service.save_assessment(
            2025, "far_left", {**FIELDS, "narrative": "Sen"}, v, "admin", "admin"
        )
    assert err.value.changes["narrative"] == "Först"
    assert db.assessments(2025).set_index("milieu").loc["far_left", "narrative"] == "Först"
    # a second "new" assessment for the same milieu is stale too
    with pytest.raises(StaleEdit):
        service.save_assessment(2025, "far_left", FIELDS, None, "admin", "admin")
    year = db.get_year(2025)
    service.save_year(2025, {"summary": "A"}, year["version"], "samordnare", "coordinator")
    with pytest.raises(StaleEdit):
        service.save_year(2025, {"summary": "B"}, year["version"], "admin", "admin")


def test_planned_year_becomes_draft_when_assessed(db_path):
    service.save_assessment(2019, "other", FIELDS, None, "samordnare", "coordinator")
    assert db.get_year(2019)["status"] == "draft"
    assert year_summary(2019)["status"] == "draft"


@pytest.mark.parametrize("role", ["member", "process_leader", "partner", None])
def test_only_coordination_may_write(db_path, role):
    with pytest.raises(PermissionDenied):
        service.create_year(2025, "x", role)
    with pytest.raises(PermissionDenied):
        service.save_assessment(2017, "other", FIELDS, 1, "x", role, reason="r")
    with pytest.raises(PermissionDenied):
        indicators.add_indicator(
            {"period": "2025-Q1", "milieu": "other", "source": "school", "area": "", "count": 1},
            "x",
            role,
        )
    with pytest.raises(PermissionDenied):
        service.approve(2019, 1, date.today(), "x", role)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({**FIELDS, "level": "extreme"}, "level"),
        ({**FIELDS, "trend": "sideways"}, "trend"),
        ({**FIELDS, "sources_used": ["rumours"]}, "sources_used"),
        ({**FIELDS, "sources_not_used": ["police"]}, "sources_not_used"),
    ],
)
def test_bad_assessment_is_refused(db_path, fields, field):
    service.create_year(2025, "samordnare", "coordinator")
    with pytest.raises(ValidationError) as err:
        service.save_assessment(2025, "far_right", fields, None, "samordnare", "coordinator")
    assert field in err.value.problems
    assert db.assessments(2025).empty


@pytest.mark.parametrize("year", [1999, 2200, "tjugo"])
def test_year_out_of_range(db_path, year):
    with pytest.raises(ValidationError, match="mellan 2000"):
        service.create_year(year, "samordnare", "coordinator")


def test_unknown_milieu_refused(db_path):
    service.create_year(2025, "samordnare", "coordinator")
    with pytest.raises(ValidationError) as err:
        service.save_assessment(2025, "pirates", FIELDS, None, "samordnare", "coordinator")
    assert "milieu" in err.value.problems


def test_summary_suppresses_indicator_counts_unless_exact(db_path):
    _fill(2025)
    for source, count in (("school", 1), ("police", 7)):
        indicators.add_indicator(
            {
                "period": "2025-Q2",
                "milieu": "far_right",
                "source": source,
                "area": "",
                "count": count,
            },
            "samordnare",
            "coordinator",
        )
    shown = {i["source_label"]: i["count"] for i in year_summary(2025)["indicators"]}
    # the milieu's total is shown elsewhere: the lone "<3" gets a complement
    assert shown == {"Skola": "<3", "Polisen": ".."}
    exact = {i["source_label"]: i["count"] for i in year_summary(2025, exact=True)["indicators"]}
    assert exact == {"Skola": "1", "Polisen": "7"}
    titles = [title for title, _chart in charts_for_year(2025)]
    assert "Nivå per miljö och år" in titles and len(titles) == 3


def test_demo_data_is_marked(demo_db):
    demo_years = [y for y in db.years() if y["is_demo"]]
    assert demo_years and all("[Demo]" in y["made_with"] for y in demo_years)
    assert db.get_year(2017)["is_demo"] is False
    assert db.indicators()["is_demo"].all()
