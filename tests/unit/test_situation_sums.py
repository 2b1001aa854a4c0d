"""Situation chart data summed in SQL equals the sums pandas made over every indicator,
and chart specs are kept by content (never stale, never shared across data)."""

import random

import pandas as pd

from portal.charts import situation as charts
from portal.situation import _indicators as indicators, _views as views
from portal.situation._db import situation as db
from portal.ui import chart_cache
from portal.vocab import MILIEUS, SOURCES


def _fill(n: int = 150) -> None:
    rng = random.Random(7)
    seen = set()
    while len(seen) < n:
        row = {
            "period": f"{rng.choice([2024, 2025])}-Q{rng.randint(1, 4)}",
            "milieu": rng.choice(MILIEUS),
            "source": rng.choice(SOURCES),
            "area": rng.choice(["", "Norr", "Söder", "Öster"]),
            "count": rng.randint(0, 9),
        }
        key = (row["period"], row["milieu"], row["source"], row["area"])
        if key not in seen:
            seen.add(key)
            indicators.add_indicator(row, "samordnare", "coordinator")


def test_sql_sums_equal_pandas_sums(db_path):
    _fill()
    rows = db.indicators()
    want = rows.groupby(["period", "milieu"], as_index=False)["count"].sum()
    got = db.period_totals()
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    for year in (2024, 2025):
        one = rows[rows["year"] == year]
        for by in ("source", "area", "milieu"):
            want = one.groupby(by, as_index=False)["count"].sum()
            pd.testing.assert_frame_equal(db.totals_by(year, by), want, check_dtype=False)
        yoy = views.year_vs_year(year, exact=True)
        for r in yoy.itertuples():
            milieu = MILIEUS[[views.milieu_label(m) for m in MILIEUS].index(r.milieu_label)]
            total = rows[(rows["year"] == int(r.year)) & (rows["milieu"] == milieu)]["count"]
            assert r.count == total.sum()


def test_a_new_indicator_changes_the_sums_at_once(db_path):
    _fill(20)
    before = int(db.totals_by(2025, "milieu")["count"].sum())
    indicators.add_indicator(
        {
            "period": "2025-Q1",
            "milieu": "other",
            "source": "police",
            "area": "Ny plats",
            "count": 5,
        },
        "samordnare",
        "coordinator",
    )
    assert int(db.totals_by(2025, "milieu")["count"].sum()) == before + 5


def test_chart_specs_are_kept_by_content(db_path):
    df = pd.DataFrame({"label": ["Skola", "Polis"], "count": [4.0, 7.0], "shown": ["4", "7"]})
    first = chart_cache.spec(charts.breakdown, df, "Titel", "Antal", "Källa")
    first["title"] = "changed by a caller"
    again = chart_cache.spec(charts.breakdown, df.copy(), "Titel", "Antal", "Källa")
    assert (
        again != first
        and again["title"]
        == chart_cache.spec(charts.breakdown, df, "Titel", "Antal", "Källa")["title"]
    )
    other = df.assign(count=[4.0, 8.0], shown=["4", "8"])
    assert (
        chart_cache.spec(charts.breakdown, other, "Titel", "Antal", "Källa")["datasets"]
        != again["datasets"]
    )
