"""Administration: users and roles, the audit log, backups. Admins only."""

import streamlit as st

from portal.i18n import t
from portal.ui import admin_widgets, admin_widgets_log, guard

user = guard.page("admin.manage")
st.title(t("admin.title"))

parts = [
    (t("admin.tab_users"), lambda: admin_widgets.users_section(user)),
    (t("admin.tab_log"), lambda: admin_widgets_log.audit_section(user)),
    (t("admin.tab_backup"), lambda: admin_widgets_log.backup_section(user)),
]
# Only the open tab runs (on_change="rerun"): the audit log's table is read and sent
# when its tab is opened, not with every load of the user list.
tabs = st.tabs([name for name, _ in parts], key="admin_tab", on_change="rerun")
for tab, (_, draw) in zip(tabs, parts, strict=True):
    if tab.open:
        with tab:
            draw()
