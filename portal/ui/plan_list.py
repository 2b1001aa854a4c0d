"""The plan's activities a page at a time: filters, one paged table per dimension, and
a search-then-pick activity picker. Only the rows shown are read (portal/services/
plan_read.py), so a plan of thousands of activities reruns as fast as a small one."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number
from portal.services import plan_read
from portal.ui import plan_widgets
from portal.ui.text import plain

OFFSETS = "plan_offsets"  # session state: dimension id -> first row shown


def _reset_offsets() -> None:
    st.session_state.pop(OFFSETS, None)


def filters() -> tuple[str, str]:
    """State filter and search text for the lists; changing either goes back to page 1."""
    cols = st.columns([1, 2])
    state = cols[0].selectbox(t("plan.filter_state"), plan_read.STATE_FILTERS,
                              format_func=lambda k: t(f"plan.filters.{k}"),
                              key="plan_filter_state", on_change=_reset_offsets)
    search = cols[1].text_input(t("plan.filter_search"), key="plan_filter_search",
                                placeholder=t("plan.filter_search_hint"),
                                on_change=_reset_offsets)
    return state, search


def dimension_lists(plan_id: int, dims: pd.DataFrame, today: date, state: str,
                    search: str) -> None:
    """Each dimension with its objective and one page of its matching activities."""
    offsets: dict[int, int] = st.session_state.setdefault(OFFSETS, {})
    rows = plan_read.dimension_pages(plan_id, today, offsets, state, search)
    for dim in dims.itertuples():
        st.header(f"{dim.number} {dim.name}", divider="gray")
        st.markdown(f"**{t('plan.objective')}:** ")
        plain(dim.objective)
        with st.expander(t("plan.description")):
            plain(dim.description)
        part = rows[rows["dimension_id"] == dim.id]
        if part.empty:
            st.caption(t("plan.no_match"))
            continue
        shown_from, total = int(part["shown_from"].iloc[0]), int(part["total"].iloc[0])
        offsets[int(dim.id)] = shown_from  # a page past the end was shown as the last
        plan_widgets.activity_table(part)
        pager(int(dim.id), shown_from, len(part), total)


def _move(dim_id: int, offset: int) -> None:
    st.session_state.setdefault(OFFSETS, {})[dim_id] = max(0, offset)


def pager(dim_id: int, shown_from: int, shown: int, total: int,
          size: int = plan_read.PAGE_SIZE) -> None:
    """'Visar 26–50 av 4 000' and buttons to the first, previous, next and last page."""
    st.caption(t("plan.showing", first=number(shown_from + 1),
                 last=number(shown_from + shown), total=number(total)))
    if total <= size:
        return
    last = (total - 1) // size * size
    buttons = [("first", 0, ":material/first_page:"),
               ("previous", shown_from - size, ":material/chevron_left:"),
               ("next", shown_from + size, ":material/chevron_right:"),
               ("last", last, ":material/last_page:")]
    cols = st.columns(len(buttons) + 1)
    for col, (name, target, icon) in zip(cols, buttons, strict=False):
        at_start = name in ("first", "previous") and shown_from == 0
        at_end = name in ("next", "last") and shown_from >= last
        col.button(t(f"plan.page_{name}"), key=f"plan_page_{dim_id}_{name}", icon=icon,
                   disabled=at_start or at_end, on_click=_move, args=(dim_id, target))
    cols[-1].caption(t("plan.page_of", page=shown_from // size + 1, pages=last // size + 1))


def activity_picker(plan_id: int, key: str) -> int | None:
    """Search, then pick: a search box and a select box of at most CHOICES matches."""
    search = st.text_input(t("plan.search_activity"), key=f"{key}_search",
                           placeholder=t("plan.filter_search_hint"))
    found, total = plan_read.choices(plan_id, search)
    if found.empty:
        st.caption(t("plan.no_match"))
        return None
    labels = {int(r.id): plan_widgets.activity_label(r) for r in found.itertuples()}
    if st.session_state.get(key) not in labels:
        st.session_state.pop(key, None)
    choice = st.selectbox(t("plan.choose_activity"), list(labels), format_func=labels.get,
                          key=key)
    if total > len(labels):
        st.caption(t("plan.more_matches", shown=number(len(labels)), total=number(total)))
    return choice
