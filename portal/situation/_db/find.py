"""The situation picture's assessments and years whose text holds every searched word
(portal-wide search)."""

from __future__ import annotations

from portal.db.connection import cursor
from portal.hits import all_words_in


def find(found_words: list[str], limit: int) -> list[tuple[str, int, str | None]]:
    """(kind, year, milieu or None) of each match, newest year first."""
    if not found_words:
        return []
    n = len(found_words)
    assessments = (
        "SELECT year, milieu FROM situation_assessments"  # noqa: S608
        f" WHERE {all_words_in('narrative', n)} ORDER BY year DESC LIMIT ?"
    )
    year_text = "summary || ' ' || made_with || ' ' || source_ref"
    years = (
        "SELECT year FROM situation_years"  # noqa: S608
        f" WHERE {all_words_in(year_text, n)} ORDER BY year DESC LIMIT ?"
    )
    with cursor() as cur:
        found: list[tuple[str, int, str | None]] = [
            ("assessment", int(y), str(m))
            for y, m in cur.execute(assessments, [*found_words, limit]).fetchall()
        ]
        found += [
            ("situation_year", int(y), None)
            for (y,) in cur.execute(years, [*found_words, limit]).fetchall()
        ]
    return found
