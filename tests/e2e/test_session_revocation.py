"""Revocable sessions in a real Chromium against a real server (issue 23 item 1):
a copied cookie stops working when its owner logs out, and an administrator disabling
an account ends that person's open tab at its next run."""

import time

import pytest

from tests.e2e.conftest import COOKIE, goto, login, start_server, stop_server, wait_for_app


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    # Its own server: these journeys log people out everywhere and disable an account.
    server = start_server(tmp_path_factory.mktemp("e2e-sessions"))
    yield server
    stop_server(server)


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    return page


def logged_in(page) -> None:
    page.get_by_role("button", name="Logga ut").wait_for()


def on_login_page(page) -> None:
    """The login form, and no logout button (waited for: a rerun's stale elements go)."""
    page.get_by_label("Användarnamn").wait_for()
    page.get_by_role("button", name="Logga ut").wait_for(state="detached", timeout=15_000)


def test_a_copied_cookie_dies_with_its_owners_logout(browser, srv):
    a, b = new_page(browser), new_page(browser)
    try:
        login(a, srv.url, "ledamot")
        copied = [c for c in a.context.cookies() if c["name"] == COOKIE]
        b.context.add_cookies(copied)
        goto(b, srv.url, "/")
        logged_in(b)  # the copy works while the owner is logged in
        a.get_by_role("button", name="Logga ut").click()
        on_login_page(a)
        b.reload()
        wait_for_app(b)
        on_login_page(b)
        b.screenshot(path=str(srv.db.parent / "copied-cookie-after-logout.png"))
        # The same cookie in a fresh browser is refused too (not only in B's session).
        c = new_page(browser)
        try:
            c.context.add_cookies(copied)
            goto(c, srv.url, "/oversikt")
            on_login_page(c)
        finally:
            c.context.close()
        login(a, srv.url, "ledamot")  # logging in again works
    finally:
        a.context.close()
        b.context.close()


def test_disabling_an_account_ends_its_open_tab(browser, srv):
    page = new_page(browser)
    try:
        login(page, srv.url, "processledare")
        result = srv.cli("user", "disable", "processledare")
        assert result.returncode == 0, result.stderr
        # The open tab's next run (any click) finds the session revoked.
        page.get_by_role("link", name="Handlingsplan").first.click()
        on_login_page(page)
        text = page.locator("[data-testid='stMain']").inner_text()
        assert "Du har loggats ut" in text
        page.screenshot(path=str(srv.db.parent / "disabled-open-tab.png"))
        page.reload()
        wait_for_app(page)
        on_login_page(page)
    finally:
        page.context.close()


def test_own_password_change_ends_every_session_and_the_new_password_works(browser, srv):
    new_password = "Blå-Häst-Sommar-2031!"
    a, b = new_page(browser), new_page(browser)
    try:
        login(a, srv.url, "samordnare")
        b.context.add_cookies([c for c in a.context.cookies() if c["name"] == COOKIE])
        goto(b, srv.url, "/")
        logged_in(b)
        goto(a, srv.url, "/konto")
        a.get_by_label("Nuvarande lösenord").fill("demo-samordnare")
        a.get_by_label("Nytt lösenord").fill(new_password)
        a.get_by_label("Upprepa det nya lösenordet").fill(new_password)
        a.get_by_label("Upprepa det nya lösenordet").press("Tab")
        a.get_by_role("button", name="Byt lösenord").click()
        a.get_by_text("Lösenordet är bytt och du är utloggad på alla enheter").wait_for()
        on_login_page(a)
        b.reload()  # the other browser, with the cookie from before, is logged out
        wait_for_app(b)
        on_login_page(b)
        login(a, srv.url, "samordnare", new_password)
        a.reload()  # the new login's cookie holds
        wait_for_app(a)
        logged_in(a)
    finally:
        a.context.close()
        b.context.close()


@pytest.fixture(scope="module")
def quick_idle(tmp_path_factory):
    # Idle after 6 seconds, so the journey can wait it out.
    server = start_server(
        tmp_path_factory.mktemp("e2e-idle"), extra_env={"PORTAL_SESSION_IDLE_MINUTES": "0.1"}
    )
    yield server
    stop_server(server)


def test_an_idle_tab_is_not_brought_back_by_a_reload(browser, quick_idle):
    a, b = new_page(browser), new_page(browser)
    try:
        login(a, quick_idle.url, "ledamot")
        copied = [c for c in a.context.cookies() if c["name"] == COOKIE]
        time.sleep(7)
        a.reload()  # a new session from the cookie, which was idle too long
        wait_for_app(a)
        on_login_page(a)
        text = a.locator("[data-testid='stMain']").inner_text()
        assert "Du har loggats ut efter 6 minuter" not in text  # 0.1 minutes, not 6
        assert "Du har loggats ut efter 0,1 minuter utan aktivitet" in text
        a.screenshot(path=str(quick_idle.db.parent / "idle-reload.png"))
        b.context.add_cookies(copied)  # nor is a copy of that cookie
        goto(b, quick_idle.url, "/")
        on_login_page(b)
    finally:
        a.context.close()
        b.context.close()
