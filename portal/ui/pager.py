"""A pager for long lists: the page number lives in the session and the rows come from
SQL (LIMIT/OFFSET), so a rerun costs what one page shows, not what the table holds.

    offset = pager.offset("sig_queue", total, filters=(status, milieu))
    rows = service.page(..., offset=offset, limit=pager.PAGE_SIZE)
    ...draw rows...
    pager.controls("sig_queue", total, offset, len(rows), domain="signals")

Texts come from `<domain>.pager.*` (showing, previous, next) in the domain's catalog.
"""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number

PAGE_SIZE = 25


def offset(key: str, total: int, size: int = PAGE_SIZE, filters: Hashable = None) -> int:
    """The first row of the current page, kept within the list; a change of `filters`
    starts again on the first page (the old page number means nothing there)."""
    state = st.session_state.get(key)
    page = state[1] if isinstance(state, tuple) and state[0] == filters else 0
    page = min(max(int(page), 0), max(0, (total - 1) // size))
    st.session_state[key] = (filters, page)
    return page * size


def _move(key: str, step: int) -> None:
    filters, page = st.session_state.get(key, (None, 0))
    st.session_state[key] = (filters, page + step)


def controls(key: str, total: int, first: int, shown: int, domain: str,
             size: int = PAGE_SIZE) -> None:
    """'Visar 1–25 av 49 800' and previous/next buttons (only when there is more)."""
    if total == 0:
        return
    st.caption(t(f"{domain}.pager.showing", first=number(first + 1),
                 last=number(first + shown), total=number(total)))
    if total <= size:
        return
    cols = st.columns(2)
    cols[0].button(t(f"{domain}.pager.previous"), key=f"{key}_prev", disabled=first == 0,
                   on_click=_move, args=(key, -1), icon=":material/chevron_left:")
    cols[1].button(t(f"{domain}.pager.next"), key=f"{key}_next",
                   disabled=first + size >= total, on_click=_move, args=(key, 1),
                   icon=":material/chevron_right:")
