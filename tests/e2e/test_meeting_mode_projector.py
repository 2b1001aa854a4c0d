"""Meeting mode as fifteen people see it on a projector (1920×1080): the content fills the
screen (sidebar collapsed, no demo banner), body text is at least 24 px, and nothing in
the main area runs past its edge or is cut off. Read from the real page in Chromium."""

import pytest

from portal.i18n import set_lang, t
from tests.e2e.conftest import goto, login

MIN_BODY_PX = 24

# Body text of meeting mode: paragraphs, list items, captions, table cells, labels.
FONT_SIZES = """() => [...document.querySelectorAll(
    '.st-key-meeting_mode :is([data-testid="stMarkdownContainer"] :is(p, li),'
    + ' [data-testid="stCaptionContainer"], td, th, [data-testid="stWidgetLabel"] p)')]
  .filter(e => e.offsetParent !== null && e.innerText.trim())
  .map(e => [e.innerText.trim().slice(0, 60), parseFloat(getComputedStyle(e).fontSize)])"""

# Everything that runs past the main block's edge, and every table or grid wider than its
# box (scrollWidth > clientWidth means part of it is cut off or needs sideways scrolling).
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const edge = main.getBoundingClientRect().right + 1;
  const bad = [];
  if (main.scrollWidth > main.clientWidth) bad.push(['main', main.scrollWidth, main.clientWidth]);
  const boxes = 'table, [data-testid="stTable"], [data-testid="stDataFrame"],'
    + ' [data-testid="stMarkdownContainer"]';
  for (const el of main.querySelectorAll(boxes)) {
    if (el.scrollWidth > el.clientWidth + 1 && el.offsetParent !== null)
      bad.push([el.getAttribute('data-testid') || el.tagName, el.scrollWidth, el.clientWidth]);
  }
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.right > edge && el.offsetParent !== null)
      bad.push([el.getAttribute('data-testid') || el.tagName, r.right, edge]);
  }
  return bad.slice(0, 10);
}"""

SIDEBAR_SHOWN = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  if (!bar || bar.offsetParent === null) return false;
  const r = bar.getBoundingClientRect();
  return r.width > 0 && r.right > 0 && getComputedStyle(bar).visibility !== 'hidden';
}"""


def _banner() -> str:
    set_lang("sv")
    return t("common.demo_banner")


def _check_screen(page, where: str) -> None:
    page.wait_for_timeout(1500)  # the sidebar's collapse is animated
    assert not page.evaluate(SIDEBAR_SHOWN), f"{where}: the sidebar is open"
    banner = page.get_by_text(_banner())
    assert banner.count() == 0 or not banner.first.is_visible(), f"{where}: demo banner"
    sizes = page.evaluate(FONT_SIZES)
    assert sizes, f"{where}: no body text found in meeting mode"
    small = [(text, px) for text, px in sizes if px < MIN_BODY_PX]
    assert not small, f"{where}: text below {MIN_BODY_PX} px: {small[:5]}"
    assert page.evaluate(OVERFLOW) == [], f"{where}: content runs past the edge"


@pytest.mark.parametrize("user", ["ledamot", "processledare"])
def test_meeting_mode_fills_a_projector(browser, server, user):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    try:
        login(page, server.url, user)
        goto(page, server.url, "/moten?mote=1&lage=1")  # the first demo meeting
        page.get_by_text("Punkt 1 av 4").wait_for()
        _check_screen(page, "item 1")
        # Item 2 lists the overdue activities, whose descriptions are long.
        page.get_by_role("button", name="Nästa punkt").click()
        page.get_by_text("Punkt 2 av 4").wait_for()
        _check_screen(page, "item 2")
        # Leaving meeting mode gives the page back its sidebar and banner.
        page.get_by_text("Mötesläge").click()
        page.get_by_text(_banner()).wait_for()
        page.wait_for_function(SIDEBAR_SHOWN)
    finally:
        context.close()
