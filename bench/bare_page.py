"""The baseline: a bare Streamlit page with a title and a line of text."""

import streamlit as st

st.title("Bare page")
st.write("Nothing else happens here.")
