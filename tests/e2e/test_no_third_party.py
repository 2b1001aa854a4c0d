"""Issue 17, item 5: no visitor's browser talks to a third party. Chromium records every
request each page makes, the public support page and the signal page included, and any
host but the portal's own fails the test."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import goto, login, wait_for_app

PUBLIC = ["/stod", "/"]


def _record(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def _foreign(urls: list[str], base_url: str) -> list[str]:
    own = urlsplit(base_url).netloc
    return sorted(
        {
            u
            for u in urls
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own
        }
    )


def _settle(page, urls: list[str]) -> None:
    """Wait until the browser has asked for nothing new for a second. (Playwright's
    "networkidle" is a document lifecycle state: after a client-side page change in the
    same document it sometimes never fires again, though no request is open.)"""
    wait_for_app(page)
    deadline = time.monotonic() + 30
    seen = -1
    while seen != len(urls):
        assert time.monotonic() < deadline, "the page kept making requests"
        seen = len(urls)
        page.wait_for_timeout(1000)


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_request_nothing_from_another_host(server, page, path):
    urls = _record(page)
    goto(page, server.url, path)
    _settle(page, urls)
    assert urls, "no request was recorded"
    assert _foreign(urls, server.url) == []


def test_every_signed_in_page_requests_nothing_from_another_host(server, page):
    """The admin sees every page: each is opened from the sidebar, as a person would."""
    urls = _record(page)
    login(page, server.url, "admin")
    nav = page.locator("[data-testid='stSidebarNav'] a")
    nav.first.wait_for()
    count = nav.count()
    assert count >= 8
    for i in range(count):
        nav.nth(i).click()
        wait_for_app(page)
        _settle(page, urls)
    goto(page, server.url, "/signaler")  # a full load of a signed-in page too
    _settle(page, urls)
    assert _foreign(urls, server.url) == []


def test_the_favicon_is_the_portals_own(server, page):
    goto(page, server.url, "/stod")
    icons = page.locator("link[rel~='icon']").evaluate_all("els => els.map(e => e.href)")
    assert icons and all(h.startswith(("data:image/svg+xml", server.url)) for h in icons), icons
