"""Overview section: the signal routine at a glance (counts only, never details)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from portal import auth
from portal.i18n import t
from portal.signals import api as signal_queue, api as signal_stats, api as signals_db
from portal.ui import widgets

PERMISSION = "signals.report"


def render(user) -> None:
    st.subheader(t("signals.overview.heading"))
    year = date.today().year
    exact = auth.can(user.role, "situation.exact_numbers")
    summary = signal_stats.year_summary(year, exact=exact)
    total, still_open = signals_db.count_by_reporter(user.username)
    figures: list[tuple[str, object]] = [
        (t("signals.overview.this_year"), summary["total"]),
        (t("signals.overview.mine"), total),
        (t("signals.overview.mine_open"), still_open),
    ]
    if auth.can(user.role, "signals.handle"):
        new = signal_queue.totals(user.role)["new"]
        figures.append((t("signals.overview.new_to_receive"), new))
    widgets.metrics(figures)
