"""Samverkansmöten: prepare, hold (meeting mode) and follow up cooperation meetings.

`/moten` lists meetings; `/moten?mote=<id>` opens one; `&lage=1` opens meeting mode.
"""

import streamlit as st

from portal import auth
from portal.exports import meetings as ics_export
from portal.i18n import t
from portal.meetings import api as db
from portal.ui import (
    guard,
    meeting_widgets as widgets,
    meeting_widgets_detail as detail,
    meeting_widgets_list as meeting_list,
    meeting_widgets_mode as mode,
    widgets as inputs,
)

user = guard.page("meetings.view")
editor = auth.can(user.role, "meetings.edit")
meeting_id = widgets.selected_meeting_id()
meeting = db.meeting(meeting_id) if meeting_id is not None else None

if meeting is None:
    st.title(t("meetings.title"))
    st.write(t("meetings.intro"))
    if meeting_id is not None:
        st.error(t("meetings.not_found"))
    if not editor:
        st.caption(t("meetings.read_only"))
    meeting_list.list_view(editor)
    st.download_button(
        t("meetings.download_all_ics"),
        ics_export.upcoming_ics,
        file_name="samverkansmoten.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        on_click="ignore",
    )
    st.stop()

top = st.columns([1, 1], vertical_alignment="center")
if top[0].button(t("meetings.back"), icon=":material/arrow_back:"):
    widgets.open_meeting(None)
in_mode = inputs.helped(
    top[1].toggle,
    t("meetings.meeting_mode"),
    value=st.query_params.get("lage") == "1",
    help=t("meetings.meeting_mode_help"),
    key=f"mt_mode_{meeting['id']}",
)
if in_mode != (st.query_params.get("lage") == "1"):
    # Keep the URL in step so the shared screen can be reloaded on the same view.
    if in_mode:
        st.query_params["lage"] = "1"
    else:
        st.query_params.pop("lage", None)
    st.rerun()  # the shell collapses the sidebar and hides the banner for lage=1

if in_mode:
    mode.render(meeting, editor)
else:
    st.title(t("meetings.title"))
    detail.detail_view(meeting, editor)
