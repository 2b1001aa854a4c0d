"""Stöd och hjälp: the public support page (no login). Carries out plan activity 4.1.1.

Shows only public directory entries, whoever is signed in: this page is what a family
sees, and it is also what the printable leaflet holds.
"""

from datetime import date

import streamlit as st

from portal import config
from portal.exports.leaflet import leaflet_pdf
from portal.i18n import t
from portal.ui import directory_widgets, guard
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
st.markdown(
    t("support.coordinator_contact", contact=escape_md(contact))
    if contact
    else t("support.coordinator_switchboard")
)

st.subheader(t("support.directory_heading"))
directory_widgets.public_list(date.today())

# The leaflet is made when someone asks for it, not on every rerun of the page.
st.download_button(
    t("support.leaflet_download"),
    leaflet_pdf,
    "stod-och-hjalp.pdf",
    "application/pdf",
    icon=":material/print:",
    on_click="ignore",
)

st.subheader(t("support.forms_heading"))
st.markdown(t("support.forms_body"))
st.subheader(t("support.municipality_heading", municipality=escape_md(municipality)))
st.write(t("support.municipality_body", municipality=municipality))
st.markdown(t("support.professionals"))
st.caption(t("support.sources"))
