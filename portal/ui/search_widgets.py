"""The portal-wide search box and its hits (on the overview): each hit says what it is,
its title and date, and links to the page that shows it."""

from __future__ import annotations

import streamlit as st

from portal import auth
from portal.i18n import t, tn
from portal.i18n.formats import long_date
from portal.search import api as search_api
from portal.ui import widgets
from portal.ui.text import escape_md

_PATHS = {spec.url_path: spec.path for spec in auth.PAGES}


def box(role: str | None) -> None:
    query = widgets.helped(
        st.text_input,
        t("search.label"),
        key="portal_search",
        placeholder=t("search.placeholder"),
        help=t("search.help"),
    )
    if not query.strip():
        return
    hits = search_api.search(role, query)
    if not hits:
        st.info(t("search.nothing", query=query.strip()))
        return
    st.caption(tn("search.count", len(hits)))
    for hit in hits:
        # Kind and date first: a page link is one line and a long title is cut at its end.
        parts = [t(f"search.kinds.{hit.kind}")]
        if hit.when:
            parts.append(long_date(hit.when))
        parts.append(hit.title if len(hit.title) <= 110 else hit.title[:107] + "…")
        # A page link's label is Markdown: the titles are people's text, so escaped.
        st.page_link(
            _PATHS[hit.page], label=escape_md(" · ".join(parts)), query_params=dict(hit.params)
        )
