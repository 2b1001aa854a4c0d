"""SOS-portalen entry point for `streamlit run app.py` (and `make run`).

Streamlit 1.67 finds the `st.App` below and serves it with uvicorn: the portal's pages
(the script main.py) and, beside them on the same server, the HTTP routes in
portal/web/routes.py (health check, open HSDS API, calendar feeds).
"""

import streamlit as st

from portal.web import cli_bridge
from portal.web.routes import ROUTES


def _address() -> tuple[str, int]:
    """The address and port this server listens on (Streamlit's final config)."""
    return str(st.get_option("server.address") or ""), int(st.get_option("server.port"))


# The lifespan runs the start-up tasks and publishes the command line's loopback route.
app = st.App("main.py", routes=ROUTES, lifespan=cli_bridge.lifespan(_address))
