"""Restore a backup folder into a new database file without running SQL from it.

The folder is checked against its manifest (portal/admin/_manifest.py) and copied to
a private temporary folder, and the copies are checked again, so nothing can change
between the check and the load. Then:
1. the schema is built by the project's own migrations: those the backup had applied
   (from its schema_migrations data), in order;
2. each table of that schema (names from the new database's own catalog, never from the
   folder) is filled from its Parquet file with `INSERT ... SELECT * FROM read_parquet(?)`;
3. the migrations added since the backup run, as on any start;
4. every sequence is moved past the highest id its table holds and the value it had.
schema.sql and load.sql in the folder are never read.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import duckdb

from portal.admin import _manifest as manifest
from portal.db import migrations

_NEXTVAL = re.compile(r"nextval\('([a-z0-9_]+)'\)")
_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
# What EXPORT DATABASE writes besides one Parquet file per table; listed, hashed, unread.
_SQL_FILES = {"schema.sql", "load.sql"}


def restore_into(target: Path, source: Path) -> None:
    """Build `target` (a new file) from the backup folder `source`, or raise."""
    body = manifest.read_verified(source)
    listed = {f["path"]: f for f in body["files"]}
    with tempfile.TemporaryDirectory(prefix="sos-restore-") as tmp:
        copies = Path(tmp)
        for name in listed:
            shutil.copyfile(source / name, copies / name, follow_symlinks=False)
        manifest.check_files(copies, listed)
        conn = duckdb.connect(str(target))
        try:
            _load(conn, copies, listed, body)
            conn.execute("CHECKPOINT")
        finally:
            conn.close()


def _load(
    conn: duckdb.DuckDBPyConnection, copies: Path, listed: dict[str, Any], body: dict[str, Any]
) -> None:
    versions = _backup_versions(conn, copies, listed)
    known = {m.version: m for m in migrations.available()}
    if not versions or not set(versions) <= set(known):
        raise manifest.refuse("unknown_schema")
    migrations.applied(conn)  # creates schema_migrations
    for version in sorted(versions):
        conn.execute(known[version].path.read_text(encoding="utf-8"))
    tables = _tables(conn)
    expected = {f"{table}.parquet" for table in tables} | _SQL_FILES
    for name in sorted(set(listed) - expected):
        raise manifest.refuse("extra_file", name=name)
    for name in sorted(expected - set(listed)):
        raise manifest.refuse("missing_file", name=name)
    for table in tables:
        try:
            conn.execute(
                # the name is from the migrated catalog and matched _IDENT, never the folder
                f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet(?)',  # noqa: S608
                [str(copies / f"{table}.parquet")],
            )
        except duckdb.Error as exc:
            raise manifest.refuse("bad_data", name=f"{table}.parquet") from exc
    migrations.migrate(conn)
    _advance_sequences(conn, body.get("sequences") or {})


def _backup_versions(
    conn: duckdb.DuckDBPyConnection, copies: Path, listed: dict[str, Any]
) -> list[int]:
    if "schema_migrations.parquet" not in listed:
        raise manifest.refuse("missing_file", name="schema_migrations.parquet")
    try:
        rows = conn.execute(
            "SELECT version FROM read_parquet(?)", [str(copies / "schema_migrations.parquet")]
        ).fetchall()
    except duckdb.Error as exc:
        raise manifest.refuse("bad_data", name="schema_migrations.parquet") from exc
    return [int(r[0]) for r in rows]


def _tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT table_name FROM duckdb_tables()"
            " WHERE database_name = current_database() AND schema_name = 'main' ORDER BY 1"
        ).fetchall()
    ]
    if not all(_IDENT.match(n) for n in names):
        raise RuntimeError("unexpected table name in the migrated schema")
    return names


def _advance_sequences(conn: duckdb.DuckDBPyConnection, saved: dict[str, Any]) -> None:
    """Make each sequence's next value exceed both its saved last value and the highest
    id in the columns it numbers, so new rows never collide with restored ones."""
    targets: dict[str, int] = {}
    for table, column, default in conn.execute(
        "SELECT table_name, column_name, column_default FROM duckdb_columns()"
        " WHERE database_name = current_database() AND column_default LIKE 'nextval(%'"
    ).fetchall():
        match = _NEXTVAL.search(str(default))
        if not match or not _IDENT.match(table) or not _IDENT.match(column):
            continue
        sql = f'SELECT coalesce(max("{column}"), 0) FROM "{table}"'  # noqa: S608 - catalog names
        top = conn.execute(sql).fetchone()
        seq = match.group(1)
        targets[seq] = max(targets.get(seq, 0), int(top[0]) if top else 0)
    for (seq,) in conn.execute(
        "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = current_database()"
    ).fetchall():
        value = saved.get(seq)
        target = max(targets.get(seq, 0), value if isinstance(value, int) else 0)
        if target > 0:
            conn.execute("SELECT max(nextval(?)) FROM range(?)", [seq, target])
