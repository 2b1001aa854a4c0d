"""Showing user-written text safely.

Streamlit renders strings as Markdown. Raw HTML is never enabled here; on top of that,
user text is escaped so it cannot create links, images, headings or break the layout.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")


def escape_md(text: str | None) -> str:
    """Markdown-escape `text` so it renders literally (also neutralises < and &)."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def plain(text: str | None) -> None:
    """Write user text as a paragraph, literally, keeping its paragraph breaks."""
    for para in (text or "").split("\n\n"):
        st.markdown(escape_md(para).replace("\n", "  \n"))


def no_missing(df: pd.DataFrame, empty: str = "") -> pd.DataFrame:
    """A copy of `df` for display: missing values in text columns (None, NaN, <NA>) read
    `empty` instead of the grid's "None"/"nan"."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype):
            out[col] = out[col].astype(object).where(out[col].notna(), empty)
    return out
