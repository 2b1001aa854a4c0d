"""Security checks in a real Chromium against a real server: cookies, guards, XSS.

Part of the security suite (tests/security/); it lives here because the session-wide
Chromium fixture of tests/e2e/conftest.py can exist only once per test process.
"""

import subprocess
import sys
from datetime import datetime, timedelta

import jwt
import pytest

from portal import ROOT
from tests.e2e.conftest import COOKIE, goto, start_server, stop_server

HOSTILE = '<img src=x onerror="window.__xss=1">**fet** <script>window.__xss=2</script>'


def _prepare(env):
    def cli(*args, stdin=None):
        subprocess.run(
            [sys.executable, "-m", "portal", *args],
            env=env,
            cwd=ROOT,
            input=stdin,
            text=True,
            check=True,
            capture_output=True,
        )

    cli(
        "user",
        "add",
        "hostile",
        "--role",
        "member",
        "--name",
        HOSTILE,
        "--email",
        "h@example.se",
        stdin="ett-långt-lösenord-1\n",
    )
    cli("user", "disable", "partner")


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("e2e-security"), prepare=_prepare)
    yield server
    stop_server(server)


def cookie(username, key):
    exp = (datetime.now() + timedelta(days=1)).timestamp()
    return jwt.encode({"username": username, "exp_date": exp}, key, algorithm="HS256")


def open_with(page, srv, value, path):
    page.context.add_cookies([{"name": COOKIE, "value": value, "url": srv.url}])
    goto(page, srv.url, path)
    return page.locator("[data-testid='stMain']").inner_text()


def logged_out(page) -> bool:
    page.get_by_role("button", name="Logga in").wait_for()
    return True


def test_a_cookie_signed_with_the_server_key_logs_in(page, srv):
    open_with(page, srv, cookie("ledamot", srv.env["PORTAL_COOKIE_KEY"]), "/handlingsplan")
    page.get_by_text("Främja demokratin").first.wait_for()
    assert page.get_by_role("button", name="Logga in").count() == 0


@pytest.mark.parametrize("case", ["foreign_key", "tampered", "disabled_user"])
def test_bad_cookies_are_rejected(page, srv, case):
    key = srv.env["PORTAL_COOKIE_KEY"]
    if case == "foreign_key":
        value = cookie("admin", "some-other-key-of-the-same-length-" + "q" * 20)
    elif case == "tampered":
        head, _, sig = cookie("ledamot", key).split(".")
        _, body, _ = jwt.encode(
            {"username": "admin", "exp_date": 9e9}, "x" * 40, algorithm="HS256"
        ).split(".")
        value = f"{head}.{body}.{sig}"
    else:
        value = cookie("partner", key)
    open_with(page, srv, value, "/admin")
    assert logged_out(page)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Skapa användare" not in body and "Främja demokratin" not in body


def test_member_direct_url_to_admin_gets_nothing(page, srv):
    open_with(page, srv, cookie("ledamot", srv.env["PORTAL_COOKIE_KEY"]), "/admin")
    page.get_by_role("button", name="Logga ut").wait_for()
    page.wait_for_timeout(1000)  # let a (wrongly) served admin page show up, if it would
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Skapa användare" not in body and "Granskningslogg" not in body


def test_hostile_name_is_rendered_inert(page, srv):
    open_with(page, srv, cookie("hostile", srv.env["PORTAL_COOKIE_KEY"]), "/konto")
    page.get_by_text("Inloggad som").first.wait_for()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "<img src=x" in body and "**fet**" in body  # shown literally, as text
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    assert page.locator("[data-testid='stSidebar'] img[src='x']").count() == 0
    assert page.evaluate("() => window.__xss") is None
