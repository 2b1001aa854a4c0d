"""Cold start: seconds from `streamlit run` to the first rendered page in Chromium,
for a fresh database and for an existing 100x one.

    python -m bench.cold_start [--scale 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from portal import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_render_seconds(db: Path, browser) -> float:
    env = {**os.environ, "PORTAL_DB": str(db), "PORTAL_COOKIE_KEY": "bench-" + "c" * 40}
    subprocess.run(
        [sys.executable, "-m", "portal", "init"], env=env, check=True, cwd=ROOT, capture_output=True
    )
    port = _free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
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
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = browser.new_page()
        deadline = time.monotonic() + 60
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/stod", timeout=2000)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        page.locator("h1").first.wait_for(timeout=60_000)
        elapsed = time.perf_counter() - start
        page.close()
        return elapsed
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="an existing generated database to copy instead of generating",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        fresh = first_render_seconds(Path(tmp) / "fresh.duckdb", browser)
        big = Path(tmp) / f"big-{args.scale}x.duckdb"
        if args.db:
            shutil.copyfile(args.db, big)
        else:
            generate(big, args.scale)
        existing = first_render_seconds(big, browser)
        browser.close()
    print("| database | seconds to first rendered page |")
    print("|---|---|")
    print(f"| fresh (just initialised) | {fresh:.2f} |")
    print(f"| existing {args.scale}x | {existing:.2f} |")


if __name__ == "__main__":
    main()
