"""Handlingsplan: dimensions with objectives, activities with due date, status, progress;
the history and indicators of each activity; follow-up charts; editing and new periods."""

from datetime import date

import streamlit as st

from portal import auth
from portal.exports.plan import plan_table, xlsx_bytes
from portal.exports.tabular import csv_bytes
from portal.i18n import t
from portal.services import plan as plan_service
from portal.ui import guard, plan_edit_forms, plan_forms, plan_widgets
from portal.ui.text import plain

user = guard.page("plan.view")
st.title(t("plan.title"))
plan_forms.flash()

plan_id = plan_widgets.plan_selector()
today = date.today()
view = plan_service.plan_view(plan_id, today) if plan_id else None
if view is None:
    st.info(t("plan.no_plan"))
    st.stop()
plan, dims, acts = view
# Older periods stay readable as they were; changes are made in the current plan.
editable = auth.can(user.role, "plan.edit") and bool(plan["is_current"])

st.subheader(plan["title"])
st.caption(plan_widgets.adoption_line(plan))
if not plan["is_current"]:
    st.info(t("plan.old_plan"))

names = [t("plan.tab_activities"), t("plan.tab_follow_up")]
if editable:
    names += [t("plan.tab_edit"), t("plan.tab_period")]
tabs = st.tabs(names)

with tabs[0]:
    for dim in dims.itertuples():
        st.header(f"{dim.number} {dim.name}", divider="gray")
        st.markdown(f"**{t('plan.objective')}:** ")
        plain(dim.objective)
        with st.expander(t("plan.description")):
            plain(dim.description)
        plan_widgets.activity_table(acts[acts["dimension_id"] == dim.id])

    st.header(t("plan.detail"), divider="gray")
    act_id = plan_widgets.activity_picker(acts, "plan_activity")
    if act_id is not None:
        row = next(acts[acts["id"] == act_id].itertuples())
        plan_widgets.activity_detail(row)
        inds = plan_service.indicators_for_plan(plan["id"])
        inds = inds[inds["activity_id"] == act_id]
        plan_widgets.indicator_table(inds)
        if editable:
            plan_forms.update_form(row, user)
            plan_forms.indicator_forms(act_id, inds, user)

    with st.expander(t("plan.organisation")):
        plan_widgets.sections(plan["id"])

with tabs[1]:
    plan_widgets.follow_up(plan, dims, acts, today)

if editable:
    with tabs[2]:
        plan_edit_forms.add_activity_form(dims, user)
        plan_edit_forms.edit_activity_forms(acts, user)
        plan_edit_forms.dimension_form(dims, user)
    with tabs[3]:
        plan_edit_forms.new_period_form(plan, user)

table = plan_table(today, plan["id"])
cols = st.columns(2)
cols[0].download_button(
    t("plan.export_csv"), data=lambda: csv_bytes(table),
    file_name=f"handlingsplan-{plan['period_label']}.csv", mime="text/csv",
    icon=":material/download:",
)
cols[1].download_button(
    t("plan.export_xlsx"), data=lambda: xlsx_bytes(table, t("plan.title")),
    file_name=f"handlingsplan-{plan['period_label']}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
)
