"""Aggregate signal figures for the SOS group, the situation picture and the annual report.

Counts come from the classification columns that survive the retention purge, so they
stay the same after the free text is gone. Small numbers are suppressed for display
with portal.suppression (exact figures only for those allowed).
"""

from __future__ import annotations

import pandas as pd

from portal import vocab
from portal.i18n import t
from portal.signals._db import signals as signals_db
from portal.signals._steps import KINDS
from portal.suppression import shown, shown_by_group, shown_group

COLUMNS = ["quarter", "milieu", "setting", "kind", "count"]


def quarterly_counts(exact: bool = False, year: int | None = None) -> pd.DataFrame:
    """Signals per quarter ('YYYY-Qn'), milieu, setting and kind; `count` is an int.

    The caller suppresses small counts for display; `exact` is accepted so every
    domain's count functions share one signature (the values are always exact here).
    """
    df = signals_db.counts(year)
    if df.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c == "count" else "object") for c in COLUMNS}
        )
    df = df[COLUMNS].copy()
    df["count"] = df["count"].astype("int64")
    return df.reset_index(drop=True)


def has_signals() -> bool:
    """Whether any signal exists (one cached GROUP BY, shared with the queue totals)."""
    return sum(signals_db.counts_by_step_and_milieu().values()) > 0


def quarter_totals(by: str, year: int | None = None) -> pd.DataFrame:
    """Signals per quarter and `by`, summed in SQL: columns quarter, `by`, count."""
    df = signals_db.quarter_totals(by, year).rename(columns={"key": by})
    df["count"] = df["count"].astype("int64")
    return df


def quarters_of(year: int) -> list[str]:
    return [f"{year:04d}-Q{q}" for q in range(1, 5)]


def _rows(totals: dict[str, int], keys, label, exact: bool) -> list[dict]:
    """One breakdown of the year: its cells add up to the total shown beside them, so a
    lone small cell gets a complement hidden too."""
    keys = list(keys)
    texts = shown_group([int(totals.get(k, 0)) for k in keys], exact)
    return [{"label": label(k), "count": s} for k, s in zip(keys, texts, strict=True)]


def year_summary(year: int, exact: bool = False) -> dict:
    """Totals for one year: overall, by milieu, by setting and by quarter, as display text
    (small numbers suppressed unless `exact`). Every category is listed, zeros included."""
    df = quarterly_counts(exact, year)
    by = {
        col: df.groupby(col)["count"].sum().to_dict() if len(df) else {}
        for col in ("milieu", "setting", "quarter", "kind")
    }
    return {
        "year": year,
        "total": shown(int(df["count"].sum()) if len(df) else 0, exact),
        "by_milieu": _rows(by["milieu"], vocab.MILIEUS, lambda k: t(f"common.milieus.{k}"), exact),
        "by_setting": _rows(
            by["setting"], vocab.SETTINGS, lambda k: t(f"common.settings.{k}"), exact
        ),
        "by_quarter": _rows(by["quarter"], quarters_of(year), lambda q: q, exact),
        "by_kind": _rows(by["kind"], KINDS, lambda k: t(f"signals.kinds.{k}"), exact),
    }


def pivot(by: str, exact: bool = False, year: int | None = None) -> pd.DataFrame:
    """Quarter rows x `by` (milieu or setting) columns of display text, small numbers
    suppressed unless `exact`; columns labelled in the UI language."""
    keys, prefix = (
        (vocab.MILIEUS, "common.milieus") if by == "milieu" else (vocab.SETTINGS, "common.settings")
    )
    df = quarter_totals(by, year)
    if df.empty:
        return pd.DataFrame()
    table = (
        df.set_index(["quarter", by])["count"]
        .unstack(fill_value=0)
        .reindex(columns=list(keys), fill_value=0)
        .sort_index()
    )
    # A quarter's row adds up to the quarter's total (the other pivot shows the same
    # signals by another key): complementary suppression per row.
    out = table.apply(lambda row: pd.Series(shown_group(list(row), exact), index=row.index), axis=1)
    out.columns = [t(f"{prefix}.{k}") for k in keys]
    out.index.name = t("signals.stats.quarter")
    return out.reset_index()


def chart_data(by: str, exact: bool = False, year: int | None = None) -> pd.DataFrame:
    """Long data for the chart: quarter, group (label), count (None where suppressed,
    so a bar never shows a small number the table hides) and shown (the display text)."""
    keys, prefix = (
        (vocab.MILIEUS, "common.milieus") if by == "milieu" else (vocab.SETTINGS, "common.settings")
    )
    df = quarter_totals(by, year)
    if df.empty:
        return pd.DataFrame(columns=["quarter", "group", "count", "shown"])
    rows = []
    texts = shown_by_group(df, ["quarter"], "count", exact)
    for (q, key, count), text in zip(
        df[["quarter", by, "count"]].itertuples(index=False), texts, strict=True
    ):
        rows.append(
            {
                "quarter": q,
                "group": t(f"{prefix}.{key}"),
                "count": int(count) if text == str(int(count)) else None,
                "shown": text,
                "order": list(keys).index(key),
            }
        )
    return pd.DataFrame(rows).sort_values(["quarter", "order"]).drop(columns="order")
