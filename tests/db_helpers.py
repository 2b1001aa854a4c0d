"""Small database helpers shared by the tests."""

from __future__ import annotations

from portal.db.connection import cursor


def count_rows(table: str) -> int:
    """Rows in `table` of the configured test database. A table name cannot be a SQL
    parameter, so it is checked against the catalogue before it goes into the text."""
    with cursor() as cur:
        known = {
            r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if table not in known:
            raise ValueError(f"no table {table!r}")
        return cur.execute("SELECT count(*) FROM " + table).fetchone()[0]  # noqa: S608
