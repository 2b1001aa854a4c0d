"""One year's situation picture for the annual report and meeting mode (interface used by
other features: keep the shapes stable)."""

from __future__ import annotations

import altair as alt

from portal import suppression
from portal.i18n import t
from portal.situation import _views as views
from portal.situation._charts import level_chart, period_chart, year_chart
from portal.situation._db import situation as db
from portal.vocab import MILIEUS, SOURCES


def year_summary(year: int, exact: bool = False) -> dict:
    """status approved/draft/missing, approved_on, made_with, assessments, indicators.

    A planned year that has no assessment yet counts as missing. Indicator counts are
    text, suppressed ("<3") unless `exact`.
    """
    row = db.get_year(year)
    found = db.assessments(year)
    if row is None or (row["status"] == "planned" and found.empty):
        status = "missing"
    else:
        status = "approved" if row["status"] == "approved" else "draft"
    found = found.sort_values("milieu", key=lambda c: c.map(MILIEUS.index))
    assessments = [
        {
            "milieu": a.milieu,
            "milieu_label": views.milieu_label(a.milieu),
            "level": a.level,
            "level_label": views.level_label(a.level),
            "trend": a.trend,
            "trend_label": views.trend_label(a.trend),
            "narrative": a.narrative,
            "sources_used": [views.source_label(s) for s in a.sources_used],
            "sources_not_used": [views.source_label(s) for s in a.sources_not_used],
        }
        for a in found.itertuples()
    ]
    ind = db.indicators(year)
    indicators = []
    if not ind.empty:
        agg = ind.groupby(["milieu", "source"], as_index=False)["count"].sum()
        agg = agg.sort_values(["milieu", "source"], key=_order)
        # A milieu's sources add up to its year total (shown elsewhere): one group each.
        texts = suppression.shown_by_group(agg, ["milieu"], "count", exact)
        indicators = [
            {
                "milieu_label": views.milieu_label(r.milieu),
                "source_label": views.source_label(r.source),
                "count": text,
            }
            for r, text in zip(agg.itertuples(), texts, strict=True)
        ]
    return {
        "status": status,
        "approved_on": row["approved_on"] if row and status == "approved" else None,
        "made_with": (row or {}).get("made_with") or "",
        "assessments": assessments,
        "indicators": indicators,
    }


def charts_for_year(year: int) -> list[tuple[str, alt.TopLevelMixin]]:
    """Titles and charts for the report (suppressed counts: the report leaves the portal)."""
    out: list[tuple[str, alt.TopLevelMixin]] = []
    grid = level_chart(last=5)
    if grid is not None:
        out.append((t("situation.chart_levels"), grid))
    periods = period_chart(exact=False, year=year)
    if periods is not None:
        out.append((t("situation.chart_periods"), periods))
    yoy = year_chart(year, exact=False)
    if yoy is not None:
        out.append((t("situation.chart_yoy"), yoy))
    return out


def _order(col):
    keys = MILIEUS if col.name == "milieu" else SOURCES
    return col.map(keys.index)
