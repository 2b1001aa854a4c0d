"""How meeting mode looks on a projector: large type, nothing clipped.

Meeting mode is drawn inside a container with the key KEY (Streamlit gives it the class
`st-key-<KEY>`); the style sheet below is constant text, scoped to the main area that
holds that container, and only added while meeting mode is shown. No user text ever
goes into it. Lists are written as text blocks that wrap, not as a canvas grid whose
cells cut text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

KEY = "meeting_mode"
BODY_PX = 26  # readable from the back of a room at 1920×1080 (at least 24 px)

# The whole main area while meeting mode is in it (its toggle and back button too).
_SCOPE = f'[data-testid="stMainBlockContainer"]:has(.st-key-{KEY})'
_STYLE = f"""<style>
{_SCOPE} {{ overflow-wrap: anywhere; }}
{_SCOPE} [data-testid="stElementContainer"]:has(style) {{ display: none; }}
{_SCOPE} [data-testid="stMarkdownContainer"] :is(p, li, td, th),
{_SCOPE} [data-testid="stCaptionContainer"],
{_SCOPE} [data-testid="stCaptionContainer"] p,
{_SCOPE} [data-testid="stWidgetLabel"] p,
{_SCOPE} [data-testid="stText"],
{_SCOPE} [data-testid="stTable"] :is(td, th),
{_SCOPE} [data-testid="stProgress"] p,
{_SCOPE} [data-baseweb="select"] *,
{_SCOPE} [data-testid="stDateInput"] *,
{_SCOPE} :is(input, textarea) {{ font-size: {BODY_PX}px; line-height: 1.4; }}
{_SCOPE} button p {{ font-size: {BODY_PX}px; line-height: 1.2; }}
{_SCOPE} button {{ min-height: 3rem; padding-top: 0.25rem; padding-bottom: 0.25rem; }}
{_SCOPE} [data-testid="stCaptionContainer"] {{ color: inherit; opacity: 0.85; }}
{_SCOPE} h1 {{ font-size: 3.5rem; line-height: 1.15; }}
{_SCOPE} h2 {{ font-size: 2.5rem; }}
{_SCOPE} h3 {{ font-size: 2rem; }}
{_SCOPE} [data-testid="stMarkdown"] p {{ margin-bottom: 0.6em; }}
{_SCOPE} [data-testid="stCheckbox"] label {{ align-items: center; }}
</style>"""


def style() -> None:
    """Add the projector style sheet (constant CSS, scoped to meeting mode). Through
    st.markdown, which the browser draws at once; st.html loads its renderer lazily, so
    the first screen would flash in small type for a second or two."""
    st.markdown(_STYLE, unsafe_allow_html=True)  # constant CSS, never user text


def text(value: Any) -> str:
    """A stored value as display text: missing (None, NaN, NaT) reads as nothing."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)
