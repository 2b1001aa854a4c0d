"""The meetings page's list view: filters, upcoming and past meetings a page each, a
selector to open one, the new-meeting form, attendance and the open action items."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from portal.i18n import t
from portal.meetings import api as db, api as lists, api as svc
from portal.ui import pager, widgets
from portal.ui.meeting_widgets import (
    attendance_section,
    meeting_form,
    open_meeting,
    paged_actions,
)
from portal.ui.text import no_missing


def meetings_table(df: pd.DataFrame) -> None:
    if df.empty:
        st.info(t("meetings.no_meetings"))
        return
    st.dataframe(
        no_missing(
            pd.DataFrame(
                {
                    t("meetings.when"): [f"{s:%Y-%m-%d %H:%M}" for s in df["starts_at"]],
                    t("meetings.meeting_title"): df["title"],
                    t("meetings.type"): [svc.type_label(x) for x in df["type"]],
                    t("meetings.place"): df["place"],
                    t("meetings.status"): [t(f"meetings.statuses.{s}") for s in df["status"]],
                }
            )
        ),
        hide_index=True,
        width="stretch",
    )


def list_view(editor: bool) -> None:
    """Filters, upcoming and past meetings (a page each), a selector to open one of the
    meetings shown, and the open action items (a page at a time)."""
    cols = st.columns(2)
    types = [None, *svc.TYPES]
    chosen_type = widgets.on(cols[0]).select(
        t("meetings.filter_type"),
        types,
        key="mt_filter_type",
        format_func=lambda k: t("meetings.all") if k is None else svc.type_label(k),
    )
    chosen_year = widgets.on(cols[1]).select(
        t("meetings.filter_year"),
        [None, *db.meeting_years()],
        key="mt_filter_year",
        format_func=lambda y: t("meetings.all") if y is None else str(y),
    )
    now = svc.now_local()
    counts = lists.meeting_counts(chosen_type, chosen_year, now)
    shown = []
    for upcoming, heading, total in (
        (True, "meetings.upcoming", counts[0]),
        (False, "meetings.past", counts[1]),
    ):
        st.subheader(t(heading))
        shown.append(_meeting_page(upcoming, total, chosen_type, chosen_year, now))

    labels = {
        int(r.id): f"{r.starts_at:%Y-%m-%d} {r.title}" for df in shown for r in df.itertuples()
    }
    if labels:
        with st.form("mt_open"):
            chosen = widgets.select(
                t("meetings.open_meeting"),
                list(labels),
                format_func=labels.__getitem__,
                help=t("meetings.open_help"),
            )
            if st.form_submit_button(t("meetings.open_button")):
                open_meeting(chosen)

    if editor:
        widgets.expander(
            t("meetings.new_meeting"), "mt_new_open", lambda: meeting_form(None), ":material/add:"
        )

    attendance_section(chosen_year or date.today().year)

    st.subheader(t("meetings.open_actions"))
    paged_actions("mt_actions_all", lists.open_count(), lists.open_page, editor, key="all")


def _meeting_page(
    upcoming: bool, total: int, meeting_type: str | None, year: int | None, now: datetime
) -> pd.DataFrame:
    key = "mt_upcoming_page" if upcoming else "mt_past_page"
    first = pager.offset(key, total, filters=(meeting_type, year))
    df = lists.meeting_page(meeting_type, year, upcoming, first, pager.PAGE_SIZE, now)
    meetings_table(df)
    pager.controls(key, total, first, len(df))
    return df
