"""Performance benchmarks. They print figures; nothing here is asserted in the test suite."""

import os

# Streamlit warns about a missing script context when bench code imports portal modules
# outside a running app; that is expected here.
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
