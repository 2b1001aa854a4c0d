"""Overview section: how many directory entries are active and which need checking."""

from __future__ import annotations

from datetime import date

import streamlit as st

from portal import config
from portal.i18n import t
from portal.services import directory as dir_service
from portal.ui.directory_widgets_edit import stale_table

ORDER = 30
PERMISSION = "directory.view"


def render(user) -> None:
    today = date.today()
    entries = dir_service.search(user.role)
    stale = dir_service.stale_entries(user.role, today)
    st.subheader(t("directory.overview_heading"))
    cols = st.columns(2)
    cols[0].metric(t("directory.overview_entries"), len(entries))
    cols[1].metric(t("directory.overview_stale"), len(stale))
    if not stale:
        st.success(t("directory.overview_all_verified"))
        return
    st.caption(t("directory.stale_heading", months=config.get_int("PORTAL_VERIFY_MONTHS")))
    st.dataframe(stale_table(stale), hide_index=True)
