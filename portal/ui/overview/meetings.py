"""Overview section: the next meeting, my open action items and overdue action items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from portal.i18n import t
from portal.meetings import api as db, api as lists, api as svc
from portal.ui import pager
from portal.ui.links import page_link
from portal.ui.meeting_widgets import compact_lines, when_text
from portal.ui.text import escape_md

PERMISSION = "meetings.view"
SIZE = 10  # action items per page in the overview's narrow columns
# The lists are compact (heading and items one Markdown block each), not grids: a
# half-width column is too narrow for a grid's six columns, and each element adds to
# a page load in the browser (docs/PERFORMANCE.md).


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
    today = date.today()
    cols = st.columns(2)
    with cols[0]:
        _actions(
            t("meetings.my_actions"),
            "ov_mt_mine",
            lists.my_open_count(user.username),
            lambda first, size: lists.my_open_page(user.username, first, size),
            lambda: st.info(t("meetings.no_open_actions")),
        )
    with cols[1]:
        _actions(
            t("meetings.overdue_actions"),
            "ov_mt_overdue",
            lists.overdue_count(today),
            lambda first, size: lists.overdue_page(today, first, size),
            lambda: st.success(t("meetings.no_overdue")),
        )


def _actions(
    heading: str,
    page_key: str,
    total: int,
    fetch: Callable[[int, int], pd.DataFrame],
    when_empty: Callable[[], object],
) -> None:
    """A page of action items under its heading, as one Markdown block, with the pager."""
    if total == 0:
        st.markdown(f"**{heading}**")
        when_empty()
        return
    first = pager.offset(page_key, total, SIZE)
    rows = fetch(first, SIZE)
    st.markdown(f"**{heading}**\n\n{compact_lines(rows)}")
    pager.controls(page_key, total, first, len(rows), SIZE)
