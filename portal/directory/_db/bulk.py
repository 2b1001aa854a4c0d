"""SQL for writing many directory entries at once (the import): one statement per table,
every value a parameter (lists of values unnested side by side), so an import of
thousands of rows holds the write lock for a moment, not a statement per row."""

from __future__ import annotations

from typing import Any

import pandas as pd

from portal.db.connection import Cursor
from portal.directory._db.directory import _SELECT, ENTRY_FIELDS, _dicts

_LISTS = ("languages", "target_groups", "categories")


def _type(field: str) -> str:
    if field in _LISTS:
        return "VARCHAR[][]"
    return "DATE[]" if field == "verified_on" else "VARCHAR[]"


# Column names and casts come from the fixed ENTRY_FIELDS; values are parameters.
_FIELDS_SELECT = ", ".join(f"unnest(?::{_type(f)}) AS {f}" for f in ENTRY_FIELDS)
_INSERT_SQL = (
    f"INSERT INTO dir_entries (id, organization_id, {', '.join(ENTRY_FIELDS)}, updated_by)"
    f" SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), {_FIELDS_SELECT}, ?"
)
_UPDATE_SQL = (
    f"UPDATE dir_entries SET organization_id = u.organization_id,"  # noqa: S608
    f" {', '.join(f'{f} = u.{f}' for f in ENTRY_FIELDS)}, version = dir_entries.version + 1,"
    " updated_at = current_timestamp, updated_by = ?"
    " FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS organization_id,"
    f" {_FIELDS_SELECT}) AS u WHERE dir_entries.id = u.id"
)


def _columns(rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [[r.get(f) for r in rows] for f in ENTRY_FIELDS]


def organizations_named(cur: Cursor, names: list[str]) -> dict[str, str]:
    """name -> id of the organisations called one of `names`."""
    found = cur.execute(
        "SELECT name, id FROM dir_organizations WHERE name IN (SELECT unnest(?::VARCHAR[]))",
        [names],
    ).fetchall()
    return {str(name): str(org_id) for name, org_id in found}


def taken(cur: Cursor, table: str, ids: list[str]) -> set[str]:
    """Which of `ids` are in use in dir_organizations or dir_entries."""
    if table not in ("dir_organizations", "dir_entries"):
        raise ValueError(table)
    rows = cur.execute(
        f"SELECT id FROM {table} WHERE id IN (SELECT unnest(?::VARCHAR[]))",  # noqa: S608
        [ids],
    ).fetchall()
    return {str(r[0]) for r in rows}


def entries_with_ids(cur: Cursor, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored entries whose id is one of `ids`, by id."""
    rows = _dicts(cur.execute(_SELECT + " WHERE e.id IN (SELECT unnest(?::VARCHAR[]))", [ids]))
    return {str(r["id"]): r for r in rows}


def insert_organizations(cur: Cursor, rows: list[tuple[str, str, str, str]]) -> None:
    """(id, name, description, website) rows."""
    if rows:
        ids, names, descriptions, websites = (list(c) for c in zip(*rows, strict=True))
        cur.execute(
            "INSERT INTO dir_organizations (id, name, description, website)"
            " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
            " unnest(?::VARCHAR[])",
            [ids, names, descriptions, websites],
        )


def insert_entries(
    cur: Cursor, ids: list[str], org_ids: list[str], rows: list[dict[str, Any]], actor: str
) -> None:
    if rows:
        cur.execute(_INSERT_SQL, [ids, org_ids, *_columns(rows), actor])


def update_entries(
    cur: Cursor, ids: list[str], org_ids: list[str], rows: list[dict[str, Any]], actor: str
) -> None:
    if rows:
        cur.execute(_UPDATE_SQL, [actor, ids, org_ids, *_columns(rows)])


def replace_search_rows(
    cur: Cursor, rows: list[int], ids: list[str], words: pd.DataFrame, new: bool = False
) -> None:
    """The search words of the entries `ids`, which are the file's rows `rows`: `words`
    holds every row's words (columns row, field, word, folded, stem), made before the
    lock was taken; DuckDB reads the table directly, with no value bound one by one.
    `new`: the entries have no words yet."""
    if not ids:
        return
    if not new:
        cur.execute("DELETE FROM dir_search WHERE entry_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    keys = pd.DataFrame({"row": rows, "entry_id": ids})
    cur.register("import_keys", keys)
    cur.register("import_words", words)
    try:
        cur.execute(
            "INSERT INTO dir_search (entry_id, field, word, folded, stem)"
            " SELECT k.entry_id, w.field, w.word, w.folded, w.stem"
            " FROM import_words w JOIN import_keys k ON k.row = w.row"
        )
    finally:
        cur.unregister("import_keys")
        cur.unregister("import_words")
