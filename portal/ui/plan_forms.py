"""Forms that keep the plan current: progress update, indicators. They save through the
one form helper (portal/ui/forms.py); only how a changed plan field is named is theirs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.actor import Actor
from portal.i18n import t
from portal.plan import api as plan_api
from portal.plan.api import STATUSES
from portal.ui import widgets
from portal.ui.forms import errors, field_error, on_submit, submit


def form_errors(form: str) -> None:
    """The general message of a failed save, and for a stale save what changed."""
    errors(form, show_change=_changed)


def _changed(name: str, change: dict[str, Any]) -> str:
    return t(
        "plan.changed_field",
        field=t(f"plan.fields.{name}"),
        seen=_show(name, change["seen"]),
        now=_show(name, change["now"]),
    )


def _show(name: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if name == "status":
        return t(f"plan.statuses.{value}")
    if name == "progress":
        return f"{int(value)} %"
    if isinstance(value, bool):
        return t("common.yes") if value else t("common.no")
    return str(value)


def update_form(row: plan_api.Activity, user: Actor) -> None:
    """Status, progress, comment and link of one activity, saved as a history entry.

    The form remembers the version it was first shown with: a save on top of someone
    else's newer save is refused by the service and explained here.
    """
    form = f"plan_update_{int(row.id)}"
    base_key = f"{form}_base"
    base = st.session_state.setdefault(
        base_key, {"version": int(row.version), "status": row.status, "progress": int(row.progress)}
    )
    keys = tuple(f"{form}_{n}" for n in ("status", "progress", "comment", "link"))
    st.markdown(f"##### {t('plan.update')}")
    form_errors(form)
    with st.form(form):
        widgets.select(
            t("plan.status"),
            STATUSES,
            index=STATUSES.index(base["status"]),
            format_func=lambda s: t(f"plan.statuses.{s}"),
            key=keys[0],
        )
        field_error(form, "status")
        st.number_input(
            t("plan.progress") + " (%)",
            min_value=0,
            max_value=100,
            value=int(base["progress"]),
            step=5,
            key=keys[1],
        )
        field_error(form, "progress")
        st.text_area(t("plan.comment"), max_chars=plan_api.MAX_COMMENT, key=keys[2])
        field_error(form, "comment")
        widgets.helped(
            st.text_input,
            t("plan.link"),
            help=t("plan.link_help"),
            max_chars=plan_api.MAX_LINK,
            key=keys[3],
        )
        field_error(form, "link")
        # A client may send only the fields it changed: the others keep the form's values.
        state = st.session_state
        st.form_submit_button(
            t("plan.save_update"),
            type="primary",
            on_click=on_submit(
                form,
                lambda: plan_api.record_update(
                    int(row.id),
                    base["version"],
                    state.get(keys[0], base["status"]),
                    state.get(keys[1], base["progress"]),
                    state.get(keys[2], ""),
                    user,
                    link=state.get(keys[3], ""),
                    seen=base,
                ),
                t("plan.saved"),
                actor=user,
                reset=(base_key, *keys),
                keep=lambda: {
                    t("plan.comment"): state.get(keys[2], ""),
                    t("plan.link"): state.get(keys[3], ""),
                },
            ),
        )


def indicator_forms(activity_id: int, inds: pd.DataFrame, user) -> None:
    """Add an indicator to the activity; record a dated value of one of its indicators.
    Each form is built when its section is opened."""
    widgets.expander(
        t("plan.add_indicator"),
        f"plan_indicator_{activity_id}_open",
        lambda: _add_indicator(activity_id, user),
    )
    if not inds.empty:
        widgets.expander(
            t("plan.record_value"),
            f"plan_value_{activity_id}_open",
            lambda: _record_value(activity_id, inds, user),
        )


def _add_indicator(activity_id: int, user) -> None:
    form = f"plan_indicator_{activity_id}"
    form_errors(form)
    with st.form(form, clear_on_submit=True):
        name = st.text_input(t("plan.indicator_name"), max_chars=plan_api.MAX_NAME)
        field_error(form, "name")
        unit = st.text_input(t("plan.unit"), max_chars=plan_api.MAX_UNIT)
        target = st.number_input(t("plan.target"), min_value=0.0, value=None, step=1.0)
        field_error(form, "target")
        added = st.form_submit_button(t("plan.add_indicator_submit"))
    if added:
        submit(
            form,
            lambda: plan_api.add_indicator(activity_id, name, unit, target, user),
            t("plan.saved"),
        )


def _record_value(activity_id: int, inds: pd.DataFrame, user) -> None:
    form = f"plan_value_{activity_id}"
    form_errors(form)
    names = dict(zip(inds["indicator_id"].astype(int), inds["name"], strict=True))
    with st.form(form, clear_on_submit=True):
        ind_id = widgets.select(
            t("plan.indicator_name"), list(names), format_func=names.__getitem__
        )
        measured_on = widgets.date(t("plan.measured_on"), value=date.today(), format="YYYY-MM-DD")
        field_error(form, "measured_on")
        value = st.number_input(t("plan.value"), value=None, step=1.0)
        field_error(form, "value")
        note = st.text_input(t("plan.note"), max_chars=plan_api.MAX_COMMENT)
        stored = st.form_submit_button(t("plan.save_value"))
    if stored:
        submit(
            form,
            lambda: plan_api.record_indicator_value(ind_id, measured_on, value, user, note=note),
            t("plan.saved"),
        )
