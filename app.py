"""SOS-portalen entry point for `streamlit run app.py` (and `make run`).

Streamlit 1.67 finds the `st.App` below and serves it with uvicorn: the portal's pages
(the script main.py) and, beside them on the same server, the HTTP routes in
portal/web/routes.py (health check, open HSDS API, calendar feeds).
"""

import streamlit as st

from portal.web.routes import ROUTES

app = st.App("main.py", routes=ROUTES)
