"""The baseline for a save: a bare Streamlit form with one field and a confirmation."""

import streamlit as st

st.title("Bare form")
with st.form("bare"):
    value = st.number_input("Värde", min_value=0, max_value=1000, step=1)
    saved = st.form_submit_button("Spara")
if saved:
    st.success(f"Sparat {value}.")
