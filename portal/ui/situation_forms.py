"""Edit side of the situation picture: year, per-milieu assessments, approval, indicators
and CSV import. The services check `situation.edit` again on every write."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from portal.errors import PortalError
from portal.i18n import t, tn
from portal.situation import api as service, api as situation_import, api as views
from portal.ui import pager, widgets
from portal.ui.situation_widgets import INDICATOR_PAGE
from portal.ui.text import escape_md, table as text_table
from portal.vocab import MILIEUS, SOURCES


def _show(exc: PortalError) -> None:
    """The error next to the form, naming each problem; many rows also as a table."""
    problems = getattr(exc, "problems", None) or {}
    lines = [f"- {escape_md(_field(k))}: {escape_md(str(v))}" for k, v in problems.items()]
    st.error("\n".join([escape_md(str(exc)), "", *lines[:10]]) if lines else str(exc))
    if len(problems) > 1:
        text_table(
            pd.DataFrame(
                {
                    t("situation.problem_row"): list(problems),
                    t("situation.problem"): [str(v) for v in problems.values()],
                }
            )
        )


def _field(key: str) -> str:
    label = t(f"situation.{key}")
    return key if label == f"situation.{key}" else label


# A loaded version: an int, or None where nothing is stored yet.
V = TypeVar("V", int, int | None)


def _seen_version(key: str, current: V, submitted: bool) -> V:
    """The version the user loaded: kept from the run that drew the form, so a save made
    by someone else in between is detected instead of overwritten."""
    seen: V = st.session_state.get(key, current) if submitted else current
    st.session_state[key] = current
    return seen


def new_year_form(user) -> None:
    with st.form("situation_new_year", clear_on_submit=False):
        year = st.number_input(
            t("situation.new_year"),
            min_value=service.MIN_YEAR,
            max_value=service.max_year(),
            value=date.today().year,
            step=1,
            key="sit_new_year",
        )
        if st.form_submit_button(t("situation.create_year"), key="sit_new_year_btn"):
            try:
                service.create_year(int(year), user.username, user.role)
            except PortalError as exc:
                _show(exc)
            else:
                st.session_state["situation_year"] = int(year)
                st.session_state["situation_flash"] = t("situation.year_created", year=year)
                st.rerun()


def year_form(user, year: dict[str, Any]) -> None:
    st.subheader(t("situation.edit_year_heading"))
    if year["status"] == "approved":
        st.info(t("situation.locked"))
    with st.form(f"situation_year_{year['year']}"):
        summary = st.text_area(t("situation.summary"), year["summary"])
        made_with = st.text_input(t("situation.made_with"), year["made_with"])
        source_ref = st.text_input(t("situation.source_ref"), year["source_ref"])
        reason = (
            st.text_input(t("situation.reason"), key=f"sit_year_reason_{year['year']}")
            if year["status"] == "approved"
            else None
        )
        submitted = st.form_submit_button(t("situation.save"), key=f"sit_year_save_{year['year']}")
    seen = _seen_version(f"sit_year_v_{year['year']}", year["version"], submitted)
    if submitted:
        try:
            service.save_year(
                year["year"],
                {"summary": summary, "made_with": made_with, "source_ref": source_ref},
                seen,
                user.username,
                user.role,
                reason,
            )
        except PortalError as exc:
            _show(exc)
        else:
            _saved()


def milieu_forms(user, year: dict[str, Any]) -> None:
    st.subheader(t("situation.edit_milieu_heading"))
    current = {r["milieu"]: r for r in views.assessments_of(year["year"])}
    for milieu in MILIEUS:
        row = current.get(milieu)
        label = views.milieu_label(milieu)
        # Bordered containers, not expanders: an expander keeps its open/closed state
        # when another year is chosen, which could hide a new year's empty form.
        with st.container(border=True):
            st.markdown(f"**{label}**" + (f" – {views.level_label(row['level'])}" if row else ""))
            _milieu_form(user, year, milieu, row)


def _milieu_form(user, year: dict[str, Any], milieu: str, row: dict[str, Any] | None) -> None:
    y = year["year"]
    with st.form(f"situation_{y}_{milieu}"):
        level = widgets.select(
            t("situation.level"),
            service.LEVELS,
            index=service.LEVELS.index(row["level"]) if row else 0,
            format_func=views.level_label,
            key=f"sit_level_{y}_{milieu}",
        )
        trend = widgets.select(
            t("situation.trend"),
            service.TRENDS,
            index=service.TRENDS.index(row["trend"]) if row else 0,
            format_func=views.trend_label,
            key=f"sit_trend_{y}_{milieu}",
        )
        narrative = st.text_area(
            t("situation.narrative"), row["narrative"] if row else "", key=f"sit_narr_{y}_{milieu}"
        )
        used = widgets.multiselect(
            t("situation.sources_used"),
            SOURCES,
            default=list(row["sources_used"]) if row else [],
            format_func=views.source_label,
            key=f"sit_used_{y}_{milieu}",
        )
        not_used = widgets.multiselect(
            t("situation.sources_not_used"),
            SOURCES,
            default=list(row["sources_not_used"]) if row else [],
            format_func=views.source_label,
            key=f"sit_notused_{y}_{milieu}",
        )
        reason = (
            st.text_input(t("situation.reason"), key=f"sit_reason_{y}_{milieu}")
            if year["status"] == "approved"
            else None
        )
        submitted = st.form_submit_button(t("situation.save"), key=f"sit_save_{y}_{milieu}")
    seen = _seen_version(f"sit_v_{y}_{milieu}", row["version"] if row else None, submitted)
    if submitted:
        try:
            service.save_assessment(
                y,
                milieu,
                {
                    "level": level,
                    "trend": trend,
                    "narrative": narrative,
                    "sources_used": used,
                    "sources_not_used": not_used,
                },
                seen,
                user.username,
                user.role,
                reason,
            )
        except PortalError as exc:
            _show(exc)
        else:
            _saved()


def approve_form(user, year: dict[str, Any]) -> None:
    if year["status"] == "approved":
        return
    with st.form(f"situation_approve_{year['year']}"):
        day = widgets.date(t("situation.approve_date"), date.today(), format="YYYY-MM-DD")
        submitted = st.form_submit_button(
            t("situation.approve"), type="primary", key=f"sit_approve_{year['year']}"
        )
    seen = _seen_version(f"sit_appr_v_{year['year']}", year["version"], submitted)
    if submitted:
        try:
            service.approve(year["year"], seen, day, user.username, user.role)
        except PortalError as exc:
            _show(exc)
        else:
            _saved(t("situation.approved_ok", year=year["year"]))


def indicator_form(user) -> None:
    today = date.today()
    with st.form("situation_indicator", clear_on_submit=True):
        cols = st.columns(2)
        period = cols[0].text_input(
            t("situation.period"),
            f"{today.year}-Q{(today.month - 1) // 3 + 1}",
            key="sit_ind_period",
        )
        count = cols[1].number_input(
            t("situation.count"), min_value=0, value=0, step=1, key="sit_ind_count"
        )
        milieu = widgets.on(cols[0]).select(
            t("situation.milieu"), MILIEUS, format_func=views.milieu_label, key="sit_ind_milieu"
        )
        source = widgets.on(cols[1]).select(
            t("situation.source"), SOURCES, format_func=views.source_label, key="sit_ind_source"
        )
        area = widgets.helped(
            st.text_input, t("situation.area"), help=t("situation.area_help"), key="sit_ind_area"
        )
        if st.form_submit_button(t("situation.add_indicator"), key="sit_ind_add"):
            try:
                service.add_indicator(
                    {
                        "period": period,
                        "milieu": milieu,
                        "source": source,
                        "area": area,
                        "count": count,
                    },
                    user.username,
                    user.role,
                )
            except PortalError as exc:
                _show(exc)
            else:
                _saved(t("situation.indicator_added"))


def import_form(user) -> None:
    st.caption(t("situation.import_help"))
    st.caption(t("situation.import_keys", milieus=", ".join(MILIEUS), sources=", ".join(SOURCES)))
    st.download_button(
        t("situation.import_template"),
        situation_import.import_template,
        "lagesbild-mall.csv",
        "text/csv",
        key="situation_template",
        icon=":material/download:",
        on_click="ignore",
    )
    upload = st.file_uploader(
        t("situation.import_file"), type=["csv", "txt"], key="situation_import_file"
    )
    if upload is not None and st.button(t("situation.import_button")):
        try:
            n = situation_import.import_upload(upload.getvalue(), user.username, user.role)
        except PortalError as exc:
            _show(exc)
        else:
            st.success(tn("situation.imported", n))


def _saved(message: str | None = None) -> None:
    st.session_state["situation_flash"] = message or t("situation.saved")
    st.rerun()


def flash() -> None:
    message = st.session_state.pop("situation_flash", None)
    if message:
        st.success(message)


def delete_indicator_form(user, year: dict[str, Any]) -> None:
    """Remove a wrongly entered count of the chosen year (kept in the audit log)."""
    total = views.indicator_count(year["year"])
    if total == 0:
        return
    # The indicators on the page shown under the indicators tab: a year can hold
    # thousands, and a select box of them all would cost every rerun.
    first = pager.offset(INDICATOR_PAGE, total, filters=year["year"])
    df = views.indicator_table(year["year"], True, pager.PAGE_SIZE, first)
    labels = {
        int(r.id): f"{r.period} · {r.milieu_label} · {r.source_label} · "
        f"{r.area or t('situation.whole_municipality')} · {r.count}"
        for r in df.itertuples()
    }
    with st.form(f"situation_delete_{year['year']}"):
        chosen = widgets.select(
            t("situation.delete_indicator"),
            list(labels),
            format_func=labels.__getitem__,
            key="sit_del_id",
            help=t("situation.delete_indicator_help"),
        )
        if st.form_submit_button(t("situation.delete"), key="sit_del_btn"):
            try:
                service.delete_indicator(int(chosen), user.username, user.role)
            except PortalError as exc:
                _show(exc)
            else:
                _saved(t("situation.deleted"))
