"""Meeting mode's display text: a missing value reads as nothing, never nan/None/NaT."""

import math

import pandas as pd
import pytest

from portal.ui import meeting_widgets_screen as screen


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, pd.NaT])
def test_missing_values_read_as_nothing(missing):
    assert screen.text(missing) == ""


def test_values_read_as_themselves():
    assert screen.text("Demo Processledare") == "Demo Processledare"
    assert screen.text(15) == "15"


def test_style_sheet_is_constant_and_scoped():
    css = screen._STYLE
    assert css.startswith("<style>") and css.endswith("</style>")
    assert css.count("<") == 2  # the two style tags, no other markup
    rules = [line for line in css.splitlines()[1:-1] if line.strip()]
    assert all(line.startswith(screen._SCOPE) for line in rules)
