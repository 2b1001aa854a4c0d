"""The Streamlit script that app.py serves: a router only. See portal/ui/shell.py."""

from portal.ui import shell

shell.run()
