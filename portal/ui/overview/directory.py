"""Overview section: how many directory entries are active and which need checking.

Both figures are SQL counts and the table lists only the entries waiting longest, so the
section costs the same for 150 entries as for 15 000.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from portal import config
from portal.directory import api as dir_views
from portal.i18n import t, tn
from portal.i18n.formats import number
from portal.ui import widgets
from portal.ui.directory_widgets_edit import stale_line

PERMISSION = "directory.view"


def render(user) -> None:
    stale = dir_views.stale_page(user.role, date.today(), size=dir_views.TOP_STALE)
    st.subheader(t("directory.overview_heading"))
    widgets.metrics(
        [
            (t("directory.overview_entries"), dir_views.active_count(user.role)),
            (t("directory.overview_stale"), stale.total),
        ]
    )
    if not stale.total:
        st.success(t("directory.overview_all_verified"))
        return
    # One Markdown block (heading, list, count), not a caption, a grid and a caption: the
    # overview lists only the few entries waiting longest, and each element adds to a page
    # load in the browser.
    parts = [
        widgets.small(tn("directory.stale_heading", config.get_int("PORTAL_VERIFY_MONTHS"))),
        "\n".join(f"- {stale_line(entry)}" for entry in stale.rows),
    ]
    if stale.has_next:
        top = t("directory.overview_top", shown=number(len(stale.rows)), n=number(stale.total))
        parts.append(widgets.small(top))
    st.markdown("\n\n".join(parts))
