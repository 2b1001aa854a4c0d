"""The overview's lists are cached reads: a rerun does not query the database again,
and a committed write (a closed action, a progress update) shows at once."""

from __future__ import annotations

from datetime import date

import pytest

from portal.admin._db.users import get_user
from portal.meetings import api as meetings_api
from portal.meetings._db import lists as lists_db, meetings as meetings_db
from portal.plan import api as plan_api
from portal.plan._db import plans as plans_db

TODAY = date(2040, 1, 1)  # every open action with a due date is overdue then


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_action_lists_are_read_once_until_an_action_is_closed(demo_db, monkeypatch):
    pages = _counting(monkeypatch, meetings_db, "actions")
    counts = _counting(monkeypatch, lists_db, "count_actions")
    mine = ("processledare", 0, 10)
    first = meetings_api.overdue_page(TODAY, 0, 10)
    assert len(first) > 0
    for _ in range(3):  # three reruns of the overview
        meetings_api.overdue_count(TODAY)
        meetings_api.overdue_page(TODAY, 0, 10)
        meetings_api.my_open_count("processledare")
        meetings_api.my_open_page(*mine)
    assert (len(pages), len(counts)) == (2, 2)  # each list and count once
    before = meetings_api.overdue_count(TODAY)
    row = first.iloc[0]
    leader = get_user("processledare")
    meetings_api.set_action_status(leader, int(row["id"]), "done", int(row["version"]))
    assert meetings_api.overdue_count(TODAY) == before - 1
    assert int(row["id"]) not in meetings_api.overdue_page(TODAY, 0, 10)["id"].tolist()


def test_recent_updates_are_read_once_until_an_update_is_saved(demo_db, monkeypatch):
    calls = _counting(monkeypatch, plans_db, "plan_updates")
    plan_id = int(plan_api.current_plan()["id"])
    for _ in range(3):
        plan_api.recent_updates(plan_id, 5)
    assert len(calls) == 1
    act = plans_db.activity(int(plans_db.activities(plan_id).iloc[0]["id"]))
    plan_api.record_update(
        act["id"], act["version"], "in_progress", 42, "Ny kommentar", get_user("processledare")
    )
    latest = plan_api.recent_updates(plan_id, 5).iloc[0]
    assert (latest["activity_id"], latest["comment"]) == (act["id"], "Ny kommentar")
    assert len(calls) == 2
