"""Helpers for AppTest: run the real app (or one page) as a given demo user."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from portal import ROOT
from portal.admin._db import users as users_db

TIMEOUT = 30


def app_as(username: str | None, page: str | None = None) -> AppTest:
    """The whole app (router, guards, navigation) as `username`, optionally on `page`."""
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=TIMEOUT)
    if username:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = username
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def page_as(username: str | None, page: str) -> AppTest:
    """One page file run on its own, as `username`: tests the page's own guard."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["user"] = users_db.get_user(username) if username else None
    at.run()
    return at


def seen(markdown: object) -> str:
    """What a reader sees of a Markdown source: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", str(markdown))


def errors(at: AppTest) -> list[str]:
    """The error messages as a reader sees them."""
    return [seen(e.value) for e in at.error]


def texts(at: AppTest, raw: bool = False) -> str:
    """All visible text of markdown, titles, captions, alerts and metrics, joined, as a
    reader sees it (Markdown escapes removed), or as the Markdown source with `raw`."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "error",
        "warning",
        "info",
        "success",
    ):
        parts += [str(el.value) if raw else seen(el.value) for el in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Select the tab `label` of a lazy `st.tabs(key=...)` (only the open tab runs), as a
    click on it would, and rerun."""
    at.session_state[key] = label
    return at.run()


def open_section(at: AppTest, key: str) -> AppTest:
    """Open the lazy expander `key` (its content is built only when open), as a click on
    it would, and rerun."""
    at.session_state[key] = True
    return at.run()
