"""The meetings part of the annual follow-up report: `year_summary(year)`.

Interface for the annual report (portal/services/report*): keep the keys stable.
"""

from __future__ import annotations

from portal.meetings._core import TYPES, action_status_label, as_date, type_label
from portal.meetings._db import meetings as db


def year_summary(year: int) -> dict:
    """Meetings held in `year`, by type, attendance by organisation, decisions, open actions.

    Keys: held (int), by_type [{type, label, count}], attendance_by_org
    [{organisation, count}] (present attendees), decisions [{date, meeting, number, text}],
    open_actions [{text, owner, due, status, status_label}] (every action still open,
    whatever its year).
    Labels are Swedish: the report goes to kommunledningsgruppen.
    """
    counts = db.held_by_type(year)
    by_type = [
        {"type": k, "label": type_label(k, lang="sv"), "count": counts.get(k, 0)} for k in TYPES
    ]
    attendance = [
        {"organisation": str(r.organisation), "count": int(r.count)}
        for r in db.attendance_by_org(year).itertuples()
    ]
    held_ids = set(db.meetings(year=year).query("status == 'held'")["id"].astype(int))
    decisions = [
        {
            "date": as_date(r.starts_at),
            "meeting": r.meeting_title,
            "number": int(r.number),
            "text": r.text,
        }
        for r in db.decisions(year=year).itertuples()
        if int(r.meeting_id) in held_ids
    ]
    open_actions = [
        {
            "text": r.text,
            "owner": r.owner,
            "due": as_date(r.due),
            "status": r.status,
            "status_label": action_status_label(r.status, lang="sv"),
        }
        for r in db.actions(open_only=True).itertuples()
    ]
    return {
        "held": sum(counts.values()),
        "by_type": by_type,
        "attendance_by_org": attendance,
        "decisions": decisions,
        "open_actions": open_actions,
    }
