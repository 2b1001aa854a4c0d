"""One consistent Swedish in a real browser: what Chromium renders (visible text, ARIA
labels, placeholders) holds none of Streamlit's English defaults, and the chosen
language survives a reload and a click to another page."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.conftest import goto, login, wait_for_app

ENGLISH_DEFAULTS = (
    "Choose an option",
    "Choose options",
    "Choose or add",
    "Add an option",
    "No options to select",
    "Help for",
    "YYYY/MM/DD",
)
PAGES = ("/oversikt", "/handlingsplan", "/moten", "/lagesbild", "/stodkatalog", "/konto")
SHOTS = Path(os.environ.get("PORTAL_SHOTS", "")) if os.environ.get("PORTAL_SHOTS") else None

# Everything a reader or a screen reader meets: text, ARIA labels, placeholders, titles.
_WORDS = """() => {
  const out = [document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
    for (const a of ['aria-label', 'placeholder', 'title']) {
      if (el.getAttribute(a)) out.push(el.getAttribute(a));
    }
  }
  return out.join('\\n');
}"""


def _words(page) -> str:
    return page.evaluate(_WORDS)


def _settled_words(page) -> str:
    """The page's words once they stop changing (fragments and tabs render after the
    script's first run is reported done)."""
    before = ""
    for _ in range(20):
        page.wait_for_timeout(500)
        now = _words(page)
        if now == before:
            return now
        before = now
    return before


def test_swedish_pages_have_no_english_defaults(page, server):
    login(page, server.url, "samordnare")
    for path in PAGES:
        goto(page, server.url, path)
        words = _settled_words(page)
        found = [e for e in ENGLISH_DEFAULTS if e in words]
        assert not found, (path, found)
        if SHOTS:
            page.screenshot(path=str(SHOTS / f"sv{path.replace('/', '-')}.png"), full_page=True)


def test_language_survives_reload_and_page_change(page, server):
    login(page, server.url, "samordnare")
    goto(page, server.url, "/oversikt")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stSelectbox']").filter(has_text="Språk").click()
    page.get_by_role("option", name="English").click()
    page.get_by_role("heading", name="Overview").wait_for()
    page.wait_for_function("() => location.search.includes('lang=en')")
    page.reload()
    wait_for_app(page)
    page.get_by_role("heading", name="Overview").wait_for()
    sidebar.get_by_role("link", name="Situation picture").click()
    page.get_by_role("heading", name="Situation picture").first.wait_for()
    page.wait_for_function("() => location.search.includes('lang=en')")
    page.reload()
    wait_for_app(page)
    page.get_by_role("heading", name="Situation picture").first.wait_for()
    assert "lang=en" in page.url
    assert "Situation picture" in _settled_words(page)
    if SHOTS:
        page.screenshot(path=str(SHOTS / "en-lagesbild.png"), full_page=True)
