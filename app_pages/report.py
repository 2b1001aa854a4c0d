"""Uppföljning: the annual follow-up report, its preview, downloads and final snapshots."""

import streamlit as st

from portal import auth
from portal.errors import PortalError
from portal.i18n import t
from portal.report import api as snaps
from portal.ui import guard, report_widgets, widgets

user = guard.page("report.view")
st.title(t("report.title"))
st.caption(t("report.intro"))

year = widgets.select(t("report.year"), snaps.report_years(), key="report-year")
built = st.session_state.get("report-built")
if built is not None and built["year"] != year:
    built = None

if st.button(t("report.build"), type="primary", icon=":material/description:"):
    try:
        built = report_widgets.build(year)
        st.session_state["report-built"] = built
    except PortalError as exc:
        st.error(str(exc))

if built is not None:
    if built["report"].content["empty"]:
        st.warning(t("report.nothing_to_report", year=year))
    st.subheader(t("report.download"))
    report_widgets.downloads(year, built["files"], key="current")
    if auth.can(user.role, "report.finalize"):
        try:
            report_widgets.finalize_form(user, year)
        except PortalError as exc:
            st.error(str(exc))
    st.subheader(t("report.preview"))
    report_widgets.preview(built)

st.divider()
report_widgets.snapshot_list()
