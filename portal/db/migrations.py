"""Numbered .sql migrations, applied once each and recorded in schema_migrations.

Files are named NNN_name.sql. Number ranges are reserved per domain so that work on
different features never collides: 001-009 core, 010-019 plan follow-up, 020-029
meetings, 030-039 directory, 040-049 situation picture, 050-059 signals, 060-069
annual report, 070-079 administration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path


def available() -> list[Migration]:
    found = []
    for path in MIGRATIONS_DIR.glob("*.sql"):
        match = _NAME.match(path.name)
        if not match:
            raise RuntimeError(f"badly named migration file: {path.name}")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError("two migrations share a number")
    return found


def applied(conn: duckdb.DuckDBPyConnection) -> list[int]:
    cur = conn.cursor()
    try:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        rows = cur.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        return [r[0] for r in rows]
    finally:
        cur.close()


def migrate(conn: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply every migration not yet recorded, each in its own transaction."""
    done = set(applied(conn))
    newly = []
    for migration in available():
        if migration.version in done:
            continue
        cur = conn.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            cur.execute(migration.path.read_text(encoding="utf-8"))
            cur.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()
        newly.append(migration)
    return newly
