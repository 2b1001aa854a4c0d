"""The paged meeting lists against a real DuckDB: counts and pages cut in SQL equal what
the whole lists held (same meetings, same order)."""

from datetime import date, datetime, timedelta

import pytest

from portal.db.connection import transaction
from portal.meetings import _actions as acts, _lists as lists
from portal.meetings._db import meetings as db, writes

NOW = datetime(2030, 6, 1, 12)


@pytest.fixture
def many(db_path):
    """30 meetings around NOW of two types, each with one action (every third closed)."""
    with transaction() as cur:
        for n in range(30):
            start = NOW + timedelta(days=(n - 20) * 5, hours=n % 3)
            mid = writes.insert_meeting(
                cur,
                {
                    "title": f"Möte {n}",
                    "type": ("sos", "police")[n % 2],
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=2),
                },
                "test",
            )
            writes.insert_action(
                cur,
                mid,
                {
                    "text": f"Punkt {n}",
                    "owner": "Processledaren",
                    "owner_username": "processledare" if n % 2 else None,
                    "due": (start + timedelta(days=10)).date(),
                    "status": "done" if n % 3 == 0 else "open",
                },
                "test",
            )
    return db_path


def _pages(fetch, size=4) -> list[int]:
    ids, first = [], 0
    while True:
        page = fetch(first, size)
        ids += [int(i) for i in page["id"]]
        if len(page) < size:
            return ids
        first += size


@pytest.mark.parametrize(
    ("mtype", "year"), [(None, None), ("sos", None), (None, 2030), ("police", 2030)]
)
def test_meeting_pages_equal_the_whole_list(many, mtype, year):
    whole = db.meetings(mtype, year)
    upcoming = whole[whole["ends_at"] >= NOW]
    past = whole[whole["ends_at"] < NOW].iloc[::-1]
    assert lists.meeting_counts(mtype, year, NOW) == (len(upcoming), len(past))
    for flag, want in ((True, upcoming), (False, past)):
        got = _pages(lambda f, s, flag=flag: lists.meeting_page(mtype, year, flag, f, s, NOW))
        assert got == [int(i) for i in want["id"]]
    assert sum(lists.meeting_counts(mtype, year, NOW)) == len(whole)


def test_action_pages_equal_the_whole_lists(many):
    whole = db.actions(open_only=True)
    assert lists.open_count() == len(whole)
    assert _pages(lists.open_page) == [int(i) for i in whole["id"]]
    today = date(2030, 5, 1)
    overdue = db.actions(open_only=True, due_before=today)
    assert 0 < lists.overdue_count(today) == len(overdue) < len(whole)
    assert _pages(lambda f, s: lists.overdue_page(today, f, s)) == [int(i) for i in overdue["id"]]
    mine = acts.my_open_actions("processledare")  # what the overview showed in full
    assert 0 < lists.my_open_count("processledare") == len(mine) < len(whole)
    assert _pages(lambda f, s: lists.my_open_page("processledare", f, s)) == [
        int(i) for i in mine["id"]
    ]
