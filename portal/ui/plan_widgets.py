"""Read-only widgets of the plan and overview pages: tables, the activity in detail
(last update, stale flag, history timeline, indicators) and the follow-up charts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.admin import api as admin_api
from portal.charts import plan as plan_charts
from portal.i18n import t, tn
from portal.i18n.formats import long_date, stamp
from portal.plan import api as plan_api
from portal.ui import widgets
from portal.ui.text import escape_md, plain, plain_md, table as text_table


def plan_selector() -> int | None:
    """A selector of plan periods (current first); returns the chosen plan id."""
    plans = plan_api.all_plans()
    if plans.empty:
        return None
    plans = plans.sort_values("is_current", ascending=False, kind="stable")
    labels = {
        int(r.id): r.period_label + (f" ({t('plan.current')})" if r.is_current else "")
        for r in plans.itertuples()
    }
    if len(labels) == 1:
        return next(iter(labels))
    if st.session_state.get("plan_id") not in labels:
        st.session_state.pop("plan_id", None)  # e.g. after a new period was started
    return widgets.select(
        t("plan.select_plan"), list(labels), format_func=labels.__getitem__, key="plan_id"
    )


def adoption_line(plan: dict[str, Any]) -> str:
    """ "Fastställd av Kommunstyrelsen 12 mars 2019 § 97. Gäller till och med 2020.", or
    for a plan whose adoption is not recorded, that it is a draft."""
    through = plan.get("valid_through") or ""
    if not plan.get("adopted_by") or plan.get("adopted_on") is None:
        return t("plan.draft_line", through=through)
    parts = [str(plan["adopted_by"]), long_date(plan["adopted_on"])]
    ref = " " + str(plan["adoption_ref"]) if plan.get("adoption_ref") else ""
    return t("plan.adopted", by=" ".join(parts), ref=ref, through=through)


def activity_table(acts: pd.DataFrame) -> None:
    """Activities as a read-only table; status is text, not colour alone."""
    if acts.empty:
        st.info(t("common.empty"))
        return
    ongoing = t("plan.ongoing")
    table = pd.DataFrame(
        {
            t("plan.activities"): acts["description"],
            t("plan.due"): [
                plan_api.due_label(d if isinstance(d, str) else None, bool(o), ongoing)
                for d, o in zip(acts["due_month"], acts["ongoing"], strict=True)
            ],
            t("plan.responsible"): acts["responsible_label"],
            t("plan.status"): [
                status_text(s, o, st_)
                for s, o, st_ in zip(acts["status"], acts["overdue"], _stale(acts), strict=True)
            ],
            t("plan.progress"): acts["progress"].astype(int),
            t("plan.last_updated"): [
                stamp(v) for v in acts.get("last_updated", [None] * len(acts))
            ],
            t("plan.latest_comment"): acts["latest_comment"].fillna(""),
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            t("plan.activities"): st.column_config.TextColumn(width="large"),
            t("plan.progress"): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%d %%"
            ),
        },
    )


def _stale(acts: pd.DataFrame) -> list[bool]:
    return list(acts["stale"]) if "stale" in acts else [False] * len(acts)


def status_text(status: str, overdue: bool, stale: bool = False) -> str:
    text = t(f"plan.statuses.{status}")
    if overdue:
        text = f"{text} – {t('plan.overdue')}"
    if stale:
        text = f"{text} – {t('plan.stale')}"
    return text


def activity_label(row) -> str:
    desc = str(row.description)
    short = desc if len(desc) <= 90 else desc[:87] + "…"
    return f"{row.dimension_number} · {short}"


def activity_detail(row: plan_api.Activity) -> None:
    """Status, last update, stale flag, history timeline and indicators of one activity."""
    facts = [
        f"{t('plan.status')}: **{escape_md(status_text(row.status, row.overdue))}**",
        f"{t('plan.progress')}: **{int(row.progress)} %**",
        f"{t('plan.last_updated')}: **{stamp(row.last_updated) or '–'}**",
    ]
    # One Markdown block, not a row of columns: each element costs the browser a render.
    st.markdown(f"**{escape_md(row.description)}**\n\n" + " · ".join(facts))
    if row.stale:
        st.warning(tn("plan.stale_note", plan_api.stale_days()), icon=":material/schedule:")
    if row.predecessor_id is not None and not pd.isna(row.predecessor_id):
        st.caption(t("plan.predecessor"))
    timeline(plan_api.activity_history(int(row.id)))


def timeline(history: pd.DataFrame) -> None:
    """Newest first: when, who, old → new status and progress, the comment and link; one
    list under its heading."""
    heading = f"##### {t('plan.history')}"
    if history.empty:
        st.markdown(heading)
        st.caption(t("plan.no_history"))
        return
    st.markdown(
        heading + "\n\n" + "\n".join(_history_item(u) for u in history.iloc[::-1].itertuples())
    )


def _history_item(upd: Any) -> str:
    old_status = t(f"plan.statuses.{upd.old_status}") if upd.old_status else "–"
    old_progress = "–" if pd.isna(upd.old_progress) else int(upd.old_progress)
    line = t(
        "plan.history_line",
        when=pd.Timestamp(upd.made_at).strftime("%Y-%m-%d %H:%M"),
        who=admin_api.display_name(upd.actor),
        old_status=old_status,
        new_status=t(f"plan.statuses.{upd.new_status}"),
        old_progress=old_progress,
        new_progress=int(upd.new_progress),
    )
    item = "- " + escape_md(line)
    if upd.comment:
        item += "\n\n  " + plain_md(upd.comment, indent="  ")
    if upd.link:
        item += "\n\n  " + widgets.small(f"{t('plan.link')}: {upd.link}")
    return item


def indicator_table(inds: pd.DataFrame) -> None:
    """Target against latest actual, as a plain table."""
    heading = f"##### {t('plan.indicators')}"
    if inds.empty:
        st.markdown(f"{heading}\n\n{widgets.small(t('plan.no_indicators'))}")
        return
    st.markdown(heading)
    text_table(
        pd.DataFrame(
            {
                t("plan.indicator_name"): inds["name"],
                t("plan.unit"): inds["unit"],
                t("plan.target"): [_num(v) for v in inds["target"]],
                t("plan.actual"): [_num(v) for v in inds["actual"]],
                t("plan.actual_on"): [stamp(v) for v in inds["actual_on"]],
            }
        )
    )


def _num(value) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:g}"


def summary_metrics(summary: plan_api.PlanSummary, overall_label: str) -> None:
    """The plan's headline figures (shared by the plan page and the overview)."""
    progress = f"{summary.progress:.0f} %" if summary.progress is not None else "–"
    widgets.metrics(
        [
            (overall_label, progress),
            (t("overview.activities"), summary.activities),
            (t("overview.done"), summary.done),
            (t("overview.overdue"), summary.overdue),
            (t("overview.stale"), summary.stale),
        ]
    )


def follow_up(plan: dict[str, Any], today: date) -> None:
    """Roll-up figures and charts, each chart with a table alternative (from SQL)."""
    summary = plan_api.summary(plan, today)
    summary_metrics(summary, t("plan.whole_plan"))
    st.caption(t("plan.weighted"))
    progress = pd.DataFrame(
        [
            {"name": f"{d.number} {d.name}", "progress": round(d.progress or 0.0)}
            for d in summary.dimensions
        ]
    )
    axis = t("plan.progress") + " (%)"
    st.altair_chart(
        plan_charts.dimension_progress(progress, t("plan.chart_dimensions"), axis, ""),
        width="stretch",
    )
    _table_alternative(progress.rename(columns={"name": t("plan.dimension"), "progress": axis}))
    counts = plan_api.status_counts(int(plan["id"]), today)
    counts["label"] = [t(f"plan.statuses.{k}") for k in counts["status"]]
    counts = counts.rename(columns={"status": "key"})
    st.altair_chart(
        plan_charts.status_distribution(
            counts, t("plan.chart_status"), t("plan.count"), t("plan.status")
        ),
        width="stretch",
    )
    _table_alternative(
        counts[["label", "count"]].rename(
            columns={"label": t("plan.status"), "count": t("plan.count")}
        )
    )
    over_time = plan_api.progress_over_time(int(plan["id"]), t("plan.whole_plan"))
    if over_time.empty:
        st.caption(t("plan.no_time_data"))
        return
    st.altair_chart(
        plan_charts.progress_over_time(
            over_time, t("plan.chart_time"), t("plan.day"), axis, t("plan.series")
        ),
        width="stretch",
    )
    wide = (
        over_time.assign(progress=over_time["progress"].round(0).astype(int))
        .pivot(index="day", columns="series", values="progress")
        .reset_index()
    )
    _table_alternative(wide.rename(columns={"day": t("plan.day")}))


def _table_alternative(df: pd.DataFrame) -> None:
    with st.expander(t("plan.table_alternative")):
        text_table(df)


def sections(plan_id: int) -> None:
    for row in plan_api.plan_sections(plan_id).itertuples():
        st.markdown(f"**{escape_md(f'{row.number} {row.heading}')}**")
        plain(row.body)
