"""Editing the plan itself: add, edit, reorder, cancel and delete activities; edit the
objectives of dimensions. Same rules as every write: role checked here, one transaction
with the audit entry, and stale saves refused (version on activities, compare-and-set on
the dimension texts).
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from portal import auth
from portal.db import audit
from portal.db.connection import Cursor, cursor, scalar, transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.plan._db import indicators as indicators_db, plans as plans_db, writes as plan_writes
from portal.plan._edit import Actor, record_update, stale_error, with_conflict_retry

MAX_DESCRIPTION = 1000
MAX_LABEL = 200
MAX_OBJECTIVE = 4000
RESPONSIBLE_ROLES = ("process_leader", "coordinator", "admin", "member")
FIELDS = ("description", "responsible_role", "responsible_label", "due_month", "ongoing", "weight")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def validate_activity(fields: dict[str, Any], start_year: int) -> dict[str, str]:
    """Field problems of an activity, in Swedish (or the UI language), by field name."""
    problems: dict[str, str] = {}
    desc = fields.get("description") or ""
    if not desc.strip():
        problems["description"] = t("plan.errors.required")
    elif len(desc) > MAX_DESCRIPTION:
        problems["description"] = t("plan.errors.too_long", max=MAX_DESCRIPTION)
    if fields.get("responsible_role") not in RESPONSIBLE_ROLES:
        problems["responsible_role"] = t("plan.errors.responsible")
    if len(fields.get("responsible_label") or "") > MAX_LABEL:
        problems["responsible_label"] = t("plan.errors.too_long", max=MAX_LABEL)
    if not fields.get("ongoing"):
        due = fields.get("due_month") or ""
        if not _MONTH.match(due):
            problems["due_month"] = t("plan.errors.due_format")
        elif due < f"{start_year:04d}-01":
            problems["due_month"] = t("plan.errors.due_before_start", start=start_year)
    weight = fields.get("weight", 1.0)
    if (
        isinstance(weight, bool)
        or not isinstance(weight, int | float)
        or not math.isfinite(weight)
        or not 0 < weight <= 100
    ):
        problems["weight"] = t("plan.errors.weight")
    return problems


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in fields.items() if k in FIELDS}
    for key in ("description", "responsible_label", "due_month"):
        if key in out and isinstance(out[key], str):
            out[key] = out[key].strip()
    if not out.get("responsible_label") and out.get("responsible_role"):
        out["responsible_label"] = t(f"common.roles.{out['responsible_role']}")
    if out.get("ongoing"):
        out["due_month"] = None  # "Fortlöpande" has no due month
    return out


def _start_year(cur: Cursor, dimension_id: int) -> int:
    row = cur.execute(
        "SELECT p.start_year FROM dimensions d JOIN plans p ON p.id = d.plan_id WHERE d.id = ?",
        [dimension_id],
    ).fetchone()
    if row is None:
        raise NotFound(t("plan.errors.not_found"))
    return int(row[0])


def add_activity(dimension_id: int, fields: dict[str, Any], user: Actor) -> int:
    """A new activity at the end of its dimension."""
    auth.require(user.role, "plan.edit")
    data = {"weight": 1.0, "ongoing": False, **_clean(fields)}
    with transaction() as cur:
        problems = validate_activity(data, _start_year(cur, dimension_id))
        if problems:
            raise ValidationError(t("plan.errors.invalid"), problems)
        act_id = plans_db.insert_activity(
            cur, dimension_id, data, plan_writes.next_position(cur, dimension_id)
        )
        audit.record(
            cur,
            user.username,
            "create",
            "activity",
            act_id,
            None,
            {**data, "dimension_id": dimension_id},
        )
    return act_id


def edit_activity(
    activity_id: int,
    version: int,
    fields: dict[str, Any],
    user: Actor,
    seen: dict[str, Any] | None = None,
) -> int:
    """Change the description, responsibility, due month or weight; returns the version."""
    auth.require(user.role, "plan.edit")
    changes = _clean(fields)

    def attempt() -> int:
        with transaction() as cur:
            before = plan_writes.activity_row(cur, activity_id)
            if before is None:
                raise NotFound(t("plan.errors.not_found"))
            merged = {**{k: before[k] for k in FIELDS}, **changes}
            problems = validate_activity(merged, _start_year(cur, before["dimension_id"]))
            if problems:
                raise ValidationError(t("plan.errors.invalid"), problems)
            if before["version"] != version or not plan_writes.update_activity_if_version(
                cur, activity_id, version, changes, datetime.now(), user.username
            ):
                raise stale_error(before, version, seen)
            audit.record(
                cur,
                user.username,
                "update",
                "activity",
                activity_id,
                {k: before[k] for k in changes},
                changes,
            )
        return version + 1

    return with_conflict_retry(attempt)


def move_activity(activity_id: int, version: int, step: int, user: Actor) -> None:
    """Move an activity one place up (-1) or down (+1) within its dimension."""
    auth.require(user.role, "plan.edit")

    def attempt() -> None:
        now = datetime.now()
        with transaction() as cur:
            before = plan_writes.activity_row(cur, activity_id)
            if before is None:
                raise NotFound(t("plan.errors.not_found"))
            rows = plan_writes.siblings(cur, before["dimension_id"])
            index = next(i for i, r in enumerate(rows) if r[0] == activity_id)
            other = index + step
            if not 0 <= other < len(rows):
                return
            # Positions are renumbered 1..n so that ties from old data cannot block a move.
            order = [r[0] for r in rows]
            order[index], order[other] = order[other], order[index]
            versions = {r[0]: r[2] for r in rows}
            if versions[activity_id] != version:
                raise stale_error(before, version, None)
            for pos, act_id in enumerate(order, start=1):
                if not plan_writes.update_activity_if_version(
                    cur, act_id, versions[act_id], {"position": pos}, now, user.username
                ):
                    raise stale_error(before, version, None)
            audit.record(
                cur,
                user.username,
                "reorder",
                "activity",
                activity_id,
                {"position": index + 1},
                {"position": other + 1},
            )

    with_conflict_retry(attempt)


def cancel_activity(activity_id: int, version: int, comment: str, user: Actor) -> int:
    """Cancelling is a status change, so it lands in the history with its reason."""
    act = plans_db.activity(activity_id)
    if act is None:
        raise NotFound(t("plan.errors.not_found"))
    return record_update(activity_id, version, "cancelled", int(act["progress"]), comment, user)


def has_history(activity_id: int) -> bool:
    with cursor() as cur:
        return bool(
            scalar(
                cur,
                "SELECT (SELECT count(*) FROM activity_updates WHERE activity_id = ?)"
                " + (SELECT count(*) FROM indicators WHERE activity_id = ?)",
                [activity_id, activity_id],
            )
        )


def delete_activity(activity_id: int, version: int, user: Actor, confirmed: bool = False) -> None:
    """Delete an activity. If it has history (updates or indicators) the caller must
    confirm; the whole history then goes into the audit log before the rows are removed."""
    auth.require(user.role, "plan.edit")

    def attempt() -> None:
        with transaction() as cur:
            before = plan_writes.activity_row(cur, activity_id)
            if before is None:
                raise NotFound(t("plan.errors.not_found"))
            if before["version"] != version:
                raise stale_error(before, version, None)
            history = plan_writes.update_rows(cur, activity_id)
            inds, vals = indicators_db.rows_for_activity(cur, activity_id)
            if (history or inds) and not confirmed:
                raise ValidationError(
                    t("plan.errors.confirm_delete"), {"confirm": t("plan.errors.confirm_delete")}
                )
            audit.record(
                cur,
                user.username,
                "delete",
                "activity",
                activity_id,
                {
                    "activity": before,
                    "history": history,
                    "indicators": inds,
                    "indicator_values": vals,
                },
                None,
            )
            indicators_db.delete_for_activity(cur, activity_id)
            plan_writes.delete_activity(cur, activity_id)

    with_conflict_retry(attempt)


def edit_dimension(
    dimension_id: int,
    seen_objective: str,
    seen_description: str,
    objective: str,
    description: str,
    user: Actor,
) -> None:
    """Edit a dimension's objective and description, based on the texts the user saw."""
    auth.require(user.role, "plan.edit")
    objective, description = (objective or "").strip(), (description or "").strip()
    problems: dict[str, Any] = {}
    for name, value in (("objective", objective), ("description", description)):
        if not value:
            problems[name] = t("plan.errors.required")
        elif len(value) > MAX_OBJECTIVE:
            problems[name] = t("plan.errors.too_long", max=MAX_OBJECTIVE)
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)

    def attempt() -> None:
        with transaction() as cur:
            before = plan_writes.dimension_row(cur, dimension_id)
            if before is None:
                raise NotFound(t("plan.errors.not_found"))
            if not plan_writes.update_dimension_if_unchanged(
                cur, dimension_id, seen_objective, seen_description, objective, description
            ):
                raise StaleEdit(
                    t("plan.errors.stale_dimension"),
                    changes={
                        "objective": {"seen": seen_objective, "now": before["objective"]},
                        "description": {"seen": seen_description, "now": before["description"]},
                    },
                )
            audit.record(
                cur,
                user.username,
                "update",
                "dimension",
                dimension_id,
                {"objective": before["objective"], "description": before["description"]},
                {"objective": objective, "description": description},
            )

    with_conflict_retry(attempt)
