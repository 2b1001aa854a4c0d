"""Small-number suppression in groups: a hidden cell hides only itself in a chart, and
cannot be recovered from what else is shown (complementary suppression)."""

from __future__ import annotations

import re

import pandas as pd

from portal.charts import signals as signal_charts, situation as charts
from portal.suppression import HIDDEN, shown_group


def _bar_heights(svg: str) -> dict[str, float]:
    """Height of each bar in a rendered SVG, by its aria label."""
    out = {}
    for label, d in re.findall(r'<path aria-label="(x: [^"]*)"[^>]*?d="([^"]*)"', svg):
        out[label] = float(re.search(r"v(-?[\d.]+)", d).group(1))
    return out


def _quarters() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "period": ["2025-Q1"] * 3 + ["2025-Q2"] * 3,
            "milieu_label": ["A", "B", "C"] * 2,
            "count": [5.0, float("nan"), 7.0, 4.0, 6.0, 8.0],
        }
    )
    df["shown"] = ["5", "<3", "7", "4", "6", "8"]
    return df


def test_a_hidden_cell_leaves_the_other_bars_of_its_quarter():
    chart = charts.stacked_by_milieu(_quarters(), "T", "x", "y", "m", ["A", "B", "C"])
    heights = _bar_heights(charts.to_svg(chart).decode())
    q1 = {k: v for k, v in heights.items() if "2025-Q1" in k}
    assert len(q1) == 2 and all(v > 0 for v in q1.values()), heights


def test_signal_bars_also_keep_the_other_groups():
    df = _quarters().rename(columns={"period": "quarter", "milieu_label": "group"})
    chart = signal_charts.quarterly_bars(df, "T", "x", "y", "m")
    heights = _bar_heights(charts.to_svg(chart).decode())
    q1 = {k: v for k, v in heights.items() if "2025-Q1" in k}
    assert len(q1) == 2 and all(v > 0 for v in q1.values()), heights


def test_one_hidden_cell_gets_a_complement():
    # 2 alone would be total - 5 - 10 - 0: the next smallest non-zero cell is hidden too.
    assert shown_group([2, 5, 10, 0], limit=3) == ["<3", HIDDEN, "10", "0"]


def test_two_hidden_cells_need_no_complement():
    assert shown_group([2, 1, 10], limit=3) == ["<3", "<3", "10"]


def test_nothing_hidden_and_exact():
    assert shown_group([3, 5], limit=3) == ["3", "5"]
    assert shown_group([2, 5, 10], exact=True, limit=3) == ["2", "5", "10"]


def test_no_complement_when_only_zeros_remain():
    assert shown_group([2, 0, 0], limit=3) == ["<3", "0", "0"]
