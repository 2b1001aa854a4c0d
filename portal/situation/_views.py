"""The situation picture as plain tables for pages, charts, exports and the report.

Small numbers: counts are aggregated first and suppressed afterwards, so a member never
sees a count below the threshold (shown as "<N"); charts leave such cells out.
"""

from __future__ import annotations

import pandas as pd

from portal import suppression
from portal.i18n import t
from portal.signals import api as signal_stats
from portal.situation._core import LEVELS
from portal.situation._db import situation as db
from portal.vocab import MILIEUS, SOURCES


def milieu_label(key: str) -> str:
    return t(f"common.milieus.{key}")


def source_label(key: str) -> str:
    return t(f"common.sources.{key}")


def level_label(key: str) -> str:
    return t(f"situation.levels.{key}")


def trend_label(key: str) -> str:
    return t(f"situation.trends.{key}")


def level_matrix(last: int | None = None) -> pd.DataFrame:
    """One row per (year, milieu) assessed: labels and a rank for the heat-map colour."""
    df = db.assessments()
    cols = ["year", "milieu", "milieu_label", "level", "level_label", "level_rank", "trend_label"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    if last:
        keep = sorted(df["year"].unique())[-last:]
        df = df[df["year"].isin(keep)]
    df = df.sort_values(["year", "milieu"], key=_milieu_order)
    out = pd.DataFrame(
        {
            "year": df["year"].astype(int).astype(str),
            "milieu": df["milieu"],
            "milieu_label": [milieu_label(m) for m in df["milieu"]],
            "level": df["level"],
            "level_label": [level_label(v) for v in df["level"]],
            "level_rank": [LEVELS.index(v) for v in df["level"]],
            "trend_label": [trend_label(v) for v in df["trend"]],
        }
    )
    return out.reset_index(drop=True)


def indicator_count(year: int) -> int:
    return db.count_indicators(year)


def indicator_table(
    year: int | None, exact: bool, limit: int | None = None, offset: int = 0
) -> pd.DataFrame:
    """Indicator rows with labels (with `limit`, one page); `count` is text, suppressed
    unless `exact`."""
    df = db.indicators(year, limit, offset)
    out = pd.DataFrame(
        {
            "id": df["id"].astype(int) if not df.empty else [],
            "period": df["period"],
            "milieu_label": [milieu_label(m) for m in df["milieu"]],
            "source_label": [source_label(s) for s in df["source"]],
            "area": df["area"],
            "count": df["count"].astype(int) if not df.empty else [],
        }
    )
    return suppression.shown_column(out, "count", exact)


def _suppressed_numbers(
    df: pd.DataFrame, exact: bool, groups: list[str] | None = None
) -> pd.DataFrame:
    """Add `shown` (text) and make `count` NaN where it must not be shown. Rows with the
    same `groups` values add up to a total that can be known: a lone small cell there
    gets a complement hidden too (portal.suppression.shown_group)."""
    out = df.copy()
    out["shown"] = suppression.shown_by_group(out, groups, "count", exact)
    hidden = out["shown"].map(suppression.is_hidden).astype(bool)
    out["count"] = out["count"].astype(float).where(~hidden)
    return out


def by_period(exact: bool, year: int | None = None) -> pd.DataFrame:
    """Indicator counts summed per quarter and milieu (columns period, milieu_label, count,
    shown)."""
    agg = db.period_totals(year)  # summed in SQL
    if agg.empty:
        return pd.DataFrame(columns=["period", "milieu_label", "count", "shown"])
    agg["milieu_label"] = [milieu_label(m) for m in agg["milieu"]]
    agg = agg.sort_values(["period", "milieu"], key=_milieu_order)
    return _suppressed_numbers(agg[["period", "milieu_label", "count"]], exact, ["period"])


def _milieu_order(col: pd.Series) -> pd.Series:
    return col.map(MILIEUS.index) if col.name == "milieu" else col


def breakdown(year: int, by: str, exact: bool) -> pd.DataFrame:
    """Counts of one year summed per source or per area (columns label, count, shown)."""
    agg = db.totals_by(year, by)  # summed in SQL
    if agg.empty:
        return pd.DataFrame(columns=["label", "count", "shown"])
    if by == "source":
        agg = agg.sort_values("source", key=lambda c: c.map(SOURCES.index))
        agg["label"] = [source_label(s) for s in agg["source"]]
    else:
        agg["label"] = [a or t("situation.whole_municipality") for a in agg["area"]]
    return _suppressed_numbers(agg[["label", "count"]], exact).reset_index(drop=True)


def year_vs_year(year: int, exact: bool) -> pd.DataFrame:
    """Counts per milieu for `year` and the year before (columns milieu_label, year,
    count, shown); milieus with nothing in either year still get a zero row."""
    rows = []
    for y in (year - 1, year):
        totals = dict(db.totals_by(y, "milieu").itertuples(index=False))  # summed in SQL
        for m in MILIEUS:
            rows.append(
                {"milieu_label": milieu_label(m), "year": str(y), "count": int(totals.get(m, 0))}
            )
    return _suppressed_numbers(pd.DataFrame(rows), exact, ["year"])


def signal_counts(exact: bool, year: int | None = None) -> pd.DataFrame:
    """Aggregate signal counts per quarter and milieu from the signal routine."""
    agg = signal_stats.quarter_totals("milieu", year).rename(columns={"quarter": "period"})
    if agg.empty:
        return pd.DataFrame(columns=["period", "milieu_label", "count", "shown"])
    agg["milieu_label"] = [milieu_label(m) if m in MILIEUS else str(m) for m in agg["milieu"]]
    return _suppressed_numbers(agg[["period", "milieu_label", "count"]], exact, ["period"])


def years() -> list[dict]:
    return db.years()


def get_year(year: int) -> dict | None:
    return db.get_year(year)


def assessments_of(year: int) -> list[dict]:
    """The year's assessments as dicts in milieu order (with version, for editing)."""
    df = db.assessments(year)
    rows = {r["milieu"]: r for r in df.to_dict("records")}
    return [rows[m] for m in MILIEUS if m in rows]


def revisions_table(year: int) -> pd.DataFrame:
    df = db.revisions(year)
    return pd.DataFrame(
        {
            t("situation.col.made_at"): df["made_at"],
            t("situation.col.actor"): df["actor"],
            t("situation.col.milieu"): [
                milieu_label(m) if isinstance(m, str) else t("situation.year") for m in df["milieu"]
            ],
            t("situation.col.reason"): df["reason"],
            t("situation.col.before"): df["before_json"],
            t("situation.col.after"): df["after_json"],
        }
    )
