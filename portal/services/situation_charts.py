"""Situation charts with their data and translated texts (no Streamlit): each returns
None when there is nothing to draw."""

from __future__ import annotations

import altair as alt

from portal.charts import situation as charts
from portal.i18n import t
from portal.services import situation_views as views
from portal.services.situation import LEVELS
from portal.vocab import MILIEUS


def _milieus() -> list[str]:
    return [views.milieu_label(m) for m in MILIEUS]


def level_chart(last: int | None = None) -> alt.Chart | None:
    df = views.level_matrix(last)
    if df.empty:
        return None
    return charts.level_grid(df, t("situation.chart_levels"), t("situation.axis_year"),
                             t("situation.axis_milieu"), t("situation.level"),
                             [views.level_label(v) for v in LEVELS], _milieus())


def period_chart(exact: bool, year: int | None = None) -> alt.Chart | None:
    df = views.by_period(exact, year)
    if df.empty:
        return None
    return charts.stacked_by_milieu(df, t("situation.chart_periods"),
                                    t("situation.axis_quarter"), t("situation.axis_count"),
                                    t("situation.axis_milieu"), _milieus())


def signal_chart(exact: bool, year: int | None = None) -> alt.Chart | None:
    df = views.signal_counts(exact, year)
    if df is None or df.empty:
        return None
    return charts.stacked_by_milieu(df, t("situation.chart_signals"),
                                    t("situation.axis_quarter"), t("situation.axis_signals"),
                                    t("situation.axis_milieu"), _milieus())


def breakdown_chart(year: int, by: str, exact: bool) -> alt.Chart | None:
    df = views.breakdown(year, by, exact)
    if df.empty:
        return None
    title = t(f"situation.chart_by_{by}", year=year)
    axis = t("situation.source") if by == "source" else t("situation.area")
    return charts.breakdown(df, title, t("situation.axis_count"), axis)


def year_chart(year: int, exact: bool) -> alt.Chart | None:
    df = views.year_vs_year(year, exact)
    if df["count"].fillna(0).sum() == 0 and not df["shown"].str.startswith("<").any():
        return None
    return charts.year_against_year(df, t("situation.chart_yoy_year", year=year, last=year - 1),
                                    t("situation.axis_milieu"), t("situation.axis_count"),
                                    t("situation.axis_year"), [str(year - 1), str(year)])
