"""Chart specs built from real data (encodings and data, not pixels), PNG/SVG rendering,
suppression of small numbers in views, charts and exports, and signal aggregates."""

import openpyxl
import pandas as pd
import pytest

from portal.charts import PALETTE, situation as charts
from portal.exports import situation as export
from portal.situation import (
    _charts as sc,
    _indicators as indicators,
    _views as views,
)

ADD = {"area": "", "source": "school"}


def _add(period: str, milieu: str, count: int, **extra) -> None:
    indicators.add_indicator(
        {**ADD, "period": period, "milieu": milieu, "count": count, **extra},
        "samordnare",
        "coordinator",
    )


def _breakdown(year: int, by: str, exact: bool):
    """The page's breakdown chart, built as the page builds it (None: nothing to draw)."""
    plot = sc.breakdown_plot(views.breakdown(year, by, exact), year, by)
    return None if plot is None else sc.draw(plot)


def _layer_data(spec: dict) -> list[dict]:
    return spec["datasets"][next(iter(spec["datasets"]))]


def test_level_grid_spec_from_default_data(db_path):
    spec = sc.level_chart().to_dict()
    assert spec["title"] == "Nivå per miljö och år"
    cells, text = spec["layer"]
    assert cells["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    enc = cells["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"]) == ("year", "År")
    assert (enc["y"]["field"], enc["y"]["title"]) == ("milieu_label", "Miljö")
    assert enc["y"]["sort"] == [
        "Högerextremism",
        "Vänsterextremism",
        "Våldsbejakande islamism",
        "Annat eller oklart",
    ]
    assert enc["color"]["scale"]["domain"] == ["Ingen känd", "Låg", "Förhöjd", "Hög"]
    assert set(enc["color"]["scale"]["range"][1:]) <= set(PALETTE)
    data = _layer_data(spec)
    assert {(d["year"], d["level_label"]) for d in data} == {("2017", "Ingen känd")}
    assert len(data) == 4


def test_level_grid_last_years(demo_db):
    data = _layer_data(sc.level_chart(last=4).to_dict())
    assert sorted({d["year"] for d in data}) == ["2023", "2024", "2025", "2026"]


def test_stacked_chart_suppresses_small_counts_for_members(db_path):
    _add("2025-Q1", "far_right", 2)
    _add("2025-Q1", "far_right", 5, source="police")
    _add("2025-Q2", "islamist", 1)
    spec = sc.period_chart(exact=False).to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "bar"
    assert enc["y"]["aggregate"] == "sum" and enc["y"]["field"] == "count"
    assert enc["y"]["title"] == "Antal" and enc["x"]["title"] == "Kvartal"
    assert enc["color"]["field"] == "milieu_label"
    assert enc["color"]["scale"]["range"] == PALETTE[:4]
    data = {(d["period"], d["milieu_label"]): (d["count"], d["shown"]) for d in _layer_data(spec)}
    # 2 + 5 summed first, then shown; the lone 1 is hidden from the chart and its tooltip
    assert data[("2025-Q1", "Högerextremism")] == (7.0, "7")
    assert data[("2025-Q2", "Våldsbejakande islamism")] == (None, "<3")
    exact = {
        (d["period"], d["milieu_label"]): d["count"]
        for d in _layer_data(sc.period_chart(exact=True).to_dict())
    }
    assert exact[("2025-Q2", "Våldsbejakande islamism")] == 1.0


def test_breakdown_by_source_and_area(db_path):
    _add("2025-Q1", "far_right", 4, area="Skärhamn")
    _add("2025-Q2", "far_left", 2, source="police", area="Rönnäng")
    src = _breakdown(2025, "source", exact=False).to_dict()
    assert src["title"] == "Indikatorer 2025 per källa"
    assert src["encoding"]["x"]["field"] == "count" and src["encoding"]["y"]["title"] == "Källa"
    rows = {d["label"]: d["shown"] for d in _layer_data(src)}
    # the year's total (4 + 2) is known from the areas: the lone "<3" needs a complement
    assert rows == {"Skola": "..", "Polisen": "<3"}
    area = {
        d["label"]: d["shown"] for d in _layer_data(_breakdown(2025, "area", exact=True).to_dict())
    }
    assert area == {"Skärhamn": "4", "Rönnäng": "2"}
    assert _breakdown(2024, "area", exact=True) is None


def test_year_against_year(db_path):
    _add("2024-Q3", "other", 6)
    _add("2025-Q1", "other", 9)
    spec = sc.year_chart(2025, exact=False).to_dict()
    enc = spec["encoding"]
    assert enc["xOffset"]["field"] == "year"
    assert enc["color"]["scale"]["domain"] == ["2024", "2025"]
    data = {(d["milieu_label"], d["year"]): d["count"] for d in _layer_data(spec)}
    assert data[("Annat eller oklart", "2024")] == 6.0
    assert data[("Annat eller oklart", "2025")] == 9.0
    assert data[("Högerextremism", "2025")] == 0.0
    assert sc.year_chart(2020, exact=False) is None


def test_png_and_svg_without_browser(db_path):
    chart = sc.level_chart()
    png = charts.to_png(chart)
    assert png.startswith(b"\x89PNG")
    svg = charts.to_svg(chart)
    assert b"<svg" in svg and "Nivå per miljö och år".encode() in svg


def test_indicator_table_suppression(db_path):
    _add("2025-Q1", "far_right", 1)
    _add("2025-Q1", "far_left", 0)
    _add("2025-Q1", "islamist", 3)
    shown = dict(
        zip(
            views.indicator_table(2025, exact=False)["milieu_label"],
            views.indicator_table(2025, exact=False)["count"],
            strict=True,
        )
    )
    assert shown == {
        "Högerextremism": "<3",
        "Vänsterextremism": "0",
        "Våldsbejakande islamism": "3",
    }
    exact = views.indicator_table(2025, exact=True)
    assert "1" in list(exact["count"])


def test_threshold_is_configurable(db_path, monkeypatch):
    monkeypatch.setenv("PORTAL_SMALL_NUMBER", "5")
    _add("2025-Q1", "far_right", 4)
    assert list(views.indicator_table(2025, exact=False)["count"]) == ["<5"]


def test_exports_are_suppressed(db_path, tmp_path):
    _add("2025-Q1", "far_right", 2)
    _add("2025-Q1", "far_left", 8)
    csv_path = tmp_path / "lagesbild.csv"
    export.export("csv", csv_path)
    df = pd.read_csv(csv_path, encoding="utf-8-sig", dtype=str)
    assert sorted(df["Antal"]) == ["8", "<3"]
    assert (tmp_path / "lagesbild-bedomningar.csv").exists()
    xlsx = tmp_path / "lagesbild.xlsx"
    export.export("xlsx", xlsx)
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Bedömningar", "Indikatorer"]
    counts = [row[-1] for row in book["Indikatorer"].iter_rows(min_row=2, values_only=True)]
    # shown counts are number cells, suppressed ones stay text
    assert sorted(counts, key=str) == [8, "<3"]
    levels = [row[5] for row in book["Bedömningar"].iter_rows(min_row=2, values_only=True)]
    assert levels == ["Ingen känd"] * 4
    assert export.FORMATS == ("csv", "xlsx")


def test_cli_export(db_path, tmp_path):
    from portal.cli import main

    assert main(["export", "situation", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")]) == 0
    assert main(["export", "situation", "--format", "ics", "-o", str(tmp_path / "a.ics")]) == 1


def test_signal_aggregates_are_suppressed(db_path):
    from datetime import date

    from portal.db.connection import transaction
    from portal.signals._db import signals as signals_db

    rows = [
        ("2025-Q1", date(2025, 2, 1), "far_right", "school"),
        ("2025-Q1", date(2025, 2, 2), "far_right", "leisure"),
        ("2025-Q1", date(2025, 3, 3), "far_right", "leisure"),
        ("2025-Q1", date(2025, 3, 4), "far_right", "school"),
        ("2025-Q2", date(2025, 5, 1), "other", "school"),
        ("2025-Q2", date(2025, 5, 2), "other", "school"),
    ]
    with transaction() as cur:
        for quarter, observed, milieu, setting in rows:
            signals_db.insert_signal(
                cur,
                "ledamot",
                observed,
                quarter,
                setting,
                milieu,
                "symbols",
                "low",
                "Testbeskrivning.",
            )
    df = views.signal_counts(exact=False)
    assert dict(zip(df["period"] + df["milieu_label"], df["shown"], strict=True)) == {
        "2025-Q1Högerextremism": "4",
        "2025-Q2Annat eller oklart": "<3",
    }
    exact = views.signal_counts(exact=True)
    assert dict(zip(exact["period"], exact["shown"], strict=True))["2025-Q2"] == "2"
    spec = sc.draw(sc.signal_plot(views.signal_counts(False))).to_dict()
    assert spec["title"] == "Signaler per kvartal, per miljö"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_titles_follow_language(db_path, lang):
    from portal.i18n import set_lang

    set_lang(lang)
    try:
        title = sc.level_chart().to_dict()["title"]
    finally:
        set_lang("sv")
    assert title == {"sv": "Nivå per miljö och år", "en": "Level per milieu and year"}[lang]
