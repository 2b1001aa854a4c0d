from datetime import date

from portal.i18n.formats import long_date, month_label, number


def test_swedish_dates():
    assert long_date(date(2026, 3, 2), "sv") == "2 mars 2026"
    assert long_date(date(2026, 12, 24), "en") == "24 December 2026"
    assert long_date(None) == ""
    assert month_label("2020-12", "sv") == "december 2020"


def test_swedish_numbers():
    assert number(1234.5, 1, "sv") == "1\u202f234,5"
    assert number(1234.5, 1, "en") == "1,234.5"
    assert number(47, lang="sv") == "47"


def test_stamp_shows_nothing_for_no_time():
    from datetime import datetime

    import pandas as pd

    from portal.i18n.formats import stamp

    assert [stamp(v) for v in (None, pd.NaT, float("nan"))] == ["", "", ""]
    when = datetime(2026, 12, 3, 9, 15, 42)
    assert stamp(when) == "2026-12-03"
    assert stamp(pd.Timestamp(when), with_time=True) == "2026-12-03 09:15"
