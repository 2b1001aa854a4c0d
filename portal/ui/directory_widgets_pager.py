"""Paging for directory lists: "Visar 1–20 av 15 000" and previous/next buttons.

The page start lives in session state under the pager's key, together with the search it
belongs to: a new search starts again at the first page. The buttons are ordinary buttons
(reachable with Tab, pressed with Enter or Space) and change the start in a callback, so
the rerun they cause already shows the new page.
"""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number
from portal.services.directory_views import Page


def offset(key: str, search: Hashable = None) -> int:
    """Where the list under `key` starts: 0 for a new `search`, else where the user paged."""
    if st.session_state.get(f"{key}_search") != search:
        st.session_state[f"{key}_search"] = search
        st.session_state[f"{key}_offset"] = 0
    return int(st.session_state.get(f"{key}_offset", 0))


def _move(key: str, start: int) -> None:
    st.session_state[f"{key}_offset"] = max(0, start)


def summary(page: Page) -> None:
    """'Visar 1–20 av 15 000' (or the plain count when everything fits on one page)."""
    if page.total == 1:
        st.caption(t("directory.results_one"))
    elif page.total <= len(page.rows):
        st.caption(t("directory.results", n=number(page.total)))
    else:
        st.caption(t("directory.showing", first=number(page.first), last=number(page.last),
                     n=number(page.total)))


def controls(key: str, page: Page) -> None:
    """Previous/next buttons under the list; nothing when it fits on one page."""
    st.session_state[f"{key}_offset"] = page.offset  # the service may have clamped it
    if not (page.has_previous or page.has_next):
        return
    cols = st.columns(2)
    cols[0].button(t("directory.page_previous"), key=f"{key}_prev",
                   icon=":material/chevron_left:", disabled=not page.has_previous,
                   on_click=_move, args=(key, page.offset - page.size))
    cols[1].button(t("directory.page_next"), key=f"{key}_next",
                   icon=":material/chevron_right:", disabled=not page.has_next,
                   on_click=_move, args=(key, page.offset + page.size))
