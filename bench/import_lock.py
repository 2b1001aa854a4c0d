"""How long a large import holds the process-wide write lock (connection.WRITE_LOCK),
the lock every other user's save waits for.

A generated 50,000-row directory file and a 50,000-row situation-picture file are
imported into a fresh database, as the page's upload does it; the script prints the
import's total time and how long the write lock was held (the longest single hold).

    python -m bench.import_lock [--rows 50000] [--workdir data/bench]

Budget (printed, not asserted): the lock is held for at most a few seconds.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

from portal.db import connection
from portal.db.connection import close_all
from portal.setup import init_database

BUDGET_S = 5.0
ADMIN = ("admin", "admin")


class TimedLock:
    """A re-entrant lock that notes how long each outermost hold lasted."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._since = 0.0
        self.holds: list[float] = []

    def __enter__(self) -> TimedLock:
        self._lock.acquire()
        self._depth += 1
        if self._depth == 1:
            self._since = time.perf_counter()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.holds.append(time.perf_counter() - self._since)
        self._lock.release()


def directory_file(rows: int) -> bytes:
    """Semicolon-separated, as Swedish Excel writes it; every row a distinct entry."""
    lines = ["name;organization;visibility"]  # short rows: 50,000 fit in the 2 MB limit
    lines += [f"Stöd {i};Förening {i % 500};public" for i in range(1, rows + 1)]
    return ("\n".join(lines) + "\n").encode("cp1252")


def situation_file(rows: int) -> bytes:
    lines = ["period;milieu;source;area;count"]
    lines += [f"2025-Q{i % 4 + 1};far_right;school;Område {i};{i % 40}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def measure(name: str, run: object, data: bytes) -> None:
    lock = TimedLock()
    connection.WRITE_LOCK = lock  # type: ignore[assignment]  # transaction() reads the global
    start = time.perf_counter()
    written = run(data, *ADMIN)  # type: ignore[operator]
    total = time.perf_counter() - start
    longest = max(lock.holds, default=0.0)
    verdict = "ok" if longest <= BUDGET_S else "OVER BUDGET"
    print(
        f"{name:<10} {written:>7} rows  {len(data) / 1e6:5.2f} MB  total {total:7.2f} s"
        f"  lock held {longest:7.2f} s (longest of {len(lock.holds)})  [{verdict}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--only", choices=("directory", "situation"))
    args = parser.parse_args()
    from portal.directory import api as directory_api
    from portal.situation import api as situation_api

    runs = {
        "directory": (directory_api.import_upload, directory_file(args.rows)),
        "situation": (situation_api.import_upload, situation_file(args.rows)),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (run, data) in runs.items():
            if args.only and name != args.only:
                continue
            os.environ["PORTAL_DB"] = str(Path(tmp) / f"{name}.duckdb")
            close_all()
            init_database()
            measure(name, run, data)
            close_all()


if __name__ == "__main__":
    main()
