"""Charts of the action plan."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portal.charts import PALETTE


def dimension_progress(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Horizontal bars of progress (0-100 %) per dimension; df: name, progress."""
    return (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("progress:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("name:N", title=y_title, sort=None, axis=alt.Axis(labelLimit=320)),
            tooltip=[alt.Tooltip("name:N", title=y_title),
                     alt.Tooltip("progress:Q", title=x_title, format=".0f")],
        )
        .properties(height=alt.Step(36))
    )
