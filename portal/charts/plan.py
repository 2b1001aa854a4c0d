"""Charts of the action plan."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portal.charts import PALETTE, localised


def dimension_progress(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Horizontal bars of progress (0-100 %) per dimension; df: name, progress."""
    return (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("progress:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("name:N", title=y_title, sort=None, axis=alt.Axis(labelLimit=320)),
            tooltip=[
                alt.Tooltip("name:N", title=y_title),
                alt.Tooltip("progress:Q", title=x_title, format=".0f"),
            ],
        )
        .properties(height=alt.Step(36))
    )


# One colour per status, fixed so a status looks the same in every chart.
STATUS_COLOURS = {
    "not_started": PALETTE[4],
    "in_progress": PALETTE[0],
    "overdue": PALETTE[5],
    "done": PALETTE[2],
    "cancelled": PALETTE[7],
}


def status_distribution(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Bars of how many activities have each status; df: key, label, count."""
    keys = list(df["key"])
    return (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("label:N", title=y_title, sort=None),
            color=alt.Color(
                "label:N",
                legend=None,
                scale=alt.Scale(domain=list(df["label"]), range=[STATUS_COLOURS[k] for k in keys]),
            ),
            tooltip=[alt.Tooltip("label:N", title=y_title), alt.Tooltip("count:Q", title=x_title)],
        )
        .properties(height=alt.Step(30))
    )


def progress_over_time(
    df: pd.DataFrame, title: str, x_title: str, y_title: str, series_title: str
) -> alt.Chart:
    """Lines of progress (0-100 %) after each day with updates; df: day, series, progress.

    Steps, not slopes: progress stays where it was until the next update.
    """
    series = list(dict.fromkeys(df["series"]))
    # The legend below the plot, so it is never pushed out of a
    # narrow container, and long dimension names are not cut.
    legend = alt.Legend(
        title=series_title,
        orient="bottom",
        direction="vertical",
        labelLimit=0,
        symbolType="stroke",
        symbolStrokeWidth=3,
    )
    chart = (
        alt.Chart(df, title=title)
        .mark_line(point=True, interpolate="step-after")
        .encode(
            x=alt.X("day:T", title=x_title, axis=alt.Axis(labelOverlap="greedy")),
            y=alt.Y("progress:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "series:N",
                title=series_title,
                sort=series,
                scale=alt.Scale(domain=series, range=PALETTE[: len(series)]),
                legend=legend,
            ),
            # the dash tells lines apart in greyscale; the colour legend names them
            strokeDash=alt.StrokeDash("series:N", sort=series, legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("day:T", title=x_title, format="%Y-%m-%d"),
                alt.Tooltip("progress:Q", title=y_title, format=".0f"),
            ],
        )
    )
    return localised(chart)
