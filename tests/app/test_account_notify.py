"""AppTest of /konto's e-mail and calendar section: it says when no SMTP server is set,
saves the digest and language choice on the server, and makes the feed URL."""

from __future__ import annotations

from portal.admin.api import get_user
from portal.notify import api as notify_api
from tests.app.helpers import app_as, texts


def _click(at, label):
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, at.exception
    return at


def test_without_smtp_host_the_page_says_nothing_is_sent(demo_db, monkeypatch):
    monkeypatch.delenv("PORTAL_SMTP_HOST", raising=False)
    at = app_as("ledamot", "app_pages/account.py")
    assert not at.exception, at.exception
    assert "E-post och kalender" in texts(at)
    assert "inga mejl skickas" in texts(at)


def test_with_smtp_host_the_page_names_the_address(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(notify_api, "start_sender", lambda: False)  # no thread in AppTest
    at = app_as("ledamot", "app_pages/account.py")
    shown = " ".join(str(el.value) for el in at.text)
    assert "skickas till ledamot@demo.invalid" in shown
    assert "inga mejl skickas" not in texts(at)


def test_choices_are_saved_and_the_feed_url_is_made(demo_db):
    at = app_as("ledamot", "app_pages/account.py")
    radios = {r.label: r for r in at.radio}
    radios["Sammanfattning av det som väntar på dig"].set_value("daily")
    radios["Språk i mejlen"].set_value("en")
    _click(at, "Spara val")
    assert "Dina val är sparade." in texts(at)
    user = get_user("ledamot")
    assert user is not None
    assert notify_api.mail_choices(user) == ("daily", "en")

    assert not at.code
    _click(at, "Skapa kalenderadress")
    assert len(at.code) == 1
    url = str(at.code[0].value)
    assert url == notify_api.current_feed(user)
    _click(at, "Ny länk")
    assert str(at.code[0].value) != url
    assert notify_api.feed(url.rsplit("/", 1)[1].removesuffix(".ics")) is None
