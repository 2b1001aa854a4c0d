"""One consistent Swedish: Streamlit's English widget defaults never reach a Swedish page,
and the chosen language survives a reload and a page switch (it is kept in the URL)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from portal import ROOT, auth
from portal.admin._db import users as users_db
from tests.app.helpers import TIMEOUT, app_as, open_tab, texts

# Streamlit's own English: picker placeholders, the date format, the help icon's label.
ENGLISH_DEFAULTS = (
    "Choose an option",
    "Choose options",
    "Choose or add",
    "Add an option",
    "No options to select",
    "Help for",
    "YYYY/MM/DD",
)
USERS = ("samordnare", "admin", "processledare", "ledamot", "partner")
# Pages whose tabs run only when opened: the scan opens each of them.
LAZY_TABS = {
    "app_pages/plan.py": "plan_tab",
    "app_pages/situation.py": "situation_tab",
    "app_pages/directory.py": "directory_tab",
    "app_pages/admin.py": "admin_tab",
}


def _pickers(at: AppTest) -> list:
    return [*at.selectbox, *at.multiselect]


def _widget_words(at: AppTest) -> str:
    words = [texts(at)]
    for widget in (*_pickers(at), *at.date_input, *at.text_input, *at.text_area):
        words += [str(widget.label), str(getattr(widget.proto, "placeholder", ""))]
        words.append(str(getattr(widget.proto, "help", "")))
    words += [str(d.proto.format) for d in at.date_input]
    return "\n".join(words)


def _every_tab(pairs: list[tuple[str, str]]):
    """Each page as `username` sees it, once per lazy tab opened."""
    for username, page in pairs:
        at = app_as(username, page)
        yield username, page, at
        key = LAZY_TABS.get(page)
        for label in [tab.label for tab in at.tabs][1:] if key else []:
            yield username, page, open_tab(at, key, label)


def test_every_page_in_swedish_has_no_english_widget_default(demo_db):
    pairs = []
    for username in USERS:
        role = users_db.get_user(username).role  # type: ignore[union-attr]
        pairs += [(username, spec.path) for spec in auth.pages_for(role) if auth.built(spec)]
    assert len(pairs) >= 20
    pickers = 0
    for username, page, at in _every_tab(pairs):
        assert not at.exception, (username, page)
        words = _widget_words(at)
        for english in ENGLISH_DEFAULTS:
            assert english not in words, (username, page, english)
        for picker in _pickers(at):
            pickers += 1
            assert picker.proto.placeholder.startswith("Välj"), (page, picker.label)
        for day in at.date_input:
            assert day.proto.format == "YYYY-MM-DD", (page, day.label)
        # A help tooltip's icon is named "Help for <label>" in English by the browser
        # side; help texts are captions instead (widgets.helped).
        inputs = (*_pickers(at), *at.date_input, *at.text_input, *at.text_area)
        inputs += (*at.number_input, *at.checkbox, *at.toggle)
        assert not [w.label for w in inputs if w.proto.help], (username, page)
    assert pickers >= 20  # the scan saw the pickers it checks


@pytest.mark.parametrize(
    ("page", "key", "placeholder"),
    [
        ("app_pages/plan.py", "plan_filter_state", "Välj"),
        ("app_pages/admin.py", "audit_actor", "Välj"),
        ("app_pages/admin.py", "audit_entity", "Välj"),
    ],
)
def test_named_pickers_have_swedish_placeholders(demo_db, page, key, placeholder):
    user = "admin" if "admin" in page else "samordnare"
    at = app_as(user, page)
    if page == "app_pages/admin.py":  # the audit log's pickers are on its own tab
        at = open_tab(at, LAZY_TABS[page], "Granskningslogg")
    assert at.selectbox(key=key).proto.placeholder == placeholder


def test_english_pickers_have_english_placeholders(demo_db):
    at = app_as("samordnare", "app_pages/meetings.py")
    at.sidebar.selectbox[0].select("en")
    at.run()
    placeholders = {p.proto.placeholder for p in _pickers(at)}
    assert placeholders and placeholders <= {"Choose", "Choose one or more", "Choose or type"}


def test_chosen_language_is_kept_in_the_url(demo_db):
    at = app_as("samordnare", "app_pages/meetings.py")
    assert "lang" not in at.query_params  # Swedish, the default, keeps the URL short
    at.sidebar.selectbox[0].select("en")
    at.run()
    assert at.query_params["lang"] == "en"
    assert "Cooperation meetings" in texts(at)


def test_language_survives_a_reload(demo_db):
    """A reload is a new session: only the URL carries the choice."""
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "samordnare"
    at.run()
    assert not at.exception
    assert "Overview" in texts(at)
    assert at.sidebar.selectbox[0].value == "en"


def test_language_survives_a_page_switch(demo_db):
    """A page switch drops the URL's parameters; the shell puts the language back."""
    at = app_as("samordnare", "app_pages/overview.py")
    at.sidebar.selectbox[0].select("en")
    at.run()
    at.query_params.clear()  # what the browser's new page URL looks like
    at.switch_page("app_pages/situation.py")
    at.run()
    assert not at.exception
    assert at.query_params["lang"] == "en"
    assert "Situation picture" in texts(at)


def test_back_to_swedish_clears_the_url(demo_db):
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "samordnare"
    at.run()
    at.sidebar.selectbox[0].select("sv")
    at.run()
    assert "lang" not in at.query_params
    assert "Översikt" in texts(at)


def test_unknown_language_in_the_url_is_swedish(demo_db):
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "xx"
    at.run()
    assert not at.exception
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]
