"""Widgets of the admin page: the audit log with filters and CSV export; backups."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from portal.admin import api as backup, api as user_service
from portal.admin.api import User
from portal.errors import PortalError
from portal.exports.audit import audit_csv
from portal.i18n import t
from portal.ui import widgets
from portal.ui.forms import show_error

_ALL = ""


def _person(names: dict[str, str], username: str) -> str:
    """'Sara Lind (samordnare)': the name, with the username that the log keeps."""
    name = names.get(username)
    if name:
        return f"{name} ({username})" if name != username else username
    return _word("actors", username)  # the command line, the system, a failed login


def _word(kind: str, code: str) -> str:
    """An entity or action in words ('Protokoll', not 'meetings.minutes'); a code the
    catalogue does not know yet is shown as it is."""
    key = f"admin.{kind}.{code}"
    text = t(key)
    return code if text == key else text


def readable(log: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The log as people read it: who by name, what and which kind of thing in words."""
    shown = log.copy()
    shown["actor"] = [_person(names, str(a)) for a in shown["actor"]]
    shown["action"] = [_word("actions", str(a)) for a in shown["action"]]
    shown["entity"] = [_word("entities", str(e)) for e in shown["entity"]]
    for column in ("entity_id", "before_json", "after_json"):  # no "None" in the grid
        shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
    return shown


def audit_section(user: User) -> None:
    actors, entities = user_service.audit_choices(user)
    names = user_service.display_names()
    c1, c2, c3 = st.columns(3)
    who = widgets.on(c1).select(
        t("admin.filter_user"),
        [_ALL, *actors],
        key="audit_actor",
        format_func=lambda v: _person(names, v) if v else t("admin.all"),
    )
    entity = widgets.on(c2).select(
        t("admin.filter_entity"),
        sorted([_ALL, *entities], key=lambda v: (v != _ALL, _word("entities", v).lower())),
        key="audit_entity",
        format_func=lambda v: _word("entities", v) if v else t("admin.all"),
    )
    today = date.today()
    period = widgets.on(c3).date(
        t("admin.filter_dates"),
        (today - timedelta(days=30), today),
        key="audit_dates",
        format="YYYY-MM-DD",
    )
    since, until = _period(period)
    log = readable(user_service.audit_log(user, who or None, entity or None, since, until), names)
    st.caption(t("admin.log_count", n=len(log)))
    st.dataframe(
        log,
        hide_index=True,
        width="stretch",
        column_config={
            "id": None,
            "logged_at": st.column_config.DatetimeColumn(
                t("admin.col_time"), format="YYYY-MM-DD HH:mm:ss"
            ),
            "actor": t("admin.col_actor"),
            "action": t("admin.col_action"),
            "entity": t("admin.col_entity"),
            "entity_id": t("admin.col_entity_id"),
            "before_json": t("admin.col_before"),
            "after_json": t("admin.col_after"),
        },
    )
    st.download_button(
        t("admin.export_csv"),
        data=lambda: audit_csv(log),
        file_name=f"granskningslogg-{today.isoformat()}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="audit_csv",
        on_click="ignore",
    )


def _period(value) -> tuple[date | None, date | None]:
    """A date_input range (which may be half-chosen while the user picks) as (since, until)."""
    if isinstance(value, date):
        return value, value
    parts = list(value or ())
    since = parts[0] if parts else None
    until = parts[1] if len(parts) > 1 else since
    return since, until


def backup_section(user: User) -> None:
    st.write(t("admin.backup_intro"))
    if st.button(t("admin.backup_make"), icon=":material/backup:", key="backup_make"):
        try:
            st.session_state["backup_file"] = backup.backup_zip(user)
        except PortalError as exc:
            show_error(exc)
    if "backup_file" in st.session_state:
        name, data = st.session_state["backup_file"]
        st.success(t("admin.backup_ready", name=name), icon=":material/check_circle:")
        st.download_button(
            t("admin.backup_download"),
            data=data,
            file_name=name,
            mime="application/zip",
            icon=":material/download:",
            key="backup_download",
            on_click="ignore",
        )
    st.caption(t("admin.backup_cli"))
