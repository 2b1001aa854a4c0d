"""HTTP routes served beside the Streamlit pages by the same server (see app.py).

Handlers reach data only through feature façades, like the pages do, and never import
Streamlit: a route answers a plain HTTP request, with no session behind it.
"""
