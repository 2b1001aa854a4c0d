"""Derived state of activities: overdue, stale, roll-up, status counts, progress over time."""

from datetime import date, datetime

import pandas as pd
import pytest

from portal.plan import _core as plan_service, _read as plan_read
from portal.plan._core import derive
from portal.plan._rules import is_stale


@pytest.mark.parametrize(
    ("status", "last", "today", "expected"),
    [
        ("in_progress", datetime(2026, 8, 26, 9), date(2026, 11, 24), True),  # 90 days
        ("in_progress", datetime(2026, 8, 27, 9), date(2026, 11, 24), False),  # 89 days
        ("not_started", date(2020, 1, 1), date(2026, 11, 24), True),
        ("done", datetime(2020, 1, 1), date(2026, 11, 24), False),
        ("cancelled", datetime(2020, 1, 1), date(2026, 11, 24), False),
        ("in_progress", None, date(2026, 11, 24), False),
    ],
)
def test_stale(status, last, today, expected):
    assert is_stale(status, last, today, 90) is expected


def _acts(**cols):
    base = {
        "id": [1, 2, 3, 4],
        "dimension_id": [1, 1, 2, 2],
        "status": ["in_progress", "in_progress", "cancelled", "done"],
        "due_month": ["2026-11", None, "2019-12", "2019-12"],
        "ongoing": [False, True, False, False],
        "progress": [40, 10, 0, 100],
        "weight": [1.0, 1.0, 1.0, 2.0],
        "latest_update_at": [pd.NaT, pd.Timestamp("2026-01-02"), pd.NaT, pd.NaT],
        "updated_at": [pd.Timestamp("2026-11-01"), pd.NaT, pd.NaT, pd.NaT],
        "created_at": [pd.Timestamp("2019-05-02")] * 4,
    }
    base.update(cols)
    return pd.DataFrame(base)


def test_derive_edge_cases():
    df = derive(_acts(), date(2026, 11, 24), days=90)
    # due this month: not overdue; ongoing: never overdue but stale when not updated;
    # cancelled and done: neither overdue nor stale
    assert list(df["overdue"]) == [False, False, False, False]
    assert list(df["stale"]) == [False, True, False, False]
    assert df.loc[1, "last_updated"] == datetime(2026, 1, 2)
    assert df.loc[2, "last_updated"] == datetime(2019, 5, 2)
    later = derive(_acts(), date(2026, 12, 1), days=90)
    assert list(later["overdue"]) == [True, False, False, False]


def test_stale_days_come_from_config(monkeypatch):
    monkeypatch.setenv("PORTAL_STALE_DAYS", "400")
    assert not derive(_acts(), date(2026, 11, 24))["stale"].any()
    monkeypatch.setenv("PORTAL_STALE_DAYS", "10")
    assert list(derive(_acts(), date(2026, 11, 24))["stale"]) == [True, True, False, False]


def test_derive_of_empty_frame_has_columns():
    df = derive(_acts().iloc[0:0], date(2026, 11, 24), days=90)
    assert {"overdue", "stale", "last_updated"} <= set(df.columns)


def test_rollup_is_weighted_and_leaves_out_cancelled():
    df = _acts()
    # (40 + 10 + 100*2) / 4; the cancelled one does not count
    assert plan_service.weighted_progress(df) == pytest.approx(250 / 4)
    assert plan_service.weighted_progress(df[df["dimension_id"] == 2]) == pytest.approx(100)


def test_status_counts_put_overdue_apart():
    df = derive(_acts(), date(2027, 1, 1), days=90)
    counts = dict(plan_service.status_counts(df).itertuples(index=False))
    assert counts == {"not_started": 0, "in_progress": 1, "overdue": 1, "done": 1, "cancelled": 1}


def test_summary_counts_stale(demo_db):
    plan, dims, acts = plan_service.current_plan_view(date(2026, 11, 24))
    summary = plan_service.summarize(plan, acts, dims, date(2026, 11, 24))
    # demo updates are from 2019-2020, so the four open activities with history are stale;
    # the one never updated counts from when it was loaded (today), so it is not
    assert summary.stale == 4
    assert sum(d.stale for d in summary.dimensions) == 4


def test_progress_over_time_from_history(demo_db):
    plan, _dims, _acts_df = plan_service.current_plan_view(date(2026, 11, 24))
    df = plan_service.progress_over_time(plan["id"], "Hela planen")
    whole = df[df["series"] == "Hela planen"].reset_index(drop=True)
    assert list(whole["day"]) == sorted(whole["day"])
    assert whole.iloc[0]["day"] == date(2019, 9, 10)
    assert whole.iloc[0]["progress"] == pytest.approx(20 / 6)  # one activity at 20 %
    # the last point equals today's roll-up
    assert whole.iloc[-1]["progress"] == pytest.approx((60 + 100 + 30 + 50 + 0 + 40) / 6)
    assert set(df["series"]) == {
        "Hela planen",
        "4.1 Främja demokratin",
        "4.2 Förebygga våldsbejakande extremism",
        "4.3 Förhindra våldsbejakande extremism",
    }


def test_carry_over_candidates_are_the_open_activities(demo_db):
    plan, _d, acts = plan_service.current_plan_view(date(2026, 11, 24))
    cands, total = plan_read.carry_over_preview(plan["id"])
    assert total == len(cands) == 5
    assert "done" not in set(cands["status"])
    assert "description" in cands.columns
