"""Creating a meeting with its agenda, and saving its agenda and attendance lists:
whole lists replaced in one write, each with its own version so a save made on an older
copy is refused, never silently replacing what someone else saved."""

from __future__ import annotations

from typing import Any

from portal import auth
from portal.actor import Actor
from portal.admin import api as admin_api
from portal.db import audit
from portal.db.connection import Cursor, transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.meetings._actions import prefill_agenda
from portal.meetings._core import (
    GUEST_EMAIL,
    MAX_EMAIL,
    _clean_item,
    _str,
    get,
    now_local,
    validate_meeting,
)
from portal.meetings._db import meetings as db, writes
from portal.validation import LONG, SHORT, text_problem


def create_meeting(
    actor: Actor,
    data: dict[str, Any],
    agenda: list[dict[str, Any]] | None = None,
    prefill: bool = True,
) -> int:
    """Create a meeting. A new SOS meeting gets the standing agenda unless one is given."""
    auth.require(actor.role, "meetings.edit")
    clean = validate_meeting(data)
    if agenda is None and prefill and clean["type"] == "sos":
        agenda = prefill_agenda(clean["starts_at"])
    items = [_clean_item(i) for i in agenda or []]
    with transaction() as cur:
        meeting_id = writes.insert_meeting(cur, clean, actor.username)
        for pos, item in enumerate(items, start=1):
            writes.insert_agenda_item(cur, meeting_id, item, pos)
        audit.record(
            cur,
            actor.username,
            "create",
            "meetings",
            meeting_id,
            None,
            {**clean, "agenda": [i["title"] for i in items]},
        )
    return meeting_id


def save_agenda(
    actor: Actor, meeting_id: int, items: list[dict[str, Any]], version: int | None = None
) -> int:
    """Replace the agenda with `items` in the given order; every item needs a title.
    With `version` (the agenda_version the editor loaded; the page always passes it) a
    save on an older copy raises StaleEdit. Returns the new agenda_version."""
    auth.require(actor.role, "meetings.edit")
    get(meeting_id)
    clean = [_clean_item(i) for i in items]
    problems = {}
    for pos, item in enumerate(clean, start=1):
        if not item["title"]:
            problems[t("meetings.agenda_row", n=pos)] = t("meetings.errors.item_title")
        elif not 0 <= item["duration_min"] <= 600:
            problems[t("meetings.agenda_row", n=pos)] = t("meetings.errors.duration")
        elif problem := _too_long(
            (item["title"], SHORT), (item["presenter"], SHORT), (item["notes"], LONG)
        ):
            problems[t("meetings.agenda_row", n=pos)] = problem
    if problems:
        raise ValidationError(t("meetings.errors.invalid"), problems)
    with transaction() as cur:
        current = _list_version(cur, meeting_id, version, "agenda_version")
        before = db.agenda(meeting_id)["title"].tolist()
        writes.bump_list_version(cur, meeting_id, "agenda_version", actor.username, now_local())
        writes.delete_agenda(cur, meeting_id)
        for pos, item in enumerate(clean, start=1):
            writes.insert_agenda_item(cur, meeting_id, item, pos)
        audit.record(
            cur,
            actor.username,
            "update",
            "agenda_items",
            meeting_id,
            before,
            [i["title"] for i in clean],
        )
    return current + 1


def save_attendance(
    actor: Actor, meeting_id: int, people: list[dict[str, Any]], version: int | None = None
) -> int:
    """Replace the list of invited/present people; every row needs a name. `version` as
    for save_agenda (attendance_version). Returns the new attendance_version."""
    auth.require(actor.role, "meetings.edit")
    get(meeting_id)
    clean, problems = [], {}
    for pos, person in enumerate(people, start=1):
        name = _str(person.get("name")).strip()
        org = _str(person.get("organisation")).strip()
        email = _str(person.get("email")).strip()
        if not name and not org:
            continue  # an empty row left in the editor
        if not name:
            problems[t("meetings.attendee_row", n=pos)] = t("meetings.errors.name_missing")
        elif email and (len(email) > MAX_EMAIL or not GUEST_EMAIL.fullmatch(email)):
            problems[t("meetings.attendee_row", n=pos)] = t("meetings.errors.bad_email")
        elif problem := _too_long((name, SHORT), (org, SHORT)):
            problems[t("meetings.attendee_row", n=pos)] = problem
        clean.append(
            {
                "name": name,
                "organisation": org,
                "email": email,
                "invited": bool(person.get("invited", True)),
                "present": bool(person.get("present", False)),
            }
        )
    if problems:
        raise ValidationError(t("meetings.errors.invalid"), problems)
    with transaction() as cur:
        current = _list_version(cur, meeting_id, version, "attendance_version")
        writes.bump_list_version(cur, meeting_id, "attendance_version", actor.username, now_local())
        writes.delete_attendees(cur, meeting_id)
        for person in clean:
            writes.insert_attendee(cur, meeting_id, person)
        audit.record(cur, actor.username, "update", "meeting_attendees", meeting_id, None, clean)
    return current + 1


def _too_long(*fields: tuple[str, int]) -> str | None:
    """The first problem among (text, limit) pairs: too long or a control character."""
    for text, limit in fields:
        problem = text_problem(text, limit, multiline=limit > SHORT)
        if problem:
            return problem
    return None


def _list_version(cur: Cursor, meeting_id: int, version: int | None, column: str) -> int:
    """The list's stored version, checked against the one the editor loaded (when given)."""
    current = db.meeting(meeting_id, cur)
    if current is None:
        raise NotFound(t("meetings.errors.not_found"))
    stored = int(current[column] or 1)
    if version is not None and stored != int(version):
        who = current["updated_by"] or current["created_by"]
        raise StaleEdit(
            t("meetings.errors.stale_list", who=admin_api.display_name(who)),
            changes={"version": stored},
        )
    return stored
