"""Situation charts with their data and translated texts (no Streamlit).

Each `*_plot` takes data the caller already has and returns the builder and its
arguments (or None when there is nothing to draw), so a page can draw a chart from data
it also shows as a table, and keep the built chart by content. The `*_chart` functions
build the chart outright (annual report, downloads).
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from portal.charts import situation as charts
from portal.i18n import t
from portal.situation import _views as views
from portal.situation._core import LEVELS
from portal.suppression import is_hidden
from portal.vocab import MILIEUS

Plot = tuple[Callable[..., alt.TopLevelMixin], tuple]


def _milieus() -> list[str]:
    return [views.milieu_label(m) for m in MILIEUS]


def draw(plot: Plot) -> alt.TopLevelMixin:
    build, args = plot
    return build(*args)


def level_plot(df: pd.DataFrame) -> Plot | None:
    if df.empty:
        return None
    return charts.level_grid, (
        df,
        t("situation.chart_levels"),
        t("situation.axis_year"),
        t("situation.axis_milieu"),
        t("situation.level"),
        [views.level_label(v) for v in LEVELS],
        _milieus(),
    )


def period_plot(df: pd.DataFrame) -> Plot | None:
    if df.empty:
        return None
    return charts.stacked_by_milieu, (
        df,
        t("situation.chart_periods"),
        t("situation.axis_quarter"),
        t("situation.axis_count"),
        t("situation.axis_milieu"),
        _milieus(),
    )


def signal_plot(df: pd.DataFrame | None) -> Plot | None:
    if df is None or df.empty:
        return None
    return charts.stacked_by_milieu, (
        df,
        t("situation.chart_signals"),
        t("situation.axis_quarter"),
        t("situation.axis_signals"),
        t("situation.axis_milieu"),
        _milieus(),
    )


def breakdown_plot(df: pd.DataFrame, year: int, by: str) -> Plot | None:
    if df.empty:
        return None
    title = t(f"situation.chart_by_{by}", year=year)
    axis = t("situation.source") if by == "source" else t("situation.area")
    return charts.breakdown, (df, title, t("situation.axis_count"), axis)


def year_plot(df: pd.DataFrame, year: int) -> Plot | None:
    if df["count"].fillna(0).sum() == 0 and not df["shown"].map(is_hidden).any():
        return None
    return charts.year_against_year, (
        df,
        t("situation.chart_yoy_year", year=year, last=year - 1),
        t("situation.axis_milieu"),
        t("situation.axis_count"),
        t("situation.axis_year"),
        [str(year - 1), str(year)],
    )


def _drawn(plot: Plot | None) -> alt.TopLevelMixin | None:
    return None if plot is None else draw(plot)


def level_chart(last: int | None = None) -> alt.TopLevelMixin | None:
    return _drawn(level_plot(views.level_matrix(last)))


def period_chart(exact: bool, year: int | None = None) -> alt.TopLevelMixin | None:
    return _drawn(period_plot(views.by_period(exact, year)))


def year_chart(year: int, exact: bool) -> alt.TopLevelMixin | None:
    return _drawn(year_plot(views.year_vs_year(year, exact), year))
