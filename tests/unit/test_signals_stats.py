"""Aggregates: quarterly counts (interface for the situation picture and the report),
year summaries with suppression, and the chart spec."""

from datetime import date

import pandas as pd

from portal.charts.signals import quarterly_bars
from portal.signals import _core as svc, _stats as signal_stats


def _add(n, observed, milieu="far_right", setting="school", kind="symbols"):
    for _ in range(n):
        svc.report(
            "ledamot",
            "member",
            observed_on=observed,
            setting=setting,
            milieu=milieu,
            kind=kind,
            urgency="low",
            description="Klotter med symboler.",
            today=date(2026, 12, 31),
        )


def test_quarterly_counts_columns_and_values(db_path):
    empty = signal_stats.quarterly_counts()
    assert list(empty.columns) == ["quarter", "milieu", "setting", "kind", "count"]
    assert empty.empty
    _add(3, date(2026, 1, 5))
    _add(1, date(2026, 2, 5), milieu="islamist", setting="leisure", kind="online")
    _add(2, date(2025, 11, 5))
    df = signal_stats.quarterly_counts()
    assert df.to_dict("records") == [
        {
            "quarter": "2025-Q4",
            "milieu": "far_right",
            "setting": "school",
            "kind": "symbols",
            "count": 2,
        },
        {
            "quarter": "2026-Q1",
            "milieu": "far_right",
            "setting": "school",
            "kind": "symbols",
            "count": 3,
        },
        {
            "quarter": "2026-Q1",
            "milieu": "islamist",
            "setting": "leisure",
            "kind": "online",
            "count": 1,
        },
    ]
    assert pd.api.types.is_integer_dtype(df["count"])
    assert list(signal_stats.quarterly_counts(year=2025)["quarter"]) == ["2025-Q4"]
    assert signal_stats.quarterly_counts(exact=True).equals(df)


def test_year_summary_suppresses_small_numbers(db_path):
    _add(3, date(2026, 1, 5))
    _add(1, date(2026, 8, 5), milieu="islamist", setting="leisure")
    summary = signal_stats.year_summary(2026)
    assert summary["total"] == "4"
    milieu = {r["label"]: r["count"] for r in summary["by_milieu"]}
    # total 4 is shown: the lone "<3" gets the next smallest non-zero cell hidden too
    assert milieu == {
        "Högerextremism": "..",
        "Vänsterextremism": "0",
        "Våldsbejakande islamism": "<3",
        "Annat eller oklart": "0",
    }
    setting = {r["label"]: r["count"] for r in summary["by_setting"]}
    assert setting["Skola"] == ".." and setting["Fritid"] == "<3"
    assert [r["label"] for r in summary["by_quarter"]] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
    ]
    assert [r["count"] for r in summary["by_quarter"]] == ["..", "0", "<3", "0"]
    exact = signal_stats.year_summary(2026, exact=True)
    assert {r["label"]: r["count"] for r in exact["by_milieu"]}["Våldsbejakande islamism"] == "1"
    assert signal_stats.year_summary(2019)["total"] == "0"


def test_small_total_is_suppressed(db_path):
    _add(2, date(2026, 1, 5))
    assert signal_stats.year_summary(2026)["total"] == "<3"
    assert signal_stats.year_summary(2026, exact=True)["total"] == "2"


def test_pivot_and_chart_data_hide_small_numbers(db_path):
    _add(4, date(2026, 1, 5))
    _add(1, date(2026, 1, 6), milieu="far_left")
    table = signal_stats.pivot("milieu")
    row = table.iloc[0].to_dict()
    assert row["Kvartal"] == "2026-Q1"
    # a quarter's row adds up to a known total: the lone "<3" hides its complement too
    assert row["Högerextremism"] == ".." and row["Vänsterextremism"] == "<3"
    data = signal_stats.chart_data("milieu")
    small = data[data["group"] == "Vänsterextremism"].iloc[0]
    assert pd.isna(small["count"]) and small["shown"] == "<3"
    big = data[data["group"] == "Högerextremism"].iloc[0]
    assert pd.isna(big["count"]) and big["shown"] == ".."
    _add(2, date(2026, 1, 7), milieu="islamist")  # two small cells: no complement needed
    data = signal_stats.chart_data("milieu")
    assert data[data["group"] == "Högerextremism"].iloc[0]["count"] == 4
    exact = signal_stats.chart_data("milieu", exact=True)
    assert exact[exact["group"] == "Vänsterextremism"].iloc[0]["count"] == 1


def test_chart_spec(db_path):
    _add(3, date(2026, 1, 5))
    _add(3, date(2026, 4, 5), setting="leisure")
    chart = quarterly_bars(
        signal_stats.chart_data("setting"), "Titel", "Kvartal", "Antal", "Verksamhet"
    )
    spec = chart.to_dict()
    assert spec["mark"]["type"] == "bar"
    enc = spec["encoding"]
    assert enc["x"]["field"] == "quarter" and enc["x"]["title"] == "Kvartal"
    assert enc["y"]["field"] == "count" and enc["y"]["title"] == "Antal"
    assert enc["color"]["field"] == "group" and enc["color"]["title"] == "Verksamhet"
    assert enc["color"]["scale"]["range"] == ["#0072B2", "#E69F00"]
    assert spec["title"] == "Titel"
    values = next(iter(spec["datasets"].values()))
    assert {(v["quarter"], v["group"], v["count"]) for v in values} == {
        ("2026-Q1", "Skola", 3),
        ("2026-Q2", "Fritid", 3),
    }
