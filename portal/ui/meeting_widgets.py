"""Widgets of the meetings page: selection by URL, the meeting form, attendance, action
items (the list view is in meeting_widgets_list).

The selected meeting lives in the URL (`/moten?mote=<id>`, meeting mode `&lage=1`) so a
shared screen can be opened straight on a meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from portal.admin import api as users_db
from portal.auth import MUNICIPAL
from portal.charts.meetings import attendance_by_org
from portal.errors import PortalError
from portal.i18n import t
from portal.i18n.formats import long_date
from portal.meetings import api as actions_svc, api as db, api as svc
from portal.ui import chart_cache, forms, pager, widgets
from portal.ui.text import escape_md, no_missing


def selected_meeting_id() -> int | None:
    raw = st.query_params.get("mote")
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def open_meeting(meeting_id: int | None, mode: bool = False) -> None:
    # Only the meeting's own parameters: the chosen language stays in the URL.
    st.query_params.pop("mote", None)
    st.query_params.pop("lage", None)
    if meeting_id is not None:
        st.query_params["mote"] = str(meeting_id)
        if mode:
            st.query_params["lage"] = "1"
    st.rerun()


def show_error(exc: PortalError) -> None:
    """A PortalError next to the form, each field problem named in the user's language."""
    forms.show_error(exc, field_label=_field_label)


def _field_label(field: str) -> str:
    return t(f"meetings.{field}") if not field[0].isupper() else field


def when_text(m: dict[str, Any]) -> str:
    """'2 mars 2026 13:00–15:00', as Swedish readers expect a date in running text."""
    return f"{long_date(m['starts_at'])} {m['starts_at']:%H:%M}–{m['ends_at']:%H:%M}"


def paged_actions(
    page_key: str,
    total: int,
    fetch: Callable[[int, int], pd.DataFrame],
    editor: bool,
    key: str,
    compact: bool = False,
    size: int = pager.PAGE_SIZE,
) -> None:
    """A page of action items (`fetch(offset, limit)`) with the pager below it."""
    first = pager.offset(page_key, total, size)
    df = fetch(first, size)
    actions_table(df, editor, key=key, compact=compact)
    pager.controls(page_key, total, first, len(df), size)


def attendance_section(year: int) -> None:
    """Present attendees per organisation over the meetings held in `year`, chart + table."""
    st.subheader(t("meetings.attendance_chart", year=year))
    df = db.attendance_by_org(year)
    if df.empty:
        st.info(t("meetings.attendance_none", year=year))
        return
    chart_cache.show(
        attendance_by_org,
        df,
        t("meetings.attendance_chart", year=year),
        t("meetings.attendance_axis"),
        t("meetings.organisation"),
    )
    names = {"organisation": t("meetings.organisation"), "count": t("meetings.attendance_axis")}
    widgets.expander(
        t("meetings.table_alternative"),
        "mt_attendance_table",
        lambda: st.dataframe(df.rename(columns=names), hide_index=True),
    )


def _combine(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock)


def meeting_form(meeting: dict[str, Any] | None) -> None:
    """Create (meeting None) or edit a meeting; errors are shown next to the form."""
    key = f"mt_form_{meeting['id'] if meeting else 'new'}"
    version_key = f"{key}_version"
    if meeting and version_key not in st.session_state:
        # The version this person started from: a save by someone else since is refused.
        st.session_state[version_key] = int(meeting["version"])
    default_day = date.today() + timedelta(days=7)
    with st.form(key):
        title = st.text_input(
            t("meetings.meeting_title"), value=meeting["title"] if meeting else ""
        )
        mtype = widgets.select(
            t("meetings.type"),
            svc.TYPES,
            format_func=svc.type_label,
            index=svc.TYPES.index(meeting["type"]) if meeting else 0,
        )
        cols = st.columns(3)
        day = widgets.on(cols[0]).date(
            t("meetings.date"),
            value=meeting["starts_at"].date() if meeting else default_day,
            format="YYYY-MM-DD",
        )
        start = cols[1].time_input(
            t("meetings.start"),
            step=900,
            value=meeting["starts_at"].time() if meeting else time(13),
        )
        end = cols[2].time_input(
            t("meetings.end"), step=900, value=meeting["ends_at"].time() if meeting else time(15)
        )
        place = st.text_input(t("meetings.place"), value=meeting["place"] if meeting else "")
        link = st.text_input(
            t("meetings.link"), value=meeting["link"] if meeting else "", placeholder="https://"
        )
        status = meeting["status"] if meeting else "planned"
        if meeting:
            status = widgets.select(
                t("meetings.status"),
                svc.STATUSES,
                index=svc.STATUSES.index(meeting["status"]),
                format_func=lambda s: t(f"meetings.statuses.{s}"),
            )
            prefill = False
        else:
            prefill = widgets.helped(
                st.checkbox,
                t("meetings.prefill_label"),
                value=True,
                help=t("meetings.prefill_help"),
            )
        submitted = st.form_submit_button(t("meetings.save") if meeting else t("meetings.create"))
    if not submitted:
        return
    data = {
        "title": title,
        "type": mtype,
        "starts_at": _combine(day, start),
        "ends_at": _combine(day, end),
        "place": place,
        "link": link,
        "status": status,
    }
    user = st.session_state["user"]
    try:
        if meeting:
            try:
                svc.update_meeting(user, meeting["id"], data, st.session_state[version_key])
            finally:
                # Saved or refused: the form shows the stored meeting on the next run.
                st.session_state.pop(version_key, None)
            st.toast(t("meetings.saved"))
            st.rerun()
        else:
            new_id = svc.create_meeting(user, data, prefill=prefill)
            st.toast(t("meetings.created"))
            open_meeting(new_id)
    except PortalError as exc:
        show_error(exc)


def _action_table(df: pd.DataFrame) -> pd.DataFrame:
    """Action items as the columns people read: what, who, by when, status, where
    raised, who closed it."""
    today = date.today()
    return pd.DataFrame(
        {
            t("meetings.action"): df["text"],
            t("meetings.owner"): df["owner"],
            t("meetings.due"): [svc.fmt_date(d) for d in df["due"]],
            t("meetings.status"): [
                t(f"meetings.action_statuses.{s}")
                + (
                    f" – {t('meetings.overdue')}"
                    if (day := svc.as_date(d)) is not None and day < today and s in db.OPEN
                    else ""
                )
                for s, d in zip(df["status"], df["due"], strict=True)
            ],
            t("meetings.raised_at"): [
                f"{s:%Y-%m-%d} {m}"
                for s, m in zip(df["meeting_starts_at"], df["meeting_title"], strict=True)
            ],
            t("meetings.closed"): [
                f"{b} {svc.fmt_date(a)}" if isinstance(b, str) else ""
                for b, a in zip(df["closed_by"], df["closed_at"], strict=True)
            ],
        }
    )


def compact_lines(df: pd.DataFrame) -> str:
    """Action items for a narrow column, as one Markdown list: what, then who, by when
    and status (escaped: all of it is typed by people)."""
    return "\n".join(
        f"- **{escape_md(row[0])}**  \n{escape_md(row[1])} · "
        f"{escape_md(row[2] or t('meetings.no_due'))} · {escape_md(row[3])}"
        for row in _action_table(df).itertuples(index=False)
    )


def actions_table(df: pd.DataFrame, editor: bool, key: str, compact: bool = False) -> None:
    """Action items as a table (or `compact`, as one list), and for editors a way to
    change one's status (closing records who and when)."""
    if df.empty:
        st.info(t("meetings.no_open_actions"))
        return
    if compact:  # a narrow column beside an agenda item
        st.markdown(compact_lines(df))
    else:
        st.dataframe(
            no_missing(_action_table(df)),
            hide_index=True,
            width="stretch",
            column_config={t("meetings.action"): st.column_config.TextColumn(width="large")},
        )
    open_rows = df[df["status"].isin(db.OPEN)]
    if not editor or open_rows.empty:
        return
    labels = {int(r.id): r.text[:80] for r in open_rows.itertuples()}
    versions = {int(r.id): int(r.version) for r in open_rows.itertuples()}
    with st.form(f"mt_close_{key}"):
        cols = [st.container(), st.container()] if compact else st.columns([3, 1])
        chosen = widgets.on(cols[0]).select(
            t("meetings.close_action"), list(labels), format_func=labels.__getitem__
        )
        status = widgets.on(cols[1]).select(
            t("meetings.new_status"),
            actions_svc.ACTION_STATUSES,
            index=actions_svc.ACTION_STATUSES.index("done"),
            format_func=lambda s: t(f"meetings.action_statuses.{s}"),
        )
        if st.form_submit_button(t("meetings.close")):
            try:
                actions_svc.set_action_status(
                    st.session_state["user"], chosen, status, versions[chosen]
                )
                st.toast(t("meetings.closed_ok"))
                st.rerun()
            except PortalError as exc:
                show_error(exc)


def owner_options() -> list[str]:
    """Display names of active municipal users, offered as action-item owners."""
    users = users_db.people()
    users = users[users["active"] & users["role"].isin(sorted(MUNICIPAL))]
    return sorted(users["name"].tolist())
