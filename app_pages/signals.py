"""Signaler: report a concern about violent extremism; the receiving function handles it.

Reporters see only their own reports and their status; the queue and the details are
for the receiving function (signals.handle) only, checked again in the services.
"""

import streamlit as st

from portal import auth, config
from portal.i18n import t
from portal.ui import guard, signal_queue, signal_widgets, widgets

user = guard.page("signals.report")
st.title(t("signals.title"))
st.write(t("signals.intro"))
st.caption(
    t("signals.receiver", role=t(f"common.roles.{config.get('PORTAL_SIGNAL_RECEIVER_ROLE')}"))
)

handler = auth.can(user.role, "signals.handle")
parts = [
    (t("signals.tabs.report"), lambda: signal_widgets.report_form(user)),
    (t("signals.tabs.mine"), lambda: signal_widgets.my_reports(user)),
]
if handler:
    parts.append((t("signals.tabs.queue"), lambda: signal_queue.queue_section(user)))
exact = auth.can(user.role, "situation.exact_numbers")
parts.append((t("signals.tabs.stats"), lambda: signal_widgets.stats_section(exact=exact)))
# Only the open tab runs: a reporter's page load sends the form, not the queue or charts.
widgets.tabs(parts, "signals_tab")
