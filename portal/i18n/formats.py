"""Dates and numbers the way Swedish readers expect them ("2 mars 2026", "1 234,5")."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from portal.i18n import get_lang

_MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


_DAYS = {
    "sv": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
    "en": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
}


def time_locale(lang: str | None = None) -> dict:
    """A d3 time-format locale (Vega-Lite `config.locale.time`) in `lang`: chart axes
    and tooltips name months and days in the UI language."""
    lang = lang if lang in _MONTHS else get_lang()
    months, days = _MONTHS[lang], _DAYS[lang]
    return {
        "dateTime": "%A %-d %B %Y %X" if lang == "sv" else "%A, %B %-d, %Y, %X",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": ["fm", "em"] if lang == "sv" else ["AM", "PM"],
        "days": days,
        "shortDays": [d[:3] for d in days],
        "months": months,
        "shortMonths": [m[:3] for m in months],
    }


def long_date(value: date | datetime | None, lang: str | None = None) -> str:
    """'2 mars 2026' (sv) or '2 March 2026' (en); '' for None."""
    if value is None:
        return ""
    months = _MONTHS[lang or get_lang()]
    return f"{value.day} {months[value.month - 1]} {value.year}"


def stamp(value: object, with_time: bool = False) -> str:
    """'2026-12-03' or '2026-12-03 09:15' for a table cell; '' for None/NaT/NaN, so a
    table never shows 'None' or 'NaT' for something that has not happened."""
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def month_label(year_month: str, lang: str | None = None) -> str:
    """'2020-12' -> 'december 2020'."""
    year, month = year_month.split("-")
    return f"{_MONTHS[lang or get_lang()][int(month) - 1]} {year}"


def number(value: float | int, decimals: int = 0, lang: str | None = None) -> str:
    """1234.5 -> '1 234,5' in Swedish (narrow no-break space), '1,234.5' in English."""
    text = f"{value:,.{decimals}f}"
    if (lang or get_lang()) == "sv":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text
