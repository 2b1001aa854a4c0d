"""Links between pages that also work where the page runs outside the app's navigation
(a page run on its own in a test, or the refusal page at start-up)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from portal import auth
from portal.ui.text import escape_md


def page_link(
    path: str, label: str, icon: str | None = None, query_params: dict[str, str] | None = None
) -> None:
    """st.page_link to a registered page; a plain link to its URL when it is not."""
    try:
        st.page_link(path, label=label, icon=icon, query_params=query_params)
    except StreamlitPageNotFoundError:
        spec = next(p for p in auth.PAGES if p.path == path)
        query = f"?{urlencode(query_params)}" if query_params else ""
        st.markdown(f"[{escape_md(label)}](/{spec.url_path}{query})")


def seed_from_url(param: str, key: str, convert=str) -> None:
    """Fill the widget `key` from the URL's `param` once per distinct value (a link from
    the portal-wide search opens the page already narrowed); typing afterwards wins.
    Call before the widget is created."""
    raw = st.query_params.get(param)
    seen = f"_seeded_{key}"
    if raw is None or st.session_state.get(seen) == raw:
        return
    st.session_state[seen] = raw
    try:
        st.session_state[key] = convert(raw)
    except (TypeError, ValueError):
        pass  # a hand-edited URL: the page opens as usual
