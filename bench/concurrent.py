"""Concurrency benchmark: many people in one meeting, against one real server.

N sessions (default 30) connect at once to a real `streamlit run` of the portal over the
websocket a browser uses (bench/ws_client.py), each as its own process-leader account
with the login cookie a returning browser sends. Every session opens the overview and
the action plan and picks an activity (session n takes the n-th, so with the six
activities of the demo plan five people share each one); then all of them save a
progress update at the same moment. A save refused as stale (someone else saved that
activity first) is read, the plan reloaded and the save made again, as a person would.
Prints p50/p95 response times per step, errors (must be 0), lost
updates (must be 0: every "Sparat." is a row in the history, and no row is unaccounted
for) and the server's peak memory.

    python -m bench.concurrent [--sessions 30] [--think SECONDS] [--db A_DATABASE]

Real browsers (Chromium) instead of websocket clients: bench/concurrent_browser.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import jwt
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.ws_client import Run, Session, click, value
from tests.e2e.conftest import start_server, stop_server

COMMENT = "Samtidig uppdatering"
SAVED, STALE = "Sparat.", "sparades inte"
ATTEMPTS = 15
ACTIVITY = "Välj aktivitet"
DETAIL = "Aktivitet i detalj"  # the plan's tab with the picker and the update form


def add_bench_users(env: dict[str, str], count: int) -> None:
    """One process-leader account per session (hash made once: nobody logs in by form)."""
    from portal.admin._db.users import insert_user
    from portal.admin._passwords import hash_password
    from portal.db.connection import close_all, transaction

    os.environ["PORTAL_DB"] = env["PORTAL_DB"]
    digest = hash_password("bench-" + "p" * 20)
    with transaction() as cur:
        for n in range(count):
            insert_user(cur, f"bench{n:02d}", f"Bench {n:02d}", "", "process_leader", digest)
    close_all()  # the server process must be the only one holding the file


class Outcome:
    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = defaultdict(list)
        self.saved: list[str] = []
        self.refused = 0
        self.errors: list[str] = []

    def timed(self, step: str, run: Run) -> Run:
        self.seconds[step].append(run.seconds)
        if run.exceptions:
            self.errors.append(f"{step}: {run.exceptions[0][:160]}")
        return run


async def pick_activity(
    session: Session, n: int, outcome: Outcome, plan: Run
) -> tuple[Run, list[WidgetState]]:
    """Open the detail tab, then choose the n-th activity in its select box (as two
    clicks would). The tab's state goes with every later request, as a browser's does."""
    tabs = plan.find("tabs", "")
    detail = [value(tabs, DETAIL)] if tabs is not None else []
    plan = outcome.timed("detail", await session.open("handlingsplan", detail))
    box = plan.find("selectbox", ACTIVITY)
    if box is None or not box.options:
        return plan, detail
    chosen = [*detail, value(box, box.options[n % len(box.options)])]
    return outcome.timed("pick", await session.open("handlingsplan", chosen)), chosen


async def save_progress(
    session: Session, n: int, outcome: Outcome, plan: Run, chosen: list[WidgetState]
) -> None:
    for attempt in range(ATTEMPTS):
        progress = plan.find("number_input", "Framsteg (%)")
        if progress is None:
            raise RuntimeError("the plan page drew no progress form")
        form = progress.form_id
        comment = f"{COMMENT} {n}.{attempt}"
        states = [
            *chosen,
            value(progress, (n * 3 + attempt) % 101),
            value(plan.find("text_area", "Kommentar", form), comment),
            click(plan.find("button", "Spara uppdateringen", form)),
        ]
        run = outcome.timed("save", await session.open("handlingsplan", states))
        if run.contains(SAVED):
            outcome.saved.append(comment)
            return
        if not run.contains(STALE):
            raise RuntimeError("a save was neither accepted nor refused as stale")
        outcome.refused += 1
        await asyncio.sleep(random.uniform(0.5, 3.0))  # reading the message
        plan = outcome.timed("plan", await session.open("handlingsplan", chosen))
    raise RuntimeError(f"no save accepted in {ATTEMPTS} attempts")


async def one_session(
    base: str, key: str, n: int, outcome: Outcome, ready: asyncio.Barrier, think: float
) -> None:
    token = jwt.encode(
        {"username": f"bench{n:02d}", "exp_date": time.time() + 3600}, key, algorithm="HS256"
    )

    async def pause() -> None:  # a person reading before the next click
        await asyncio.sleep(random.uniform(0, think))

    try:
        async with Session(base, {"sos_portal_auth": token}) as session:
            await pause()
            outcome.timed("overview", await session.open("oversikt"))
            await pause()
            plan = outcome.timed("plan", await session.open("handlingsplan"))
            await pause()
            plan, chosen = await pick_activity(session, n, outcome, plan)
            await ready.wait()  # everyone has the form filled in; they press "Spara"
            await pause()  # at once (think 0) or within `think` seconds
            await save_progress(session, n, outcome, plan, chosen)
    except Exception as exc:
        outcome.errors.append(f"session {n}: {type(exc).__name__}: {str(exc)[:160]}")
        ready.abort()


async def run(sessions: int, base: str, key: str, think: float = 0.0) -> Outcome:
    outcome = Outcome()
    ready = asyncio.Barrier(sessions)
    await asyncio.gather(
        *(one_session(base, key, n, outcome, ready, think) for n in range(sessions))
    )
    return outcome


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def stored_comments(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [
            r[0]
            for r in con.execute(
                "SELECT comment FROM activity_updates WHERE comment LIKE ?", [COMMENT + "%"]
            ).fetchall()
        ]
    finally:
        con.close()


def _p(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def lost_and_unaccounted(outcome: Outcome, stored: list[str]) -> tuple[list[str], list[str]]:
    """Confirmed saves missing from the history, and history rows nobody was told saved."""
    return (
        [c for c in outcome.saved if c not in stored],
        [c for c in stored if c not in outcome.saved],
    )


def report(sessions: int, outcome: Outcome, stored: list[str], memory: float) -> None:
    lost, unaccounted = lost_and_unaccounted(outcome, stored)
    print("| step | requests | p50 s | p95 s | max s |")
    print("|---|---|---|---|---|")
    for step, values in outcome.seconds.items():
        print(
            f"| {step} | {len(values)} | {statistics.median(values):.2f} | "
            f"{_p(values, 95):.2f} | {max(values):.2f} |"
        )
    print()
    print(
        "| sessions | saves accepted | refused as stale (then retried) | errors |"
        " lost updates | rows without a confirmed save | server peak memory MB |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {sessions} | {len(outcome.saved)} | {outcome.refused} | {len(outcome.errors)} |"
        f" {len(lost)} | {len(unaccounted)} | {memory:.0f} |"
    )
    for error in outcome.errors:
        print("error:", error)


def measure(
    sessions: int, db: Path | None = None, think: float = 0.0
) -> tuple[Outcome, list[str], float]:
    """Serve a demo database (or a copy of `db`), run the sessions, and return what
    happened, the comments stored in the history, and the server's peak memory (MB)."""
    with tempfile.TemporaryDirectory() as tmp:

        def prepare(env: dict[str, str]) -> None:
            if db:
                shutil.copy(db, env["PORTAL_DB"])
            add_bench_users(env, sessions)

        server = start_server(Path(tmp), prepare=prepare)
        try:
            # a thread of its own: the caller may already run an event loop (Playwright's
            # sync API does, in the test suite)
            with ThreadPoolExecutor(1) as pool:
                outcome = pool.submit(
                    asyncio.run, run(sessions, server.url, server.env["PORTAL_COOKIE_KEY"], think)
                ).result()
            memory = peak_memory_mb(server.process.pid)
        finally:
            stop_server(server)
        return outcome, stored_comments(server.db), memory


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument(
        "--db",
        type=Path,
        help="serve a copy of this database instead of "
        "a fresh demo database (e.g. one made by bench.generate)",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="each session pauses up to this many seconds before each click "
        "(0: every session clicks at the same moment, the worst case)",
    )
    args = parser.parse_args()
    outcome, stored, memory = measure(args.sessions, args.db, args.think)
    report(args.sessions, outcome, stored, memory)


if __name__ == "__main__":
    main()
