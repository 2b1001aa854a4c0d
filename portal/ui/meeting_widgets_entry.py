"""Quick entry of decisions and action items, and this meeting's lists of them.

Used by both the meeting's detail view and meeting mode, so decisions and actions can be
recorded without leaving the shared screen.
"""

from __future__ import annotations

import streamlit as st

from portal.errors import PortalError
from portal.i18n import t
from portal.i18n.formats import number
from portal.meetings import api as actions_svc, api as db
from portal.plan import api as plan_api
from portal.ui import widgets
from portal.ui.meeting_widgets import actions_table, owner_options, show_error
from portal.ui.plan_widgets import activity_label
from portal.ui.text import escape_md


def activity_choices(search: str | None, linked: tuple[int, ...] = ()) -> dict[int, str]:
    """Plan activities to link to, as id -> short label: the links already made plus the
    first matches of `search` (none when None; a plan may hold thousands: search, then
    pick). When more match than are offered, a caption says so."""
    plan = plan_api.current_plan()
    if plan is None:
        return {}
    plan_id = int(plan["id"])
    rows = list(plan_api.chosen(plan_id, list(linked)).itertuples())
    if search is not None:
        found, total = plan_api.choices(plan_id, search)
        rows += found.itertuples()
        if search.strip() and not total:
            st.caption(t("plan.no_match"))
        elif total > len(found):
            st.caption(t("plan.more_matches", shown=number(len(found)), total=number(total)))
    return {int(r.id): activity_label(r) for r in rows}


def activity_search(key: str) -> str:
    """The search box that narrows which activities a link may pick (outside the form,
    so typing updates the choices before the form is sent)."""
    return widgets.helped(
        st.text_input,
        t("meetings.search_activity"),
        key=key,
        placeholder=t("plan.filter_search_hint"),
        help=t("meetings.search_activity_help"),
    )


def decision_form(meeting_id: int) -> None:
    with st.form(f"mt_decision_{meeting_id}", clear_on_submit=True):
        st.markdown(f"**{t('meetings.new_decision')}**")
        text = st.text_area(
            t("meetings.decision"), key=f"mt_decision_text_{meeting_id}", height=100
        )
        submitted = st.form_submit_button(t("meetings.add_decision"))
    if submitted:
        try:
            number = actions_svc.add_decision(st.session_state["user"], meeting_id, text)
            st.success(t("meetings.decision_added", n=number))
        except PortalError as exc:
            show_error(exc)


def action_form(meeting_id: int) -> None:
    search = activity_search(f"mt_action_search_{meeting_id}")
    activities = activity_choices(search)
    with st.form(f"mt_action_{meeting_id}", clear_on_submit=True):
        st.markdown(f"**{t('meetings.new_action')}**")
        text = st.text_area(t("meetings.action"), key=f"mt_action_text_{meeting_id}", height=100)
        owner = widgets.select(
            t("meetings.owner"),
            owner_options(),
            index=None,
            accept_new_options=True,
            help=t("meetings.owner_help"),
            placeholder=t("meetings.owner_placeholder"),
            key=f"mt_action_owner_{meeting_id}",
        )
        due = widgets.date(
            t("meetings.due"), value=None, format="YYYY-MM-DD", key=f"mt_action_due_{meeting_id}"
        )
        activity = widgets.select(
            t("meetings.activity"),
            [None, *activities],
            format_func=lambda k: "–" if k is None else activities[k],
            key=f"mt_action_activity_{meeting_id}",
        )
        submitted = st.form_submit_button(t("meetings.add_action"))
    if submitted:
        try:
            saved = actions_svc.add_action(
                st.session_state["user"], meeting_id, text, owner or "", due, activity
            )
            st.success(t("meetings.action_added"))
            for warning in saved.warnings:
                st.warning(warning)
        except PortalError as exc:
            show_error(exc)


def quick_entry(meeting_id: int) -> None:
    left, right = st.columns(2)
    with left:
        decision_form(meeting_id)
    with right:
        action_form(meeting_id)


def decisions_list(meeting_id: int) -> None:
    df = db.decisions(meeting_id)
    if df.empty:
        st.info(t("meetings.nothing"))
        return
    # A numbered list of literal text: readable on a projector, no markup from users.
    for row in df.itertuples():
        st.markdown(f"**§ {int(row.number)}.** {escape_md(row.text)}")


def meeting_records(meeting_id: int, editor: bool, compact: bool = False) -> None:
    """This meeting's decisions and action items (the forms write above them); `compact`
    lists the action items as wrapping text blocks (meeting mode on a projector)."""
    st.subheader(t("meetings.decisions"))
    decisions_list(meeting_id)
    st.subheader(t("meetings.actions"))
    actions_table(db.actions(meeting_id=meeting_id), editor, key=f"m{meeting_id}", compact=compact)
