"""SQL for the directory's search words (dir_search) and the ranked match of a search.

Every write of an entry rewrites its rows in the same transaction; `ensure` rebuilds the
whole table when the stored version differs from the code's (a new migration, new
labels, a new stem table). Searching reads only this table and the matching entries.
"""

from __future__ import annotations

from typing import Any

from portal.db import meta
from portal.db.connection import Cursor
from portal.directory._index import Row, rows_of, version
from portal.directory._text import Term

VERSION_KEY = "dir_search_version"

# Score of one matched word: the kind of match (tens) beats the field it is in (units).
EXACT, FOLDED, STEM, PART_EXACT, PART, TYPO = 40, 30, 20, 16, 15, 10
FIELD_WEIGHT = (
    "CASE s.field WHEN 'name' THEN 3 WHEN 'organization' THEN 2 WHEN 'tag' THEN 2 ELSE 1 END"
)

_INSERT = (
    "INSERT INTO dir_search (entry_id, field, word, folded, stem)"
    " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
    " unnest(?::VARCHAR[]), unnest(?::VARCHAR[])"
)


def _insert(cur: Cursor, ids: list[str], rows: list[Row]) -> None:
    if rows:
        columns = [list(c) for c in zip(*rows, strict=True)]
        cur.execute(_INSERT, [ids, *columns])


def _organization(cur: Cursor, org_id: str) -> str:
    row = cur.execute("SELECT name FROM dir_organizations WHERE id = ?", [org_id]).fetchone()
    return str(row[0]) if row else ""


def replace(
    cur: Cursor, entry_id: str, org_id: str, values: dict[str, Any], new: bool = False
) -> None:
    """The entry's search words, as `values` (its fields) now say (`new`: it had none)."""
    if not new:
        cur.execute("DELETE FROM dir_search WHERE entry_id = ?", [entry_id])
    rows = rows_of(values, _organization(cur, org_id))
    _insert(cur, [entry_id] * len(rows), rows)


def rebuild(cur: Cursor) -> int:
    """Every entry's search words anew; returns the number of rows written."""
    cur.execute("DELETE FROM dir_search")
    result = cur.execute(
        "SELECT e.id, e.name, e.description, e.categories, e.target_groups, e.languages,"
        " e.service_area, o.name FROM dir_entries e"
        " JOIN dir_organizations o ON o.id = e.organization_id"
    ).fetchall()
    ids: list[str] = []
    rows: list[Row] = []
    for eid, name, desc, cats, groups, langs, area, org in result:
        entry = dict(
            name=name,
            description=desc,
            categories=cats,
            target_groups=groups,
            languages=langs,
            service_area=area,
        )
        found = rows_of(entry, org)
        ids += [eid] * len(found)
        rows += found
    _insert(cur, ids, rows)
    meta.put(cur, VERSION_KEY, version())
    return len(rows)


def is_current(cur: Cursor) -> bool:
    row = cur.execute("SELECT value FROM meta WHERE key = ?", [VERSION_KEY]).fetchone()
    return row is not None and row[0] == version()


def ensure(cur: Cursor) -> None:
    """Rebuild when the stored words were made by other code or other labels."""
    if not is_current(cur):
        rebuild(cur)


def ranked(terms: tuple[Term, ...]) -> tuple[str, list[Any]]:
    """A `WITH` clause defining `ranked(entry_id, score, matched)`: entries holding every
    term, with the sum over terms of their best match's score and the words matched.

    Terms are compared with the distinct words first (typo distances are computed once
    per word, not per entry), then joined to the entries holding those words.
    """
    values = ", ".join("(?, ?, ?, ?::VARCHAR[], ?, ?, ?)" for _ in terms)
    params: list[Any] = []
    for i, term in enumerate(terms):
        params += [i, term.exact, term.folded, list(term.stems), term.typos, term.part]
        params.append(term.prefix)
    # Only fixed texts and ? marks are joined; every value is a parameter.
    sql = (
        f"WITH q(i, exact, folded, stems, typos, part, prefix) AS (VALUES {values}),"  # noqa: S608
        " vocab AS (SELECT DISTINCT word, folded, stem FROM dir_search),"
        " m AS (SELECT q.i, v.word, CASE"
        f" WHEN v.word = q.exact THEN {EXACT}"
        f" WHEN v.folded = q.folded THEN {FOLDED}"
        f" WHEN list_contains(q.stems, v.stem) THEN {STEM}"
        f" WHEN q.part AND contains(v.word, q.exact) THEN {PART_EXACT}"
        f" WHEN q.part AND contains(v.folded, q.folded) THEN {PART}"
        f" WHEN q.prefix <> '' AND starts_with(v.folded, q.prefix) THEN {PART}"
        f" ELSE {TYPO} END AS kind"
        " FROM vocab v JOIN q ON v.word = q.exact OR v.folded = q.folded"
        " OR list_contains(q.stems, v.stem)"
        " OR (q.part AND contains(v.folded, q.folded))"
        " OR (q.prefix <> '' AND starts_with(v.folded, q.prefix))"
        " OR (q.typos > 0 AND abs(length(v.folded) - length(q.folded)) <= q.typos"
        "     AND damerau_levenshtein(v.folded, q.folded) <= q.typos)),"
        f" hits AS (SELECT s.entry_id, m.i, max(m.kind + {FIELD_WEIGHT}) AS score,"
        " list(DISTINCT s.word) AS words"
        " FROM m JOIN dir_search s ON s.word = m.word GROUP BY s.entry_id, m.i),"
        " ranked AS (SELECT entry_id, sum(score) AS score,"
        " list_distinct(flatten(list(words))) AS matched"
        " FROM hits GROUP BY entry_id HAVING count(*) = ?)"
    )
    params.append(len(terms))
    return sql, params
