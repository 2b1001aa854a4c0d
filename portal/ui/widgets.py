"""Pickers that speak the UI language: st.selectbox, st.multiselect and st.date_input
with Streamlit's English defaults ("Choose an option", "Choose or add an option",
"YYYY/MM/DD") replaced from the catalogue. Every picker in the portal goes through here
(`widgets.select(...)`, or `widgets.on(column).select(...)` inside a column); a caller's
own placeholder or format wins.

A widget's `help=` is shown as a caption under it, never as Streamlit's tooltip icon:
that icon's accessible name is the English "Help for <label>", which a screen reader
reads on a Swedish page and no argument can change (the text is also easier to find
when it is visible).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from portal.i18n import t
from portal.i18n.formats import number
from portal.ui.text import escape_md

T = TypeVar("T")

# Swedish standard (SS-ISO 8601) and unambiguous in English too.
DATE_FORMAT = "YYYY-MM-DD"


def _placeholder(kwargs: dict[str, Any], key: str) -> None:
    if not kwargs.get("placeholder"):
        kwargs["placeholder"] = t(key)


def _caption(parent: Any, text: str | None) -> None:
    if text:
        parent.caption(text)


def helped(widget: Callable[..., T], *args: Any, help: str | None = None, **kwargs: Any) -> T:
    """`widget(*args, **kwargs)` (e.g. st.text_input or column.text_input) with its help
    text as a caption under it, in the same container."""
    value = widget(*args, **kwargs)
    _caption(getattr(widget, "__self__", st), help)
    return value


class Pickers:
    """The pickers drawn in one container (the page, a column, the sidebar)."""

    def __init__(self, parent: Any) -> None:
        self._parent = parent

    def select(self, label: str, options: Sequence[Any], **kwargs: Any) -> Any:
        """st.selectbox with a placeholder in the UI language."""
        adding = bool(kwargs.get("accept_new_options"))
        _placeholder(kwargs, "common.widgets.choose_or_add" if adding else "common.widgets.choose")
        help_text = kwargs.pop("help", None)
        value = self._parent.selectbox(label, options, **kwargs)
        _caption(self._parent, help_text)
        return value

    def multiselect(self, label: str, options: Sequence[Any], **kwargs: Any) -> list[Any]:
        """st.multiselect with a placeholder in the UI language."""
        adding = bool(kwargs.get("accept_new_options"))
        key = "common.widgets.choose_or_add_many" if adding else "common.widgets.choose_many"
        _placeholder(kwargs, key)
        help_text = kwargs.pop("help", None)
        value = list(self._parent.multiselect(label, options, **kwargs))
        _caption(self._parent, help_text)
        return value

    def date(self, label: str, value: Any = "today", **kwargs: Any) -> Any:
        """st.date_input in the Swedish date format (the field's segments follow it)."""
        kwargs.setdefault("format", DATE_FORMAT)
        help_text = kwargs.pop("help", None)
        chosen = self._parent.date_input(label, value, **kwargs)
        _caption(self._parent, help_text)
        return chosen


def on(parent: Any) -> Pickers:
    """The pickers inside `parent` (a column, a container, st.sidebar)."""
    return Pickers(parent)


_page = Pickers(st)
select = _page.select
multiselect = _page.multiselect
date = _page.date


def metrics(figures: Sequence[tuple[str, object]]) -> None:
    """Headline figures side by side in one horizontal row: a row of columns would send
    the browser a column element around each figure."""
    with st.container(horizontal=True):
        for label, value in figures:
            # 15 014, not 15014: counts in the Swedish (or English) way
            shown = number(value) if isinstance(value, int) else value
            st.metric(label, shown)  # type: ignore[arg-type]


def small(text: str) -> str:
    """`text` as Markdown in a caption's small grey type, escaped, to go in the same
    block as the text around it (one element instead of a caption of its own)."""
    return f":small[:gray[{escape_md(text)}]]"


def expander(label: str, key: str, draw: Callable[[], object], icon: str | None = None) -> None:
    """A collapsed section whose content `draw` builds only when someone opens it
    (`on_change="rerun"`): a page load sends none of it, and opening it is one rerun."""
    box = st.expander(label, key=key, on_change="rerun", icon=icon)
    if box.open:
        with box:
            draw()


def tabs(parts: Sequence[tuple[str, Callable[[], object]]], key: str) -> None:
    """Tabs of (label, draw) where only the open tab runs (`on_change="rerun"`): the
    other tabs' reads, tables and charts cost nothing until someone opens them. The open
    tab is remembered by its label, so labels must not change between runs."""
    containers = st.tabs([label for label, _ in parts], key=key, on_change="rerun")
    for tab, (_, draw) in zip(containers, parts, strict=True):
        if tab.open:
            with tab:
                draw()
