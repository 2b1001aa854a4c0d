"""Stöd och hjälp: the public support page (no login). Carries out plan activity 4.1.1."""

import streamlit as st

from portal import config
from portal.i18n import t
from portal.ui import guard
from portal.ui.text import escape_md

guard.page("support.view")
municipality = config.get("PORTAL_MUNICIPALITY")
contact = config.get("PORTAL_COORDINATOR_CONTACT")

st.title(t("support.title"))
st.write(t("support.intro"))

with st.container(border=True):
    st.subheader(t("support.line_heading"))
    st.markdown(t("support.line_body"))
    st.link_button(t("support.line_call"), "tel:020100200", icon=":material/call:")

with st.container(border=True):
    st.subheader(t("support.emergency_heading"))
    st.markdown(t("support.emergency_body"))

st.subheader(t("support.coordinator_heading"))
st.write(t("support.coordinator_body"))
st.markdown(t("support.coordinator_contact", contact=escape_md(contact)) if contact
            else t("support.coordinator_switchboard"))

st.subheader(t("support.forms_heading"))
st.markdown(t("support.forms_body"))
st.subheader(t("support.municipality_heading", municipality=escape_md(municipality)))
st.write(t("support.municipality_body", municipality=municipality))
st.markdown(t("support.professionals"))
st.caption(t("support.sources"))
