"""Widgets shared by the plan and overview pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portal.db import plans as plans_db
from portal.i18n import t
from portal.services import plan as plan_service
from portal.ui.text import plain


def plan_selector() -> int | None:
    """A selector of plan periods (current first); returns the chosen plan id."""
    plans = plans_db.all_plans()
    if plans.empty:
        return None
    plans = plans.sort_values("is_current", ascending=False, kind="stable")
    labels = {
        int(r.id): r.period_label + (f" ({t('plan.current')})" if r.is_current else "")
        for r in plans.itertuples()
    }
    if len(labels) == 1:
        return next(iter(labels))
    return st.selectbox(t("plan.select_plan"), list(labels), format_func=labels.get,
                        key="plan_id")


def adoption_line(plan: dict) -> str:
    adopted_on = plan["adopted_on"].isoformat() if plan.get("adopted_on") else ""
    return t("plan.adopted", by=plan.get("adopted_by") or "", on=adopted_on,
             ref=plan.get("adoption_ref") or "", through=plan.get("valid_through") or "")


def activity_table(acts: pd.DataFrame) -> None:
    """Activities as a read-only table; status is text, not colour alone."""
    if acts.empty:
        st.info(t("common.empty"))
        return
    ongoing = t("plan.ongoing")
    table = pd.DataFrame({
        t("plan.activities"): acts["description"],
        t("plan.due"): [plan_service.due_label(d if isinstance(d, str) else None, bool(o),
                                               ongoing)
                        for d, o in zip(acts["due_month"], acts["ongoing"], strict=True)],
        t("plan.responsible"): acts["responsible_label"],
        t("plan.status"): [status_text(s, o) for s, o in
                           zip(acts["status"], acts["overdue"], strict=True)],
        t("plan.progress"): acts["progress"].astype(int),
        t("plan.latest_comment"): acts["latest_comment"].fillna(""),
    })
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            t("plan.activities"): st.column_config.TextColumn(width="large"),
            t("plan.progress"): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%d %%"),
        },
    )


def status_text(status: str, overdue: bool) -> str:
    text = t(f"plan.statuses.{status}")
    return f"{text} – {t('plan.overdue')}" if overdue else text


def sections(plan_id: int) -> None:
    for row in plans_db.plan_sections(plan_id).itertuples():
        st.markdown(f"**{row.number} {row.heading}**")
        plain(row.body)
