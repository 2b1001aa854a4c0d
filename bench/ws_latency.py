"""One session, one click at a time, on a real server: what a person waits for each page
over the websocket, against a bare Streamlit page served and asked the same way.

    python -m bench.ws_latency [--runs 8] [--db A_DATABASE]

The page benchmark (bench/pages.py) measures the script alone; this adds what the server
does around it (session, messages, websocket) so the concurrency figures can be read.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import jwt

from bench.concurrent import add_bench_users
from bench.ws_client import Session
from portal import ROOT
from tests.e2e.conftest import _free_port, start_server, stop_server

PAGES = ("oversikt", "handlingsplan", "moten", "lagesbild", "signaler", "stodkatalog")


async def medians(
    url: str, cookies: dict[str, str], pages: tuple[str, ...], runs: int
) -> dict[str, float]:
    """Median seconds per page over `runs` requests after one warm-up request."""
    out = {}
    async with Session(url, cookies) as session:
        for page in pages:
            await session.open(page)
            out[page] = statistics.median([(await session.open(page)).seconds for _ in range(runs)])
    return out


def bare_page(runs: int) -> float:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "bench" / "bare_page.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        return asyncio.run(medians(url, {}, ("",), runs))[""]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def portal_pages(runs: int, db: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:

        def prepare(env: dict[str, str]) -> None:
            if db:
                shutil.copy(db, env["PORTAL_DB"])
            add_bench_users(env, 1)

        server = start_server(Path(tmp), prepare=prepare)
        try:
            token = jwt.encode(
                {"username": "bench00", "exp_date": time.time() + 3600},
                server.env["PORTAL_COOKIE_KEY"],
                algorithm="HS256",
            )
            return asyncio.run(medians(server.url, {"sos_portal_auth": token}, PAGES, runs))
        finally:
            stop_server(server)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--db", type=Path, help="serve a copy of this database")
    args = parser.parse_args()
    bare = bare_page(args.runs)
    print(f"bare Streamlit page over the websocket: median {bare * 1000:.0f} ms\n")
    print("| page (process leader) | median ms | ×bare |")
    print("|---|---|---|")
    for page, seconds in portal_pages(args.runs, args.db).items():
        print(f"| /{page} | {seconds * 1000:.0f} | ×{seconds / bare:.1f} |")


if __name__ == "__main__":
    main()
