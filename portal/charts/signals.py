"""Charts of signal aggregates."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portal.charts import PALETTE


def quarterly_bars(
    df: pd.DataFrame, title: str, x_title: str, y_title: str, color_title: str
) -> alt.Chart:
    """Stacked bars of signals per quarter, one colour per group.

    df: quarter, group, count (None where the number is suppressed, so no bar reveals
    what the table hides), shown (display text for the tooltip).
    """
    groups = list(dict.fromkeys(df["group"])) if len(df) else []
    return (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            x=alt.X("quarter:O", title=x_title, sort="ascending"),
            y=alt.Y("count:Q", title=y_title, stack="zero", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "group:N",
                title=color_title,
                sort=groups,
                scale=alt.Scale(domain=groups, range=PALETTE[: len(groups)]),
            ),
            tooltip=[
                alt.Tooltip("quarter:O", title=x_title),
                alt.Tooltip("group:N", title=color_title),
                alt.Tooltip("shown:N", title=y_title),
            ],
        )
    )
