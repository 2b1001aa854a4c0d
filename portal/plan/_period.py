"""Starting a new plan period from the old one.

Dimensions (with their objectives) and the document's sections are copied; every
activity that is not done or cancelled is carried over with its status and progress,
linked to its predecessor so its history can be followed, and given a new due month to
review. The old plan stays as it was and readable; the new one becomes current.
"""

from __future__ import annotations

import re
from datetime import date

from portal import auth
from portal.db import audit
from portal.db.connection import transaction
from portal.errors import NotFound, ValidationError
from portal.i18n import t
from portal.plan._core import CLOSED
from portal.plan._db import plans as plans_db, writes as plan_writes
from portal.plan._edit import Actor

MAX_TITLE = 300
_LABEL = re.compile(r"^\d{4}(-\d{4})?$")


def suggested(prev: dict) -> dict:
    """Defaults for the form: the next period of the same length."""
    length = int(prev["end_year"]) - int(prev["start_year"]) + 1
    start = int(prev["end_year"]) + 1
    end = start + length - 1
    label = f"{start}-{end}" if end != start else str(start)
    title = str(prev["title"]).replace(str(prev["period_label"]), label)
    if title == prev["title"]:
        title = f"{prev['title']} {label}"
    return {
        "title": title,
        "period_label": label,
        "start_year": start,
        "end_year": end,
        "due_month": f"{end}-12",
    }


def validate_period(
    prev: dict,
    title: str,
    label: str,
    start_year: int,
    end_year: int,
    due_month: str,
    existing_labels: list[str],
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = t("plan.errors.required")
    elif len(title) > MAX_TITLE:
        problems["title"] = t("plan.errors.too_long", max=MAX_TITLE)
    if not _LABEL.match(label or ""):
        problems["period_label"] = t("plan.errors.period_label")
    elif label in existing_labels:
        problems["period_label"] = t("plan.errors.period_exists")
    if start_year <= int(prev["start_year"]):
        problems["start_year"] = t("plan.errors.start_after_old", year=prev["start_year"])
    if end_year < start_year:
        problems["end_year"] = t("plan.errors.end_before_start")
    if not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", due_month or ""):
        problems["due_month"] = t("plan.errors.due_format")
    elif due_month < f"{start_year:04d}-01":
        problems["due_month"] = t("plan.errors.due_before_start", start=start_year)
    return problems


def start_new_period(
    prev_plan_id: int,
    title: str,
    period_label: str,
    start_year: int,
    end_year: int,
    due_month: str,
    user: Actor,
) -> int:
    """Create the next plan from `prev_plan_id`; returns the new plan's id."""
    auth.require(user.role, "plan.edit")
    prev = plans_db.plan_by_id(prev_plan_id)
    if prev is None:
        raise NotFound(t("plan.errors.not_found"))
    title, period_label = (title or "").strip(), (period_label or "").strip()
    labels = list(plans_db.all_plans()["period_label"])
    problems = validate_period(
        prev, title, period_label, int(start_year), int(end_year), due_month, labels
    )
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)
    with transaction() as cur:
        # a new period is a draft until someone records its adoption (record_adoption)
        new = {
            k: prev.get(k) for k in ("document_owner", "applies_to", "prepared_by", "introduction")
        }
        new.update(
            title=title,
            period_label=period_label,
            start_year=int(start_year),
            end_year=int(end_year),
            valid_through=str(end_year),
            predecessor_id=prev_plan_id,
            adopted_by=None,
            adopted_on=None,
            adoption_ref=None,
            prepared_on=None,
        )
        plan_id = plans_db.insert_plan(cur, new, is_current=True)
        plan_writes.make_current(cur, plan_id)
        for pos, sec in enumerate(plans_db.plan_sections(prev_plan_id).itertuples(), 1):
            plans_db.insert_section(cur, plan_id, sec.number, sec.heading, sec.body, pos)
        acts = plans_db.activities(prev_plan_id)
        carried = []
        for dpos, dim in enumerate(plans_db.dimensions(prev_plan_id).itertuples(), 1):
            dim_id = plans_db.insert_dimension(cur, plan_id, dim._asdict(), dpos)
            open_acts = acts[(acts["dimension_id"] == dim.id) & ~acts["status"].isin(CLOSED)]
            for apos, act in enumerate(open_acts.itertuples(), 1):
                new_id = plans_db.insert_activity(
                    cur,
                    dim_id,
                    {
                        "description": act.description,
                        "responsible_role": act.responsible_role,
                        "responsible_label": act.responsible_label,
                        "due_month": None if act.ongoing else due_month,
                        "ongoing": bool(act.ongoing),
                        "status": act.status,
                        "progress": int(act.progress),
                        "predecessor_id": int(act.id),
                        "weight": float(act.weight),
                    },
                    apos,
                )
                cur.execute(
                    "INSERT INTO indicators (activity_id, name, unit, target, position,"
                    " created_by) SELECT ?, name, unit, target, position, ? FROM indicators"
                    " WHERE activity_id = ?",
                    [new_id, user.username, int(act.id)],
                )
                carried.append({"from": int(act.id), "to": new_id})
        audit.record(
            cur, user.username, "create", "plan", plan_id, None, {**new, "carried_over": carried}
        )
    return plan_id


MAX_ADOPTED_BY = 100
MAX_REF = 40


def record_adoption(
    plan_id: int, adopted_by: str, adopted_on: date | None, adoption_ref: str, user: Actor
) -> None:
    """Record who adopted the plan, when and under which § (or correct it); audited."""
    auth.require(user.role, "plan.edit")
    adopted_by, adoption_ref = (adopted_by or "").strip(), (adoption_ref or "").strip()
    problems: dict[str, str] = {}
    if not adopted_by:
        problems["adopted_by"] = t("plan.errors.required")
    elif len(adopted_by) > MAX_ADOPTED_BY:
        problems["adopted_by"] = t("plan.errors.too_long", max=MAX_ADOPTED_BY)
    if not isinstance(adopted_on, date):
        problems["adopted_on"] = t("plan.errors.required")
    elif adopted_on > date.today():
        problems["adopted_on"] = t("plan.errors.adopted_future")
    if len(adoption_ref) > MAX_REF:
        problems["adoption_ref"] = t("plan.errors.too_long", max=MAX_REF)
    if problems:
        raise ValidationError(t("plan.errors.invalid"), problems)
    assert isinstance(adopted_on, date)  # checked above
    with transaction() as cur:
        before = plan_writes.adoption(cur, plan_id)
        if before is None:
            raise NotFound(t("plan.errors.not_found"))
        after = {"adopted_by": adopted_by, "adopted_on": adopted_on, "adoption_ref": adoption_ref}
        plan_writes.set_adoption(cur, plan_id, adopted_by, adopted_on, adoption_ref)
        audit.record(cur, user.username, "adopt", "plan", plan_id, before, after)
