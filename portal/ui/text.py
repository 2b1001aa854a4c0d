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


# "![alt](url)" and "![alt][ref]": an image every viewer's browser would fetch.
_IMAGE = re.compile(r"!(?=\[)")


def user_markdown(text: str | None) -> str:
    """User text that is meant as Markdown (minutes, agenda notes), made safe to show:
    no image is ever loaded from it (the "!" of an image is escaped, so at most a link
    remains, shown as a link). Raw HTML is never enabled, so tags show as text."""
    return _IMAGE.sub(r"\\!", str(text or ""))


def table(data: pd.DataFrame, **kwargs: object) -> None:
    """st.table with every text cell escaped: st.table renders cells as Markdown."""
    shown = data.copy()
    for col in shown.columns:
        if shown[col].dtype == object or isinstance(shown[col].dtype, pd.StringDtype):
            shown[col] = shown[col].map(lambda v: escape_md(v) if isinstance(v, str) else v)
    shown.columns = [escape_md(str(c)) for c in shown.columns]
    st.table(shown, **kwargs)  # type: ignore[arg-type]


def plain_md(text: str | None, indent: str = "") -> str:
    """User text as Markdown that renders it literally, keeping its paragraph and line
    breaks; `indent` continues a list item."""
    paras = [escape_md(p).replace("\n", "  \n" + indent) for p in (text or "").split("\n\n")]
    return ("\n\n" + indent).join(paras)


def plain(text: str | None) -> None:
    """Write user text, literally, keeping its paragraph breaks: one element however many
    paragraphs (each element costs the browser a render)."""
    st.markdown(plain_md(text))


def no_missing(df: pd.DataFrame, empty: str = "") -> pd.DataFrame:
    """A copy of `df` for display: missing values in text columns (None, NaN, <NA>) read
    `empty` instead of the grid's "None"/"nan"."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype):
            out[col] = out[col].astype(object).where(out[col].notna(), empty)
    return out
