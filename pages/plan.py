"""Handlingsplan: dimensions with objectives, activities with due date, status, progress."""

from datetime import date

import streamlit as st

from portal.exports.plan import plan_table
from portal.exports.tabular import csv_bytes
from portal.i18n import t
from portal.services import plan as plan_service
from portal.ui import guard, plan_widgets
from portal.ui.text import plain

guard.page("plan.view")
st.title(t("plan.title"))

plan_id = plan_widgets.plan_selector()
view = plan_service.plan_view(plan_id, date.today()) if plan_id else None
if view is None:
    st.info(t("plan.no_plan"))
    st.stop()
plan, dims, acts = view

st.subheader(plan["title"])
st.caption(plan_widgets.adoption_line(plan))

for dim in dims.itertuples():
    st.header(f"{dim.number} {dim.name}", divider="gray")
    st.markdown(f"**{t('plan.objective')}:** ")
    plain(dim.objective)
    with st.expander(t("plan.description")):
        plain(dim.description)
    plan_widgets.activity_table(acts[acts["dimension_id"] == dim.id])

with st.expander(t("plan.organisation")):
    plan_widgets.sections(plan["id"])

st.download_button(
    t("plan.export_csv"),
    data=csv_bytes(plan_table(date.today(), plan["id"])),
    file_name=f"handlingsplan-{plan['period_label']}.csv",
    mime="text/csv",
    icon=":material/download:",
)
