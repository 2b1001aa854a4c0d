"""Queries about the situation picture: years, assessments, revisions and indicators."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd

from portal.db.cache import cached_read
from portal.db.connection import Cursor, cursor, scalar

YEAR_COLUMNS = (
    "year, status, summary, made_with, source_ref, approved_on, approved_by, is_demo,"
    " version, updated_at, updated_by"
)
ASSESSMENT_COLUMNS = (
    "year, milieu, level, trend, narrative, sources_used, sources_not_used, version,"
    " updated_at, updated_by"
)
INDICATOR_COLUMNS = "id, period, year, quarter, milieu, source, area, count, note, is_demo"


def _dicts(cur: Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# -- reads ------------------------------------------------------------------------------

# Fixed SQL texts built once from the fixed column lists above; values go as parameters.
_YEARS_SQL = f"SELECT {YEAR_COLUMNS} FROM situation_years ORDER BY year DESC"  # noqa: S608
_YEAR_SQL = f"SELECT {YEAR_COLUMNS} FROM situation_years WHERE year = ?"  # noqa: S608
_ASSESSMENT_SQL = (
    f"SELECT {ASSESSMENT_COLUMNS} FROM situation_assessments"  # noqa: S608
    " WHERE year = ? AND milieu = ?"
)
_INDICATOR_SQL = f"SELECT {INDICATOR_COLUMNS} FROM situation_indicators WHERE id = ?"  # noqa: S608


def years() -> list[dict[str, Any]]:
    """Every year with a situation picture (made, draft or planned), newest first."""
    with cursor() as cur:
        cur.execute(_YEARS_SQL)
        return _dicts(cur)


def year(cur: Cursor, year_: int) -> dict[str, Any] | None:
    cur.execute(_YEAR_SQL, [year_])
    rows = _dicts(cur)
    return rows[0] if rows else None


def get_year(year_: int) -> dict[str, Any] | None:
    with cursor() as cur:
        return year(cur, year_)


def assessment(cur: Cursor, year_: int, milieu: str) -> dict[str, Any] | None:
    cur.execute(_ASSESSMENT_SQL, [year_, milieu])
    rows = _dicts(cur)
    return rows[0] if rows else None


@cached_read
def assessments(year_: int | None = None) -> pd.DataFrame:
    """Assessments of one year, or of every year; oldest year first."""
    sql = f"SELECT {ASSESSMENT_COLUMNS} FROM situation_assessments"  # noqa: S608
    params: list[Any] = []
    if year_ is not None:
        sql += " WHERE year = ?"
        params.append(year_)
    with cursor() as cur:
        return cur.execute(sql + " ORDER BY year, milieu", params).df()


def revisions(year_: int) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(
            "SELECT id, year, milieu, actor, made_at, reason, before_json, after_json"
            " FROM situation_revisions WHERE year = ? ORDER BY made_at DESC, id DESC",
            [year_],
        ).df()


def indicators(year_: int | None = None, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Indicator rows (every year, or one) in period order; with `limit`, one page."""
    sql = f"SELECT {INDICATOR_COLUMNS} FROM situation_indicators"  # noqa: S608
    params: list[Any] = []
    if year_ is not None:
        sql += " WHERE year = ?"
        params.append(year_)
    sql += " ORDER BY period, milieu, source, area, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    with cursor() as cur:
        return cur.execute(sql, params).df()


def count_indicators(year_: int) -> int:
    with cursor() as cur:
        return int(scalar(cur, "SELECT count(*) FROM situation_indicators WHERE year = ?", [year_]))


# Sums for the charts, computed in SQL so a rerun reads a few dozen rows, not every
# indicator. Exact counts: callers suppress small numbers after summing.
_PERIOD_TOTALS_SQL = (
    "SELECT period, milieu, sum(count)::BIGINT AS count FROM situation_indicators"
    " WHERE ? IS NULL OR year = ? GROUP BY ALL ORDER BY period, milieu"
)
_TOTALS_BY_SQL = {
    by: (
        f"SELECT {by}, sum(count)::BIGINT AS count FROM situation_indicators"  # noqa: S608
        f" WHERE year = ? GROUP BY ALL ORDER BY {by}"
    )
    for by in ("source", "area", "milieu")
}


@cached_read
def period_totals(year_: int | None = None) -> pd.DataFrame:
    """Indicator counts summed per quarter and milieu (every year, or one)."""
    with cursor() as cur:
        return cur.execute(_PERIOD_TOTALS_SQL, [year_, year_]).df()


@cached_read
def totals_by(year_: int, by: str) -> pd.DataFrame:
    """One year's indicator counts summed per `by` ('source', 'area' or 'milieu')."""
    with cursor() as cur:
        return cur.execute(_TOTALS_BY_SQL[by], [year_]).df()


def existing_indicator_keys(cur: Cursor) -> set[tuple[str, str, str, str]]:
    rows = cur.execute("SELECT period, milieu, source, area FROM situation_indicators").fetchall()
    return {tuple(r) for r in rows}


# -- writes (always inside the caller's transaction) --------------------------------------


def insert_year(cur: Cursor, row: dict[str, Any]) -> None:
    cur.execute(
        "INSERT INTO situation_years (year, status, summary, made_with, source_ref,"
        " approved_on, approved_by, is_demo, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row["year"],
            row.get("status", "draft"),
            row.get("summary", ""),
            row.get("made_with", ""),
            row.get("source_ref", ""),
            row.get("approved_on"),
            row.get("approved_by"),
            bool(row.get("is_demo", False)),
            row.get("updated_by", "system"),
        ],
    )


def update_year(cur: Cursor, year_: int, fields: dict[str, Any], actor: str, now: datetime) -> None:
    cur.execute(
        "UPDATE situation_years SET status = ?, summary = ?, made_with = ?, source_ref = ?,"
        " approved_on = ?, approved_by = ?, version = version + 1, updated_at = ?,"
        " updated_by = ? WHERE year = ?",
        [
            fields["status"],
            fields["summary"],
            fields["made_with"],
            fields["source_ref"],
            fields["approved_on"],
            fields["approved_by"],
            now,
            actor,
            year_,
        ],
    )


def insert_assessment(cur: Cursor, row: dict[str, Any], actor: str, now: datetime) -> None:
    cur.execute(
        "INSERT INTO situation_assessments (year, milieu, level, trend, narrative,"
        " sources_used, sources_not_used, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row["year"],
            row["milieu"],
            row["level"],
            row["trend"],
            row.get("narrative", ""),
            list(row.get("sources_used", [])),
            list(row.get("sources_not_used", [])),
            now,
            actor,
        ],
    )


def update_assessment(cur: Cursor, row: dict[str, Any], actor: str, now: datetime) -> None:
    cur.execute(
        "UPDATE situation_assessments SET level = ?, trend = ?, narrative = ?,"
        " sources_used = ?, sources_not_used = ?, version = version + 1, updated_at = ?,"
        " updated_by = ? WHERE year = ? AND milieu = ?",
        [
            row["level"],
            row["trend"],
            row["narrative"],
            list(row["sources_used"]),
            list(row["sources_not_used"]),
            now,
            actor,
            row["year"],
            row["milieu"],
        ],
    )


def insert_revision(
    cur: Cursor,
    year_: int,
    milieu: str | None,
    actor: str,
    reason: str,
    before_json: str,
    after_json: str,
    now: datetime,
) -> None:
    cur.execute(
        "INSERT INTO situation_revisions (year, milieu, actor, made_at, reason, before_json,"
        " after_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [year_, milieu, actor, now, reason, before_json, after_json],
    )


def insert_indicator(cur: Cursor, row: dict[str, Any], actor: str) -> None:
    cur.execute(
        "INSERT INTO situation_indicators (period, year, quarter, milieu, source, area, count,"
        " note, is_demo, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row["period"],
            row["year"],
            row["quarter"],
            row["milieu"],
            row["source"],
            row.get("area", ""),
            int(row["count"]),
            row.get("note", ""),
            bool(row.get("is_demo", False)),
            actor,
        ],
    )


def insert_indicators(cur: Cursor, rows: list[dict[str, Any]], actor: str) -> None:
    """Many rows in one statement (an import): the lists of values unnested side by side."""
    if not rows:
        return
    cur.execute(
        "INSERT INTO situation_indicators (period, year, quarter, milieu, source, area, count,"
        " note, is_demo, created_by) SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]),"
        " unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
        " unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),"
        " unnest(?::BOOLEAN[]), ?",
        [
            [r["period"] for r in rows],
            [r["year"] for r in rows],
            [r["quarter"] for r in rows],
            [r["milieu"] for r in rows],
            [r["source"] for r in rows],
            [r.get("area", "") for r in rows],
            [int(r["count"]) for r in rows],
            [r.get("note", "") for r in rows],
            [bool(r.get("is_demo", False)) for r in rows],
            actor,
        ],
    )


def delete_indicator(cur: Cursor, indicator_id: int) -> dict[str, Any] | None:
    cur.execute(_INDICATOR_SQL, [indicator_id])
    rows = _dicts(cur)
    if rows:
        cur.execute("DELETE FROM situation_indicators WHERE id = ?", [indicator_id])
    return rows[0] if rows else None
