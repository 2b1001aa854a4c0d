"""Progress updates: validation, permissions, history, audit and no lost updates."""

import threading
from datetime import date, datetime

import pandas as pd
import pytest

from portal.admin._db.users import get_user
from portal.db import audit
from portal.errors import PermissionDenied, StaleEdit, ValidationError
from portal.plan import _core as plan_service, _edit as plan_edit
from portal.plan._db import plans as plans_db
from tests.db_helpers import count_rows


def _first_activity() -> dict:
    plan = plans_db.current_plan()
    act_id = int(plans_db.activities(plan["id"]).iloc[0]["id"])
    return plans_db.activity(act_id)


def _history(act_id: int):
    return plans_db.activity_updates([act_id])


def test_update_is_saved_with_history_and_audit(demo_db):
    act = _first_activity()
    before = len(_history(act["id"]))
    new_version = plan_edit.record_update(
        act["id"],
        act["version"],
        "done",
        100,
        "Klart enligt plan",
        get_user("processledare"),
        link="https://example.org/rapport",
    )
    assert new_version == act["version"] + 1
    now = plans_db.activity(act["id"])
    assert (now["status"], now["progress"], now["version"]) == ("done", 100, new_version)
    hist = _history(act["id"])
    assert len(hist) == before + 1
    last = hist.iloc[-1]
    assert (last["actor"], last["old_status"], last["new_status"]) == (
        "processledare",
        "in_progress",
        "done",
    )
    assert (last["old_progress"], last["new_progress"]) == (60, 100)
    assert last["comment"] == "Klart enligt plan"
    assert last["link"] == "https://example.org/rapport"
    entry = audit.entries(entity="activity").iloc[0]
    assert entry["actor"] == "processledare" and entry["entity_id"] == str(act["id"])


@pytest.mark.parametrize("username", ["ledamot", "partner"])
def test_member_and_partner_may_not_update(demo_db, username):
    act = _first_activity()
    with pytest.raises(PermissionDenied):
        plan_edit.record_update(act["id"], act["version"], "done", 100, "", get_user(username))
    assert plans_db.activity(act["id"])["version"] == act["version"]


@pytest.mark.parametrize(
    ("status", "progress", "comment", "field"),
    [
        ("done", 101, "", "progress"),
        ("done", -1, "", "progress"),
        ("done", 50.5, "", "progress"),
        ("done", "50", "", "progress"),
        ("finished", 50, "", "status"),
        ("done", 100, "x" * 2001, "comment"),
    ],
)
def test_bad_input_is_refused_per_field_and_nothing_written(
    demo_db, status, progress, comment, field
):
    act = _first_activity()
    before = len(_history(act["id"]))
    with pytest.raises(ValidationError) as err:
        plan_edit.record_update(
            act["id"], act["version"], status, progress, comment, get_user("processledare")
        )
    assert field in err.value.problems
    assert err.value.problems[field]  # a Swedish message at the field
    assert len(_history(act["id"])) == before
    assert plans_db.activity(act["id"])["version"] == act["version"]


def test_stale_save_is_refused_with_what_changed(demo_db):
    """Two sessions load the same version; the second save is refused, not merged."""
    act = _first_activity()
    seen = {"status": act["status"], "progress": act["progress"]}
    before = len(_history(act["id"]))
    plan_edit.record_update(
        act["id"],
        act["version"],
        "in_progress",
        80,
        "Session A",
        get_user("processledare"),
        seen=seen,
    )
    with pytest.raises(StaleEdit) as err:
        plan_edit.record_update(
            act["id"], act["version"], "done", 100, "Session B", get_user("samordnare"), seen=seen
        )
    assert "(Demo Processledare)" in str(err.value)  # the name, not the username
    assert err.value.changes["progress"] == {"seen": 60, "now": 80}
    assert "status" not in err.value.changes  # unchanged fields are not listed
    now = plans_db.activity(act["id"])
    assert (now["status"], now["progress"]) == ("in_progress", 80)
    hist = _history(act["id"])
    assert list(hist["comment"][before:]) == ["Session A"]


def test_two_threads_on_the_same_version_one_wins(demo_db):
    """Real concurrency: two threads save on one version at the same moment."""
    act = _first_activity()
    before = len(_history(act["id"]))
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def save(name: str, progress: int, username: str) -> None:
        barrier.wait()
        try:
            results[name] = plan_edit.record_update(
                act["id"], act["version"], "in_progress", progress, name, get_user(username)
            )
        except StaleEdit as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=save, args=("A", 70, "processledare")),
        threading.Thread(target=save, args=("B", 90, "samordnare")),
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    winners = [k for k, v in results.items() if isinstance(v, int)]
    losers = [k for k, v in results.items() if isinstance(v, StaleEdit)]
    assert len(winners) == 1 and len(losers) == 1, results
    hist = _history(act["id"])
    assert list(hist["comment"][before:]) == winners
    now = plans_db.activity(act["id"])
    assert now["version"] == act["version"] + 1
    assert now["progress"] == {"A": 70, "B": 90}[winners[0]]


def test_indicator_target_and_latest_actual(demo_db):
    act = _first_activity()
    user = get_user("processledare")
    ind = plan_edit.add_indicator(act["id"], "Utbildad personal", "personer", "200", user)
    plan_edit.record_indicator_value(ind, date(2020, 3, 1), 120, user)
    plan_edit.record_indicator_value(ind, date(2020, 1, 1), 50, user)  # older, added later
    df = plan_service.indicators_for_plan(act["plan_id"])
    row = df[df["indicator_id"] == ind].iloc[0]
    assert set(df.columns) >= {"activity_id", "name", "unit", "target", "actual", "actual_on"}
    assert (row["name"], row["unit"], row["target"], row["actual"]) == (
        "Utbildad personal",
        "personer",
        200.0,
        120.0,
    )
    assert row["actual_on"].date() == date(2020, 3, 1)


def test_indicator_without_values_has_no_actual(demo_db):
    act = _first_activity()
    ind = plan_edit.add_indicator(act["id"], "Möten", "", None, get_user("samordnare"))
    df = plan_service.indicators_for_plan(act["plan_id"])
    row = df[df["indicator_id"] == ind].iloc[0]
    assert pd.isna(row["actual"]) and pd.isna(row["target"])


def test_bad_indicator_input(demo_db):
    act = _first_activity()
    user = get_user("processledare")
    before = _count("indicators"), _count("indicator_values")
    with pytest.raises(ValidationError) as err:
        plan_edit.add_indicator(act["id"], " ", "", "-3", user)
    assert set(err.value.problems) == {"name", "target"}
    with pytest.raises(ValidationError) as err:
        plan_edit.record_indicator_value(1, None, "många", user)
    assert set(err.value.problems) == {"value", "measured_on"}
    assert (_count("indicators"), _count("indicator_values")) == before
    with pytest.raises(PermissionDenied):
        plan_edit.add_indicator(act["id"], "X", "", 1, get_user("ledamot"))


def _count(table: str) -> int:
    return count_rows(table)


def test_demo_indicators_are_marked(demo_db):
    df = plan_service.indicators_for_plan(plans_db.current_plan()["id"])
    assert len(df) == 3 and all(n.startswith("[Demo]") for n in df["name"])
    trained = df[df["unit"] == "personer"].iloc[0]
    assert (trained["target"], trained["actual"]) == (200.0, 120.0)


def test_open_competing_transaction_is_reported_not_swallowed(demo_db):
    """A real DuckDB write conflict: another session holds an uncommitted change of the
    same row. The save is retried, then refused with a clear message; nothing is lost."""
    from portal.db.connection import connect

    act = _first_activity()
    before = len(_history(act["id"]))
    other = connect().cursor()
    other.execute("BEGIN TRANSACTION")
    # a write outside the services' lock that bumps the version, like any save does
    other.execute(
        "UPDATE activities SET progress = 65, version = version + 1 WHERE id = ?", [act["id"]]
    )
    try:
        with pytest.raises(StaleEdit) as err:
            plan_edit.record_update(
                act["id"], act["version"], "done", 100, "Krock", get_user("processledare")
            )
        assert str(err.value) == "Någon annan sparade samtidigt. Försök igen."
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(_history(act["id"])) == before
    # once the other session is gone the same save goes through
    plan_edit.record_update(
        act["id"], act["version"], "done", 100, "Efter krocken", get_user("processledare")
    )
    assert _history(act["id"]).iloc[-1]["comment"] == "Efter krocken"


def test_conflict_retry_only_retries_conflicts():
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise StaleEdit("conflict")
        return "ok"

    assert plan_edit.with_conflict_retry(flaky) == "ok" and len(calls) == 3

    def refused():
        calls.append(1)
        raise StaleEdit("changed", changes={"progress": {"seen": 1, "now": 2}})

    calls.clear()
    with pytest.raises(StaleEdit) as err:
        plan_edit.with_conflict_retry(refused)
    assert len(calls) == 1 and err.value.changes


def test_duckdb_reports_two_open_saves_of_one_row(demo_db):
    """Below the lock: two open transactions saving one version of a row conflict in
    DuckDB itself (the reason the db layer avoids UPDATE ... RETURNING)."""
    import duckdb

    from portal.db.connection import connect
    from portal.plan._db import writes as plan_writes

    act = _first_activity()
    first, second = connect().cursor(), connect().cursor()
    first.execute("BEGIN TRANSACTION")
    second.execute("BEGIN TRANSACTION")
    try:
        assert plan_writes.update_activity_if_version(
            first, act["id"], act["version"], {"progress": 70}, datetime.now(), "a"
        )
        with pytest.raises(duckdb.TransactionException):
            plan_writes.update_activity_if_version(
                second,
                act["id"],
                act["version"],
                {"status": "done", "progress": 100},
                datetime.now(),
                "b",
            )
    finally:
        for cur in (first, second):
            try:
                cur.execute("ROLLBACK")
            except duckdb.Error:
                pass
            cur.close()
    assert plans_db.activity(act["id"])["version"] == act["version"]


def test_a_repeated_identical_save_is_kept_once(demo_db):
    """A double click (same base version) or a click again after the confirmation stores
    one history entry, not two; a different comment, or a minute later, is a new entry."""
    act = _first_activity()
    leader = get_user("processledare")
    before = len(_history(act["id"]))
    at = datetime(2026, 12, 2, 10, 0, 0)
    v1 = plan_edit.record_update(
        act["id"], act["version"], "in_progress", 55, "Mer", leader, now=at
    )
    # the same form submitted twice: the second carries the old version, and is no conflict
    again = plan_edit.record_update(
        act["id"], act["version"], "in_progress", 55, "Mer", leader, now=at.replace(second=20)
    )
    assert again == v1
    # the same values again on the fresh version, within the minute: still one entry
    assert (
        plan_edit.record_update(
            act["id"], v1, "in_progress", 55, "Mer", leader, now=at.replace(second=40)
        )
        == v1
    )
    assert len(_history(act["id"])) == before + 1
    # a different comment is a new update, and so is the same one later on
    v2 = plan_edit.record_update(act["id"], v1, "in_progress", 55, "Annat", leader, now=at)
    v3 = plan_edit.record_update(
        act["id"], v2, "in_progress", 55, "Annat", leader, now=at.replace(minute=5)
    )
    assert v3 == v2 + 1
    assert len(_history(act["id"])) == before + 3
