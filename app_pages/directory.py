"""Stödkatalog: search the family-support directory; editors keep it current.

Partners see public and partner entries, municipal roles also internal ones; the
service layer decides, this page only shows what it is given.
"""

from datetime import date

import streamlit as st

from portal import auth
from portal.directory import api as dir_views
from portal.i18n import t
from portal.ui import directory_widgets as widgets, forms, guard

user = guard.page("directory.view")
today = date.today()
editor = auth.can(user.role, "directory.edit")
internal_info = auth.can(user.role, "directory.view_internal")

st.title(t("directory.title"))
st.write(t("directory.intro"))
forms.flash()

if editor:
    from portal.ui import directory_widgets_edit as edit

    stale_count = dir_views.stale_count(user.role, today)
    tabs = st.tabs(
        [
            t("directory.tab_search"),
            t("directory.tab_edit"),
            f"{t('directory.tab_check')} ({stale_count})",
            t("directory.tab_import"),
        ]
    )
    with tabs[0]:
        widgets.search_section(user.role, editor, internal_info, today)
    with tabs[1]:
        edit.edit_form(user)
    with tabs[2]:
        edit.stale_list(user, today)
    with tabs[3]:
        edit.import_export(user)
else:
    widgets.search_section(user.role, editor, internal_info, today)
