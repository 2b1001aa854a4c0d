from datetime import date

import pandas as pd
import pytest

from portal.plan import _core as plan_service
from portal.plan._rules import is_overdue


@pytest.mark.parametrize(
    ("status", "due", "ongoing", "today", "expected"),
    [
        ("in_progress", "2020-12", False, date(2020, 12, 31), False),  # due this month
        ("in_progress", "2020-12", False, date(2021, 1, 1), True),  # month has passed
        ("not_started", "2019-12", False, date(2026, 11, 24), True),
        ("done", "2019-12", False, date(2026, 11, 24), False),
        ("cancelled", "2019-12", False, date(2026, 11, 24), False),
        ("in_progress", None, True, date(2026, 11, 24), False),  # Fortlöpande
        ("in_progress", "2027-01", False, date(2026, 11, 24), False),
    ],
)
def test_overdue(status, due, ongoing, today, expected):
    assert is_overdue(status, due, ongoing, today) is expected


def test_weighted_progress_ignores_cancelled():
    df = pd.DataFrame(
        {
            "status": ["done", "in_progress", "cancelled"],
            "progress": [100, 50, 0],
            "weight": [1.0, 3.0, 5.0],
        }
    )
    assert plan_service.weighted_progress(df) == pytest.approx((100 + 150) / 4)


def test_weighted_progress_of_nothing_is_none():
    df = pd.DataFrame({"status": ["cancelled"], "progress": [0], "weight": [1.0]})
    assert plan_service.weighted_progress(df) is None


def test_summary_of_real_plan(demo_db):
    plan, dims, acts = plan_service.current_plan_view(date(2026, 11, 24))
    summary = plan_service.summarize(plan, acts, dims, date(2026, 11, 24))
    assert summary.activities == 6
    assert [d.key for d in summary.dimensions] == ["promote", "prevent", "hinder"]
    # demo: one activity done; the ongoing one is never overdue; the other four are late
    assert summary.done == 1
    assert summary.overdue == 4
    assert summary.dimensions[0].progress == pytest.approx((60 + 100) / 2)


def test_due_label():
    assert plan_service.due_label(None, True, "Fortlöpande") == "Fortlöpande"
    assert plan_service.due_label("2020-12", False, "Fortlöpande") == "2020-12"
