"""Meetings: validation and writes for meetings, agenda, attendance and minutes.

No Streamlit here. Every write takes the acting user, checks `meetings.edit` itself and
records an audit entry in the same transaction. Times are Europe/Stockholm wall-clock
times (naive datetimes); the calendar export attaches the zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from portal import auth
from portal.actor import Actor
from portal.admin import api as admin_api
from portal.db import audit
from portal.db.connection import Cursor, transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.meetings._db import meetings as db, writes
from portal.validation import SHORT, text_problem

TZ = ZoneInfo("Europe/Stockholm")
TYPES = ("sos", "police", "regional", "neighbours", "other")
STATUSES = ("planned", "held", "cancelled")
KINDS = ("custom", "actions", "late_activities", "situation", "signals")
MAX_TITLE = 200
MAX_EMAIL = 200
MAX_LINK = 500
MAX_MINUTES = 50_000  # a long meeting's minutes are a few thousand characters
# A guest's address for the invitation: one address, no spaces or line breaks.
GUEST_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


def now_local() -> datetime:
    """Now as a naive Stockholm wall-clock time, comparable with stored meeting times."""
    return datetime.now(TZ).replace(tzinfo=None)


def as_date(value) -> date | None:
    """A date from a date, datetime, pandas Timestamp or None/NaT."""
    if _missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def fmt_date(value) -> str:
    found = as_date(value)
    return found.isoformat() if found else ""


def type_label(key: str, lang: str | None = None) -> str:
    return t(f"meetings.types.{key}", lang=lang)


def action_status_label(key: str, lang: str | None = None) -> str:
    return t(f"meetings.action_statuses.{key}", lang=lang)


def is_http_link(link: str) -> bool:
    parsed = urlparse(link)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def validate_meeting(data: dict[str, Any]) -> dict[str, Any]:
    """Clean and check meeting fields; raise ValidationError naming every bad field."""
    clean = {
        "title": (data.get("title") or "").strip(),
        "type": data.get("type") or "sos",
        "starts_at": data.get("starts_at"),
        "ends_at": data.get("ends_at"),
        "place": (data.get("place") or "").strip(),
        "link": (data.get("link") or "").strip(),
        "status": data.get("status") or "planned",
    }
    problems: dict[str, str] = {}
    if not clean["title"]:
        problems["title"] = t("meetings.errors.title_missing")
    elif len(clean["title"]) > MAX_TITLE:
        problems["title"] = t("meetings.errors.title_long", n=MAX_TITLE)
    if clean["type"] not in TYPES:
        problems["type"] = t("meetings.errors.bad_type")
    if clean["status"] not in STATUSES:
        problems["status"] = t("meetings.errors.bad_status")
    start, end = clean["starts_at"], clean["ends_at"]
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        problems["starts_at"] = t("meetings.errors.time_missing")
    elif end <= start:
        problems["ends_at"] = t("meetings.errors.end_before_start")
    else:
        # Stored as Stockholm wall-clock time without zone.
        clean["starts_at"] = start.astimezone(TZ).replace(tzinfo=None) if start.tzinfo else start
        clean["ends_at"] = end.astimezone(TZ).replace(tzinfo=None) if end.tzinfo else end
    if clean["link"] and not is_http_link(clean["link"]):
        problems["link"] = t("meetings.errors.bad_link")
    for field, limit in (("place", SHORT), ("link", MAX_LINK)):
        problem = text_problem(clean[field], limit)
        if problem and field not in problems:
            problems[field] = problem
    if problems:
        raise ValidationError(t("meetings.errors.invalid"), problems)
    return clean


def get(meeting_id: int) -> dict[str, Any]:
    found = db.meeting(meeting_id)
    if found is None:
        raise NotFound(t("meetings.errors.not_found"))
    return found


def update_meeting(actor: Actor, meeting_id: int, data: dict[str, Any], version: int) -> None:
    auth.require(actor.role, "meetings.edit")
    clean = validate_meeting(data)
    with transaction() as cur:
        before = _locked(cur, meeting_id, version)
        writes.update_meeting(cur, meeting_id, clean, actor.username, now_local())
        audit.record(
            cur,
            actor.username,
            "update",
            "meetings",
            meeting_id,
            {k: before[k] for k in clean},
            clean,
        )


def set_status(actor: Actor, meeting_id: int, status: str, version: int) -> None:
    current = get(meeting_id)
    data = {k: current[k] for k in ("title", "type", "starts_at", "ends_at", "place", "link")}
    update_meeting(actor, meeting_id, {**data, "status": status}, version)


def save_minutes(actor: Actor, meeting_id: int, minutes: str, version: int) -> int:
    """Save the minutes if nobody else saved since `version` (minutes_version) was loaded;
    returns the new version. A stale version raises StaleEdit carrying the other person's
    text, never overwriting it.
    """
    auth.require(actor.role, "meetings.edit")
    problem = text_problem(minutes, MAX_MINUTES, multiline=True)
    if problem:
        raise ValidationError(t("meetings.errors.invalid"), {t("meetings.minutes"): problem})
    with transaction() as cur:
        before = _locked(cur, meeting_id, version, "minutes_version")
        writes.update_minutes(cur, meeting_id, minutes, actor.username, now_local())
        audit.record(
            cur,
            actor.username,
            "update",
            "meetings.minutes",
            meeting_id,
            {"minutes": before["minutes"]},
            {"minutes": minutes},
        )
    return version + 1


def _locked(cur: Cursor, meeting_id: int, version: int, column: str = "version") -> dict[str, Any]:
    current = db.meeting(meeting_id, cur)
    if current is None:
        raise NotFound(t("meetings.errors.not_found"))
    if int(current[column]) != int(version):
        who = (
            current["minutes_by"] if column == "minutes_version" else current["updated_by"]
        ) or current["created_by"]
        raise StaleEdit(
            t("meetings.errors.stale", who=admin_api.display_name(who)),
            changes={"minutes": current["minutes"], "version": int(current[column])},
        )
    return current


def _missing(value) -> bool:
    """None, NaN, NaT or pandas NA (what an emptied data-editor cell holds)."""
    if value is None:
        return True
    try:
        return bool(value != value) or str(value) in ("<NA>", "NaT")
    except TypeError:
        return str(value) == "<NA>"


def _str(value: object) -> str:
    """A cell of the agenda grid as text: an empty cell (None, NaN, <NA>) is ""."""
    return "" if _missing(value) else str(value)


def _clean_item(item: dict[str, Any]) -> dict[str, Any]:
    title = _str(item.get("title")).strip()
    kind = _str(item.get("kind")) or "custom"
    duration: Any = item.get("duration_min")
    try:
        duration = 10 if _missing(duration) else int(duration)
    except (TypeError, ValueError):
        duration = -1
    activity: Any = item.get("activity_id")
    activity = None if _missing(activity) else int(activity)
    return {
        "title": title,
        "kind": kind if kind in KINDS else "custom",
        "duration_min": duration,
        "presenter": _str(item.get("presenter")).strip(),
        "activity_id": activity,
        "notes": _str(item.get("notes")),
    }
