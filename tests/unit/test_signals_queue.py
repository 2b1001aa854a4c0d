"""The paged signal queue against a real DuckDB: the pages cut in SQL hold the same
signals in the same order as the whole queue did, and the totals match a count."""

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from portal import vocab
from portal.db.connection import transaction
from portal.errors import PermissionDenied, ValidationError
from portal.signals import _core as svc, _queue as queue, _stats as signal_stats
from portal.signals._db import signals as signals_db

STEPS = ("new", "received", "assessment", "referred", "closed")


def _fill(n: int = 40) -> None:
    """Signals in every step and milieu, reported and closed on different days."""
    with transaction() as cur:
        for i in range(n):
            day = date(2025, 1, 1) + timedelta(days=i * 3 % 97)
            sid = signals_db.insert_signal(
                cur,
                "ledamot",
                day,
                f"{day.year}-Q{(day.month - 1) // 3 + 1}",
                vocab.SETTINGS[i % len(vocab.SETTINGS)],
                vocab.MILIEUS[i % 4],
                "symbols",
                "low",
                "Text.",
                reported_at=datetime.combine(day, datetime.min.time()),
            )
            step = STEPS[i % 5]
            cur.execute(
                "UPDATE signals SET step = ?, closed_at = ? WHERE id = ?",
                [
                    step,
                    datetime(2025, 6, 1) + timedelta(hours=i) if step == "closed" else None,
                    sid,
                ],
            )


def _all_pages(status: str, milieu: str | None, size: int = 7) -> list[int]:
    ids, first = [], 0
    while True:
        page = queue.page("coordinator", status, milieu, first, size)
        ids += [int(i) for i in page["id"]]
        if len(page) < size:
            return ids
        first += size


def _old_queue() -> pd.DataFrame:
    """The whole queue as the page showed it before paging (every signal kept)."""
    return signals_db.queue(closed_limit=10_000)


def test_pages_follow_the_old_queue_order(db_path):
    _fill()
    old = _old_queue()
    assert _all_pages("all", None) == [int(i) for i in old["id"]]
    assert _all_pages("open", None) == [int(i) for i in old[old["step"] != "closed"]["id"]]
    closed = old[old["step"] == "closed"]
    assert _all_pages("closed", None) == [int(i) for i in closed["id"]]
    for milieu in vocab.MILIEUS:
        want = old[(old["step"] == "received") & (old["milieu"] == milieu)]["id"]
        assert _all_pages("received", milieu, size=2) == [int(i) for i in want]


def test_totals_are_counts_per_status_and_milieu(db_path):
    _fill()
    old = _old_queue()
    for milieu in (None, *vocab.MILIEUS):
        rows = old if milieu is None else old[old["milieu"] == milieu]
        totals = queue.totals("coordinator", milieu)
        assert totals["all"] == len(rows)
        assert totals["open"] == int((rows["step"] != "closed").sum())
        for step in STEPS:
            assert totals[step] == int((rows["step"] == step).sum())


def test_a_report_shows_up_in_the_totals_at_once(db_path):
    _fill(5)
    before = queue.totals("coordinator")["new"]
    svc.report(
        "ledamot",
        "member",
        observed_on=date(2026, 1, 2),
        setting="school",
        milieu="other",
        kind="online",
        urgency="low",
        description="En oro.",
        today=date(2026, 1, 3),
    )
    assert queue.totals("coordinator")["new"] == before + 1
    assert int(queue.page("coordinator", "new", None, 0, 1)["id"][0]) > 0


def test_only_the_receiving_function_sees_the_queue_and_filters_are_checked(db_path):
    with pytest.raises(PermissionDenied):
        queue.page("member")
    with pytest.raises(PermissionDenied):
        queue.totals("process_leader")
    with pytest.raises(ValidationError):
        queue.page("coordinator", status="'; DROP TABLE signals; --")
    with pytest.raises(ValidationError):
        queue.page("coordinator", milieu="nowhere")


def test_sql_sums_per_quarter_equal_the_pandas_sums(db_path):
    _fill()
    full = signal_stats.quarterly_counts()
    for by in ("milieu", "setting"):
        want = full.groupby(["quarter", by])["count"].sum().reset_index()
        got = signal_stats.quarter_totals(by)[["quarter", by, "count"]]
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)
    assert signal_stats.has_signals()
