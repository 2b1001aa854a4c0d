"""/konto in Chromium: the user copies their private calendar feed URL and fetches it;
after "Ny länk" the old URL answers 404, like a token that never existed. The server
runs with a real SMTP server on loopback, so its own sender thread delivers mail."""

from __future__ import annotations

import time

import pytest
from icalendar import Calendar

from tests.e2e.conftest import goto, login, start_server, stop_server
from tests.smtp_helpers import MailServer, smtp_server  # noqa: F401 - the fixture

BASE = "https://portal.kommun.invalid"


@pytest.fixture
def mail_server(tmp_path, smtp_server: MailServer):  # noqa: F811
    srv = start_server(tmp_path, extra_env=smtp_server.env())
    yield srv, smtp_server
    stop_server(srv)


def _feed_url(page) -> str:
    code = page.locator("[data-testid='stCode'] code")
    code.wait_for()
    return code.inner_text().strip()


def test_feed_url_from_konto_and_new_link_revokes_the_old(page, mail_server, tmp_path):
    server, smtp = mail_server
    login(page, server.url, "ledamot")
    goto(page, server.url, "/konto")
    page.get_by_role("heading", name="E-post och kalender").wait_for()
    page.get_by_text("skickas till ledamot@demo.invalid").wait_for()
    page.get_by_text("Du har ingen kalenderadress än.").wait_for()
    page.get_by_role("button", name="Skapa kalenderadress").click()
    first = _feed_url(page)
    assert first.startswith(BASE + "/kalender/") and first.endswith(".ics")
    path = first.removeprefix(BASE)

    resp = page.request.get(server.url + path)
    assert resp.status == 200
    assert resp.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(resp.body())
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert uids and all(u.startswith("meeting-") for u in uids)

    page.get_by_text("Din kalenderadress är skapad.").wait_for()
    page.screenshot(path=str(tmp_path / "konto-notify.png"), full_page=True)

    page.get_by_role("button", name="Ny länk").click()
    page.get_by_text("En ny kalenderadress är skapad").wait_for()
    deadline = time.monotonic() + 30  # the rerun replaces the shown address a moment later
    while (second := _feed_url(page)) == first and time.monotonic() < deadline:
        time.sleep(0.2)
    assert second != first
    assert page.request.get(server.url + second.removeprefix(BASE)).status == 200
    old = page.request.get(server.url + path)
    never = page.request.get(server.url + "/kalender/" + "A" * 43 + ".ics")
    assert old.status == never.status == 404
    assert old.body() == never.body()
    assert dict(old.headers).get("content-type") == dict(never.headers).get("content-type")

    # The server's own sender delivered what a fresh demo database owes (no CLI run).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not smtp.to("samordnare@demo.invalid"):
        time.sleep(0.5)
    subjects = [r.subject for r in smtp.to("samordnare@demo.invalid")]
    assert "SOS-portalen: en ny signal väntar" in subjects
