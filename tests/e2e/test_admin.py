"""Admin journey in Chromium: create a user, who logs in, must change the password,
and the audit log (exported as CSV) shows both events."""

import csv
import io
import time

import pytest

from tests.e2e.conftest import COOKIE, goto, login, sidebar_links, start_server, stop_server

TEMP = "tillfälligt-lösen-1"
OWN = "mitt-eget-lösenord-9"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("e2e-admin"))
    yield srv
    stop_server(srv)


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def field(page, label: str):
    """The first input with this exact label (help buttons share the label text)."""
    return page.locator(f"input[aria-label='{label}']").first


def logout(page) -> None:
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="Logga in").wait_for()
    deadline = time.monotonic() + 15  # the browser deletes the cookie a moment later
    while any(c["name"] == COOKIE for c in page.context.cookies()):
        assert time.monotonic() < deadline, "the login cookie was never deleted"
        time.sleep(0.2)


def test_created_user_must_change_password_and_the_log_shows_it(page, admin_server):
    url = admin_server.url
    login(page, url, "admin")
    goto(page, url, "/admin")
    field(page, "Användarnamn").fill("kim")
    field(page, "Namn").fill("Kim Berg")
    field(page, "E-post").fill("kim@example.se")
    field(page, "Tillfälligt lösenord").fill(TEMP)
    field(page, "Tillfälligt lösenord").press("Tab")
    page.get_by_role("button", name="Skapa användare").click()
    page.get_by_text("Användaren kim är skapad").wait_for()
    logout(page)

    login(page, url, "kim", TEMP)
    page.get_by_text("Ditt lösenord har återställts").wait_for()
    assert "Översikt" not in sidebar_links(page)
    goto(page, url, "/handlingsplan")  # every URL leads to the account page until changed
    page.get_by_text("Ditt lösenord har återställts").wait_for()
    assert "Främja demokratin" not in main_text(page)
    field(page, "Nuvarande lösenord").fill(TEMP)
    field(page, "Nytt lösenord").fill(OWN)
    field(page, "Upprepa det nya lösenordet").fill(OWN)
    field(page, "Upprepa det nya lösenordet").press("Tab")
    page.get_by_role("button", name="Byt lösenord").click()
    page.get_by_text("Lösenordet är bytt").wait_for()  # and logged out everywhere
    page.get_by_label("Användarnamn").wait_for()
    login(page, url, "kim", OWN)
    assert "Översikt" in sidebar_links(page)
    logout(page)

    login(page, url, "admin")
    goto(page, url, "/admin")
    page.get_by_role("tab", name="Granskningslogg").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Exportera loggen (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8-sig").read())))
    events = {(r["Vem"], r["Händelse"], r["Id"]) for r in rows}
    # people by name (username in brackets), events in words
    assert ("Demo Administratör (admin)", "Skapad", "kim") in events
    assert ("Kim Berg (kim)", "Inloggning", "kim") in events
    assert ("Kim Berg (kim)", "Nytt lösenord", "kim") in events
    assert not any(TEMP in str(r) or OWN in str(r) for r in rows)


def test_kill_9_of_the_server_loses_no_confirmed_change(page, tmp_path):
    """Create users through the running server, kill -9 it in the middle of the next
    create, reopen the file: every user the UI confirmed is there, with its audit entry."""
    import os
    import signal

    import duckdb

    srv = start_server(tmp_path)
    try:
        login(page, srv.url, "admin")
        goto(page, srv.url, "/admin")
        confirmed = []
        for n in range(1, 7):
            name = f"krasch{n}"
            field(page, "Användarnamn").fill(name)
            field(page, "Namn").fill(f"Krasch {n}")
            field(page, "E-post").fill(f"{name}@example.se")
            field(page, "Tillfälligt lösenord").fill(TEMP)
            field(page, "Tillfälligt lösenord").press("Tab")
            page.get_by_role("button", name="Skapa användare").click()
            if n == 6:  # in the middle of this write
                os.kill(srv.process.pid, signal.SIGKILL)
                break
            page.get_by_text(f"Användaren {name} är skapad").wait_for()
            confirmed.append(name)
        srv.process.wait(timeout=10)
    finally:
        if srv.process.poll() is None:
            srv.process.kill()
    conn = duckdb.connect(str(srv.db))  # the file opens after the crash
    try:
        users = {r[0] for r in conn.execute("SELECT username FROM users").fetchall()}
        logged = {
            r[0]
            for r in conn.execute(
                "SELECT entity_id FROM audit_log WHERE action = 'create'"
            ).fetchall()
        }
    finally:
        conn.close()
    assert len(confirmed) == 5
    assert set(confirmed) <= users and set(confirmed) <= logged
    assert ("krasch6" in users) == ("krasch6" in logged)  # all or nothing
