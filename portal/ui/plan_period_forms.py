"""The plan period: record who adopted the plan and when, and start a new period.
Shown only to roles with plan.edit; the services check the role again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.actor import Actor
from portal.i18n import t, tn
from portal.i18n.formats import number
from portal.plan import api as plan_api
from portal.ui import widgets
from portal.ui.forms import field_error, submit
from portal.ui.plan_forms import form_errors
from portal.ui.text import table as text_table


def adoption_form(plan: dict[str, Any], user: Actor) -> None:
    """Record the adoption (body, date, §) of a plan that is still a draft, or correct it."""
    adopted = plan.get("adopted_on") is not None
    st.markdown(f"#### {t('plan.adoption_heading')}")
    if not adopted:
        st.info(t("plan.adoption_missing"))
    form = f"plan_adoption_{int(plan['id'])}"
    form_errors(form)
    with st.form(form):
        by = st.text_input(
            t("plan.adopted_by"), value=plan.get("adopted_by") or t("plan.adopted_by_default")
        )
        field_error(form, "adopted_by")
        cols = st.columns(2)
        on = widgets.on(cols[0]).date(
            t("plan.adopted_on"),
            value=plan.get("adopted_on") or date.today(),
            max_value=date.today(),
            format="YYYY-MM-DD",
        )
        ref = cols[1].text_input(
            t("plan.adoption_ref"), value=plan.get("adoption_ref") or "", placeholder="§ 97"
        )
        field_error(form, "adopted_on")
        field_error(form, "adoption_ref")
        saved = st.form_submit_button(t("plan.adoption_save"), type="primary")
    if saved:
        submit(
            form,
            lambda: plan_api.record_adoption(int(plan["id"]), by, on, ref, user),
            t("plan.adoption_saved"),
        )


def new_period_form(plan: dict[str, Any], user: Actor) -> None:
    st.markdown(f"#### {t('plan.new_period')}")
    st.write(t("plan.new_period_intro"))
    carried, total = plan_api.carry_over_preview(int(plan["id"]))
    with st.expander(tn("plan.carry_list", total)):
        text_table(
            pd.DataFrame(
                {
                    t("plan.activities"): carried["description"],
                    t("plan.status"): [t(f"plan.statuses.{s}") for s in carried["status"]],
                }
            )
        )
        if total > len(carried):
            st.caption(t("plan.and_more", n=number(total - len(carried))))
    defaults = plan_api.suggested(plan)
    form = "plan_new_period"
    form_errors(form)
    with st.form(form):
        title = st.text_input(t("plan.period_title"), value=defaults["title"])
        field_error(form, "title")
        label = st.text_input(t("plan.period_label"), value=defaults["period_label"])
        field_error(form, "period_label")
        cols = st.columns(2)
        start = cols[0].number_input(
            t("plan.start_year"),
            min_value=2000,
            max_value=2100,
            value=defaults["start_year"],
            step=1,
        )
        end = cols[1].number_input(
            t("plan.end_year"), min_value=2000, max_value=2100, value=defaults["end_year"], step=1
        )
        field_error(form, "start_year")
        field_error(form, "end_year")
        due = st.text_input(t("plan.carry_due"), value=defaults["due_month"], max_chars=7)
        field_error(form, "due_month")
        started = st.form_submit_button(t("plan.start_period"), type="primary")
    if started:
        submit(
            form,
            lambda: plan_api.start_new_period(
                int(plan["id"]), title, label, int(start), int(end), due, user
            ),
            t("plan.period_started", period=label),
            reset=("plan_id",),
        )
