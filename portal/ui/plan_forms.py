"""Forms that keep the plan current: progress update, indicators. Shared form plumbing:
a failed save is kept in session state and shown at the form and at each field on the
rerun, so the message sits next to what must be fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.errors import PortalError, StaleEdit, ValidationError
from portal.i18n import t
from portal.plan import api as plan_api
from portal.plan.api import STATUSES
from portal.ui.text import escape_md

FLASH = "plan_flash"


def submit(form: str, action: Callable[[], Any], success: str, reset: tuple[str, ...] = ()) -> None:
    """Run a service call for `form`; remember its outcome and rerun the page.

    `reset` names session keys to forget afterwards (form values and the version the form
    was based on), both after a save and after a stale refusal, so the form shows what is
    now stored.
    """
    st.session_state.pop(_key(form), None)
    try:
        action()
    except ValidationError as exc:
        st.session_state[_key(form)] = {"message": str(exc), "problems": exc.problems}
    except StaleEdit as exc:
        st.session_state[_key(form)] = {"message": str(exc), "changes": exc.changes, "hint": True}
        _forget(reset)
    except PortalError as exc:
        st.session_state[_key(form)] = {"message": str(exc)}
    else:
        st.session_state[FLASH] = success
        _forget(reset)
    st.rerun()


def _forget(keys: tuple[str, ...]) -> None:
    for key in keys:
        st.session_state.pop(key, None)


def _key(form: str) -> str:
    return f"{form}__outcome"


def flash() -> None:
    """The confirmation of the last save, once."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def form_errors(form: str) -> None:
    """The general message of a failed save, and for a stale save what changed."""
    outcome = st.session_state.get(_key(form))
    if not outcome:
        return
    st.error(outcome["message"])
    changes = outcome.get("changes") or {}
    lines = [
        t(
            "plan.changed_field",
            field=t(f"plan.fields.{name}"),
            seen=_show(name, c["seen"]),
            now=_show(name, c["now"]),
        )
        for name, c in changes.items()
        if not name.startswith("_") and "seen" in c
    ]
    if lines:
        st.markdown("\n".join(f"- {escape_md(line)}" for line in lines))
    if outcome.get("hint"):
        st.info(t("plan.reload_hint"))


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


def field_error(form: str, field: str) -> None:
    outcome = st.session_state.get(_key(form)) or {}
    message = (outcome.get("problems") or {}).get(field)
    if message:
        st.error(message, icon=":material/error:")


def update_form(row, user) -> None:
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
        status = st.selectbox(
            t("plan.status"),
            STATUSES,
            index=STATUSES.index(base["status"]),
            format_func=lambda s: t(f"plan.statuses.{s}"),
            key=keys[0],
        )
        field_error(form, "status")
        progress = st.number_input(
            t("plan.progress") + " (%)",
            min_value=0,
            max_value=100,
            value=int(base["progress"]),
            step=5,
            key=keys[1],
        )
        field_error(form, "progress")
        comment = st.text_area(t("plan.comment"), max_chars=plan_api.MAX_COMMENT, key=keys[2])
        field_error(form, "comment")
        link = st.text_input(
            t("plan.link"), help=t("plan.link_help"), max_chars=plan_api.MAX_LINK, key=keys[3]
        )
        field_error(form, "link")
        saved = st.form_submit_button(t("plan.save_update"), type="primary")
    if saved:
        submit(
            form,
            lambda: plan_api.record_update(
                int(row.id), base["version"], status, progress, comment, user, link=link, seen=base
            ),
            t("plan.saved"),
            reset=(base_key, *keys),
        )


def indicator_forms(activity_id: int, inds: pd.DataFrame, user) -> None:
    """Add an indicator to the activity; record a dated value of one of its indicators."""
    form = f"plan_indicator_{activity_id}"
    with st.expander(t("plan.add_indicator")):
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
    if inds.empty:
        return
    form = f"plan_value_{activity_id}"
    with st.expander(t("plan.record_value")):
        form_errors(form)
        names = dict(zip(inds["indicator_id"].astype(int), inds["name"], strict=True))
        with st.form(form, clear_on_submit=True):
            ind_id = st.selectbox(
                t("plan.indicator_name"), list(names), format_func=names.__getitem__
            )
            measured_on = st.date_input(
                t("plan.measured_on"), value=date.today(), format="YYYY-MM-DD"
            )
            field_error(form, "measured_on")
            value = st.number_input(t("plan.value"), value=None, step=1.0)
            field_error(form, "value")
            note = st.text_input(t("plan.note"), max_chars=plan_api.MAX_COMMENT)
            stored = st.form_submit_button(t("plan.save_value"))
        if stored:
            submit(
                form,
                lambda: plan_api.record_indicator_value(
                    ind_id, measured_on, value, user, note=note
                ),
                t("plan.saved"),
            )
