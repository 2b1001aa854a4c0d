"""The meeting lists a page at a time: meetings (upcoming and past) and action items.

A municipality accumulates meetings and action items for years; a page shows a handful.
Counting and cutting the page happen in SQL, so a rerun costs what is shown, not what
is stored. Every meeting role may read these lists (the page guard checks
`meetings.view`); nothing here is personal except "my" actions, which take the user.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from portal.admin import api as users_db
from portal.db.cache import cached_read
from portal.meetings._core import now_local
from portal.meetings._db import lists as lists_db, meetings as db


def meeting_counts(
    meeting_type: str | None, year: int | None, now: datetime | None = None
) -> tuple[int, int]:
    """(upcoming, past) meetings of the filter; a meeting is past once it has ended."""
    return lists_db.meeting_counts(meeting_type, year, now or now_local())


def meeting_page(
    meeting_type: str | None,
    year: int | None,
    upcoming: bool,
    offset: int,
    limit: int,
    now: datetime | None = None,
) -> pd.DataFrame:
    """Upcoming meetings soonest first, or past meetings latest first."""
    return lists_db.meetings_page(
        meeting_type, year, now or now_local(), upcoming, max(0, int(offset)), max(1, int(limit))
    )


def _owner(username: str) -> tuple[str, str]:
    user = users_db.get_user(username)
    return username, (user.name if user else username)


@cached_read  # the overview and the meetings page read these on every rerun
def open_count() -> int:
    return lists_db.count_actions(open_only=True)


@cached_read  # the overview and the meetings page read these on every rerun
def open_page(offset: int, limit: int) -> pd.DataFrame:
    """Open action items of every meeting, due first."""
    return db.actions(open_only=True, limit=limit, offset=offset)


@cached_read  # the overview and the meetings page read these on every rerun
def my_open_count(username: str) -> int:
    return lists_db.count_actions(open_only=True, owner=_owner(username))


@cached_read  # the overview and the meetings page read these on every rerun
def my_open_page(username: str, offset: int, limit: int) -> pd.DataFrame:
    return db.actions(open_only=True, owner=_owner(username), limit=limit, offset=offset)


@cached_read  # the overview and the meetings page read these on every rerun
def overdue_count(today: date) -> int:
    return lists_db.count_actions(open_only=True, due_before=today)


@cached_read  # the overview and the meetings page read these on every rerun
def overdue_page(today: date, offset: int, limit: int) -> pd.DataFrame:
    return db.actions(open_only=True, due_before=today, limit=limit, offset=offset)
