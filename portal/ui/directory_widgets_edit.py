"""Keeping the directory current: the entry form, the list of entries to check,
import and export. Shown only to roles with directory.edit; the services check again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal import config
from portal.admin.api import User
from portal.directory import api as dir_service, api as dir_views, api as directory_import
from portal.directory.api import CATEGORIES, TARGET_GROUPS, VISIBILITIES, label
from portal.errors import PortalError, ValidationError
from portal.exports import directory as dir_export
from portal.i18n import t, tn
from portal.i18n.formats import number
from portal.ui import directory_widgets, pager, widgets
from portal.ui.forms import FLASH, show_error
from portal.ui.text import escape_md

_TEXT_FIELDS = (
    "phone",
    "email",
    "url",
    "address",
    "service_area",
    "hours",
    "eligibility",
    "cost",
    "source",
)


def choose_entry(user: User) -> dict[str, Any]:
    """Search, then pick: a search box and a select box over at most PICK_LIMIT matches.

    Offering every entry in one select box made each rerun grow with the directory; the
    box holds only what matches, and a hint asks for more words when more match.
    """
    query = widgets.helped(
        st.text_input,
        t("directory.edit_search"),
        key="dir_edit_query",
        help=t("directory.edit_search_help"),
    )
    page = dir_views.pick(user.role, query)
    by_id = {e["id"]: e for e in page.rows}
    choice = widgets.select(
        t("directory.choose_entry"),
        [None, *by_id],
        key="dir_edit_choice",
        format_func=lambda k: t("directory.new_entry") if k is None else _pick_label(by_id[k]),
    )
    if page.total > len(page.rows):
        st.caption(t("directory.pick_more", shown=number(len(page.rows)), n=number(page.total)))
    elif query.strip() and not page.total:
        st.caption(t("directory.pick_none"))
    return by_id.get(choice) or {}


def _pick_label(entry: dict[str, Any]) -> str:
    """Name and organisation (names repeat across organisations); inactive ones marked."""
    text = f"{entry['name']} · {entry['organization']}"
    if entry["status"] != "active":
        text += f" ({t('directory.inactive_badge')})"
    return text


def edit_form(user: User) -> None:
    entry = choose_entry(user)
    choice = entry.get("id")
    with st.form(f"dir_form_{choice or 'new'}"):
        values: dict[str, Any] = {
            "name": st.text_input(t("directory.name"), entry.get("name", "")),
            "organization": st.text_input(
                t("directory.organization"), entry.get("organization", "")
            ),
            "description": st.text_area(t("directory.description"), entry.get("description", "")),
            "categories": widgets.multiselect(
                t("directory.categories"),
                CATEGORIES,
                default=entry.get("categories", []),
                format_func=lambda k: label("category", k),
            ),
            "target_groups": widgets.multiselect(
                t("directory.target_groups"),
                TARGET_GROUPS,
                default=entry.get("target_groups", []),
                format_func=lambda k: label("group", k),
            ),
            "languages": [
                c.strip().lower()
                for c in widgets.helped(
                    st.text_input,
                    t("directory.languages"),
                    ", ".join(entry.get("languages", ["sv"])),
                    help=t("directory.languages_help"),
                ).split(",")
                if c.strip()
            ],
            "visibility": widgets.select(
                t("directory.visibility_label"),
                VISIBILITIES,
                index=VISIBILITIES.index(entry.get("visibility", "internal")),
                format_func=lambda k: label("visibility", k),
            ),
        }
        for field in _TEXT_FIELDS:
            values[field] = st.text_input(t(f"directory.{field}"), entry.get(field, ""))
        submitted = st.form_submit_button(t("directory.save"), type="primary")
    if submitted:
        values.update(
            status=entry.get("status", "active"),
            verified_on=entry.get("verified_on"),
            verified_by=entry.get("verified_by", ""),
        )
        _run(
            lambda: dir_service.save(
                user.username, user.role, values, choice, entry.get("version")
            ),
            t("directory.saved"),
        )
    if entry and choice:
        cols = st.columns(2)
        active = entry["status"] == "active"
        if cols[0].button(
            t("directory.deactivate") if active else t("directory.activate"), key="dir_toggle"
        ):
            _run(
                lambda: dir_service.set_active(user.username, user.role, choice, not active),
                t("directory.status_changed"),
            )
        if cols[1].button(t("directory.mark_verified"), key="dir_verify"):
            _run(
                lambda: dir_service.mark_verified(user.username, user.role, choice),
                t("directory.marked_verified"),
            )


def _run(action: Callable[[], object], success: str) -> None:
    """Run a service call; show its error next to the form, or rerun the page with the
    success message, so every count on the page (the tab labels too) is read afresh."""
    try:
        action()
    except PortalError as exc:
        show_error(exc, field_label=lambda field: t(f"directory.{field}"))
        return
    st.session_state[FLASH] = success
    st.rerun()


def stale_list(user: User, today: date) -> None:
    """What to check: entries never verified or not verified for PORTAL_VERIFY_MONTHS,
    one page at a time (the count and the rows come from SQL)."""
    months = config.get_int("PORTAL_VERIFY_MONTHS")
    st.subheader(tn("directory.stale_heading", months))
    page = dir_views.stale_page(user.role, today, pager.requested("dir_check"))
    if not page.total:
        st.success(tn("directory.stale_none", months))
        return
    st.write(t("directory.stale_hint"))
    directory_widgets.summary(page)
    st.dataframe(stale_table(page.rows), hide_index=True)
    directory_widgets.page_controls("dir_check", page)
    by_id = {e["id"]: e for e in page.rows}
    chosen = widgets.select(
        t("directory.choose_checked"),
        list(by_id),
        key="dir_check_choice",
        format_func=lambda k: _pick_label(by_id[k]),
    )
    if st.button(t("directory.mark_verified"), key="dir_check_verify"):
        _run(
            lambda: dir_service.mark_verified(user.username, user.role, chosen),
            t("directory.marked_verified"),
        )


def stale_line(e: dict[str, Any]) -> str:
    """One entry to check as a line of Markdown, escaped: '**Elevhälsan** · Tjörns kommun ·
    Intern · Handlingsplanen · Senast kontrollerad 2025-03-02'."""
    verified = (
        t("directory.verified_on_short", day=e["verified_on"].isoformat())
        if e["verified_on"]
        else t("directory.never_verified")
    )
    facts = [e["organization"], label("visibility", e["visibility"]), e["source"], verified]
    return f"**{escape_md(e['name'])}** · " + " · ".join(escape_md(f) for f in facts if f)


def stale_table(stale: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("directory.name"): e["name"],
                t("directory.organization"): e["organization"],
                t("directory.visibility_label"): label("visibility", e["visibility"]),
                t("directory.source"): e["source"],
                t("directory.verified_col"): e["verified_on"].isoformat()
                if e["verified_on"]
                else t("directory.never_verified"),
            }
            for e in stale
        ]
    )


def import_export(user: User) -> None:
    st.subheader(t("directory.import_heading"))
    st.caption(t("directory.import_help"))
    st.download_button(
        t("directory.import_template"),
        directory_import.import_template,
        "stodkatalog-mall.csv",
        "text/csv",
        key="dir_template",
        icon=":material/download:",
        on_click="ignore",
    )
    upload = st.file_uploader(
        t("directory.import_heading"), type=["csv", "txt", "xlsx", "zip"], key="dir_upload"
    )
    if upload is not None and st.button(t("directory.import_button"), key="dir_import"):
        try:
            n = directory_import.import_upload(upload.getvalue(), user.username, user.role)
        except ValidationError as exc:
            st.error(escape_md(str(exc)))
            columns = [t("directory.import.row"), t("directory.import.reason")]
            st.dataframe(pd.DataFrame(list(exc.problems.items()), columns=columns), hide_index=True)
        except PortalError as exc:
            st.error(escape_md(str(exc)))
        else:
            st.success(tn("directory.imported", n))
    st.subheader(t("directory.export_heading"))
    cols = st.columns(3)
    cols[0].download_button(
        t("directory.export_csv"),
        lambda: dir_export.csv_data(user.role),
        "stodkatalog.csv",
        "text/csv",
        on_click="ignore",
    )
    cols[1].download_button(
        t("directory.export_xlsx"),
        lambda: dir_export.xlsx_data(user.role),
        "stodkatalog.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )
    cols[2].download_button(
        t("directory.export_hsds"),
        lambda: dir_export.hsds_zip(user.role),
        "stodkatalog-hsds.zip",
        "application/zip",
        on_click="ignore",
    )
