"""Plan activities and indicators whose text holds every searched word (portal-wide
search); the current plan only."""

from __future__ import annotations

from portal.db.connection import cursor
from portal.hits import Hit, all_words_in


def find(found_words: list[str], limit: int) -> list[Hit]:
    if not found_words:
        return []
    n = len(found_words)
    activities = f"""
        SELECT d.number || ' ' || a.description, a.description, a.due_month
        FROM activities a JOIN dimensions d ON d.id = a.dimension_id
        JOIN plans p ON p.id = d.plan_id AND p.is_current
        WHERE {all_words_in("d.number || ' ' || a.description", n)}
        ORDER BY d.position, a.position LIMIT ?"""  # noqa: S608 (only word counts)
    indicators = f"""
        SELECT i.name, a.description
        FROM indicators i JOIN activities a ON a.id = i.activity_id
        JOIN dimensions d ON d.id = a.dimension_id
        JOIN plans p ON p.id = d.plan_id AND p.is_current
        WHERE {all_words_in("i.name || ' ' || i.unit", n)}
        ORDER BY i.name LIMIT ?"""  # noqa: S608
    with cursor() as cur:
        acts = cur.execute(activities, [*found_words, limit]).fetchall()
        inds = cur.execute(indicators, [*found_words, limit]).fetchall()
    hits = [
        Hit("activity", title, None, "handlingsplan", (("sok", desc[:80]),))
        for title, desc, _ in acts
    ]
    hits += [
        Hit("indicator", name, None, "handlingsplan", (("sok", desc[:80]),)) for name, desc in inds
    ]
    return hits
