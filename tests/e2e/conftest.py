"""End-to-end fixtures: a real `streamlit run` server on a free port with a temporary
demo database, and a real headless Chromium driven by Playwright.

Where CI=true a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from portal import ROOT

CHROMIUM = "/usr/bin/chromium"
COOKIE = "sos_portal_auth"


def pytest_collection_modifyitems(items) -> None:
    """Browser journeys get up to two reruns: on a small, busy CI machine a Streamlit
    rerun can outlast a wait. A rerun is reported as such ("R"), and a journey that
    fails three times still fails the run."""
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.flaky(reruns=2, reruns_delay=2))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    db: Path
    env: dict[str, str]
    process: subprocess.Popen

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """Run the portal CLI against this server's database (the running server does
        the work, handed over on its loopback route: see portal/commands)."""
        return subprocess.run(
            [sys.executable, "-m", "portal", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )


def start_server(
    tmp: Path,
    extra_env: dict[str, str] | None = None,
    prepare: Callable[[dict[str, str]], None] | None = None,
    port: int | None = None,
    args: Sequence[str] = (),
) -> Server:
    """Init a demo database in `tmp` and serve the portal on `port` (default: a free
    one), with extra `streamlit run` options in `args` (e.g. --secrets.files)."""
    db = tmp / "portal.duckdb"
    env = {
        **os.environ,
        "PORTAL_DB": str(db),
        "PORTAL_COOKIE_KEY": "e2e-cookie-key-" + "z" * 40,
        "PORTAL_LOGIN_SLEEP": "0",
        **(extra_env or {}),
    }
    subprocess.run(
        [sys.executable, "-m", "portal", "init", "--demo"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    if prepare:
        prepare(env)
    port = port or _free_port()
    log = (tmp / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *args,
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return Server(url, db, env, process)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the portal did not start: " + (tmp / "server.log").read_text())


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: CI must install Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """One shared demo server for the e2e session (modules that change data in ways
    others would notice start their own with start_server)."""
    srv = start_server(tmp_path_factory.mktemp("e2e"))
    yield srv
    stop_server(srv)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    pg = context.new_page()
    pg.set_default_timeout(45_000)  # CI machines are small; Streamlit reruns take time
    yield pg
    context.close()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    page.wait_for_selector("[data-testid='stMain'] h1, [data-testid='stMain'] form")


def login(page, base_url: str, username: str, password: str | None = None) -> None:
    """Log in through the real form and wait for the cookie the browser keeps."""
    page.goto(base_url + "/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password or f"demo-{username}")
    page.get_by_label("Lösenord").press("Tab")  # move focus so the last keystroke lands
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("button", name="Logga ut").wait_for()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if any(c["name"] == COOKIE for c in page.context.cookies()):
            return
        time.sleep(0.2)
    raise AssertionError("the login cookie was never written")


def goto(page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    wait_for_app(page)


def sidebar_links(page) -> list[str]:
    page.locator("[data-testid='stSidebar']").wait_for()
    nav = page.locator("[data-testid='stSidebarNav']")
    if not nav.count():  # Streamlit hides the navigation when there is a single page
        return []
    return [t.strip().splitlines()[-1] for t in nav.locator("a").all_inner_texts()]
