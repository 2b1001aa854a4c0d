"""Accessibility that a first page load does not show: states reached by clicking (every
tab, the built report preview, form errors), the document language, focus, and the
login library's hidden cookie frame. One browser and one login per test.

axe runs with the same WCAG rules as tests/e2e/test_accessibility.py; serious and
critical violations fail.
"""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import goto, login
from tests.e2e.test_accessibility import _settle, _violations

# Every page whose main area has tabs (a meeting's tabs show once one is opened).
PAGES_WITH_TABS = (
    "/handlingsplan",
    "/moten?mote=1",
    "/stodkatalog",
    "/lagesbild",
    "/signaler",
    "/admin",
)
COOKIE_FRAME = "iframe[title*='cookie_manager' i]"


def _lang(page, expected: str) -> str:
    """The document language once the shell's script has run (it mounts after the page)."""
    page.wait_for_function(f"() => document.documentElement.lang === {expected!r}", timeout=15_000)
    return page.evaluate("document.documentElement.lang")


def _tabs(page) -> list[str]:
    return page.locator("[data-testid='stMain'] [role='tab']").all_inner_texts()


def _every_tab(page, where: str, problems: dict[str, list[str]]) -> list[str]:
    """Open each tab of the page's main area in turn and run axe on it."""
    names = [n.strip() for n in _tabs(page)]
    for name in names:
        tab = page.locator("[data-testid='stMain']").get_by_role("tab", name=name, exact=True)
        tab.click()
        page.wait_for_function(  # a tab that reruns the page has finished its run
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        )
        assert tab.get_attribute("aria-selected") == "true", (where, name)
        _settle(page)
        problems[f"{where} [{name}]"] = _violations(page)
    return names


def test_tabs_report_preview_and_form_errors_pass_axe(page, server):
    login(page, server.url, "admin")
    problems: dict[str, list[str]] = {}
    opened: dict[str, list[str]] = {}
    for path in PAGES_WITH_TABS:
        goto(page, server.url, path)
        _settle(page)
        opened[path] = _every_tab(page, path, problems)
    assert "Säkerhetskopior" in opened["/admin"]
    assert len(opened["/moten?mote=1"]) == 5, opened
    assert all(len(names) >= 2 for names in opened.values()), opened

    goto(page, server.url, "/uppfoljning")
    page.get_by_role("button", name="Bygg rapporten").click()
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("Förhandsgranskning").wait_for(timeout=60_000)
    images = main.locator("[data-testid='stImage'] img")
    images.first.wait_for()
    alts = [images.nth(i).get_attribute("alt") or "" for i in range(images.count())]
    assert len(alts) == 3 and all(a.startswith("Diagram ur lägesbilden: ") for a in alts), alts
    _settle(page)
    problems["/uppfoljning (preview)"] = _violations(page)

    goto(page, server.url, "/konto")
    _wrong_current_password(page)
    problems["/konto (error)"] = _violations(page)
    assert not {k: v for k, v in problems.items() if v}


def _wrong_current_password(page) -> None:
    page.get_by_label("Nuvarande lösenord").fill("inte-det-har-losenordet")
    page.get_by_label("Nytt lösenord").fill("ett-helt-nytt-langt-losenord")
    page.get_by_label("Upprepa det nya lösenordet").fill("ett-helt-nytt-langt-losenord")
    page.get_by_label("Upprepa det nya lösenordet").press("Tab")
    page.get_by_role("button", name="Byt lösenord").click()
    page.get_by_text("Det nuvarande lösenordet stämmer inte.").wait_for()


def test_password_error_is_tied_to_its_field(page, server, tmp_path):
    """WCAG 3.3.1: the refused field says it is invalid and which text describes why."""
    login(page, server.url, "ledamot")
    goto(page, server.url, "/konto")
    _wrong_current_password(page)
    field = page.get_by_label("Nuvarande lösenord")
    page.wait_for_function(
        "() => document.querySelector('.st-key-account_current input')"
        ".getAttribute('aria-invalid') === 'true'"
    )
    described = field.get_attribute("aria-describedby")
    assert described
    message = page.locator(f"[id='{described}']")
    assert message.get_attribute("role") == "alert"
    assert "Det nuvarande lösenordet stämmer inte." in message.inner_text()
    assert page.get_by_label("Nytt lösenord").get_attribute("aria-invalid") != "true"
    page.screenshot(path=str(tmp_path / "konto-error.png"), full_page=True)


def test_document_language_follows_the_ui_language(page, server):
    goto(page, server.url, "/")
    assert _lang(page, "sv") == "sv"
    login(page, server.url, "samordnare")
    goto(page, server.url, "/handlingsplan")
    assert _lang(page, "sv") == "sv"
    # the script's container takes no room on the page (not even a flex gap)
    wrappers = page.locator(
        "[data-testid='stLayoutWrapper']:has(> [class*='st-key-portal_a11y_script'])"
    )
    assert wrappers.count() >= 1
    assert wrappers.first.evaluate("(e) => getComputedStyle(e).display") == "none"
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_label("Språk").click()
    page.get_by_role("option", name="English").click()
    page.get_by_role("button", name="Log out").wait_for()
    assert _lang(page, "en") == "en"
    page.get_by_role("link", name="Support directory").click()
    page.wait_for_url(re.compile(r"/stodkatalog"))
    page.wait_for_function("() => document.title.startsWith('Support directory')")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_sidebar_caption_and_backup_code_have_enough_contrast(page, server, tmp_path):
    login(page, server.url, "admin")
    goto(page, server.url, "/admin")
    page.locator("[data-testid='stMain']").get_by_role("tab", name="Säkerhetskopior").click()
    page.locator("[data-testid='stMain'] code").first.wait_for()
    _settle(page)
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    bad = [n["html"][:120] for v in results.response["violations"] for n in v["nodes"]]
    assert not bad
    checked = [
        n["html"] for p in results.response["passes"] for n in p["nodes"] if "<code" in n["html"]
    ]
    assert any("python -m portal backup" in h for h in checked), "axe did not check the code"
    caption = page.locator("[data-testid='stSidebar'] [data-testid='stCaptionContainer']")
    assert "Inloggad som" in caption.inner_text()
    page.screenshot(path=str(tmp_path / "admin-backup.png"))


def test_keyboard_focus_differs_from_the_current_page(page, server, tmp_path):
    """WCAG 2.4.7: a focused sidebar link shows an outline the current page does not."""
    login(page, server.url, "samordnare")
    goto(page, server.url, "/handlingsplan")
    nav = page.locator("[data-testid='stSidebarNav']")
    current = nav.locator("a[aria-current='page']")
    other = nav.get_by_role("link", name="Samverkansmöten")
    other.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    outline = "(e) => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }"
    assert other.evaluate(outline) == ["solid", "3px"]
    assert current.evaluate(outline)[0] == "none"
    page.screenshot(path=str(tmp_path / "sidebar-focus.png"))


def test_cookie_frame_is_not_a_tab_stop(page, server):
    goto(page, server.url, "/")
    frame = page.locator(COOKIE_FRAME)
    frame.first.wait_for(state="attached")
    page.wait_for_function(
        f"() => document.querySelector({COOKIE_FRAME!r}).getAttribute('tabindex') === '-1'"
    )
    assert frame.first.evaluate("(f) => getComputedStyle(f).visibility") == "hidden"
    page.get_by_label("Användarnamn").focus()
    for _ in range(12):  # through the whole login page and back around
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") != "IFRAME"
