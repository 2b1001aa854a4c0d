"""Charts rendered to files (PNG/SVG by vl-convert) are readable: labels of the level
grid do not run into each other, year-against-year x labels are turned and whole, and
titles are not cut."""

from __future__ import annotations

import re

import pandas as pd

from portal.charts import situation as charts

MILIEUS = ["Högerextremism", "Vänsterextremism", "Våldsbejakande islamism", "Annat eller oklart"]
LEVELS = ["Ingen känd", "Låg", "Förhöjd", "Hög"]


def _grid_svg() -> str:
    rows = [
        {
            "year": str(y),
            "milieu_label": m,
            "level_label": LEVELS[(y + i) % 4],
            "level_rank": (y + i) % 4,
            "trend_label": "Oförändrad",
        }
        for y in range(2022, 2027)
        for i, m in enumerate(MILIEUS)
    ]
    chart = charts.level_grid(
        pd.DataFrame(rows), "Nivå per miljö och år", "År", "Miljö", "Nivå", LEVELS, MILIEUS
    )
    return charts.to_svg(chart).decode()


def _cell_width(svg: str) -> float:
    rect = re.search(r'<path aria-label="År: 2022[^"]*"[^>]*?d="M[\d.-]+,[\d.-]+h([\d.]+)', svg)
    assert rect, "no grid cell found"
    return float(rect.group(1))


def test_level_grid_cells_are_wide_enough_for_their_labels():
    svg = _grid_svg()
    # "Ingen känd" at the cell font (14 px) is about 75 px wide
    assert _cell_width(svg) >= 90


def test_year_against_year_labels_turned_whole_and_title_not_cut():
    df = pd.DataFrame(
        [
            {"milieu_label": m, "year": y, "count": 10.0 + i, "shown": str(10 + i)}
            for i, m in enumerate(MILIEUS)
            for y in ("2024", "2025")
        ]
    )
    title = "Indikatorer 2025 jämfört med 2024, per miljö"
    chart = charts.year_against_year(df, title, "Miljö", "Antal", "År", ["2024", "2025"])
    svg = charts.to_svg(chart).decode()
    assert "…" not in svg
    labels = re.findall(r'<text[^>]*transform="([^"]*)"[^>]*>([^<]*)</text>', svg)
    turned = {text: tr for tr, text in labels if text in MILIEUS}
    assert set(turned) == set(MILIEUS)
    assert all("rotate(" in tr for tr in turned.values()), turned
    width = float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1))
    assert width >= len(title) * 12  # the 18 px bold title fits in the picture
