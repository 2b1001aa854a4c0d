"""Writing checked import rows: everything that can be worked out before is done before
the write lock is taken (search words, new ids), and inside it a few statements write
every row at once (portal/directory/_db/bulk.py), all rows or none.

A row whose id is a stored entry updates that entry; any other row adds one, keeping its
id when that is a UUID not in use (ids stay the same across portals). Organisations are
found by name; a new one keeps the package's id, website and description.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pandas as pd

from portal.db import audit
from portal.db.connection import Cursor, transaction
from portal.directory._db import bulk
from portal.directory._db.directory import ENTRY_FIELDS
from portal.directory._index import rows_of

Organizations = dict[str, tuple[str, str, str]]  # name -> (id, website, description)


@dataclass(frozen=True)
class Prepared:
    rows: list[dict[str, Any]]
    words: pd.DataFrame  # every row's search words: row (its index), field, word, folded, stem
    wanted: list[str]  # each row's id as a UUID, or "" when it is not one
    after_json: list[str | None]  # each row as its audit entry records it


def _uuid(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return ""


def prepare(rows: list[dict[str, Any]]) -> Prepared:
    """The work that needs no database: search words and the ids rows ask for."""
    return Prepared(
        rows=rows,
        words=_words(rows),
        wanted=[_uuid(r["id"]) if r["id"] else "" for r in rows],
        after_json=[audit.as_json(r) for r in rows],
    )


def _words(rows: list[dict[str, Any]]) -> pd.DataFrame:
    flat = [(i, *word) for i, r in enumerate(rows) for word in rows_of(r, r["organization"])]
    return pd.DataFrame.from_records(flat, columns=["row", "field", "word", "folded", "stem"])


def write(rows: list[dict[str, Any]], actor: str, orgs: Organizations) -> int:
    """Write every row in one transaction; returns the number of rows."""
    prepared = prepare(rows)
    with transaction() as cur:
        org_ids = _organizations(cur, [r["organization"] for r in rows], orgs)
        existing = bulk.entries_with_ids(cur, [r["id"] for r in rows if r["id"]])
        updates = [i for i, r in enumerate(rows) if r["id"] in existing]
        inserts = [i for i, r in enumerate(rows) if r["id"] not in existing]
        new_ids = _new_ids(cur, "dir_entries", [prepared.wanted[i] for i in inserts])
        _update(cur, prepared, updates, org_ids, existing, actor)
        _insert(cur, prepared, inserts, new_ids, org_ids, actor)
    return len(rows)


def _update(
    cur: Cursor,
    p: Prepared,
    which: list[int],
    org_ids: dict[str, str],
    existing: dict[str, dict[str, Any]],
    actor: str,
) -> None:
    ids = [p.rows[i]["id"] for i in which]
    rows = [p.rows[i] for i in which]
    bulk.update_entries(cur, ids, [org_ids[r["organization"]] for r in rows], rows, actor)
    bulk.replace_search_rows(cur, which, ids, p.words)
    befores = [audit.as_json({f: existing[i].get(f) for f in ENTRY_FIELDS}) for i in ids]
    afters = [p.after_json[i] for i in which]
    audit.record_many(cur, actor, "import", "dir_entries", ids, befores, afters)


def _insert(
    cur: Cursor,
    p: Prepared,
    which: list[int],
    ids: list[str],
    org_ids: dict[str, str],
    actor: str,
) -> None:
    rows = [p.rows[i] for i in which]
    bulk.insert_entries(cur, ids, [org_ids[r["organization"]] for r in rows], rows, actor)
    bulk.replace_search_rows(cur, which, ids, p.words, new=True)
    afters = [p.after_json[i] for i in which]
    audit.record_many(cur, actor, "import", "dir_entries", ids, [None] * len(ids), afters)


def _new_ids(cur: Cursor, table: str, wanted: list[str]) -> list[str]:
    """Each wanted UUID when it is not in use (and not wanted twice), else a new one."""
    in_use = bulk.taken(cur, table, [w for w in wanted if w])
    out = []
    for w in wanted:
        out.append(w if w and w not in in_use else str(uuid.uuid4()))
        in_use.add(out[-1])
    return out


def _organizations(cur: Cursor, names: list[str], known: Organizations) -> dict[str, str]:
    """name -> id for every name; organisations not yet stored are added."""
    distinct = list(dict.fromkeys(names))
    found = bulk.organizations_named(cur, distinct)
    missing = [n for n in distinct if n not in found]
    ids = _new_ids(cur, "dir_organizations", [_uuid(known.get(n, ("",))[0]) for n in missing])
    rows = []
    for name, org_id in zip(missing, ids, strict=True):
        _, website, description = known.get(name, ("", "", ""))
        rows.append((org_id, name, description, website))
        found[name] = org_id
    bulk.insert_organizations(cur, rows)
    return found
