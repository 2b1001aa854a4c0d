"""Decisions, action items and the standing agenda of a new SOS meeting.

Action items belong to the meeting where they were raised but stay open across meetings
until someone closes them; closing records who and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from portal import auth
from portal.admin import api as users_db
from portal.db import audit
from portal.db.connection import cursor, transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.meetings._core import Actor, fmt_date, get, now_local
from portal.meetings._db import meetings as db, writes
from portal.plan import api as plan_api
from portal.validation import SHORT, text_problem

ACTION_STATUSES = ("open", "in_progress", "done", "cancelled")
CLOSED = ("done", "cancelled")
MAX_TEXT = 2000


@dataclass
class Saved:
    """The id of what was saved, plus warnings that did not stop the save."""

    id: int
    warnings: list[str] = field(default_factory=list)


def add_decision(actor: Actor, meeting_id: int, text: str) -> int:
    """Record a decision; numbered 1, 2, 3 ... within its meeting. Returns the number."""
    auth.require(actor.role, "meetings.edit")
    text = (text or "").strip()
    if not text:
        raise ValidationError(
            t("meetings.errors.invalid"), {"text": t("meetings.errors.decision_missing")}
        )
    if len(text) > MAX_TEXT:
        raise ValidationError(
            t("meetings.errors.invalid"), {"text": t("meetings.errors.text_long", n=MAX_TEXT)}
        )
    get(meeting_id)
    with transaction() as cur:
        number = writes.next_decision_number(cur, meeting_id)
        decision_id = writes.insert_decision(cur, meeting_id, number, text, actor.username)
        audit.record(
            cur,
            actor.username,
            "create",
            "meeting_decisions",
            decision_id,
            None,
            {"meeting_id": meeting_id, "number": number, "text": text},
        )
    return number


def user_for_owner(owner: str) -> str | None:
    """The username whose username or display name is `owner`, if any."""
    with cursor() as cur:
        row = cur.execute(
            "SELECT username FROM users WHERE username = ? OR name = ? ORDER BY username LIMIT 1",
            [owner, owner],
        ).fetchone()
    return row[0] if row else None


def add_action(
    actor: Actor,
    meeting_id: int,
    text: str,
    owner: str,
    due: date | None,
    activity_id: int | None = None,
    today: date | None = None,
) -> Saved:
    """Record an action item. A due date in the past is allowed with a warning."""
    auth.require(actor.role, "meetings.edit")
    today = today or now_local().date()
    text, owner = (text or "").strip(), (owner or "").strip()
    problems = {}
    if not text:
        problems["text"] = t("meetings.errors.action_missing")
    elif len(text) > MAX_TEXT:
        problems["text"] = t("meetings.errors.text_long", n=MAX_TEXT)
    if not owner:
        problems["owner"] = t("meetings.errors.owner_missing")
    elif problem := text_problem(owner, SHORT):
        problems["owner"] = problem
    if problems:
        raise ValidationError(t("meetings.errors.invalid"), problems)
    get(meeting_id)
    warnings = []
    if due is not None and due < today:
        warnings.append(t("meetings.warn_due_past", due=due.isoformat()))
    item = {
        "text": text,
        "owner": owner,
        "owner_username": user_for_owner(owner),
        "due": due,
        "activity_id": activity_id,
    }
    with transaction() as cur:
        action_id = writes.insert_action(cur, meeting_id, item, actor.username)
        audit.record(
            cur,
            actor.username,
            "create",
            "action_items",
            action_id,
            None,
            {**item, "meeting_id": meeting_id},
        )
    return Saved(action_id, warnings)


def set_action_status(actor: Actor, action_id: int, status: str, version: int) -> None:
    """Change an action's status; closing it (done/cancelled) records who and when."""
    auth.require(actor.role, "meetings.edit")
    if status not in ACTION_STATUSES:
        raise ValidationError(
            t("meetings.errors.invalid"), {"status": t("meetings.errors.bad_status")}
        )
    with transaction() as cur:
        before = db.action(action_id, cur)
        if before is None:
            raise NotFound(t("meetings.errors.not_found"))
        if int(before["version"]) != int(version):
            raise StaleEdit(t("meetings.errors.stale_action"), changes={"status": before["status"]})
        closing = status in CLOSED
        writes.set_action_status(
            cur,
            action_id,
            status,
            actor.username if closing else None,
            now_local() if closing else None,
        )
        audit.record(
            cur,
            actor.username,
            "update",
            "action_items",
            action_id,
            {"status": before["status"]},
            {"status": status},
        )


def close_action(actor: Actor, action_id: int, version: int) -> None:
    set_action_status(actor, action_id, "done", version)


def open_actions(before: datetime | None = None) -> pd.DataFrame:
    """Action items not yet closed, from any meeting (optionally from meetings before)."""
    return db.actions(open_only=True, before_meeting=before)


def my_open_actions(username: str) -> pd.DataFrame:
    user = users_db.get_user(username)
    name = user.name if user else username
    return db.actions(open_only=True, owner=(username, name))


def overdue_actions(today: date) -> pd.DataFrame:
    return db.actions(open_only=True, due_before=today)


def _action_line(row) -> str:
    due = fmt_date(row.due) or t("meetings.no_due")
    return f"- {row.text} ({row.owner}, {due})"


def prefill_agenda(starts_at: datetime, today: date | None = None) -> list[dict]:
    """The SOS group's standing items for a new meeting starting at `starts_at`.

    Open action items from earlier meetings and overdue plan activities are listed in the
    items' notes (a snapshot for the invitation); meeting mode shows the live state.
    The signals item is aggregate only: it never names a case.
    """
    today = today or now_local().date()
    actions = open_actions(before=starts_at)
    action_notes = "\n".join(_action_line(r) for r in actions.itertuples()) or t(
        "meetings.prefill.no_actions"
    )
    late_notes = t("meetings.prefill.no_late")
    view = plan_api.current_plan_view(today)
    if view is not None:
        late = view[2][view[2]["overdue"]]
        if not late.empty:
            late_notes = "\n".join(
                f"- {r.description} ({r.responsible_label}, {r.due_month})"
                for r in late.itertuples()
            )
    return [
        {
            "title": t("meetings.prefill.actions"),
            "kind": "actions",
            "duration_min": 15,
            "notes": action_notes,
        },
        {
            "title": t("meetings.prefill.late"),
            "kind": "late_activities",
            "duration_min": 15,
            "notes": late_notes,
        },
        {
            "title": t("meetings.prefill.situation"),
            "kind": "situation",
            "duration_min": 20,
            "notes": "",
        },
        {
            "title": t("meetings.prefill.signals"),
            "kind": "signals",
            "duration_min": 10,
            "notes": t("meetings.prefill.signals_note"),
        },
    ]
