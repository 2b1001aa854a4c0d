"""One DuckDB connection per process and database file; a cursor per call.

DuckDB allows one writing process per file, so every Streamlit session in the server
process shares this connection and takes its own cursor for each unit of work.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from portal import config
from portal.db import cache
from portal.errors import DatabaseLocked, StaleEdit

_lock = threading.Lock()
# The one name every query function uses for the open cursor (also a connection in DuckDB).
Cursor = duckdb.DuckDBPyConnection
T = TypeVar("T")

_connections: dict[str, duckdb.DuckDBPyConnection] = {}
# Write transactions of this process run one at a time. DuckDB has a single writing
# process per file, so this covers every session of the portal. It matters because
# DuckDB 2.0 does not always report a write-write conflict (an `UPDATE ... RETURNING`
# racing an uncommitted UPDATE of the same row can commit both): with writes serialised,
# a version check inside a transaction always reads the latest committed row.
WRITE_LOCK = threading.RLock()


OWNER_ONLY_UMASK = 0o077


def owner_only() -> None:
    """From now on this process creates files 0600 and folders 0700 (umask 077).

    The database, its WAL (created by DuckDB at the first write, at any time), backups
    and exports hold password hashes and signal text; nobody else on the machine may
    read them. Set process-wide because DuckDB creates the WAL on its own schedule.
    """
    os.umask(OWNER_ONLY_UMASK)


def _tighten(db: Path) -> None:
    """Make an existing database file and its WAL owner-only (files from before)."""
    for file in (db, db.with_name(db.name + ".wal")):
        try:
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:
            pass  # not ours to change (e.g. a read-only mount): leave it


def connect(path: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide connection for `path` (default: the configured database).

    Migrations run the first time a file is opened in this process, not on every rerun.
    The file, its WAL and a folder made for it are owner-only (see owner_only).
    """
    key = str(Path(path) if path else config.db_path())
    with _lock:
        conn = _connections.get(key)
        if conn is None:
            owner_only()
            Path(key).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            conn = _open(key)
            _tighten(Path(key))
            from portal.db import migrations  # local import: migrations use this module

            migrations.migrate(conn)
            _connections[key] = conn
        return conn


def _open(key: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(key)
    except duckdb.IOException as exc:
        if is_lock_error(exc):
            raise DatabaseLocked(key) from exc
        raise


def is_lock_error(exc: BaseException) -> bool:
    """Whether DuckDB refused a file because another process holds its lock."""
    return isinstance(exc, duckdb.Error) and "lock" in str(exc).lower()


def close_all() -> None:
    """Close every cached connection (tests, restore, CLI exit)."""
    with _lock:
        for conn in _connections.values():
            conn.close()
        _connections.clear()
    cache.invalidate()


@contextmanager
def cursor(path: Path | str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh cursor for one read or one auto-committed statement."""
    cur = connect(path).cursor()
    try:
        yield cur
    finally:
        cur.close()


@contextmanager
def transaction(path: Path | str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor inside BEGIN/COMMIT, holding the process's write lock; rolled back on
    any error. Keep these short: other sessions' writes wait for them.

    A DuckDB write-write conflict (two sessions changing the same row) is turned into
    StaleEdit so the caller can tell the user instead of losing an edit silently.
    """
    with WRITE_LOCK, cursor(path) as cur:
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
            cur.execute("COMMIT")
            cache.invalidate()
        except duckdb.TransactionException as exc:
            _safe_rollback(cur)
            raise StaleEdit(str(exc)) from exc
        except BaseException:
            _safe_rollback(cur)
            raise


def retrying(fn: Callable[[], T], attempts: int = 3, delay: float = 0.05) -> T:
    """Run `fn()` again when it hit a transaction conflict; re-raise after `attempts`."""
    for attempt in range(attempts):
        try:
            return fn()
        except StaleEdit:
            if attempt == attempts - 1:
                raise
            time.sleep(delay * (attempt + 1))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _safe_rollback(cur: duckdb.DuckDBPyConnection) -> None:
    try:
        cur.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the transaction was already aborted by DuckDB


def scalar(cur: Cursor, sql: str, params: Sequence[object] = ()) -> Any:
    """The first column of the first row, or None when the query returns no row."""
    row = cur.execute(sql, params).fetchone()
    return row[0] if row else None


def one(cur: Cursor, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...]:
    """The one row a query always returns (an aggregate, an INSERT … RETURNING)."""
    row = cur.execute(sql, params).fetchone()
    if row is None:
        raise LookupError("query returned no row")
    return row
