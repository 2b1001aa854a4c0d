"""SQL for the resource directory (dir_organizations, dir_entries). Values only as `?`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from portal.db.connection import Cursor, scalar
from portal.directory._db import search_index
from portal.directory._text import Term

ENTRY_FIELDS = (
    "name",
    "description",
    "status",
    "eligibility",
    "cost",
    "languages",
    "target_groups",
    "categories",
    "phone",
    "email",
    "url",
    "address",
    "service_area",
    "hours",
    "visibility",
    "source",
    "verified_on",
    "verified_by",
)

_COLUMNS = (
    "e.*, o.name AS organization, o.website AS organization_website,"
    " o.description AS organization_description"
)
_SELECT = (
    f"SELECT {_COLUMNS}"  # noqa: S608
    " FROM dir_entries e JOIN dir_organizations o ON o.id = e.organization_id"
)


def find_organization(cur: Cursor, name: str) -> str | None:
    """The id of the organisation called `name`, if there is one."""
    row = cur.execute("SELECT id FROM dir_organizations WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def organization_exists(cur: Cursor, org_id: str) -> bool:
    return (
        cur.execute("SELECT 1 FROM dir_organizations WHERE id = ?", [org_id]).fetchone() is not None
    )


def organization_id(cur: Cursor, name: str) -> str:
    """The id of the organisation called `name`, created on first use."""
    found = find_organization(cur, name)
    if found is not None:
        return found
    new_id = str(uuid.uuid4())
    cur.execute("INSERT INTO dir_organizations (id, name) VALUES (?, ?)", [new_id, name])
    return new_id


def insert_organization(
    cur: Cursor, org_id: str, name: str, description: str, website: str
) -> None:
    cur.execute(
        "INSERT INTO dir_organizations (id, name, description, website) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [org_id, name, description, website],
    )


_INSERT_COLUMNS = ("id", "organization_id", *ENTRY_FIELDS, "updated_by")
# Column names are the fixed tuple above; values go as parameters.
_INSERT_SQL = (
    f"INSERT INTO dir_entries ({', '.join(_INSERT_COLUMNS)})"  # noqa: S608
    f" VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
)


def insert_entry(
    cur: Cursor, entry_id: str, org_id: str, values: dict[str, Any], actor: str
) -> None:
    params = [entry_id, org_id, *(values.get(f) for f in ENTRY_FIELDS), actor]
    cur.execute(_INSERT_SQL, params)
    search_index.replace(cur, entry_id, org_id, values, new=True)


def update_entry(
    cur: Cursor, entry_id: str, org_id: str, values: dict[str, Any], version: int, actor: str
) -> bool:
    """Save when `version` is still current; False when someone saved in between."""
    sets = ", ".join(f"{f} = ?" for f in ENTRY_FIELDS)
    sql = (
        f"UPDATE dir_entries SET organization_id = ?, {sets}, version = version + 1,"  # noqa: S608
        " updated_at = current_timestamp, updated_by = ? WHERE id = ? AND version = ?"
        " RETURNING id"
    )
    params = [org_id, *(values.get(f) for f in ENTRY_FIELDS), actor, entry_id, version]
    if cur.execute(sql, params).fetchone() is None:
        return False
    search_index.replace(cur, entry_id, org_id, values)
    return True


def get_entry(cur: Cursor, entry_id: str) -> dict[str, Any] | None:
    rows = _dicts(cur.execute(_SELECT + " WHERE e.id = ?", [entry_id]))
    return rows[0] if rows else None


def _dicts(result: Cursor) -> list[dict[str, Any]]:
    """Rows as dicts; DuckDB returns lists as lists and DATE as datetime.date already."""
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _marks(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join("?" for _ in values)


def _where(
    visibilities: tuple[str, ...],
    category: str | None,
    group: str | None,
    language: str | None,
    area: str | None,
    include_inactive: bool,
) -> tuple[str, list[Any]]:
    """The WHERE clause of a search's filters and its parameters (the words are matched
    by `search_index.ranked`). Only fixed clause texts are joined; every value goes as a
    parameter.
    """
    clauses = [f"e.visibility IN ({_marks(visibilities)})"]
    params: list[Any] = list(visibilities)
    for column, value in (
        ("categories", category),
        ("target_groups", group),
        ("languages", language),
    ):
        if value:
            clauses.append(f"list_contains(e.{column}, ?)")
            params.append(value)
    if area:
        clauses.append("e.service_area = ?")
        params.append(area)
    if not include_inactive:
        clauses.append("e.status = 'active'")
    return " WHERE " + " AND ".join(clauses), params


def _query(
    select: str,
    terms: tuple[Term, ...],
    filters: tuple[str | None, str | None, str | None, str | None],
    visibilities: tuple[str, ...],
    include_inactive: bool,
) -> tuple[str, list[Any]]:
    """`select` (columns only) over the entries matching every term and filter, with
    `score` and `matched` (the entry's words that matched) as columns to use."""
    where, params = _where(visibilities, *filters, include_inactive)
    if not terms:
        sql = f"SELECT {select}, 0 AS score, []::VARCHAR[] AS matched{_FROM}{where}"
        return sql, params
    with_sql, with_params = search_index.ranked(terms)
    join = " JOIN ranked r ON r.entry_id = e.id"
    sql = f"{with_sql} SELECT {select}, r.score, r.matched{_FROM}{join}{where}"
    return sql, with_params + params


_FROM = " FROM dir_entries e JOIN dir_organizations o ON o.id = e.organization_id"


def search(
    cur: Cursor,
    visibilities: tuple[str, ...],
    terms: tuple[Term, ...],
    category: str | None,
    group: str | None,
    language: str | None,
    area: str | None,
    include_inactive: bool,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entries matching every term and filter, best matches first and then in Swedish
    order; `limit`/`offset` give one page of them. Each row has `score` and `matched`."""
    select = _COLUMNS
    filters = (category, group, language, area)
    sql, params = _query(select, terms, filters, visibilities, include_inactive)
    sql += " ORDER BY score DESC, e.name COLLATE sv, e.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return _dicts(cur.execute(sql, params))


def count_matches(
    cur: Cursor,
    visibilities: tuple[str, ...],
    terms: tuple[Term, ...],
    category: str | None,
    group: str | None,
    language: str | None,
    area: str | None,
    include_inactive: bool,
) -> int:
    """How many entries `search` would return without a limit."""
    filters = (category, group, language, area)
    sql, params = _query("e.id", terms, filters, visibilities, include_inactive)
    return int(scalar(cur, f"SELECT count(*) FROM ({sql})", params))  # noqa: S608


def _stale_where(visibilities: tuple[str, ...], cutoff: date) -> tuple[str, list[Any]]:
    """Active, visible entries never verified or verified before `cutoff`."""
    where = (
        f" WHERE e.visibility IN ({_marks(visibilities)}) AND e.status = 'active'"
        " AND (e.verified_on IS NULL OR e.verified_on < ?)"
    )
    return where, [*visibilities, cutoff]


def stale(
    cur: Cursor,
    visibilities: tuple[str, ...],
    cutoff: date,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entries to check, never verified first, then the longest unchecked."""
    where, params = _stale_where(visibilities, cutoff)
    sql = _SELECT + where + " ORDER BY e.verified_on ASC NULLS FIRST, e.name COLLATE sv, e.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return _dicts(cur.execute(sql, params))


def count_stale(cur: Cursor, visibilities: tuple[str, ...], cutoff: date) -> int:
    where, params = _stale_where(visibilities, cutoff)
    # `where` holds only fixed clause texts and ? marks; the values are in `params`.
    sql = "SELECT count(*) FROM dir_entries e" + where  # noqa: S608
    return int(scalar(cur, sql, params))


def areas(cur: Cursor, visibilities: tuple[str, ...]) -> list[str]:
    sql = (
        "SELECT DISTINCT service_area FROM dir_entries"  # noqa: S608
        f" WHERE service_area <> '' AND visibility IN ({_marks(visibilities)}) ORDER BY 1"
    )
    return [r[0] for r in cur.execute(sql, list(visibilities)).fetchall()]


def languages(cur: Cursor, visibilities: tuple[str, ...]) -> list[str]:
    sql = (
        "SELECT DISTINCT unnest(languages) FROM dir_entries"  # noqa: S608
        f" WHERE visibility IN ({_marks(visibilities)}) ORDER BY 1"
    )
    return [r[0] for r in cur.execute(sql, list(visibilities)).fetchall()]


def set_status(cur: Cursor, entry_id: str, status: str, actor: str) -> None:
    cur.execute(
        "UPDATE dir_entries SET status = ?, version = version + 1,"
        " updated_at = current_timestamp, updated_by = ? WHERE id = ?",
        [status, actor, entry_id],
    )


def mark_verified(cur: Cursor, entry_id: str, day: date, actor: str) -> None:
    cur.execute(
        "UPDATE dir_entries SET verified_on = ?, verified_by = ?,"
        " version = version + 1, updated_at = current_timestamp, updated_by = ?"
        " WHERE id = ?",
        [day, actor, actor, entry_id],
    )


def all_entries(cur: Cursor) -> list[dict[str, Any]]:
    return _dicts(cur.execute(_SELECT + " ORDER BY o.name COLLATE sv, e.name COLLATE sv"))


def count_entries(cur: Cursor) -> int:
    return int(scalar(cur, "SELECT count(*) FROM dir_entries"))


def version(cur: Cursor) -> str:
    """A value that changes with every write of an entry: an insert (count), an edit
    (its version and updated_at) or a new organisation."""
    row = cur.execute(
        "SELECT count(*), coalesce(sum(version), 0), max(updated_at),"
        " (SELECT count(*) FROM dir_organizations) FROM dir_entries"
    ).fetchone()
    return "-".join(str(v) for v in row) if row else ""
