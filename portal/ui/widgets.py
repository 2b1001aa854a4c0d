"""Pickers that speak the UI language: st.selectbox, st.multiselect and st.date_input
with Streamlit's English defaults ("Choose an option", "Choose or add an option",
"YYYY/MM/DD") replaced from the catalogue. Every picker in the portal goes through here;
a caller's own placeholder or format wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from portal.i18n import t

# Swedish standard (SS-ISO 8601) and unambiguous in English too.
DATE_FORMAT = "YYYY-MM-DD"


def _placeholder(kwargs: dict[str, Any], key: str) -> None:
    if not kwargs.get("placeholder"):
        kwargs["placeholder"] = t(key)


def select(label: str, options: Sequence[Any], **kwargs: Any) -> Any:
    """st.selectbox with a placeholder in the UI language."""
    adding = bool(kwargs.get("accept_new_options"))
    _placeholder(kwargs, "common.widgets.choose_or_add" if adding else "common.widgets.choose")
    return st.selectbox(label, options, **kwargs)


def multiselect(label: str, options: Sequence[Any], **kwargs: Any) -> list[Any]:
    """st.multiselect with a placeholder in the UI language."""
    adding = bool(kwargs.get("accept_new_options"))
    key = "common.widgets.choose_or_add_many" if adding else "common.widgets.choose_many"
    _placeholder(kwargs, key)
    return st.multiselect(label, options, **kwargs)


def date(label: str, value: Any = "today", **kwargs: Any) -> Any:
    """st.date_input in the Swedish date format (the field's segments follow it)."""
    kwargs.setdefault("format", DATE_FORMAT)
    return st.date_input(label, value, **kwargs)
