"""Signaler: report a concern about violent extremism; the receiving function handles it.

Reporters see only their own reports and their status; the queue and the details are
for the receiving function (signals.handle) only, checked again in the services.
"""

import streamlit as st

from portal import auth, config
from portal.i18n import t
from portal.ui import guard, signal_queue, signal_widgets

user = guard.page("signals.report")
st.title(t("signals.title"))
st.write(t("signals.intro"))
st.caption(
    t("signals.receiver", role=t(f"common.roles.{config.get('PORTAL_SIGNAL_RECEIVER_ROLE')}"))
)

handler = auth.can(user.role, "signals.handle")
names = ["report", "mine"] + (["queue"] if handler else []) + ["stats"]
tabs = dict(zip(names, st.tabs([t(f"signals.tabs.{n}") for n in names]), strict=True))

with tabs["report"]:
    signal_widgets.report_form(user)
with tabs["mine"]:
    signal_widgets.my_reports(user)
if handler:
    with tabs["queue"]:
        signal_queue.queue_section(user)
with tabs["stats"]:
    signal_widgets.stats_section(exact=auth.can(user.role, "situation.exact_numbers"))
