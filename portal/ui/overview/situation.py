"""Overview section: a compact situation-picture chart, the latest assessment's date and
a warning when the yearly picture is overdue."""

from __future__ import annotations

import streamlit as st

from portal.i18n import t
from portal.ui import situation_widgets

PERMISSION = "situation.view"


def render(user) -> None:
    st.subheader(t("situation.overview_heading"))
    situation_widgets.overdue_warning()
    situation_widgets.compact_chart()
