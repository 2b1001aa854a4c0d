"""Widgets of the situation picture page (read side) and the compact overview chart."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal import suppression
from portal.admin import api as admin_api
from portal.charts.situation import to_png, to_svg
from portal.i18n import t
from portal.situation import api as charts, api as service, api as views
from portal.ui import chart_cache, links, pager, widgets
from portal.ui.text import escape_md, plain, table as text_table

INDICATOR_PAGE = "situation_indicator_page"  # shared with the delete form


def year_selector(years: list[dict]) -> dict | None:
    """Pick a year (newest first, planned years included); None when there is none."""
    if not years:
        st.info(t("situation.no_years"))
        return None
    by_year = {y["year"]: y for y in years}
    links.seed_from_url("ar", "situation_year", int)
    if st.session_state.get("situation_year") not in by_year:
        st.session_state.pop("situation_year", None)
    chosen = widgets.select(
        t("situation.year"),
        list(by_year),
        key="situation_year",
        format_func=lambda y: f"{y} – {t('situation.statuses.' + by_year[y]['status'])}",
    )
    return by_year[chosen]


def status_line(year: dict) -> None:
    if year["status"] == "approved":
        st.success(
            t(
                "situation.approved_line",
                date=year["approved_on"],
                who=escape_md(admin_api.display_name(year["approved_by"])),
            )
        )
    elif year["status"] == "planned":
        st.info(t("situation.planned", year=year["year"]))
    else:
        st.warning(t("situation.draft_line"))


def assessment_view(year: dict) -> None:
    """The year's statement and one block per milieu: level, trend, narrative, sources."""
    status_line(year)
    if year["summary"]:
        plain(year["summary"])
    facts = [
        (t("situation.made_with"), year["made_with"]),
        (t("situation.source_ref"), year["source_ref"]),
    ]
    for label, value in facts:
        if value:
            st.markdown(f"**{label}:** {escape_md(value)}")
    rows = views.assessments_of(year["year"])
    if not rows:
        st.info(t("situation.no_assessments"))
        return
    text_table(
        pd.DataFrame(
            {
                t("situation.col.milieu"): [views.milieu_label(r["milieu"]) for r in rows],
                t("situation.col.level"): [views.level_label(r["level"]) for r in rows],
                t("situation.col.trend"): [views.trend_label(r["trend"]) for r in rows],
            }
        ).set_index(t("situation.col.milieu"))
    )
    for r in rows:
        st.markdown(f"#### {views.milieu_label(r['milieu'])}: {views.level_label(r['level'])}")
        plain(r["narrative"])
        _sources(t("situation.sources_used"), r["sources_used"])
        _sources(t("situation.sources_not_used"), r["sources_not_used"])
    if year["status"] == "approved":
        with st.expander(t("situation.revisions")):
            revs = views.revisions_table(year["year"])
            if revs.empty:
                st.caption(t("situation.no_revisions"))
            else:
                st.dataframe(revs, hide_index=True)


def _sources(label: str, keys: list[str]) -> None:
    if len(keys):
        st.caption(f"{label}: {', '.join(views.source_label(k) for k in keys)}")


def chart_block(plot: charts.Plot | None, table: pd.DataFrame, key: str) -> None:
    """A chart with its table alternative and PNG/SVG downloads (rendered on demand).
    The chart is drawn from a spec kept by content (portal/ui/chart_cache.py)."""
    if plot is None:
        st.info(t("situation.no_indicators"))
        return
    chart_cache.show(plot[0], *plot[1])
    widgets.expander(t("situation.table_alternative"), f"table_{key}", lambda: text_table(table))
    cols = st.columns(2)
    cols[0].download_button(
        t("situation.download_png"),
        data=lambda: to_png(charts.draw(plot)),
        file_name=f"lagesbild-{key}.png",
        mime="image/png",
        on_click="ignore",
        key=f"png_{key}",
        icon=":material/image:",
    )
    cols[1].download_button(
        t("situation.download_svg"),
        data=lambda: to_svg(charts.draw(plot)),
        file_name=f"lagesbild-{key}.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key=f"svg_{key}",
        icon=":material/draw:",
    )


def _count_table(
    df: pd.DataFrame, first: str, first_title: str, extra: dict[str, str] | None = None
) -> pd.DataFrame:
    columns = {first: first_title, **(extra or {}), "shown": t("situation.col.count")}
    return df[list(columns)].rename(columns=columns).reset_index(drop=True)


def small_number_note(exact: bool) -> None:
    limit = suppression.threshold()
    st.caption(t("situation.exact_numbers" if exact else "situation.small_numbers", limit=limit))


def charts_view(year: dict, exact: bool) -> None:
    """Every chart from data summed in SQL, each read once and drawn with its table."""
    levels = views.level_matrix()
    chart_block(charts.level_plot(levels), _level_table(levels), "nivaer")
    small_number_note(exact)
    if not exact:
        st.caption(t("situation.suppressed_in_chart", limit=suppression.threshold()))
    per_period = views.by_period(exact)
    chart_block(
        charts.period_plot(per_period),
        _count_table(
            per_period,
            "period",
            t("situation.col.period"),
            {"milieu_label": t("situation.col.milieu")},
        ),
        "kvartal",
    )
    y = year["year"]
    for by, title in (("source", t("situation.col.source")), ("area", t("situation.col.area"))):
        data = views.breakdown(y, by, exact)
        chart_block(
            charts.breakdown_plot(data, y, by), _count_table(data, "label", title), f"{by}-{y}"
        )
    yoy = views.year_vs_year(y, exact)
    chart_block(
        charts.year_plot(yoy, y),
        _count_table(
            yoy, "milieu_label", t("situation.col.milieu"), {"year": t("situation.col.year")}
        ),
        f"ar-{y}",
    )
    signals = views.signal_counts(exact)
    if signals is not None:
        st.subheader(t("situation.signals_heading"))
        chart_block(
            charts.signal_plot(signals),
            _count_table(
                signals,
                "period",
                t("situation.col.period"),
                {"milieu_label": t("situation.col.milieu")},
            ),
            "signaler",
        )


def _level_table(levels: pd.DataFrame) -> pd.DataFrame:
    if levels.empty:
        return levels
    return (
        levels.pivot(index="milieu_label", columns="year", values="level_label")
        .reindex([views.milieu_label(m) for m in levels["milieu"].unique()])
        .rename_axis(index=t("situation.col.milieu"), columns=t("situation.col.year"))
        .fillna("–")
    )


def indicators_view(year: dict, exact: bool) -> None:
    small_number_note(exact)
    total = views.indicator_count(year["year"])
    if total == 0:
        st.info(t("situation.no_indicators"))
        return
    first = pager.offset(INDICATOR_PAGE, total, filters=year["year"])
    df = views.indicator_table(year["year"], exact, pager.PAGE_SIZE, first)
    st.dataframe(
        df.drop(columns=["id"]).rename(
            columns={
                "period": t("situation.col.period"),
                "milieu_label": t("situation.col.milieu"),
                "source_label": t("situation.col.source"),
                "area": t("situation.col.area"),
                "count": t("situation.col.count"),
            }
        ),
        hide_index=True,
    )
    pager.controls(INDICATOR_PAGE, total, first, len(df))


def compact_chart() -> None:
    """The latest years' levels per milieu and the latest assessment's date (overview,
    meeting mode)."""
    levels = views.level_matrix(last=4)
    plot = charts.level_plot(levels)
    if plot is None:
        st.info(t("situation.no_years"))
        return
    chart_cache.show(plot[0], *plot[1])
    latest = service.latest_approved()
    if latest:
        st.caption(t("situation.compact_date", date=latest["approved_on"]))
    else:
        st.caption(t("situation.none_approved"))
    widgets.expander(
        t("situation.table_alternative"),
        "overview_level_table",
        lambda: text_table(_level_table(levels)),
    )


def overdue_warning(today: date | None = None) -> None:
    today = today or date.today()
    if service.is_overdue(today):
        latest = service.latest_approved()
        st.warning(
            t("situation.overdue", year=latest["year"]) if latest else t("situation.overdue_none")
        )
