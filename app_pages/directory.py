"""Stödkatalog: search the family-support directory; editors keep it current.

Partners see public and partner entries, municipal roles also internal ones; the
service layer decides, this page only shows what it is given.
"""

from datetime import date

import streamlit as st

from portal import auth
from portal.directory import api as dir_views
from portal.i18n import t, tn
from portal.ui import directory_widgets, forms, guard, widgets

user = guard.page("directory.view")
today = date.today()
editor = auth.can(user.role, "directory.edit")
internal_info = auth.can(user.role, "directory.view_internal")

st.title(t("directory.title"))
st.write(t("directory.intro"))
forms.flash()

if editor:
    from portal.ui import directory_widgets_edit as edit

    # The count sits above the tabs, not in a tab's label: a lazy tab is remembered by
    # its label, so a count that changes would close the tab the editor works in.
    stale_count = dir_views.stale_count(user.role, today)
    st.caption(tn("directory.stale_summary", stale_count))
    parts = [
        (
            t("directory.tab_search"),
            lambda: directory_widgets.search_section(user.role, editor, internal_info, today),
        ),
        (t("directory.tab_edit"), lambda: edit.edit_form(user)),
        (t("directory.tab_check"), lambda: edit.stale_list(user, today)),
        (t("directory.tab_import"), lambda: edit.import_export(user)),
    ]
    # Only the open tab runs: the edit form, the check list and the
    # import section are built when their tab is opened, not with every search.
    widgets.tabs(parts, "directory_tab")
else:
    directory_widgets.search_section(user.role, editor, internal_info, today)
