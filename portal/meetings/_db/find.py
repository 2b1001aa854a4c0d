"""Meetings, agenda items, decisions and action items whose text holds every searched
word (portal-wide search). Every hit links to its meeting."""

from __future__ import annotations

from portal.db.connection import cursor
from portal.hits import Hit, all_words_in

# (kind, what is shown, the text searched, from where) — fixed SQL fragments only.
_SOURCES = (
    ("meeting", "m.title", "m.title || ' ' || m.place || ' ' || m.minutes", "meetings m"),
    (
        "agenda_item",
        "a.title",
        "a.title || ' ' || a.presenter || ' ' || a.notes",
        "agenda_items a JOIN meetings m ON m.id = a.meeting_id",
    ),
    (
        "decision",
        "'§ ' || x.number || ' ' || x.text",
        "x.text",
        "meeting_decisions x JOIN meetings m ON m.id = x.meeting_id",
    ),
    (
        "action",
        "x.text || ' (' || x.owner || ')'",
        "x.text || ' ' || x.owner",
        "action_items x JOIN meetings m ON m.id = x.meeting_id",
    ),
)


def find(found_words: list[str], limit: int) -> list[Hit]:
    if not found_words:
        return []
    hits: list[Hit] = []
    with cursor() as cur:
        for kind, shown, text, source in _SOURCES:
            sql = (
                f"SELECT {shown}, m.title, m.id, m.starts_at FROM {source}"  # noqa: S608
                f" WHERE {all_words_in(text, len(found_words))}"
                " ORDER BY m.starts_at DESC LIMIT ?"
            )
            for title, meeting, meeting_id, starts in cur.execute(
                sql, [*found_words, limit]
            ).fetchall():
                label = title if kind == "meeting" else f"{title} – {meeting}"
                hits.append(Hit(kind, label, starts.date(), "moten", (("mote", str(meeting_id)),)))
    return hits
