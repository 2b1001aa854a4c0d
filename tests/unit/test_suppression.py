import pandas as pd
import pytest

from portal.suppression import shown, shown_column


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0"), (1, "<3"), (2, "<3"), (3, "3"), (40, "40")]
)
def test_small_counts_are_hidden(count, expected):
    assert shown(count, limit=3) == expected


def test_exact_for_those_allowed():
    assert shown(1, exact=True, limit=3) == "1"


def test_threshold_from_setting(monkeypatch):
    monkeypatch.setenv("PORTAL_SMALL_NUMBER", "5")
    assert shown(4) == "<5"
    assert shown(5) == "5"


def test_column():
    df = pd.DataFrame({"milieu": ["a", "b"], "count": [1, 7]})
    assert list(shown_column(df, limit=3)["count"]) == ["<3", "7"]
    assert list(df["count"]) == [1, 7]  # the input is not changed
