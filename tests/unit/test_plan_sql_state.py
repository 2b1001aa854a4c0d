"""Derived state in SQL (portal/db/plan_state.py, plan_rollup.py) gives what the pandas
rules in portal/services/plan.py give, on a real database with the edge cases."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from portal.db import cache
from portal.db.connection import transaction
from portal.plan import _core as plan_service, _read as plan_read
from portal.plan._db import plans as plans_db, rollup as plan_rollup, state as plan_state

DAYS = 90


def _add_edge_cases() -> int:
    """Activities on the edges of the rules, in the current demo plan; returns its id."""
    plan = plans_db.current_plan()
    dim = int(plans_db.dimensions(plan["id"]).iloc[0]["id"])
    cases = [
        # (due, ongoing, status, progress, weight, updated_at, update made_at)
        ("2026-11", False, "in_progress", 30, 1.0, None, None),  # due this month
        ("2026-10", False, "in_progress", 30, 2.0, None, None),  # due last month
        (None, True, "not_started", 0, 1.0, None, None),  # ongoing
        ("2019-01", False, "done", 100, 1.0, None, None),  # done, long ago
        ("2019-01", False, "cancelled", 50, 3.0, None, None),  # cancelled
        (
            "2026-12",
            False,
            "in_progress",
            10,
            0.5,
            datetime(2026, 8, 26, 23, 59),
            None,
        ),  # exactly 90 days
        ("2026-12", False, "in_progress", 10, 1.0, datetime(2026, 8, 27, 0, 1), None),  # 89 days
        (
            "2026-12",
            False,
            "in_progress",
            20,
            1.0,
            datetime(2026, 11, 1),
            datetime(2026, 1, 2),
        ),  # update older than save
    ]
    with transaction() as cur:
        for n, (due, ongoing, status, progress, weight, saved, made) in enumerate(cases):
            act_id = plans_db.insert_activity(
                cur,
                dim,
                {
                    "description": f"Kantfall {n}",
                    "responsible_role": "coordinator",
                    "responsible_label": "Samordnaren",
                    "due_month": due,
                    "ongoing": ongoing,
                    "status": status,
                    "progress": progress,
                    "weight": weight,
                },
                500 + n,
            )
            cur.execute(
                "UPDATE activities SET created_at = ?, updated_at = ? WHERE id = ?",
                [datetime(2019, 5, 2), saved, act_id],
            )
            if made is not None:
                plans_db.insert_update(
                    cur, act_id, "samordnare", made, "not_started", status, 0, progress
                )
    return int(plan["id"])


def _pandas_view(plan_id: int, today: date) -> pd.DataFrame:
    return plan_service.derive(plans_db.activities(plan_id), today, days=DAYS)


TODAYS = [date(2026, 11, 24), date(2026, 12, 1), date(2020, 6, 15)]


@pytest.mark.parametrize("today", TODAYS)
def test_sql_derivation_equals_pandas(demo_db, today):
    plan_id = _add_edge_cases()
    old = _pandas_view(plan_id, today).set_index("id")
    new = plan_state.derived_activities(plan_id, today, DAYS).set_index("id")
    assert list(new.index) == list(old.index)  # document order
    for column in ("overdue", "stale"):
        assert new[column].astype(bool).tolist() == old[column].astype(bool).tolist(), column
    assert [pd.Timestamp(v) for v in new["last_updated"]] == [
        pd.Timestamp(v) for v in old["last_updated"]
    ]
    assert new["latest_comment"].fillna("").tolist() == old["latest_comment"].fillna("").tolist()
    # the edge cases do land on both sides of each rule
    if today == TODAYS[0]:
        assert old["overdue"].any() and not old["overdue"].all()
        assert old["stale"].any() and not old["stale"].all()


@pytest.mark.parametrize("today", TODAYS)
def test_sql_rollup_equals_pandas_summary(demo_db, today):
    plan_id = _add_edge_cases()
    plan, dims, _ = plan_service.plan_view(plan_id, today)
    old = plan_service.summarize(plan, _pandas_view(plan_id, today), dims, today)
    new = plan_read.summary(plan, today) if today == date.today() else _summary(plan, today)
    assert new.progress == pytest.approx(old.progress)
    assert (new.activities, new.overdue, new.done, new.stale) == (
        old.activities,
        old.overdue,
        old.done,
        old.stale,
    )
    for a, b in zip(new.dimensions, old.dimensions, strict=True):
        assert (a.key, a.activities, a.overdue, a.done, a.stale) == (
            b.key,
            b.activities,
            b.overdue,
            b.done,
            b.stale,
        )
        assert a.progress == pytest.approx(b.progress)
    counts = plan_service.status_counts(_pandas_view(plan_id, today))
    sql = plan_rollup.dimension_rollup(plan_id, today, DAYS)
    assert [int(sql[k].sum()) for k in counts["status"]] == counts["count"].tolist()


def _summary(plan: dict, today: date):
    rows = plan_rollup.dimension_rollup(int(plan["id"]), today, DAYS)
    num, den = rows["num"].sum(), rows["den"].sum()
    return plan_service.PlanSummary(
        plan=plan,
        progress=num / den if den > 0 else None,
        activities=int(rows["activities"].sum()),
        overdue=int(rows["overdue"].sum()),
        done=int(rows["done"].sum()),
        stale=int(rows["stale"].sum()),
        dimensions=[
            plan_service.DimensionSummary(
                key=r.key,
                number=r.number,
                name=r.name,
                progress=r.num / r.den if r.den > 0 else None,
                activities=int(r.activities),
                overdue=int(r.overdue),
                done=int(r.done),
                stale=int(r.stale),
            )
            for r in rows.itertuples()
        ],
    )


def test_plan_view_keeps_its_columns_and_values(demo_db):
    plan_id = _add_edge_cases()
    today = date(2026, 11, 24)
    _, _, acts = plan_service.plan_view(plan_id, today)
    old = plan_service.derive(plans_db.activities(plan_id), today)
    assert list(acts.columns) == list(old.columns)
    assert acts["overdue"].tolist() == old["overdue"].tolist()
    assert acts["stale"].tolist() == old["stale"].tolist()


def test_pages_filters_and_short_lists(demo_db):
    plan_id = _add_edge_cases()
    today = date(2026, 11, 24)
    old = _pandas_view(plan_id, today)
    dims = plans_db.dimensions(plan_id)
    first = int(dims.iloc[0]["id"])
    for state in ("overdue", "stale", "open", "done"):
        rows = plan_state.dimension_pages(plan_id, today, DAYS, state=state, limit=3)
        if state in ("overdue", "stale"):
            want = old[old[state]]
        elif state == "open":
            want = old[~old["status"].isin(plan_service.CLOSED)]
        else:
            want = old[old["status"] == state]
        for dim_id, part in rows.groupby("dimension_id"):
            expected = want[want["dimension_id"] == dim_id]
            assert int(part["total"].iloc[0]) == len(expected)
            assert part["id"].tolist() == expected["id"].tolist()[:3]
    # a page past the end shows the last page; the search is case-insensitive
    rows = plan_state.dimension_pages(plan_id, today, DAYS, offsets={first: 999}, limit=4)
    part = rows[rows["dimension_id"] == first]
    total = int(part["total"].iloc[0])
    assert int(part["shown_from"].iloc[0]) == (total - 1) // 4 * 4
    found = plan_state.dimension_pages(plan_id, today, DAYS, search="KANTFALL 1")
    assert found["description"].tolist() == ["Kantfall 1"]
    lists = plan_rollup.short_lists(plan_id, today, DAYS, "coordinator", 2)
    late = lists[lists["kind"] == "overdue"]
    assert int(late["total"].iloc[0]) == int(old["overdue"].sum())
    assert len(late) == min(2, int(old["overdue"].sum()))
    mine = old[
        (old["responsible_role"] == "coordinator") & ~old["status"].isin(plan_service.CLOSED)
    ]
    assert int(lists[lists["kind"] == "mine"]["total"].iloc[0]) == len(mine)


def test_cached_roll_up_follows_a_write(demo_db):
    from portal.admin._db.users import get_user
    from portal.plan import _edit as plan_edit

    plan = plans_db.current_plan()
    today = date.today()
    before = plan_read.summary(plan, today)
    act = plans_db.activity(int(plans_db.activities(plan["id"]).iloc[0]["id"]))
    plan_edit.record_update(
        act["id"], act["version"], "done", 100, "Klart", get_user("processledare")
    )
    after = plan_read.summary(plan, today)
    assert after.done == before.done + (act["status"] != "done")
    assert after.progress > before.progress
    cache.invalidate()


def test_long_progress_history_is_thinned_to_period_ends() -> None:
    import datetime as dt

    import pandas as pd

    from portal.plan._read import thinned

    start = dt.date(2021, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(0, 4 * 365, 2)]  # every other day
    series = pd.DataFrame(
        {
            "day": days * 2,
            "series": ["Hela planen"] * len(days) + ["1 Kunskap"] * len(days),
            "progress": list(range(len(days))) * 2,
        }
    )
    out = thinned(series, max_points=120)
    per_line = out.groupby("series").size()
    assert set(per_line) == {48}  # four years -> one point per month
    whole = out[out["series"] == "Hela planen"].reset_index(drop=True)
    # each kept point is the last day with an update in its month, with that day's value
    assert whole.loc[0, "day"] == dt.date(2021, 1, 31)
    assert whole.loc[0, "progress"] == 15
    assert whole.iloc[-1]["day"] == days[-1]
    assert whole.iloc[-1]["progress"] == len(days) - 1
    short = series.head(100)
    assert thinned(short, max_points=120).equals(short)


def test_meeting_reads_overdue_and_the_names_of_linked_activities(demo_db) -> None:
    plan_id = _add_edge_cases()
    today = date.today()
    old = _pandas_view(plan_id, today)
    rows, total = plan_read.overdue(plan_id, today, limit=2)
    assert total == int(old["overdue"].sum()) >= 2
    assert len(rows) == 2
    assert set(rows["id"]) <= set(old.loc[old["overdue"], "id"])
    assert list(rows["due_month"]) == sorted(rows["due_month"])  # longest overdue first
    wanted = [int(i) for i in old["id"][:3]] + [-1]  # -1: not in the plan, left out
    names = plan_read.chosen(plan_id, wanted)
    assert sorted(names["id"]) == sorted(wanted[:3])
    assert {"dimension_number", "description"} <= set(names.columns)
    assert plan_read.chosen(plan_id, []).empty
