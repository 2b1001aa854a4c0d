"""The shared pager: counts, buttons, clamping and a fresh start when filters change."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from portal.ui import pager

    total = st.session_state.get("total", 60)
    filters = st.session_state.get("filters", "alla")
    first = pager.offset("rows", total, size=25, filters=filters)
    shown = min(25, total - first)
    st.write(f"rader {first}")
    pager.controls("rows", total, first, shown, size=25)


def _run(**state) -> AppTest:
    at = AppTest.from_function(_script)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_pages_forward_to_the_end_and_back() -> None:
    at = _run()
    assert "Visar 1–25 av 60" in _captions(at)
    assert "Sida 1 av 3" in _captions(at)
    assert at.button(key="rows_previous").disabled and at.button(key="rows_first").disabled
    at.button(key="rows_next").click().run()
    assert "Visar 26–50 av 60" in _captions(at)
    at.button(key="rows_last").click().run()
    assert "Visar 51–60 av 60" in _captions(at)
    assert at.button(key="rows_next").disabled and at.button(key="rows_last").disabled
    at.button(key="rows_first").click().run()
    assert "Visar 1–25 av 60" in _captions(at)


def test_a_change_of_filters_starts_on_the_first_page() -> None:
    at = _run()
    at.button(key="rows_last").click().run()
    at.session_state["filters"] = "öppna"
    at.run()
    assert "Visar 1–25 av 60" in _captions(at)


def test_a_list_that_shrank_shows_its_last_page_and_one_page_has_no_buttons() -> None:
    at = _run()
    at.button(key="rows_last").click().run()
    at.session_state["total"] = 30
    at.run()
    assert "Visar 26–30 av 30" in _captions(at)
    at.session_state["total"] = 10
    at.run()
    assert "Visar 1–10 av 10" in _captions(at)
    assert not [b for b in at.button if b.key and b.key.startswith("rows_")]
