"""Key/value facts about this database (demo mode, seed version)."""

from __future__ import annotations

from portal.db.cache import cached_read
from portal.db.connection import Cursor, cursor


def get(key: str, default: str | None = None) -> str | None:
    with cursor() as cur:
        row = cur.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(cur: Cursor, key: str, value: str) -> None:
    cur.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
        [key, value, value],
    )


@cached_read
def is_demo() -> bool:
    """Asked twice on every rerun of every page (start-up check, demo banner): cached
    until the next write."""
    return get("demo") == "true"
