"""Page benchmark: server-side rerun time of every page for every role that sees it,
at 1x, 10x and 100x data, against a bare Streamlit page measured in the same run.

    make bench                     # all scales
    python -m bench.pages --scales 1 10 --runs 10
    python -m bench.pages --scales 1 100 --pages oversikt --roles member --workdir /tmp/b

Budgets (printed, not asserted): at 100x every page's median rerun <= 150 ms, and the
100x median at most 2x the 1x median.

The bare page is measured in turn with every page (each page rerun paired with a bare
rerun, alternating which goes first), so the ×bare ratios of a page come from the same
moments as the page's own figures; the table shows the median ratio and the ratio of
the fastest runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import tempfile
from pathlib import Path

from bench.generate import generate
from bench.timing import Timing, bare_app, portal_page
from portal import auth
from portal.db.connection import close_all

ROLE_USERS = {
    "admin": "admin",
    "coordinator": "samordnare",
    "process_leader": "processledare",
    "member": "ledamot",
    "partner": "partner",
}
BUDGET_MS = 150.0
GROWTH = 2.0


def measure(
    scale: int,
    runs: int,
    workdir: Path,
    pages: list[str] | None = None,
    roles: list[str] | None = None,
) -> dict[tuple[str, str], Timing]:
    path = workdir / f"bench-{scale}x.duckdb"
    if not path.exists():
        generate(path, scale)
    os.environ["PORTAL_DB"] = str(path)
    close_all()
    bare = bare_app()
    results = {}
    for spec in auth.PAGES:
        if not auth.built(spec) or (pages and spec.url_path not in pages):
            continue
        for role in auth.ROLES:
            if auth.can(role, spec.permission) and (not roles or role in roles):
                results[(spec.url_path, role)] = portal_page(
                    ROLE_USERS[role], spec.path, runs, bare
                )
    close_all()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="keep the generated databases here and reuse them",
    )
    parser.add_argument("--pages", nargs="+", help="only these URL paths, e.g. oversikt moten")
    parser.add_argument("--roles", nargs="+", choices=list(ROLE_USERS), help="only these roles")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ.setdefault("PORTAL_COOKIE_KEY", "bench-" + "b" * 40)

    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        by_scale = {s: measure(s, args.runs, workdir, args.pages, args.roles) for s in args.scales}
    _print_table(by_scale)


def _print_table(by_scale: dict[int, dict[tuple[str, str], Timing]]) -> None:
    scales = sorted(by_scale)
    top, low = scales[-1], scales[0]
    head = ["page", "role"] + [f"{s}x median / p95 ms (×bare median, min)" for s in scales]
    head += [f"{top}x after a write ms", f"{top}x/{low}x", "budget"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    failures = 0
    for key in by_scale[low]:
        cells = [f"/{key[0]}", key[1]]
        for s in scales:
            tm = by_scale[s][key]
            cells.append(
                f"{tm.median_ms:.0f} / {tm.p95_ms:.0f} "
                f"(×{tm.ratio:.1f}, ×{tm.min_ratio:.1f})"
                + (f" {tm.errors} errors" if tm.errors else "")
            )
        growth = by_scale[top][key].median_ms / by_scale[low][key].median_ms
        ok = (
            by_scale[top][key].median_ms <= BUDGET_MS
            and growth <= GROWTH
            and not any(by_scale[s][key].errors for s in scales)
        )
        failures += 0 if ok else 1
        cells += [
            f"{by_scale[top][key].after_write_ms:.0f}",
            f"{growth:.2f}",
            "pass" if ok else "FAIL",
        ]
        print("| " + " | ".join(cells) + " |")
    bare = [tm.bare_median_ms for s in scales for tm in by_scale[s].values()]
    print(f"\nbare page, interleaved: median of medians {statistics.median(bare):.1f} ms")
    print(
        f"{failures} page/role combinations miss the budget "
        f"(median <= {BUDGET_MS:.0f} ms at {top}x, growth <= {GROWTH:.1f}x)."
    )


if __name__ == "__main__":
    main()
