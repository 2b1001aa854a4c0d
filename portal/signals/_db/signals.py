"""Queries about signals (reported concerns) and their handling steps.

Functions taking `cur` run inside the caller's transaction; the others open a cursor.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd

from portal.db.cache import cached_read
from portal.db.connection import Cursor, cursor, one

# Columns anyone allowed to see a signal's existence may see: no free text.
_SUMMARY = (
    "id, reporter, reported_at, observed_on, quarter, setting, milieu, kind,"
    " urgency, step, referred_to, outcome, closed_at, purged_at, version"
)
_SUMMARY_SQL = f"SELECT {_SUMMARY} FROM signals WHERE id = ?"  # noqa: S608 - fixed columns


def insert_signal(
    cur: Cursor,
    reporter: str,
    observed_on: date,
    quarter: str,
    setting: str,
    milieu: str,
    kind: str,
    urgency: str,
    description: str,
    reported_at: datetime | None = None,
    is_demo: bool = False,
) -> int:
    row = one(
        cur,
        "INSERT INTO signals (reporter, reported_at, observed_on, quarter, setting, milieu,"
        " kind, urgency, description, is_demo)"
        " VALUES (?, coalesce(?, current_timestamp), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            reporter,
            reported_at,
            observed_on,
            quarter,
            setting,
            milieu,
            kind,
            urgency,
            description,
            is_demo,
        ],
    )
    return int(row[0])


def insert_step(
    cur: Cursor,
    signal_id: int,
    step: str,
    actor: str,
    made_at: datetime,
    note: str | None,
    referred_to: str | None = None,
    outcome: str | None = None,
) -> None:
    cur.execute(
        "INSERT INTO signal_steps (signal_id, step, actor, made_at, note, referred_to, outcome)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [signal_id, step, actor, made_at, note, referred_to, outcome],
    )


def set_step(
    cur: Cursor,
    signal_id: int,
    version: int,
    step: str,
    actor: str,
    made_at: datetime,
    referred_to: str | None,
    outcome: str | None,
) -> int:
    """Move the signal to `step` if it still has `version`; returns rows changed (0 or 1)."""
    rows = cur.execute(
        "UPDATE signals SET step = ?, version = version + 1, updated_at = ?, updated_by = ?,"
        " referred_to = coalesce(?, referred_to), outcome = coalesce(?, outcome),"
        " closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END"
        " WHERE id = ? AND version = ? RETURNING id",
        [step, made_at, actor, referred_to, outcome, step, made_at, signal_id, version],
    ).fetchall()
    return len(rows)


def summary(cur: Cursor, signal_id: int) -> dict[str, Any] | None:
    cur.execute(_SUMMARY_SQL, [signal_id])
    return _one(cur)


def details(cur: Cursor, signal_id: int) -> dict[str, Any] | None:
    """One signal with its free text (only for the receiving function)."""
    cur.execute(
        f"SELECT {_SUMMARY}, description FROM signals WHERE id = ?",  # noqa: S608
        [signal_id],
    )
    return _one(cur)


def steps(cur: Cursor, signal_id: int) -> pd.DataFrame:
    return cur.execute(
        "SELECT step, actor, made_at, note, referred_to, outcome FROM signal_steps"
        " WHERE signal_id = ? ORDER BY made_at, id",
        [signal_id],
    ).df()


RECENT_LIMIT = 200  # lists show what a person can act on, not the whole archive


def by_reporter(reporter: str, limit: int = RECENT_LIMIT) -> pd.DataFrame:
    """A reporter's own signals, newest first (at most `limit`), without free text."""
    with cursor() as cur:
        return cur.execute(
            f"SELECT {_SUMMARY} FROM signals WHERE reporter = ?"  # noqa: S608
            " ORDER BY reported_at DESC, id DESC LIMIT ?",
            [reporter, limit],
        ).df()


def queue(closed_limit: int = RECENT_LIMIT) -> pd.DataFrame:
    """Every open signal without free text (new on top), then the most recently closed
    ones (at most `closed_limit`)."""
    with cursor() as cur:
        return cur.execute(
            f"SELECT {_SUMMARY} FROM signals WHERE step <> 'closed' OR id IN ("  # noqa: S608
            " SELECT id FROM signals WHERE step = 'closed'"
            " ORDER BY closed_at DESC NULLS LAST, id DESC LIMIT ?)"
            " ORDER BY step = 'closed', step <> 'new', reported_at DESC, id DESC",
            [closed_limit],
        ).df()


# One page of the queue. `status` is 'open' (every step but closed), 'all' or one step;
# `milieu` None means every milieu. Open signals first, new ones on top, newest reported
# first (the order the whole queue had before it was paged).
_QUEUE_WHERE = (
    " WHERE (? = 'all' OR (? = 'open' AND step <> 'closed') OR step = ?)"
    " AND (? IS NULL OR milieu = ?)"
)
_QUEUE_PAGE_SQL = (
    f"SELECT {_SUMMARY} FROM signals{_QUEUE_WHERE}"  # noqa: S608 - fixed texts
    " ORDER BY step = 'closed', step <> 'new', reported_at DESC, id DESC LIMIT ? OFFSET ?"
)


@cached_read
def queue_page(status: str, milieu: str | None, offset: int, limit: int) -> pd.DataFrame:
    """At most `limit` signals of the queue from `offset` on, without free text."""
    with cursor() as cur:
        return cur.execute(
            _QUEUE_PAGE_SQL, [status, status, status, milieu, milieu, limit, offset]
        ).df()


@cached_read
def counts_by_step_and_milieu() -> dict[tuple[str, str], int]:
    """How many signals are in each (step, milieu): the queue's totals in one query."""
    with cursor() as cur:
        rows = cur.execute("SELECT step, milieu, count(*) FROM signals GROUP BY ALL").fetchall()
    return {(step, milieu): int(n) for step, milieu, n in rows}


@cached_read
def count_by_reporter(reporter: str) -> tuple[int, int]:
    """(all, still open) signals reported by `reporter` (cached per reporter)."""
    with cursor() as cur:
        row = one(
            cur,
            "SELECT count(*), count(*) FILTER (WHERE step <> 'closed') FROM signals"
            " WHERE reporter = ?",
            [reporter],
        )
    return int(row[0]), int(row[1])


@cached_read
def counts(year: int | None = None) -> pd.DataFrame:
    """Signals per quarter, milieu, setting and kind (from columns that survive purge)."""
    prefix = None if year is None else f"{int(year):04d}-Q%"
    with cursor() as cur:
        return cur.execute(
            "SELECT quarter, milieu, setting, kind, count(*)::INTEGER AS count FROM signals"
            " WHERE ? IS NULL OR quarter LIKE ?"
            " GROUP BY ALL ORDER BY quarter, milieu, setting, kind",
            [prefix, prefix],
        ).df()


# Per quarter and one classification column; the column name is chosen from this fixed
# table, never taken from the caller.
_TOTALS_SQL = {
    by: (
        f"SELECT quarter, {by} AS key, count(*)::INTEGER AS count FROM signals"  # noqa: S608
        " WHERE ? IS NULL OR quarter LIKE ? GROUP BY ALL ORDER BY quarter, key"
    )
    for by in ("milieu", "setting")
}


@cached_read
def quarter_totals(by: str, year: int | None = None) -> pd.DataFrame:
    """Signals per quarter and `by` ('milieu' or 'setting'): columns quarter, key, count."""
    prefix = None if year is None else f"{int(year):04d}-Q%"
    with cursor() as cur:
        return cur.execute(_TOTALS_SQL[by], [prefix, prefix]).df()


def _one(cur: Cursor) -> dict[str, Any] | None:
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def awaiting_ids() -> list[int]:
    """Ids of signals at step 'new' (no other column is read)."""
    with cursor() as cur:
        rows = cur.execute("SELECT id FROM signals WHERE step = 'new' ORDER BY id").fetchall()
    return [int(r[0]) for r in rows]
