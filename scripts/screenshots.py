"""Screenshots of the main pages for the README, made from the end-to-end setup so they
stay current: a temporary demo database, a real server, headless Chromium.

    .venv/bin/python -m scripts.screenshots        # writes docs/screenshots/*.png
    .venv/bin/python -m scripts.screenshots moteslage stod-mobil   # only these

Two of them are checks as much as pictures, to be looked at after a change to their
pages: meeting mode as a projector shows it (1920×1080: sidebar collapsed, no demo
banner, large type, nothing cut off) and the public page on a phone (375 px wide).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from portal import ROOT
from tests.e2e.conftest import CHROMIUM, goto, login, start_server, stop_server

OUT = ROOT / "docs" / "screenshots"
# (file name, user or None, path, viewport width, viewport height)
SHOTS = [
    ("stod-mobil", None, "/stod", 375, 812),
    ("oversikt", "ledamot", "/", 1280, 900),
    ("handlingsplan", "processledare", "/handlingsplan", 1280, 900),
    ("moten", "processledare", "/moten", 1280, 900),
    ("moteslage", "processledare", "/moten?mote=1&lage=1", 1920, 1080),
    ("stodkatalog", "partner", "/stodkatalog", 1280, 900),
    ("lagesbild", "samordnare", "/lagesbild", 1280, 900),
    ("signaler", "samordnare", "/signaler", 1280, 900),
    ("uppfoljning", "samordnare", "/uppfoljning", 1280, 900),
    ("admin", "admin", "/admin", 1280, 900),
]


def main(names: list[str]) -> None:
    shots = [shot for shot in SHOTS if not names or shot[0] in names]
    if names and len(shots) != len(set(names)):
        known = ", ".join(shot[0] for shot in SHOTS)
        raise SystemExit(f"unknown screenshot name; known: {known}")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        server = start_server(Path(tmp))
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for name, user, path, width, height in shots:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, locale="sv-SE"
                )
                page = context.new_page()
                page.set_default_timeout(30_000)
                if user:
                    login(page, server.url, user)
                goto(page, server.url, path)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(OUT / f"{name}.png"))
                context.close()
                print(f"wrote docs/screenshots/{name}.png")
        finally:
            browser.close()
            stop_server(server)


if __name__ == "__main__":
    main(sys.argv[1:])
