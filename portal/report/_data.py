"""Assembles the content of the annual follow-up report for one year as plain data.

The result is JSON-ready (a final snapshot stores it as it was) plus the chart images,
which only the file renderers need. No Streamlit here; the renderers in report_docx,
report_pdf and report_xlsx turn the same content into each format.

Decisions:
- Year Y uses the plan whose period covers Y, else the current plan (unless the current
  plan starts after Y: then there was no plan that year).
- Status and progress are those at the end of Y, rebuilt from the update history, so a
  report of a past year says what was true then. "Today" for overdue is 31 December of Y
  (or today during the current year).
- Activities added after Y are left out. Activities entered together with the plan (the
  seeded plan document) count as part of the plan from its start.
- Indicator values are the latest measured on or before the report's date (31 December
  of a past year), never a value measured later.
- "Done during the year" lists activities whose (last) change to done was made within
  the year; an activity done earlier still counts as done in the status table. An
  activity done without any recorded update has no known date and is not listed.
- Counts from the situation picture and signals are always suppressed ("<3"): the
  report leaves the portal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd

from portal import config
from portal.i18n import t
from portal.meetings import api as meetings_summary
from portal.plan import api as plan_api
from portal.report import _sections as sections
from portal.report._db import reports as reports_db
from portal.signals import api as signal_stats
from portal.situation import api as situation_summary

STATUS_ORDER = plan_api.STATUSES
MAX_COMMENTS = 3
# Characters XML 1.0 (docx, xlsx) cannot hold; removed from every user text.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: object) -> str:
    """User text made safe to put in any of the formats (never markup, never control chars)."""
    return _BAD_CHARS.sub("", "" if text is None else str(text))


@dataclass
class Report:
    content: dict[str, Any]
    charts: list[tuple[str, bytes]] = field(default_factory=list)


def report_today(year: int, today: date | None = None) -> date:
    today = today or date.today()
    return today if year >= today.year else date(year, 12, 31)


def plan_for_year(year: int) -> int | None:
    plan_id = reports_db.plan_id_for_year(year)
    if plan_id is not None:
        return plan_id
    current = plan_api.current_plan()
    if current is None or current["start_year"] > year:
        return None
    return int(current["id"])


def build_report(year: int, today: date | None = None, with_charts: bool = True) -> Report:
    """The whole report for `year`: plan sections from the database, the rest via the
    other domains' summaries where those domains exist."""
    as_of = report_today(year, today)
    plan_part = plan_content(year, as_of)
    content = assemble(
        year,
        as_of,
        plan_part,
        cooperation=sections.cooperation_section(meetings_summary.year_summary(year)),
        situation=sections.situation_section(situation_summary.year_summary(year, exact=False)),
        signals=sections.signals_section(signal_stats.year_summary(year, exact=False)),
    )
    charts: list[tuple[str, bytes]] = []
    if with_charts and content["situation"] is not None:
        charts = sections.chart_images(situation_summary.charts_for_year(year))
    return Report(content, charts)


def assemble(
    year: int,
    as_of: date,
    plan_part: dict[str, Any] | None,
    cooperation: dict[str, Any] | None,
    situation: dict[str, Any] | None,
    signals: dict[str, Any] | None,
) -> dict[str, Any]:
    """The report content from its parts; pure, so tests can feed any part directly."""
    plan_part = plan_part or {"plan": None, "summary": None, "dimensions": [], "carry_over": []}
    has_activities = bool(plan_part["summary"] and plan_part["summary"]["activities"])
    return {
        "year": year,
        "as_of": as_of.isoformat(),
        "cover": {
            "municipality": clean(config.get("PORTAL_MUNICIPALITY")),
            "plan_title": plan_part["plan"]["title"] if plan_part["plan"] else "",
            "period": plan_part["plan"]["period"] if plan_part["plan"] else "",
            "year": year,
            "authors": [t("report.author_coordinator"), t("report.author_process_leader")],
            "date": date.today().isoformat(),
        },
        "empty": not (has_activities or cooperation or situation or signals),
        "summary": plan_part["summary"],
        "dimensions": plan_part["dimensions"],
        "carry_over": plan_part["carry_over"],
        "cooperation": cooperation,
        "situation": situation,
        "signals": signals,
    }


def plan_content(year: int, as_of: date) -> dict[str, Any] | None:
    """Summary, dimensions with their activities, and carry-over, as of the year's end."""
    plan_id = plan_for_year(year)
    if plan_id is None:
        return None
    view = plan_api.plan_view(plan_id, as_of)
    if view is None:
        return None
    plan, dims, acts = view
    year_end = datetime.combine(date(year, 12, 31), time.max)
    acts = activities_of_year(acts, year_end, reports_db.plan_created_at(plan_id))
    history = reports_db.activity_history(plan_id, year_end)
    if as_of < date.today():
        acts = state_at(acts, history, reports_db.first_updates(plan_id))
    acts = plan_api.derive(acts, as_of)
    indicators = plan_api.indicators_for_plan(plan_id, as_of)
    return plan_sections(plan, dims, acts, history, indicators, year)


def activities_of_year(
    acts: pd.DataFrame, year_end: datetime, plan_created: datetime | None
) -> pd.DataFrame:
    """Leave out activities added after the year (not those entered with the plan)."""
    if acts.empty:
        return acts
    created = pd.to_datetime(acts["created_at"])
    keep = created <= pd.Timestamp(year_end)
    if plan_created is not None:
        keep |= (created - pd.Timestamp(plan_created)).abs() <= pd.Timedelta(timedelta(minutes=5))
    return acts[keep.to_numpy()].copy()


def state_at(acts: pd.DataFrame, history: pd.DataFrame, first: pd.DataFrame) -> pd.DataFrame:
    """Status and progress as they were at the end of the history given."""
    df = acts.copy()
    # Plain dicts, not .at per row: 4,000 activities took a second through pandas.
    last: dict[int, tuple[str, int]] = {}
    if len(history):
        for h in history.groupby("activity_id").tail(1).itertuples():
            last[int(h.activity_id)] = (h.new_status, int(h.new_progress))
    before: dict[int, tuple[str, int]] = {}
    for f in first.itertuples() if len(first) else ():
        # updated only later: its state before that update
        status = f.old_status if isinstance(f.old_status, str) else "not_started"
        before[int(f.activity_id)] = (status, 0 if pd.isna(f.old_progress) else int(f.old_progress))
    states = [
        last.get(int(r.id)) or before.get(int(r.id)) or (r.status, int(r.progress))
        for r in df.itertuples()
    ]
    df["status"] = [s for s, _ in states]
    df["progress"] = [p for _, p in states]
    return df


def plan_sections(
    plan: dict[str, Any],
    dims: pd.DataFrame,
    acts: pd.DataFrame,
    history: pd.DataFrame,
    indicators: pd.DataFrame | None,
    year: int,
) -> dict[str, Any]:
    """Pure: the plan's parts of the report from the frames the plan service returns."""
    ongoing_text = t("plan.ongoing")
    in_year = (
        history[pd.to_datetime(history["made_at"]).dt.year == year] if len(history) else history
    )
    # Grouped once: filtering the year's updates and the indicators per activity made the
    # report quadratic (4,000 activities x 40,000 updates took minutes at 100x).
    comments_of = _latest_comments(in_year)
    changed = {int(a) for a in in_year["activity_id"]} if len(in_year) else set()
    indicators_of = _indicators_by_activity(indicators)
    parts = dict(tuple(acts.groupby("dimension_id", sort=False))) if len(acts) else {}
    dimensions, all_items = [], []
    for dim in dims.itertuples():
        part = parts.get(dim.id, acts.iloc[0:0])
        items = []
        for act in part.itertuples():
            items.append(
                {
                    "id": int(act.id),
                    "number": f"{dim.number}.{int(act.position)}",
                    "description": clean(act.description),
                    "status": act.status,
                    "status_label": t(f"plan.statuses.{act.status}"),
                    "progress": int(act.progress),
                    "due": plan_api.due_label(
                        act.due_month if isinstance(act.due_month, str) else None,
                        bool(act.ongoing),
                        ongoing_text,
                    ),
                    "responsible": clean(act.responsible_label),
                    "overdue": bool(act.overdue),
                    "changed": int(act.id) in changed,  # updated during the year
                    "comments": comments_of.get(int(act.id), []),
                    "indicators": indicators_of.get(int(act.id), []),
                }
            )
        progress = plan_api.weighted_progress(part)
        dimensions.append(
            {
                "key": dim.key,
                "number": dim.number,
                "name": clean(dim.name),
                "objective": clean(dim.objective),
                "progress": None if progress is None else round(progress, 1),
                "activities": items,
            }
        )
        all_items += [dict(i, dimension=f"{dim.number} {clean(dim.name)}") for i in items]
    overall = plan_api.weighted_progress(acts) if len(acts) else None
    finished = done_within(in_year, {i["id"] for i in all_items if i["status"] == "done"})
    summary = {
        "progress": None if overall is None else round(overall, 1),
        "activities": len(all_items),
        "by_status": [
            {
                "status": s,
                "label": t(f"plan.statuses.{s}"),
                "count": sum(1 for i in all_items if i["status"] == s),
            }
            for s in STATUS_ORDER
        ],
        "done": [_brief(i) for i in all_items if i["id"] in finished],
        "late": [_brief(i) for i in all_items if i["overdue"]],
    }
    carry = [_brief(i) for i in all_items if i["status"] not in plan_api.CLOSED]
    return {
        "plan": {
            "id": int(plan["id"]),
            "title": clean(plan["title"]),
            "period": clean(plan["period_label"]),
        },
        "summary": summary,
        "dimensions": dimensions,
        "carry_over": carry,
    }


def done_within(in_year: pd.DataFrame, done_ids: set[int]) -> set[int]:
    """Of the activities done at the year's end, those whose last change to done was made
    within the year (`in_year`: the year's updates)."""
    if not len(in_year) or not done_ids:
        return set()
    to_done = in_year[(in_year["new_status"] == "done") & (in_year["old_status"] != "done")]
    return {int(a) for a in to_done["activity_id"]} & done_ids


def _brief(item: dict[str, Any]) -> dict[str, Any]:
    return {
        k: item[k]
        for k in (
            "number",
            "dimension",
            "description",
            "status_label",
            "progress",
            "due",
            "responsible",
        )
    }


def _latest_comments(in_year: pd.DataFrame) -> dict[int, list[dict[str, str]]]:
    """Activity id -> its year's comments, newest first, at most MAX_COMMENTS (the
    updates arrive oldest first)."""
    out: dict[int, list[dict[str, str]]] = {}
    if not len(in_year):
        return out
    said = in_year[in_year["comment"].fillna("") != ""]
    for c in reversed(list(said.itertuples())):
        mine = out.setdefault(int(c.activity_id), [])
        if len(mine) < MAX_COMMENTS:
            mine.append(
                {"date": pd.Timestamp(c.made_at).date().isoformat(), "text": clean(c.comment)}
            )
    return out


def _indicators_by_activity(indicators: pd.DataFrame | None) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if indicators is None or indicators.empty:
        return out
    for r in indicators.itertuples():
        if pd.isna(r.activity_id):  # an indicator of the plan, not of one activity
            continue
        out.setdefault(int(r.activity_id), []).append(
            {
                "name": clean(r.name),
                "unit": clean(r.unit),
                "target": _num(r.target),
                "actual": _num(r.actual),
                "actual_on": "" if pd.isna(r.actual_on) else str(pd.Timestamp(r.actual_on).date()),
            }
        )
    return out


def _num(value: Any) -> float | None:
    try:
        return None if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return None
