"""Keeping the plan current: progress updates with history, and indicator values.

Every write checks the role on the server, runs in one transaction with its audit entry,
and uses the activity's `version` so a save made on stale data is refused, never merged
silently. A DuckDB write conflict between two sessions is retried a few times; if the
row really changed meanwhile the retry sees the new version and refuses with what changed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from portal import auth
from portal.actor import Actor
from portal.admin import api as admin_api
from portal.db import audit
from portal.db.connection import transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.plan._core import STATUSES
from portal.plan._db import indicators as indicators_db, plans as plans_db, writes as plan_writes

MAX_COMMENT = 2000
MAX_LINK = 500
MAX_NAME = 200
MAX_UNIT = 40
CONFLICT_ATTEMPTS = 3
# An identical update by the same person within this time is the same save, not a new one.
REPEAT_WINDOW = timedelta(minutes=1)
T = TypeVar("T")


def with_conflict_retry(fn: Callable[[], T], attempts: int = CONFLICT_ATTEMPTS) -> T:
    """Run `fn` (a whole transaction; transaction() serialises writes in this process);
    run it again after a DuckDB write conflict (a StaleEdit without `changes`).

    A refusal that names what changed is final and passes straight through.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except StaleEdit as exc:
            if exc.changes or attempt == attempts - 1:
                if not exc.changes:
                    raise StaleEdit(t("plan.errors.conflict")) from exc
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def stale_error(current: dict[str, Any], version: int, seen: dict[str, Any] | None) -> StaleEdit:
    """The refusal: who saved last, when, and each field that differs from what was seen."""
    changes: dict[str, Any] = {}
    for name in (
        "status",
        "progress",
        "description",
        "due_month",
        "ongoing",
        "responsible_label",
        "weight",
        "position",
    ):
        now = current.get(name)
        if seen is None:  # no baseline known: give the current values only
            changes[name] = {"now": now}
        elif name in seen and seen[name] != now:
            changes[name] = {"seen": seen[name], "now": now}
    changes["_version"] = {"seen": version, "now": current.get("version")}
    when = current.get("updated_at")
    return StaleEdit(
        t(
            "plan.errors.stale",
            who=admin_api.display_name(current.get("updated_by")),
            when=when.strftime("%Y-%m-%d %H:%M") if isinstance(when, datetime) else "–",
        ),
        changes=changes,
    )


def validate_update(status: str, progress: Any, comment: str, link: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if status not in STATUSES:
        problems["status"] = t("plan.errors.status")
    if (
        isinstance(progress, bool)
        or not isinstance(progress, int | float)
        or not math.isfinite(progress)
        or progress != int(progress)
        or not 0 <= progress <= 100
    ):
        problems["progress"] = t("plan.errors.progress")
    if len(comment or "") > MAX_COMMENT:
        problems["comment"] = t("plan.errors.too_long", max=MAX_COMMENT)
    if len(link or "") > MAX_LINK:
        problems["link"] = t("plan.errors.too_long", max=MAX_LINK)
    return problems


def record_update(
    activity_id: int,
    version: int,
    status: str,
    progress: int,
    comment: str,
    user: Actor,
    link: str = "",
    seen: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> int:
    """Save a status/progress update with its comment as history; returns the new version.

    `version` is the one the user's form was based on; `seen` (status, progress, ...)
    what the form showed, so a refusal can say exactly what changed meanwhile.
    """
    auth.require(user.role, "plan.edit")
    comment, link = (comment or "").strip(), (link or "").strip()
    problems = validate_update(status, progress, comment, link)
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)
    progress = int(progress)
    new = {
        "actor": user.username,
        "new_status": status,
        "new_progress": progress,
        "comment": comment,
        "link": link,
    }

    def attempt() -> int:
        at = now or datetime.now()
        with transaction() as cur:
            before = plan_writes.activity_row(cur, activity_id)
            if before is None:
                raise NotFound(t("plan.errors.not_found"))
            if _repeated(plan_writes.latest_update(cur, activity_id), new, at):
                return int(before["version"])  # a second click of the same save: kept once
            if (before["status"], before["progress"]) == (status, progress) and not (
                comment or link
            ):
                message = t("plan.errors.nothing_changed")
                raise ValidationError(message, {"comment": message})
            fields = {"status": status, "progress": progress}
            if before["version"] != version or not plan_writes.update_activity_if_version(
                cur, activity_id, version, fields, at, user.username
            ):
                raise stale_error(before, version, seen)
            plans_db.insert_update(
                cur,
                activity_id,
                user.username,
                at,
                before["status"],
                status,
                before["progress"],
                progress,
                comment,
                link,
            )
            audit.record(
                cur,
                user.username,
                "update",
                "activity",
                activity_id,
                {"status": before["status"], "progress": before["progress"], "version": version},
                {
                    "status": status,
                    "progress": progress,
                    "comment": comment,
                    "link": link,
                    "version": version + 1,
                },
            )
        return version + 1

    return with_conflict_retry(attempt)


def _repeated(latest: dict[str, Any] | None, new: dict[str, Any], at: datetime) -> bool:
    """Whether `new` repeats the newest history entry, by the same person within
    REPEAT_WINDOW (a double click, or a click again after the confirmation)."""
    if latest is None or at - latest["made_at"] > REPEAT_WINDOW:
        return False
    return all(latest[k] == v for k, v in new.items())


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def add_indicator(activity_id: int, name: str, unit: str, target: Any, user: Actor) -> int:
    """A measurable indicator on an activity, e.g. 'Antal utbildade', target 200."""
    auth.require(user.role, "plan.edit")
    name, unit = (name or "").strip(), (unit or "").strip()
    target_value = _number(target)
    problems: dict[str, str] = {}
    if not name:
        problems["name"] = t("plan.errors.required")
    elif len(name) > MAX_NAME:
        problems["name"] = t("plan.errors.too_long", max=MAX_NAME)
    if len(unit) > MAX_UNIT:
        problems["unit"] = t("plan.errors.too_long", max=MAX_UNIT)
    if target_value is not None and (not math.isfinite(target_value) or target_value < 0):
        problems["target"] = t("plan.errors.target")
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)
    with transaction() as cur:
        if plan_writes.activity_row(cur, activity_id) is None:
            raise NotFound(t("plan.errors.not_found"))
        ind_id = indicators_db.insert_indicator(
            cur, activity_id, name, unit, target_value, user.username
        )
        audit.record(
            cur,
            user.username,
            "create",
            "indicator",
            ind_id,
            None,
            {"activity_id": activity_id, "name": name, "unit": unit, "target": target_value},
        )
    return ind_id


def record_indicator_value(
    indicator_id: int, measured_on: date | None, value: Any, user: Actor, note: str = ""
) -> int:
    """A dated value of an indicator; values are appended, so nothing can be lost."""
    auth.require(user.role, "plan.edit")
    number, note = _number(value), (note or "").strip()
    problems: dict[str, str] = {}
    if number is None or not math.isfinite(number):
        problems["value"] = t("plan.errors.number")
    if not isinstance(measured_on, date):
        problems["measured_on"] = t("plan.errors.required")
    if len(note) > MAX_COMMENT:
        problems["note"] = t("plan.errors.too_long", max=MAX_COMMENT)
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)
    assert number is not None and isinstance(measured_on, date)  # checked above
    if indicators_db.indicator(indicator_id) is None:
        raise NotFound(t("plan.errors.not_found"))
    with transaction() as cur:
        val_id = indicators_db.insert_value(
            cur, indicator_id, measured_on, number, note, user.username
        )
        audit.record(
            cur,
            user.username,
            "create",
            "indicator_value",
            val_id,
            None,
            {
                "indicator_id": indicator_id,
                "measured_on": measured_on,
                "value": number,
                "note": note,
            },
        )
    return val_id
