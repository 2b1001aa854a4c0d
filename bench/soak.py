"""Memory soak: does the server's memory stay bounded without Streamlit's full garbage
collection after every script run (`runner.postScriptGC`)?

Two real servers on copies of one database, one with the collection after every run
(Streamlit's default) and one without, each driven by the same number of websocket
sessions that open the portal's pages in a loop for the whole soak. Every
`--every` seconds the resident memory of both server processes is sampled; at the end
the table shows memory over time and how many page loads each server answered (and how
fast).

    python -m bench.soak --minutes 20 --sessions 4 [--db data/bench/bench-1x.duckdb]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jwt

from bench.concurrent import add_bench_users
from bench.ws_client import Session
from tests.e2e.conftest import Server, start_server, stop_server

PAGES = ("oversikt", "handlingsplan", "lagesbild", "moten", "stodkatalog", "signaler")
GC_OFF = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "false"}


@dataclass
class Arm:
    name: str
    server: Server
    rss_mb: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    errors: int = 0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def drive(arm: Arm, n: int, until: float) -> None:
    token = jwt.encode(
        {"username": f"bench{n:02d}", "exp_date": time.time() + 86_400},
        arm.server.env["PORTAL_COOKIE_KEY"],
        algorithm="HS256",
    )
    async with Session(arm.server.url, {"sos_portal_auth": token}) as session:
        k = n
        while time.monotonic() < until:
            run = await session.open(PAGES[k % len(PAGES)])
            arm.seconds.append(run.seconds)
            arm.errors += 1 if run.exceptions else 0
            k += 1


async def sample(arms: list[Arm], until: float, every: float) -> None:
    while time.monotonic() < until:
        for arm in arms:
            arm.rss_mb.append(rss_mb(arm.server.process.pid))
        await asyncio.sleep(every)


async def soak(arms: list[Arm], sessions: int, minutes: float, every: float) -> None:
    until = time.monotonic() + minutes * 60
    tasks = [drive(arm, n, until) for arm in arms for n in range(sessions)]
    await asyncio.gather(sample(arms, until, every), *tasks)


def start(tmp: Path, db: Path | None, sessions: int, extra: dict[str, str]) -> Server:
    def prepare(env: dict[str, str]) -> None:
        if db:
            shutil.copy(db, env["PORTAL_DB"])
        add_bench_users(env, sessions)

    return start_server(tmp, extra_env=extra, prepare=prepare)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--every", type=float, default=30)
    parser.add_argument("--db", type=Path, help="soak on a copy of this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        on = Arm("postScriptGC on", start(Path(tmp) / "on", args.db, args.sessions, {}))
        off = Arm("postScriptGC off", start(Path(tmp) / "off", args.db, args.sessions, GC_OFF))
        try:
            asyncio.run(soak([on, off], args.sessions, args.minutes, args.every))
        finally:
            stop_server(on.server)
            stop_server(off.server)
    print(f"{args.minutes:g} minutes, {args.sessions} sessions per server, pages {PAGES}\n")
    print("| minute | " + " | ".join(f"{a.name} RSS MB" for a in (on, off)) + " |")
    print("|---|---|---|")
    for i in range(min(len(on.rss_mb), len(off.rss_mb))):
        print(f"| {i * args.every / 60:.1f} | {on.rss_mb[i]:.0f} | {off.rss_mb[i]:.0f} |")
    for arm in (on, off):
        print(
            f"\n{arm.name}: {len(arm.seconds)} page loads, median "
            f"{statistics.median(arm.seconds) * 1000:.0f} ms, "
            f"p95 {sorted(arm.seconds)[int(0.95 * (len(arm.seconds) - 1))] * 1000:.0f} ms, "
            f"errors {arm.errors}, peak RSS {max(arm.rss_mb):.0f} MB, "
            f"last RSS {arm.rss_mb[-1]:.0f} MB"
        )


if __name__ == "__main__":
    main()
