"""One meeting: agenda, attendance, minutes, decisions and actions, downloads."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from portal.errors import PortalError, StaleEdit
from portal.exports import meetings as ics_export, minutes as minutes_export
from portal.i18n import t, tn
from portal.meetings import api as db, api as svc
from portal.ui import widgets
from portal.ui.meeting_widgets import meeting_form, show_error, when_text
from portal.ui.meeting_widgets_entry import (
    activity_choices,
    activity_search,
    meeting_records,
    quick_entry,
)
from portal.ui.text import escape_md, no_missing, plain, user_markdown

_ACTIVITY_ID = re.compile(r"^#(\d+) ")


def header(m: dict) -> None:
    st.subheader(escape_md(m["title"]))
    parts = [svc.type_label(m["type"]), when_text(m), t(f"meetings.statuses.{m['status']}")]
    st.caption(" · ".join(parts))
    if m["place"]:
        plain(m["place"])
    if m["link"]:
        st.link_button(t("meetings.link"), m["link"], icon=":material/videocam:")


def agenda_editor(m: dict, editor: bool) -> None:
    df = db.agenda(m["id"])
    linked = tuple(int(a) for a in df["activity_id"].dropna())
    # Readers see the linked activities' names; editors search for more to link.
    search = activity_search(f"mt_agenda_search_{m['id']}") if editor else None
    activities = activity_choices(search, linked)
    labels = {k: f"#{k} {v}" for k, v in activities.items()}
    total = int(df["duration_min"].sum()) if len(df) else 0
    st.caption(tn("meetings.total_time", total))
    kinds = {k: t(f"meetings.kinds.{k}") for k in svc.KINDS}
    table = pd.DataFrame(
        {
            "title": df["title"],
            "duration_min": df["duration_min"].astype("Int64"),
            "presenter": df["presenter"],
            "kind": [kinds[k] for k in df["kind"]],
            "activity": [None if pd.isna(a) else labels.get(int(a)) for a in df["activity_id"]],
            "notes": df["notes"],
        }
    )
    config = {
        "title": st.column_config.TextColumn(
            t("meetings.item_title"), required=True, width="large"
        ),
        "duration_min": st.column_config.NumberColumn(
            t("meetings.duration"), min_value=0, max_value=600, step=5
        ),
        "presenter": st.column_config.TextColumn(t("meetings.presenter")),
        "kind": st.column_config.SelectboxColumn(t("meetings.kind"), options=list(kinds.values())),
        "activity": st.column_config.SelectboxColumn(
            t("meetings.activity"), options=list(labels.values())
        ),
        "notes": st.column_config.TextColumn(t("meetings.notes"), width="large"),
    }
    if not editor:
        st.dataframe(no_missing(table), column_config=config, hide_index=True, width="stretch")
        return
    version_key = f"mt_agenda_version_{m['id']}"
    st.session_state.setdefault(version_key, int(m["agenda_version"] or 1))
    with st.form(f"mt_agenda_{m['id']}"):
        edited = st.data_editor(
            table,
            column_config=config,
            hide_index=True,
            num_rows="dynamic",
            width="stretch",
            key=f"mt_agenda_editor_{m['id']}",
        )
        submitted = st.form_submit_button(t("meetings.save_agenda"))
    if submitted:
        by_label = {v: k for k, v in kinds.items()}
        items = []
        for row in edited.to_dict("records"):
            match = _ACTIVITY_ID.match(row.get("activity") or "")
            items.append(
                {
                    **row,
                    "kind": by_label.get(row.get("kind"), "custom"),
                    "activity_id": int(match.group(1)) if match else None,
                }
            )
        try:
            st.session_state[version_key] = svc.save_agenda(
                st.session_state["user"], m["id"], items, st.session_state[version_key]
            )
            st.toast(t("meetings.saved"))
            st.rerun()
        except StaleEdit as exc:
            _refused(exc, version_key, edited)
        except PortalError as exc:
            show_error(exc)


def attendance_editor(m: dict, editor: bool) -> None:
    df = db.attendees(m["id"])
    table = df[["name", "organisation", "invited", "present"]].reset_index(drop=True)
    config = {
        "name": st.column_config.TextColumn(t("meetings.name"), required=True),
        "organisation": st.column_config.TextColumn(t("meetings.organisation")),
        "invited": st.column_config.CheckboxColumn(t("meetings.invited"), default=True),
        "present": st.column_config.CheckboxColumn(t("meetings.present"), default=False),
    }
    if not editor:
        st.dataframe(table, column_config=config, hide_index=True, width="stretch")
        return
    # Only editors see and set guests' addresses (where their invitation goes).
    table = df[["name", "organisation", "email", "invited", "present"]].reset_index(drop=True)
    config["email"] = st.column_config.TextColumn(
        t("meetings.guest_email"), help=t("meetings.guest_email_help")
    )
    version_key = f"mt_attendance_version_{m['id']}"
    st.session_state.setdefault(version_key, int(m["attendance_version"] or 1))
    with st.form(f"mt_attendance_{m['id']}"):
        edited = st.data_editor(
            table,
            column_config=config,
            hide_index=True,
            num_rows="dynamic",
            width="stretch",
            key=f"mt_attendance_editor_{m['id']}",
        )
        submitted = st.form_submit_button(t("meetings.save_attendance"))
    if submitted:
        try:
            st.session_state[version_key] = svc.save_attendance(
                st.session_state["user"],
                m["id"],
                edited.to_dict("records"),
                st.session_state[version_key],
            )
            st.toast(t("meetings.saved"))
            st.rerun()
        except StaleEdit as exc:
            _refused(exc, version_key, edited)
        except PortalError as exc:
            show_error(exc)


def _refused(exc: StaleEdit, version_key: str, edited: pd.DataFrame) -> None:
    """Someone else saved the list first: say so, keep this person's version on screen
    to copy, and let the next load start from the saved list."""
    st.error(str(exc))
    st.caption(t("meetings.errors.stale_yours"))
    st.dataframe(no_missing(edited), hide_index=True, width="stretch")
    st.session_state[version_key] = int(exc.changes.get("version", 0))


def minutes_view(m: dict) -> None:
    """The minutes as Markdown; Streamlit renders it without raw HTML."""
    if m["minutes"]:
        st.markdown(user_markdown(m["minutes"]))
    else:
        st.info(t("meetings.nothing"))


def minutes_editor(m: dict) -> None:
    """Edit the minutes; the version loaded first in this session guards against overwrite."""
    version_key = f"mt_minutes_version_{m['id']}"
    text_key = f"mt_minutes_text_{m['id']}"
    if version_key not in st.session_state:
        st.session_state[version_key] = int(m["minutes_version"])
        st.session_state[text_key] = m["minutes"]
    with st.form(f"mt_minutes_{m['id']}"):
        text = widgets.helped(
            st.text_area,
            t("meetings.minutes"),
            key=text_key,
            height=300,
            help=t("meetings.minutes_help"),
        )
        submitted = st.form_submit_button(t("meetings.save_minutes"))
    if submitted:
        try:
            st.session_state[version_key] = svc.save_minutes(
                st.session_state["user"], m["id"], text, st.session_state[version_key]
            )
            st.success(t("meetings.saved"))
        except StaleEdit as exc:
            st.error(str(exc))
            st.caption(t("meetings.stale_theirs"))
            st.text(exc.changes.get("minutes", ""))
            # The next save starts from the version now stored; the user's draft stays.
            st.session_state[version_key] = int(exc.changes.get("version", 0))
        except PortalError as exc:
            show_error(exc)
    st.markdown(f"**{t('meetings.preview')}**")
    if text:
        st.markdown(user_markdown(text))


def downloads(m: dict) -> None:
    slug = f"mote-{m['id']}-{m['starts_at']:%Y-%m-%d}"
    cols = st.columns(3)
    cols[0].download_button(
        t("meetings.download_ics"),
        lambda: ics_export.meeting_ics(m["id"]),
        file_name=f"{slug}.ics",
        mime="text/calendar",
        icon=":material/event:",
        on_click="ignore",
    )
    cols[1].download_button(
        t("meetings.download_docx"),
        lambda: minutes_export.docx_bytes(m["id"]),
        file_name=f"protokoll-{slug}.docx",
        icon=":material/description:",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        on_click="ignore",
    )
    cols[2].download_button(
        t("meetings.download_pdf"),
        lambda: minutes_export.pdf_bytes(m["id"]),
        file_name=f"protokoll-{slug}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )


def detail_view(m: dict, editor: bool) -> None:
    header(m)
    tabs = st.tabs(
        [
            t("meetings.agenda"),
            t("meetings.attendance"),
            t("meetings.minutes"),
            t("meetings.decisions") + " / " + t("meetings.actions"),
            t("meetings.export"),
        ]
    )
    with tabs[0]:
        agenda_editor(m, editor)
    with tabs[1]:
        attendance_editor(m, editor)
    with tabs[2]:
        if editor:
            minutes_editor(m)
        else:
            minutes_view(m)
    with tabs[3]:
        if editor:
            quick_entry(m["id"])
        meeting_records(m["id"], editor)
    with tabs[4]:
        downloads(m)
    if editor:
        with st.expander(t("meetings.edit_meeting"), icon=":material/edit:"):
            meeting_form(m)
