"""Purging signal text: which signals are due, removing their free text, and rewriting
the tables and the file's free blocks so no purged text can be read back.

Every function runs on the caller's cursor (see `_retention.py` for the order).
"""

from __future__ import annotations

import time
from datetime import datetime

import duckdb

from portal.db.connection import Cursor, one


def purgeable(cur: Cursor, closed_before: datetime) -> list[int]:
    rows = cur.execute(
        "SELECT id FROM signals WHERE step = 'closed' AND closed_at < ?"
        " AND purged_at IS NULL ORDER BY id",
        [closed_before],
    ).fetchall()
    return [int(r[0]) for r in rows]


def purge_text(cur: Cursor, signal_ids: list[int], now: datetime) -> None:
    """Remove the free text of these signals and of their steps; keep everything else."""
    cur.execute(
        "UPDATE signals SET description = NULL, purged_at = ? WHERE list_contains(?, id)",
        [now, signal_ids],
    )
    cur.execute(
        "UPDATE signal_steps SET note = NULL WHERE list_contains(?, signal_id)", [signal_ids]
    )


def rewrite_purged(cur: Cursor) -> None:
    """Leave no purged text in the database file: copy `signals` and `signal_steps` to
    new tables (same definition), drop the old ones, checkpoint, then fill every free
    block of the file with random filler and drop that, so the blocks the old rows used
    hold no recoverable bytes (DuckDB 2.0 frees blocks without overwriting them, and has
    no VACUUM FULL). `cur` must be outside a transaction, under the process's write lock.

    A checkpoint is refused while another session has a transaction open; it is tried
    again for up to 30 s (reads are short), then the error is raised: the text is gone
    from the tables by then, and the next purge that removes text scrubs the file again.
    (FORCE CHECKPOINT would wait for that transaction without limit, holding the lock.)
    """

    def checkpoint() -> None:
        for attempt in range(300):
            try:
                cur.execute("CHECKPOINT")
                return
            except duckdb.TransactionException:
                if attempt == 299:
                    raise
                time.sleep(0.1)

    cur.execute("BEGIN TRANSACTION")
    try:
        for table in ("signals", "signal_steps"):
            ddl = str(
                one(
                    cur,
                    "SELECT sql FROM duckdb_tables() WHERE database_name = current_database()"
                    " AND schema_name = 'main' AND table_name = ?",
                    [table],
                )[0]
            )
            prefix = f"CREATE TABLE {table}("
            if not ddl.startswith(prefix):
                raise RuntimeError(f"unexpected definition of {table}")
            cur.execute(f"CREATE TABLE {table}__new(" + ddl[len(prefix) :])
            cur.execute(f"INSERT INTO {table}__new SELECT * FROM {table}")  # noqa: S608
            cur.execute(f"DROP TABLE {table}")
            cur.execute(f"ALTER TABLE {table}__new RENAME TO {table}")
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    checkpoint()
    cur.execute("CREATE TABLE purge_filler (f VARCHAR)")
    try:
        for _ in range(5):  # each round fills what is free now; stops once nothing is
            block, free = one(cur, "SELECT block_size, free_blocks FROM pragma_database_size()")
            if not free:
                break
            cur.execute(
                "INSERT INTO purge_filler SELECT md5(random()::VARCHAR) || md5(random()::VARCHAR)"
                " FROM range(?)",
                [int(free) * int(block) // 32 + 1],
            )
            checkpoint()
    finally:
        cur.execute("DROP TABLE purge_filler")
        checkpoint()
