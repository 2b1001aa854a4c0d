"""Administration: users and roles, the audit log, backups. Admins only."""

import streamlit as st

from portal.i18n import t
from portal.ui import admin_widgets, admin_widgets_log, guard, widgets

user = guard.page("admin.manage")
st.title(t("admin.title"))

parts = [
    (t("admin.tab_users"), lambda: admin_widgets.users_section(user)),
    (t("admin.tab_log"), lambda: admin_widgets_log.audit_section(user)),
    (t("admin.tab_backup"), lambda: admin_widgets_log.backup_section(user)),
]
# Only the open tab runs: the audit log's table is read and sent
# when its tab is opened, not with every load of the user list.
widgets.tabs(parts, "admin_tab")
