"""Dates and numbers the way Swedish readers expect them ("2 mars 2026", "1 234,5")."""

from __future__ import annotations

from datetime import date, datetime

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


def long_date(value: date | datetime | None, lang: str | None = None) -> str:
    """'2 mars 2026' (sv) or '2 March 2026' (en); '' for None."""
    if value is None:
        return ""
    months = _MONTHS[lang or get_lang()]
    return f"{value.day} {months[value.month - 1]} {value.year}"


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
