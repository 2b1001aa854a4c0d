"""Altair chart builders: pure functions from plain data to alt.Chart.

Every chart has a title and axis titles in the UI language and uses a palette that
reads in greyscale and for colour-blind viewers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def dimension_progress(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Horizontal bars of progress (0-100 %) per dimension; df: name, progress."""
    return (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("progress:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("name:N", title=y_title, sort=None),
            tooltip=[alt.Tooltip("name:N", title=y_title),
                     alt.Tooltip("progress:Q", title=x_title, format=".0f")],
        )
        .properties(height=alt.Step(36))
    )
