"""Rows built as one horizontal container (fewer elements for the browser): the pager's
buttons and the headline figures, read the way AppTest sees them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _figures() -> None:
    from portal.ui import widgets

    widgets.metrics([("Aktiva poster", 15014), ("Hela planen", "47 %"), ("Klara", 3)])


def _pager() -> None:
    from portal.ui import pager

    pager.controls("rows", 60, 25, 25, size=25)


def test_figures_are_one_row_with_counts_in_swedish_form() -> None:
    at = AppTest.from_function(_figures).run()
    assert [(m.label, m.value) for m in at.metric] == [
        ("Aktiva poster", "15\u202f014"),
        ("Hela planen", "47 %"),
        ("Klara", "3"),
    ]
    assert not at.columns  # one horizontal container, no column around each figure


def test_the_pager_is_one_row_of_buttons_and_its_page_number() -> None:
    at = AppTest.from_function(_pager).run()
    assert [b.label for b in at.button] == [
        "Första sidan",
        "Föregående sida",
        "Nästa sida",
        "Sista sidan",
    ]
    assert "Sida 2 av 3" in [c.value for c in at.caption]
    assert not at.columns
