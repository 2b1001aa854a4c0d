"""Time axes speak the UI language (Swedish month names by default, English in English)
and the progress-over-time chart has a legend naming every line in full."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from portal.charts import plan
from portal.charts.situation import to_svg
from portal.i18n import set_lang

SERIES = ["Hela planen", "4.2 Förebygga våldsbejakande extremism"]


def _df() -> pd.DataFrame:
    days = pd.to_datetime(["2020-01-05", "2020-03-01", "2020-06-01"])
    return pd.DataFrame(
        {
            "day": list(days) * 2,
            "series": [SERIES[0]] * 3 + [SERIES[1]] * 3,
            "progress": [10, 20, 40, 0, 30, 50],
        }
    )


def _svg() -> str:
    chart = plan.progress_over_time(_df(), "Framsteg över tid", "Dag", "Framsteg (%)", "Serie")
    return to_svg(chart).decode()


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.fixture
def english():
    set_lang("en")
    yield
    set_lang("sv")


def test_swedish_month_names_on_the_time_axis():
    set_lang("sv")
    texts = _texts(_svg())
    assert {"februari", "mars", "april"} <= set(texts), texts
    assert "February" not in texts


def test_english_month_names_in_english(english):
    texts = _texts(_svg())
    assert {"February", "March"} <= set(texts), texts


def test_progress_chart_has_a_legend_with_full_series_names():
    set_lang("sv")
    svg = _svg()
    assert "legend" in svg.lower()
    texts = _texts(svg)
    assert "Serie" in texts and all(s in texts for s in SERIES), texts
