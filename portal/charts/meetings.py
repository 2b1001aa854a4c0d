"""Charts of cooperation meetings."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portal.charts import PALETTE


def attendance_by_org(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Horizontal bars: present attendees per organisation; df: organisation, count."""
    return (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("count:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("organisation:N", title=y_title, sort="-x", axis=alt.Axis(labelLimit=320)),
            tooltip=[
                alt.Tooltip("organisation:N", title=y_title),
                alt.Tooltip("count:Q", title=x_title),
            ],
        )
        .properties(height=alt.Step(32))
    )
