"""Plan follow-up in a real browser: the process leader updates an activity, and a
member then sees the new status and the history entry."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import goto, login, start_server, stop_server, wait_for_app

COMMENT = "E2E: rutinen för signaler är antagen"


@pytest.fixture(scope="module")
def plan_server(tmp_path_factory):
    """Our own server: this module writes to the database."""
    srv = start_server(tmp_path_factory.mktemp("e2e-plan"))
    yield srv
    stop_server(srv)


def _main(page):
    return page.locator("[data-testid='stMain']")


def _choose(page, scope, label: str, option: str) -> None:
    """Open the select box and pick the option. On a busy machine a click can land while
    the page is still drawing and open nothing; then the box is clicked again."""
    box = scope.locator("[data-testid='stSelectbox']").filter(has_text=label).locator("input")
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        box.click()
        try:
            choice.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            continue
        choice.click()
        return
    raise AssertionError(f"the {label} list never opened")


def _open_detail(page) -> None:
    """Click the tab with the activity picker, its history and the update form."""
    page.get_by_role("tab", name="Aktivitet i detalj").click()
    page.get_by_label("Välj aktivitet").wait_for()


def test_process_leader_update_is_seen_by_member(browser, plan_server):
    leader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = leader.new_page()
    page.set_default_timeout(45_000)
    try:
        login(page, plan_server.url, "processledare")
        goto(page, plan_server.url, "/handlingsplan")
        _open_detail(page)
        wait_for_app(page)
        form = page.locator("[data-testid='stForm']").filter(has_text="Spara uppdateringen")
        _choose(page, form, "Status", "Klar")
        progress = form.get_by_label("Framsteg (%)")
        progress.fill("100")
        progress.press("Tab")
        comment = form.get_by_label("Kommentar")
        comment.fill(COMMENT)
        comment.press("Tab")  # move focus so the last keystroke lands before the click
        form.get_by_role("button", name="Spara uppdateringen").click()
        page.get_by_text("Sparat.").wait_for()
        wait_for_app(page)
    finally:
        leader.close()

    member = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = member.new_page()
    page.set_default_timeout(45_000)
    try:
        login(page, plan_server.url, "ledamot")
        goto(page, plan_server.url, "/handlingsplan")
        _open_detail(page)
        page.get_by_text(COMMENT).first.wait_for()  # .first: a rerun of this test adds one
        body = _main(page).inner_text()
        assert "Status: Klar" in body
        assert "Demo Processledare: Pågår → Klar, 60 → 100 %" in body  # name, not username
        # members read; they get no update form
        assert not page.get_by_role("button", name="Spara uppdateringen").count()
    finally:
        member.close()
