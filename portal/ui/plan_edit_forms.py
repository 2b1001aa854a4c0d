"""Forms that edit the plan itself (activities, dimension objectives). Shown only to
roles with plan.edit; the services check the role again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.i18n import t
from portal.plan import api as plan_api
from portal.ui import plan_list, widgets
from portal.ui.forms import field_error, submit
from portal.ui.plan_forms import form_errors


def _role_label(role: str) -> str:
    return t(f"common.roles.{role}")


def _activity_fields(
    form: str, current: dict[str, Any] | None, dims: pd.DataFrame | None
) -> dict[str, Any]:
    """The shared fields of the add and edit forms; returns what was entered."""
    values: dict[str, Any] = {}
    if dims is not None:
        names = {int(d.id): f"{d.number} {d.name}" for d in dims.itertuples()}
        values["dimension_id"] = widgets.select(
            t("plan.dimension"), list(names), format_func=names.__getitem__
        )
    cur = current or {}
    values["description"] = st.text_area(
        t("plan.description_field"),
        value=cur.get("description", ""),
        max_chars=plan_api.MAX_DESCRIPTION,
    )
    field_error(form, "description")
    roles = plan_api.RESPONSIBLE_ROLES
    values["responsible_role"] = widgets.select(
        t("plan.responsible_role"),
        roles,
        format_func=_role_label,
        index=roles.index(cur["responsible_role"]) if cur.get("responsible_role") in roles else 0,
    )
    field_error(form, "responsible_role")
    values["responsible_label"] = st.text_input(
        t("plan.responsible_label"),
        value=cur.get("responsible_label", ""),
        max_chars=plan_api.MAX_LABEL,
    )
    values["ongoing"] = st.checkbox(t("plan.ongoing_field"), value=bool(cur.get("ongoing")))
    due = cur.get("due_month")
    values["due_month"] = st.text_input(
        t("plan.due_field"),
        value=due if isinstance(due, str) else "",
        max_chars=7,
        placeholder="2020-12",
    )
    field_error(form, "due_month")
    values["weight"] = widgets.helped(
        st.number_input,
        t("plan.weight"),
        min_value=0.1,
        max_value=100.0,
        value=float(cur.get("weight", 1.0)),
        step=0.5,
        help=t("plan.weight_help"),
    )
    field_error(form, "weight")
    return values


def add_activity_form(dims: pd.DataFrame, user) -> None:
    form = "plan_add_activity"
    st.markdown(f"#### {t('plan.add_activity')}")
    form_errors(form)
    with st.form(form):
        values = _activity_fields(form, None, dims)
        added = st.form_submit_button(t("plan.add_activity"))
    if added:
        dim_id = values.pop("dimension_id")
        submit(form, lambda: plan_api.add_activity(dim_id, values, user), t("plan.saved"))


def edit_activity_forms(plan_id: int, today: date, user) -> None:
    """Edit, reorder, cancel or delete the chosen activity (search, then pick)."""
    st.markdown(f"#### {t('plan.edit_activity')}")
    act_id = plan_list.activity_picker(plan_id, "plan_edit_activity")
    row = plan_api.activity(plan_id, act_id, today) if act_id is not None else None
    if act_id is None or row is None:
        return
    form = f"plan_edit_{act_id}"
    # The form shows, and saves on top of, the version first loaded: its widgets keep
    # their identity until a save or a refusal resets it.
    base_key = f"plan_edit_base_{act_id}"
    base = st.session_state.setdefault(
        base_key, row.values(("version", "status", *plan_api.FIELDS))
    )
    form_errors(form)
    with st.form(form):
        values = _activity_fields(form, base, None)
        saved = st.form_submit_button(t("plan.save"), type="primary")
    if saved:
        submit(
            form,
            lambda: plan_api.edit_activity(act_id, int(base["version"]), values, user, seen=base),
            t("plan.saved"),
            reset=(base_key,),
        )
    version = int(base["version"])
    cols = st.columns(2)
    if cols[0].button(t("plan.move_up"), key=f"plan_up_{act_id}", icon=":material/arrow_upward:"):
        submit(
            "plan_move",
            lambda: plan_api.move_activity(act_id, version, -1, user),
            t("plan.saved"),
            reset=(base_key,),
        )
    if cols[1].button(
        t("plan.move_down"), key=f"plan_down_{act_id}", icon=":material/arrow_downward:"
    ):
        submit(
            "plan_move",
            lambda: plan_api.move_activity(act_id, version, 1, user),
            t("plan.saved"),
            reset=(base_key,),
        )
    form_errors("plan_move")
    _cancel_and_delete(act_id, version, base["status"], user, base_key)


def _cancel_and_delete(act_id: int, version: int, status: str, user, base_key: str) -> None:
    if status != "cancelled":
        form = f"plan_cancel_{act_id}"
        with st.expander(t("plan.cancel_activity")):
            form_errors(form)
            with st.form(form):
                reason = st.text_input(t("plan.cancel_reason"))
                cancelled = st.form_submit_button(t("plan.cancel_activity"))
            if cancelled:
                submit(
                    form,
                    lambda: plan_api.cancel_activity(act_id, version, reason, user),
                    t("plan.saved"),
                    reset=(base_key,),
                )
    form = f"plan_delete_{act_id}"
    with st.expander(t("plan.delete_activity")):
        form_errors(form)
        with st.form(form):
            confirmed = False
            if plan_api.has_history(act_id):
                confirmed = st.checkbox(t("plan.confirm_delete"))
                field_error(form, "confirm")
            deleted = st.form_submit_button(t("plan.delete_activity"))
        if deleted:
            submit(
                form,
                lambda: plan_api.delete_activity(act_id, version, user, confirmed=confirmed),
                t("plan.deleted"),
                reset=(base_key, "plan_edit_activity"),
            )


def dimension_form(dims: pd.DataFrame, user) -> None:
    st.markdown(f"#### {t('plan.edit_dimension')}")
    names = {int(d.id): f"{d.number} {d.name}" for d in dims.itertuples()}
    dim_id = widgets.select(
        t("plan.dimension"), list(names), format_func=names.__getitem__, key="plan_edit_dimension"
    )
    dim = dims[dims["id"] == dim_id].iloc[0]
    base_key = f"plan_dim_base_{dim_id}"
    base = st.session_state.setdefault(base_key, (dim["objective"], dim["description"]))
    form = f"plan_dim_{dim_id}"
    form_errors(form)
    with st.form(form):
        objective = st.text_area(t("plan.objective"), value=base[0])
        field_error(form, "objective")
        description = st.text_area(t("plan.description"), value=base[1], height=200)
        field_error(form, "description")
        saved = st.form_submit_button(t("plan.save"))
    if saved:
        submit(
            form,
            lambda: plan_api.edit_dimension(dim_id, base[0], base[1], objective, description, user),
            t("plan.saved"),
            reset=(base_key,),
        )
