"""The annual report's time and peak memory per format at 1x and 100x, as the command
line makes it (`python -m portal report --year Y --format F`), one fresh process each.

    python -m bench.report_formats [--scales 1 100] [--year 2024] [--workdir data/bench]

Budget (printed, not asserted): at 100x every format <= 10 s and <= 3x its 1x time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from portal import ROOT

FORMATS = ("docx", "pdf", "xlsx")
BUDGET_S, GROWTH = 10.0, 3.0


def one(db: Path, year: int, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one report run in a fresh process."""
    env = {**os.environ, "PORTAL_DB": str(db)}
    command = [sys.executable, "-m", "portal", "report", "--year", str(year), "--format", fmt]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "-o", str(out)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not all children's
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"report --format {fmt} failed")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[int, str], tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            source = args.workdir / f"bench-{scale}x.duckdb"
            if not source.exists():
                generate(source, scale)
            db = Path(tmp) / f"report-{scale}x.duckdb"
            shutil.copy(source, db)  # a run never changes the kept database
            for fmt in FORMATS:
                out = Path(tmp) / f"report-{scale}x.{fmt}"
                results[(scale, fmt)] = one(db, args.year, fmt, out)
    low, top = min(args.scales), max(args.scales)
    print(
        "| format | "
        + " | ".join(f"{s}x s (peak MB)" for s in args.scales)
        + " | growth | budget |"
    )
    print("|---|" + "---|" * (len(args.scales) + 2))
    for fmt in FORMATS:
        cells = [f"{results[(s, fmt)][0]:.1f} ({results[(s, fmt)][1]:.0f})" for s in args.scales]
        growth = results[(top, fmt)][0] / results[(low, fmt)][0]
        ok = results[(top, fmt)][0] <= BUDGET_S and growth <= GROWTH
        print(
            f"| {fmt} | " + " | ".join(cells) + f" | {growth:.1f}x | {'pass' if ok else 'FAIL'} |"
        )


if __name__ == "__main__":
    main()
