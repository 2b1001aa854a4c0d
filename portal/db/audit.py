"""The audit log: every write records who, when, what entity, before -> after.

Services call `record` inside the same transaction as the change itself, so a change
and its audit entry are committed together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import pandas as pd

from portal.db.connection import Cursor, cursor, transaction


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=_default, sort_keys=True)


def _default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def record(
    cur: Cursor,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any = None,
    before: Any = None,
    after: Any = None,
) -> None:
    cur.execute(
        "INSERT INTO audit_log (actor, action, entity, entity_id, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            actor,
            action,
            entity,
            None if entity_id is None else str(entity_id),
            _json(before),
            _json(after),
        ],
    )


def as_json(value: Any) -> str | None:
    """The text `record` stores for a before or after value (for `record_many`)."""
    return _json(value)


def record_many(
    cur: Cursor,
    actor: str,
    action: str,
    entity: str,
    ids: list[str],
    befores: list[str | None],
    afters: list[str | None],
) -> None:
    """One entry per id in one statement, with before/after already as JSON (`as_json`):
    a bulk write (an import of thousands of rows) makes those texts before it takes the
    write lock, and records every row without a round trip per row."""
    if ids:
        cur.execute(
            "INSERT INTO audit_log (actor, action, entity, entity_id, before_json, after_json)"
            " SELECT ?, ?, ?, unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
            [actor, action, entity, ids, befores, afters],
        )


@contextmanager
def audited_transaction(
    actor: str, action: str, entity: str, entity_id: Any = None, before: Any = None
) -> Iterator[tuple[Any, dict[str, Any]]]:
    """A write transaction that records one audit entry when it commits.

    Yields (cursor, change); the block fills `change["after"]` (and may set
    `change["before"]` or `change["entity_id"]`). The entry is written inside the same
    transaction, so the change and its record commit together or not at all.
    """
    change: dict[str, Any] = {"before": before, "after": None, "entity_id": entity_id}
    with transaction() as cur:
        yield cur, change
        record(cur, actor, action, entity, change["entity_id"], change["before"], change["after"])


def distinct_values(column: str) -> list[str]:
    """Actors or entities present in the log, for filter choices."""
    if column not in ("actor", "entity"):
        raise ValueError(column)
    with cursor() as cur:
        rows = cur.execute(
            f"SELECT DISTINCT {column} FROM audit_log ORDER BY 1"  # noqa: S608 - whitelisted
        ).fetchall()
    return [r[0] for r in rows]


def entries(
    actor: str | None = None,
    entity: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 500,
) -> pd.DataFrame:
    """Newest first, filtered; every filter optional."""
    clauses: list[str] = []
    params: list[object] = []
    if actor:
        clauses.append("actor = ?")
        params.append(actor)
    if entity:
        clauses.append("entity = ?")
        params.append(entity)
    if since:
        clauses.append("logged_at >= ?")
        params.append(since)
    if until:
        clauses.append("logged_at < ? + INTERVAL 1 DAY")
        params.append(until)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    params.append(limit)
    # Only fixed clause texts are joined; every value goes as a parameter.
    sql = f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?"  # noqa: S608
    with cursor() as cur:
        return cur.execute(sql, params).df()
