"""Each page's URL serves Streamlit's HTML with the server named, so a page opened by its
address connects at once instead of first asking `/<page>/_stcore/health` (a 404) and
waiting out a retry (portal/web/page_html.py)."""

from __future__ import annotations

import urllib.request

import pytest

from portal import auth
from portal.web.page_html import SCRIPT
from tests.e2e.conftest import login, wait_for_app


@pytest.mark.parametrize("path", ["/login", *(f"/{p.url_path}" for p in auth.PAGES)])
def test_every_page_url_names_the_server_in_streamlits_html(server, path):
    with urllib.request.urlopen(server.url + path, timeout=30) as resp:
        html = resp.read().decode("utf-8")
        assert resp.status == 200
        assert resp.headers["Cache-Control"] == "no-cache"
    assert html.count(SCRIPT) == 1
    assert html.index(SCRIPT) < html.index('<script type="module" crossorigin src="./static/js/')


@pytest.mark.parametrize("path", ["/", "/finns-inte"])
def test_the_root_and_unknown_addresses_get_streamlits_own_page(server, path):
    with urllib.request.urlopen(server.url + path, timeout=30) as resp:
        html = resp.read().decode("utf-8")
    assert "BACKEND_BASE_URL" not in html and "./static/js/index." in html


@pytest.mark.parametrize(
    ("path", "heading"), [("/stodkatalog", "Stödkatalog"), ("/konto", "Mitt konto")]
)
def test_a_page_opened_by_its_address_asks_the_root_only(server, page, path, heading):
    login(page, server.url, "samordnare")
    asked: list[str] = []
    page.on("request", lambda req: asked.append(req.url))
    page.goto(server.url + path)
    wait_for_app(page)
    assert page.get_by_role("heading", level=1).first.inner_text().startswith(heading)
    health = [u.removeprefix(server.url) for u in asked if "/_stcore/health" in u]
    assert health == ["/_stcore/health"], health
