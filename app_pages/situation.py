"""Lägesbild: the yearly situation picture per milieu, indicators and charts."""

import streamlit as st

from portal import auth
from portal.exports.situation import indicators_table, workbook_bytes
from portal.exports.tabular import csv_bytes
from portal.i18n import t
from portal.situation import api as views
from portal.ui import guard, situation_forms, situation_widgets, widgets

user = guard.page("situation.view")
exact = auth.can(user.role, "situation.exact_numbers")
editor = auth.can(user.role, "situation.edit")

st.title(t("situation.title"))
st.caption(t("situation.intro"))
situation_widgets.overdue_warning()
situation_forms.flash()
if editor:
    with st.expander(t("situation.new_year")):
        situation_forms.new_year_form(user)

year = situation_widgets.year_selector(views.years())
if year is None:
    st.stop()


def indicators_tab() -> None:
    situation_widgets.indicators_view(year, exact)
    # Exports leave the portal: always with small numbers suppressed.
    st.download_button(
        t("situation.export_csv"),
        data=lambda: csv_bytes(indicators_table()),
        file_name="lagesbild-indikatorer.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    st.download_button(
        t("situation.export_xlsx"),
        data=workbook_bytes,
        file_name="lagesbild.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
    )


def edit_tab() -> None:
    situation_forms.year_form(user, year)
    situation_forms.milieu_forms(user, year)
    situation_forms.approve_form(user, year)


def import_tab() -> None:
    situation_forms.indicator_form(user)
    situation_forms.delete_indicator_form(user, year)
    situation_forms.import_form(user)


parts = [
    (t("situation.tab_assessment"), lambda: situation_widgets.assessment_view(year)),
    (t("situation.tab_charts"), lambda: situation_widgets.charts_view(year, exact)),
    (t("situation.tab_indicators"), indicators_tab),
]
if editor:
    parts += [(t("situation.tab_edit"), edit_tab), (t("situation.tab_import"), import_tab)]
# Only the open tab runs: the six charts and the indicator table are
# read and sent when their tab is opened, not with every load of the assessment.
widgets.tabs(parts, "situation_tab")
