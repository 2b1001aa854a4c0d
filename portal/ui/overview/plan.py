"""Overview section: the current plan's progress per dimension, my activities, what is
overdue or stale, and the latest updates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal.charts.plan import dimension_progress
from portal.i18n import t
from portal.services import plan as plan_service
from portal.services.plan import CLOSED
from portal.ui import plan_widgets
from portal.ui.text import escape_md

ORDER = 10
PERMISSION = "plan.view"
RECENT = 5


def render(user) -> None:
    view = plan_service.current_plan_view(date.today())
    if view is None:
        st.info(t("plan.no_plan"))
        return
    plan, dims, acts = view
    summary = plan_service.summarize(plan, acts, dims, date.today())

    st.subheader(f"{t('overview.plan_progress')}: {plan['title']}")
    plan_widgets.summary_metrics(summary, t("overview.overall"))

    progress = pd.DataFrame([
        {"name": f"{d.number} {d.name}", "progress": round(d.progress or 0.0)}
        for d in summary.dimensions
    ])
    st.altair_chart(
        dimension_progress(progress, t("overview.per_dimension"),
                           t("plan.progress") + " (%)", ""),
        width="stretch",
    )
    with st.expander(t("overview.table_alternative")):
        st.dataframe(progress.rename(columns={"name": t("overview.dimension"),
                                              "progress": t("plan.progress") + " (%)"}),
                     hide_index=True)

    st.subheader(t("overview.my_activities"))
    mine = acts[(acts["responsible_role"] == user.role) & ~acts["status"].isin(CLOSED)]
    if mine.empty:
        st.caption(t("overview.my_activities_none"))
    else:
        plan_widgets.activity_table(mine)

    st.subheader(t("overview.overdue_list"))
    late = acts[acts["overdue"]]
    if late.empty:
        st.success(t("overview.none_overdue"))
    else:
        plan_widgets.activity_table(late)

    st.subheader(t("overview.stale_list", days=plan_service.stale_days()))
    stale = acts[acts["stale"]]
    if stale.empty:
        st.success(t("overview.none_stale"))
    else:
        plan_widgets.activity_table(stale)

    st.subheader(t("overview.recent_updates"))
    recent_updates(int(plan["id"]))


def recent_updates(plan_id: int) -> None:
    """The latest history entries as short lines; the comment is user text, escaped."""
    recent = plan_service.recent_updates(plan_id, RECENT)
    if recent.empty:
        st.caption(t("overview.no_updates"))
        return
    for upd in recent.itertuples():
        when = pd.Timestamp(upd.made_at).strftime("%Y-%m-%d")
        head = (f"{when} · {upd.actor} · {upd.dimension_number} "
                f"{_short(upd.description)}: {t(f'plan.statuses.{upd.new_status}')}, "
                f"{int(upd.new_progress)} %")
        line = escape_md(head)
        if upd.comment:
            line += f"  \n{escape_md(_short(upd.comment, 160))}"
        st.markdown(line)


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
