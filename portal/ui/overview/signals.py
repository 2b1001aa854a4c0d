"""Overview section: the signal routine at a glance (counts only, never details)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from portal import auth
from portal.i18n import t
from portal.signals import api as signal_queue, api as signal_stats, api as signals_db

PERMISSION = "signals.report"


def render(user) -> None:
    st.subheader(t("signals.overview.heading"))
    year = date.today().year
    exact = auth.can(user.role, "situation.exact_numbers")
    summary = signal_stats.year_summary(year, exact=exact)
    cols = st.columns(4)
    cols[0].metric(t("signals.overview.this_year"), summary["total"])
    total, still_open = signals_db.count_by_reporter(user.username)
    cols[1].metric(t("signals.overview.mine"), total)
    cols[2].metric(t("signals.overview.mine_open"), still_open)
    if auth.can(user.role, "signals.handle"):
        cols[3].metric(t("signals.overview.new_to_receive"), signal_queue.totals(user.role)["new"])
