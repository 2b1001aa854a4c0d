"""Overview section: the current plan's progress per dimension and what is overdue."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal.charts.plan import dimension_progress
from portal.i18n import t
from portal.services import plan as plan_service
from portal.ui import plan_widgets

ORDER = 10
PERMISSION = "plan.view"


def render(user) -> None:
    view = plan_service.current_plan_view(date.today())
    if view is None:
        st.info(t("plan.no_plan"))
        return
    plan, dims, acts = view
    summary = plan_service.summarize(plan, acts, dims, date.today())

    st.subheader(f"{t('overview.plan_progress')}: {plan['title']}")
    cols = st.columns(4)
    cols[0].metric(t("overview.overall"),
                   f"{summary.progress:.0f} %" if summary.progress is not None else "–")
    cols[1].metric(t("overview.activities"), summary.activities)
    cols[2].metric(t("overview.done"), summary.done)
    cols[3].metric(t("overview.overdue"), summary.overdue)

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

    st.subheader(t("overview.overdue_list"))
    late = acts[acts["overdue"]]
    if late.empty:
        st.success(t("overview.none_overdue"))
    else:
        plan_widgets.activity_table(late)
