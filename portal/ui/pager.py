"""The one pager for long lists: "Visar 26–50 av 4 000" and first/previous/next/last.

Rows come from SQL with LIMIT/OFFSET, so a rerun costs what one page shows, not what the
table holds. The first row of the page lives in the session under the pager's key,
together with the filters it belongs to: a change of filters starts on the first page
(the old position means nothing there). The buttons are ordinary buttons (Tab, then
Enter or Space) that move the page in a callback, so the rerun they cause shows it.

    first = pager.offset("sig_queue", total, filters=(status, milieu))
    rows = service.page(..., offset=first, limit=pager.PAGE_SIZE)
    ...draw rows...
    pager.controls("sig_queue", total, first, len(rows))

When the count is only known with the rows (one query), ask with `requested()` and let
`controls()` remember where the query actually started.
"""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number

PAGE_SIZE = 25


def requested(key: str, filters: Hashable = None) -> int:
    """The first row asked for under `key`: 0 when `filters` changed, else where the user
    paged to (possibly past the end; the query or `offset()` clamps it)."""
    state = st.session_state.get(key)
    if isinstance(state, tuple) and state[0] == filters:
        return int(state[1])
    st.session_state[key] = (filters, 0)
    return 0


def offset(key: str, total: int, size: int = PAGE_SIZE, filters: Hashable = None) -> int:
    """The first row of the current page, kept within a list of `total` rows."""
    first = requested(key, filters)
    first = min(max(first, 0), max(0, (total - 1) // size * size))
    st.session_state[key] = (filters, first)
    return first


def _move(key: str, first: int) -> None:
    filters = st.session_state.get(key, (None, 0))[0]
    st.session_state[key] = (filters, max(0, first))


def controls(
    key: str, total: int, first: int, shown: int, size: int = PAGE_SIZE, caption: bool = True
) -> None:
    """'Visar 1–25 av 49 800' (unless `caption` is False because the list says it in its
    own words) and the buttons, when there is more than one page."""
    filters = st.session_state.get(key, (None, 0))[0]
    st.session_state[key] = (filters, first)  # where the rows shown really start
    if total == 0:
        return
    if caption:
        st.caption(
            t(
                "common.pager.showing",
                first=number(first + 1),
                last=number(first + shown),
                total=number(total),
            )
        )
    if total <= size:
        return
    last = (total - 1) // size * size
    buttons = [
        ("first", 0, ":material/first_page:", first == 0),
        ("previous", first - size, ":material/chevron_left:", first == 0),
        ("next", first + size, ":material/chevron_right:", first >= last),
        ("last", last, ":material/last_page:", first >= last),
    ]
    # One horizontal row, not a column per button: half the elements for the browser to
    # render, and the row wraps on a narrow screen.
    with st.container(horizontal=True, vertical_alignment="center"):
        for name, target, icon, disabled in buttons:
            st.button(
                t(f"common.pager.{name}"),
                key=f"{key}_{name}",
                icon=icon,
                disabled=disabled,
                on_click=_move,
                args=(key, target),
            )
        pages = number(last // size + 1)
        st.caption(t("common.pager.page_of", page=number(first // size + 1), pages=pages))
