"""Handlingsplan: dimensions with objectives, activities with due date, status, progress;
the history and indicators of each activity; follow-up charts; editing and new periods."""

from datetime import date

import streamlit as st

from portal import auth
from portal.exports.plan import plan_table, xlsx_bytes
from portal.exports.tabular import csv_bytes
from portal.i18n import t
from portal.plan import api as plan_api
from portal.ui import (
    forms,
    guard,
    plan_edit_forms,
    plan_forms,
    plan_list,
    plan_period_forms,
    plan_widgets,
    session,
    widgets,
)

user = guard.page("plan.view")
st.title(t("plan.title"))
forms.flash()

plan_id = plan_widgets.plan_selector()
today = date.today()
plan = plan_api.plan_header(plan_id) if plan_id else None
if plan is None:
    st.info(t("plan.no_plan"))
    st.stop()
dims = plan_api.dimensions(plan["id"])
# Older periods stay readable as they were; changes are made in the current plan.
editable = auth.can(user.role, "plan.edit") and bool(plan["is_current"])

st.subheader(plan["title"])
st.caption(plan_widgets.adoption_line(plan))
if not plan["is_current"]:
    st.info(t("plan.old_plan"))


def activities_tab() -> None:
    state, search = plan_list.filters()
    plan_list.dimension_lists(plan["id"], dims, today, state, search)
    widgets.expander(
        t("plan.organisation"), "plan_organisation", lambda: plan_widgets.sections(plan["id"])
    )


@st.fragment
def detail_tab() -> None:
    # Its own tab and a fragment: picking an activity or saving an update reruns this
    # tab alone. A fragment's rerun skips the page's guard, so it checks the session
    # first; an ended session or a changed role reruns the page (once), whose guard
    # answers, and the tab draws nothing.
    rechecked = st.session_state.pop("_plan_detail_recheck", False)
    if not session.still_valid(user):
        if not rechecked:
            st.session_state["_plan_detail_recheck"] = True
            st.rerun()
        return
    forms.flash()  # a save's confirmation, when the save reran only this tab
    act_id = plan_list.activity_picker(plan["id"], "plan_activity")
    row = plan_api.activity(plan["id"], act_id, today) if act_id is not None else None
    if row is not None:
        plan_widgets.activity_detail(row)
        inds = plan_api.indicators_for_activity(act_id)
        plan_widgets.indicator_table(inds)
        if editable:
            plan_forms.update_form(row, user)
            plan_forms.indicator_forms(act_id, inds, user)


def period_tab() -> None:
    plan_period_forms.adoption_form(plan, user)
    plan_period_forms.new_period_form(plan, user)


def edit_tab() -> None:
    plan_edit_forms.add_activity_form(dims, user)
    plan_edit_forms.edit_activity_forms(plan["id"], today, user)
    plan_edit_forms.dimension_form(dims, user)


parts = [
    (t("plan.tab_activities"), activities_tab),
    (t("plan.detail"), detail_tab),
    (t("plan.tab_follow_up"), lambda: plan_widgets.follow_up(plan, today)),
]
if editable:
    parts += [
        (t("plan.tab_edit"), edit_tab),
        (t("plan.tab_period"), period_tab),
    ]
# Only the open tab runs: the detail, the follow-up charts and the edit forms
# cost nothing while a meeting looks at the activity list.
widgets.tabs(parts, "plan_tab")

# The files are built only when a download is clicked.
with st.container(horizontal=True):  # one row, without a column element per button
    st.download_button(
        t("plan.export_csv"),
        data=lambda: csv_bytes(plan_table(today, plan["id"])),
        file_name=f"handlingsplan-{plan['period_label']}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    st.download_button(
        t("plan.export_xlsx"),
        data=lambda: xlsx_bytes(plan_table(today, plan["id"]), t("plan.title")),
        file_name=f"handlingsplan-{plan['period_label']}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )
