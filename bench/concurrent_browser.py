"""Concurrency benchmark: many people in one meeting.

N browser sessions (default 30) against one real server, all at once. Each logs in,
opens the overview and the action plan, and saves a progress update on the same
activity; a save made on stale data is refused by design (not an error). Prints p50/p95
page-load times, errors (must be 0), lost updates (must be 0: every "Sparat." must be a
row in the history) and the server's peak memory.

    python -m bench.concurrent [--sessions 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
from playwright.async_api import async_playwright

from tests.e2e.conftest import CHROMIUM, start_server, stop_server

WAIT_DONE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


async def _load(page, url: str, timings: list[float]) -> None:
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector("[data-testid='stMain'] h1")
    await page.wait_for_function(WAIT_DONE, timeout=120_000)
    timings.append(time.perf_counter() - start)


async def session(browser, base: str, n: int, timings: list[float], outcome: dict) -> None:
    user = "processledare" if n % 3 == 0 else "ledamot"
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(120_000)
    try:
        await page.goto(base + "/")
        await page.get_by_label("Användarnamn").fill(user)
        await page.get_by_label("Lösenord").fill(f"demo-{user}")
        await page.get_by_label("Lösenord").press("Tab")
        await page.get_by_role("button", name="Logga in").click()
        await page.get_by_role("button", name="Logga ut").wait_for()
        while not any(c["name"] == "sos_portal_auth" for c in await context.cookies()):
            await asyncio.sleep(0.2)
        await _load(page, base + "/", timings)
        await _load(page, base + "/handlingsplan", timings)
        if user == "processledare":
            await page.get_by_role("tab", name="Aktivitet i detalj").click()
            form = page.locator("[data-testid='stForm']").filter(has_text="Spara uppdateringen")
            progress = form.get_by_label("Framsteg (%)")
            await progress.fill(str(10 + n))
            await progress.press("Tab")
            await form.get_by_label("Kommentar").fill(f"Samtidig uppdatering {n}")
            await form.get_by_label("Kommentar").press("Tab")
            await form.get_by_role("button", name="Spara uppdateringen").click()
            saved = page.get_by_text("Sparat.")
            refused = page.get_by_text("sparade")  # the stale-edit message names who saved
            await saved.or_(refused).first.wait_for()
            if await saved.count():
                outcome["saved"].append(f"Samtidig uppdatering {n}")
            else:
                outcome["refused"] += 1
    except Exception as exc:
        outcome["errors"].append(f"session {n}: {type(exc).__name__}: {str(exc)[:120]}")
    finally:
        await context.close()


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(sessions: int, base: str) -> tuple[list[float], dict]:
    timings: list[float] = []
    outcome: dict = {"saved": [], "refused": 0, "errors": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        await asyncio.gather(
            *(session(browser, base, n, timings, outcome) for n in range(sessions))
        )
        await browser.close()
    return timings, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp))
        try:
            timings, outcome = asyncio.run(run(args.sessions, server.url))
            memory = peak_memory_mb(server.process.pid)
        finally:
            stop_server(server)
        con = duckdb.connect(str(server.db), read_only=True)
        stored = {
            r[0]
            for r in con.execute(
                "SELECT comment FROM activity_updates WHERE comment LIKE 'Samtidig%'"
            ).fetchall()
        }
        con.close()
    lost = [c for c in outcome["saved"] if c not in stored]
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0
    print(
        "| sessions | page loads | p50 s | p95 s | saves | refused as stale | errors |"
        " lost updates | server peak memory MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.sessions} | {len(timings)} | "
        f"{statistics.median(timings) if timings else 0:.2f} | {p95:.2f} | "
        f"{len(outcome['saved'])} | {outcome['refused']} | {len(outcome['errors'])} | "
        f"{len(lost)} | {memory:.0f} |"
    )
    for error in outcome["errors"]:
        print("error:", error)


if __name__ == "__main__":
    main()
