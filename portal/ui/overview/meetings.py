"""Overview section: the next meeting, my open action items and overdue action items."""

from __future__ import annotations

from datetime import date

import streamlit as st

from portal.i18n import t
from portal.meetings import api as db, api as lists, api as svc
from portal.ui.links import page_link
from portal.ui.meeting_widgets import paged_actions, when_text
from portal.ui.text import escape_md

PERMISSION = "meetings.view"
SIZE = 10  # action items per page in the overview's narrow columns
# The lists are compact (one Markdown list each), not grids: a half-width column is too
# narrow for a grid's six columns, and each grid costs a page load about 30 ms in the
# browser (docs/PERFORMANCE.md).


def render(user) -> None:
    st.subheader(t("meetings.overview_title"))
    nxt = db.next_meeting(svc.now_local())
    heading = f"**{t('meetings.next_meeting')}**"
    if nxt is None:
        st.markdown(heading)
        st.info(t("meetings.no_next"))
    else:
        place = f" · {escape_md(nxt['place'])}" if nxt["place"] else ""
        st.markdown(f"{heading}\n\n{escape_md(nxt['title'])} · {escape_md(when_text(nxt))}{place}")
        page_link(
            "app_pages/meetings.py",
            t("meetings.open_button"),
            ":material/groups:",
            {"mote": str(nxt["id"])},
        )
    cols = st.columns(2)
    with cols[0]:
        st.markdown(f"**{t('meetings.my_actions')}**")
        paged_actions(
            "ov_mt_mine",
            lists.my_open_count(user.username),
            lambda first, size: lists.my_open_page(user.username, first, size),
            editor=False,
            key="mine",
            compact=True,
            size=SIZE,
        )
    with cols[1]:
        st.markdown(f"**{t('meetings.overdue_actions')}**")
        today = date.today()
        total = lists.overdue_count(today)
        if total == 0:
            st.success(t("meetings.no_overdue"))
        else:
            paged_actions(
                "ov_mt_overdue",
                total,
                lambda first, size: lists.overdue_page(today, first, size),
                editor=False,
                key="overdue",
                compact=True,
                size=SIZE,
            )
