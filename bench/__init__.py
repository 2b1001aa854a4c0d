"""Performance benchmarks. They print figures; nothing here is asserted in the test suite."""

from streamlit.logger import set_log_level

# Bench code imports portal modules outside a running app, and Streamlit then warns about
# a missing script context on every call; that is expected here.
set_log_level("error")
