"""Översikt: the plan at a glance for the SOS group."""

from datetime import date

import pandas as pd
import streamlit as st

from portal import charts
from portal.i18n import t
from portal.services import plan as plan_service
from portal.ui import guard, plan_widgets

guard.page("overview.view")
st.title(t("overview.title"))
st.write(t("overview.intro"))

view = plan_service.current_plan_view(date.today())
if view is None:
    st.info(t("plan.no_plan"))
    st.stop()
plan, dims, acts = view
summary = plan_service.summarize(plan, acts, dims, date.today())

st.subheader(f"{t('overview.plan_progress')}: {plan['title']}")
cols = st.columns(4)
cols[0].metric(t("overview.overall"),
               f"{summary.progress:.0f} %" if summary.progress is not None else "–")
cols[1].metric(t("overview.activities"), summary.activities)
cols[2].metric(t("overview.done"), summary.done)
cols[3].metric(t("overview.overdue"), summary.overdue)

progress = pd.DataFrame(
    [{"name": f"{d.number} {d.name}", "progress": d.progress or 0.0} for d in summary.dimensions]
)
st.altair_chart(
    charts.dimension_progress(progress, t("overview.per_dimension"), t("plan.progress") + " (%)",
                              ""),
    width="stretch",
)
with st.expander(t("overview.per_dimension") + " – tabell"):
    st.dataframe(progress.round(0), hide_index=True)

st.subheader(t("overview.overdue_list"))
late = acts[acts["overdue"]]
if late.empty:
    st.success(t("overview.none_overdue"))
else:
    plan_widgets.activity_table(late)
