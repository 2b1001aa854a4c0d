"""No "nan" or "None" on screen: agenda items saved from the grid with empty cells (the
editor gives NaN/None for them) read as empty in the meeting grid and in meeting mode."""

from __future__ import annotations

import re

import pandas as pd

from portal.admin._db import users as users_db
from portal.meetings import _agenda as lists
from portal.meetings._db import meetings as db
from tests.app.helpers import app_as, texts

PAGE = "app_pages/meetings.py"
WORDS = re.compile(r"\b(nan|None|NaN|<NA>)\b")


def _meeting_with_empty_cells() -> int:
    df = db.meetings("sos")
    mid = int(df[df["status"] == "planned"].iloc[0]["id"])
    # What st.data_editor returns for a new row where only the title was typed.
    edited = pd.DataFrame(
        {
            "title": ["Ny punkt"],
            "duration_min": pd.array([None], dtype="Int64"),
            "presenter": [float("nan")],
            "kind": [None],
            "activity": [None],
            "notes": [float("nan")],
        }
    )
    lists.save_agenda(users_db.get_user("samordnare"), mid, edited.to_dict("records"))
    return mid


def _cells(at) -> list[str]:
    """Every cell of every grid on the page as the grid shows it."""
    return [str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel()]


def test_saved_empty_cells_are_empty_not_nan(demo_db):
    mid = _meeting_with_empty_cells()
    item = db.agenda(mid).iloc[0]
    assert (item["title"], item["presenter"], item["notes"]) == ("Ny punkt", "", "")


def test_meeting_grid_shows_no_nan_or_none(demo_db):
    mid = _meeting_with_empty_cells()
    at = app_as("ledamot", None)
    at.query_params["mote"] = str(mid)
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    cells = _cells(at)
    assert "Ny punkt" in cells
    assert [c for c in cells if WORDS.search(c)] == []
    assert not WORDS.search(texts(at))


def test_meeting_mode_shows_no_nan(demo_db):
    mid = _meeting_with_empty_cells()
    at = app_as("ledamot", None)
    at.query_params["mote"] = str(mid)
    at.query_params["lage"] = "1"
    at.switch_page(PAGE)
    at.run()
    assert "1. Ny punkt" in texts(at)
    assert not WORDS.search(texts(at)), texts(at)
    assert [c for c in _cells(at) if WORDS.search(c)] == []
