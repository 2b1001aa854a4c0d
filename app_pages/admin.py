"""Administration: users and roles, the audit log, backups. Admins only."""

import streamlit as st

from portal.i18n import t
from portal.ui import admin_widgets, admin_widgets_log, guard

user = guard.page("admin.manage")
st.title(t("admin.title"))

users_tab, log_tab, backup_tab = st.tabs(
    [t("admin.tab_users"), t("admin.tab_log"), t("admin.tab_backup")]
)
with users_tab:
    admin_widgets.users_section(user)
with log_tab:
    admin_widgets_log.audit_section(user)
with backup_tab:
    admin_widgets_log.backup_section(user)
