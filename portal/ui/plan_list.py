"""The plan's activities a page at a time: filters, one paged table per dimension, and
a search-then-pick activity picker. Only the rows shown are read (portal/plan/_read.py),
so a plan of thousands of activities reruns as fast as a small one."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number
from portal.plan import api as plan_api
from portal.ui import links, pager, plan_widgets, widgets
from portal.ui.text import escape_md, plain, plain_md


def _key(dim_id: int) -> str:
    return f"plan_page_{dim_id}"


def filters() -> tuple[str, str]:
    """State filter and search text for the lists; changing either goes back to page 1
    (the pagers remember which filters their position belongs to)."""
    links.seed_from_url("sok", "plan_filter_search")
    cols = st.columns([1, 2])
    state = widgets.on(cols[0]).select(
        t("plan.filter_state"),
        plan_api.STATE_FILTERS,
        format_func=lambda k: t(f"plan.filters.{k}"),
        key="plan_filter_state",
    )
    search = cols[1].text_input(
        t("plan.filter_search"), key="plan_filter_search", placeholder=t("plan.filter_search_hint")
    )
    return state, search


def dimension_lists(plan_id: int, dims: pd.DataFrame, today: date, state: str, search: str) -> None:
    """Each dimension with its objective and one page of its matching activities."""
    offsets = {int(d): pager.requested(_key(int(d)), (state, search)) for d in dims["id"]}
    rows = plan_api.dimension_pages(plan_id, today, offsets, state, search)
    for dim in dims.itertuples():
        # Heading and objective as one Markdown block: one element, not two.
        heading = escape_md(f"{dim.number} {dim.name}")
        st.markdown(f"## {heading}\n\n**{t('plan.objective')}:** {plain_md(dim.objective)}")
        widgets.expander(
            t("plan.description"),
            f"plan_description_{int(dim.id)}",
            partial(plain, dim.description),
        )
        part = rows[rows["dimension_id"] == dim.id]
        if part.empty:
            st.caption(t("plan.no_match"))
            continue
        plan_widgets.activity_table(part)
        # a page past the end is shown as the last one: the pager remembers where it began
        pager.controls(
            _key(int(dim.id)),
            int(part["total"].iloc[0]),
            int(part["shown_from"].iloc[0]),
            len(part),
            plan_api.PAGE_SIZE,
        )


def activity_picker(plan_id: int, key: str) -> int | None:
    """Search, then pick: a search box and a select box of at most CHOICES matches."""
    search = st.text_input(
        t("plan.search_activity"), key=f"{key}_search", placeholder=t("plan.filter_search_hint")
    )
    found, total = plan_api.choices(plan_id, search)
    if found.empty:
        st.caption(t("plan.no_match"))
        return None
    labels = {int(r.id): plan_widgets.activity_label(r) for r in found.itertuples()}
    if st.session_state.get(key) not in labels:
        st.session_state.pop(key, None)
    choice = widgets.select(
        t("plan.choose_activity"), list(labels), format_func=labels.__getitem__, key=key
    )
    if total > len(labels):
        st.caption(t("plan.more_matches", shown=number(len(labels)), total=number(total)))
    return choice
