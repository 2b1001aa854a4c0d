"""Översikt: the state of the work at a glance, one section per feature."""

import streamlit as st

from portal import auth
from portal.i18n import t
from portal.ui import guard, search_widgets
from portal.ui.overview import SECTIONS

user = guard.page("overview.view")
st.title(t("overview.title"))
st.write(t("overview.intro"))
search_widgets.box(user.role)

for section in SECTIONS:
    if auth.can(user.role, section.PERMISSION):
        section.render(user)
