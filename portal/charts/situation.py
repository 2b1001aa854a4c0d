"""Charts of the situation picture: pure functions from plain tables to alt.Chart.

Texts (titles, axis titles) come in as arguments so the charts stay free of i18n;
counts that must not be shown are NaN in the data and simply left out.
"""

from __future__ import annotations

import json
from typing import TypeVar

import altair as alt
import pandas as pd
import vl_convert as vlc

from portal.charts import PALETTE

ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)

# Levels none -> high, light to dark so the grid reads in greyscale too.
LEVEL_COLOURS = ["#DDDDDD", PALETTE[4], PALETTE[1], PALETTE[5]]
FONT = 16  # readable on a projector
GRID_STEP = 110  # px per year column of the level grid
YOY_WIDTH = 560  # px of the year-against-year plot (files keep it; the page stretches)


def _big(chart: ChartT) -> ChartT:
    return (
        chart.configure_axis(labelFontSize=FONT - 2, titleFontSize=FONT)
        .configure_legend(labelFontSize=FONT - 2, titleFontSize=FONT)
        .configure_title(fontSize=FONT + 2, limit=0, anchor="start")
    )


def level_grid(
    df: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    level_title: str,
    level_labels: list[str],
    milieu_labels: list[str],
) -> alt.LayerChart:
    """Heat-map grid: years across, milieus down, colour = level (ordered none..high).

    df: year (str), milieu_label, level_label, level_rank, trend_label.
    """
    base = alt.Chart(df).encode(
        x=alt.X("year:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("milieu_label:N", title=y_title, sort=milieu_labels, axis=alt.Axis(labelLimit=260)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "level_label:N",
            title=level_title,
            scale=alt.Scale(domain=level_labels, range=LEVEL_COLOURS),
        ),
        tooltip=[
            alt.Tooltip("year:O", title=x_title),
            alt.Tooltip("milieu_label:N", title=y_title),
            alt.Tooltip("level_label:N", title=level_title),
            alt.Tooltip("trend_label:N"),
        ],
    )
    text = base.mark_text(fontSize=FONT - 2).encode(text="level_label:N")
    # Cells wide enough for the longest level name ("Ingen känd"), so files (which keep
    # this size) never print labels over each other.
    grid = alt.layer(cells, text, data=df, title=title)
    assert isinstance(grid, alt.LayerChart)
    return _big(grid.properties(height=alt.Step(48), width=alt.Step(GRID_STEP)))


def stacked_by_milieu(
    df: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    colour_title: str,
    milieu_labels: list[str],
) -> alt.Chart:
    """Stacked bars over time; df: period, milieu_label, count (NaN = suppressed), shown."""
    chart = (
        alt.Chart(df, title=title)
        # A hidden (null) count must leave only its own bar out: stacked with the rest
        # it would make every bar above it in the quarter vanish too.
        .transform_filter("isValid(datum['count'])")
        .transform_calculate(
            rank=f"indexof({json.dumps(milieu_labels)}, datum.milieu_label)",
        )
        .mark_bar()
        .encode(
            x=alt.X("period:O", title=x_title, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("sum(count):Q", title=y_title, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "milieu_label:N",
                title=colour_title,
                scale=alt.Scale(domain=milieu_labels, range=PALETTE[: len(milieu_labels)]),
            ),
            # stack in the vocabulary's order (as the legend), not alphabetically
            order=alt.Order("rank:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("period:O", title=x_title),
                alt.Tooltip("milieu_label:N", title=colour_title),
                alt.Tooltip("shown:N", title=y_title),
            ],
        )
    )
    return _big(chart)


def breakdown(df: pd.DataFrame, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Horizontal bars per source or area; df: label, count (NaN = suppressed), shown."""
    chart = (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("count:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("label:N", title=y_title, sort="-x", axis=alt.Axis(labelLimit=260)),
            tooltip=[alt.Tooltip("label:N", title=y_title), alt.Tooltip("shown:N", title=x_title)],
        )
    )
    return _big(chart.properties(height=alt.Step(36)))


def year_against_year(
    df: pd.DataFrame, title: str, x_title: str, y_title: str, colour_title: str, years: list[str]
) -> alt.Chart:
    """Grouped bars: this year against last year per milieu; df: milieu_label, year,
    count (NaN = suppressed), shown."""
    chart = (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            x=alt.X(
                "milieu_label:N",
                title=x_title,
                sort=None,
                # turned, so long milieu names never run into each other in a file
                axis=alt.Axis(labelAngle=-30, labelAlign="right", labelLimit=260),
            ),
            xOffset=alt.XOffset("year:N", sort=years),
            y=alt.Y("count:Q", title=y_title, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "year:N",
                title=colour_title,
                scale=alt.Scale(domain=years, range=[PALETTE[4], PALETTE[0]]),
            ),
            tooltip=[
                alt.Tooltip("milieu_label:N", title=x_title),
                alt.Tooltip("year:N", title=colour_title),
                alt.Tooltip("shown:N", title=y_title),
            ],
        )
    )
    return _big(chart.properties(width=YOY_WIDTH))


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """PNG bytes rendered by vl-convert (no browser)."""
    return vlc.vegalite_to_png(_spec(chart), scale=scale)


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    return vlc.vegalite_to_svg(_spec(chart)).encode("utf-8")


def _spec(chart: alt.TopLevelMixin) -> str:
    return json.dumps(chart.to_dict())
