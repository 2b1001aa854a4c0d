"""Timing of page reruns with AppTest, in this process (server-side script time)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from streamlit.testing.v1 import AppTest

from portal import ROOT
from portal.db import cache


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p95_ms: float
    errors: int
    after_write_ms: float = 0.0  # median rerun right after a write emptied the read cache
    min_ms: float = 0.0
    # The bare page measured in turn with this page (same moments, same machine load).
    bare_median_ms: float = 0.0
    bare_min_ms: float = 0.0

    @property
    def ratio(self) -> float:
        """Median over the interleaved bare page's median."""
        return self.median_ms / self.bare_median_ms if self.bare_median_ms else 0.0

    @property
    def min_ratio(self) -> float:
        """Fastest over the bare page's fastest: the least noisy view of the cost."""
        return self.min_ms / self.bare_min_ms if self.bare_min_ms else 0.0


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def _timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    return (time.perf_counter() - start) * 1000


def _after_writes(at: AppTest, runs: int) -> tuple[list[float], int]:
    """`runs` reruns, each right after a write emptied the read cache; and the errors."""
    samples, errors = [], 0
    for _ in range(runs):
        cache.invalidate()
        samples.append(_timed_run(at))
        errors += 1 if at.exception else 0
    return samples, errors


def time_reruns(at: AppTest, runs: int) -> Timing:
    """Time `runs` reruns of an AppTest that has already run once (warm caches), and
    `runs` reruns that each follow a write (the read cache emptied, as after a save)."""
    samples, errors = [], 0
    for _ in range(runs):
        samples.append(_timed_run(at))
        errors += 1 if at.exception else 0
    after_write, write_errors = _after_writes(at, runs)
    errors += write_errors
    return Timing(
        statistics.median(samples), _percentile(samples, 95), errors, statistics.median(after_write)
    )


def time_interleaved(at: AppTest, bare: AppTest, runs: int) -> Timing:
    """Like time_reruns, but every rerun of the page is paired with a rerun of the bare
    page, in alternating order, so both see the same machine load: a busy moment slows
    both and cannot flip a verdict (a baseline measured once, at the start, did)."""
    samples, base, errors = [], [], 0
    for i in range(runs):
        for which in (at, bare) if i % 2 == 0 else (bare, at):
            (samples if which is at else base).append(_timed_run(which))
        errors += 1 if at.exception else 0
    after_write, write_errors = _after_writes(at, runs)
    errors += write_errors
    return Timing(
        statistics.median(samples),
        _percentile(samples, 95),
        errors,
        statistics.median(after_write),
        min(samples),
        statistics.median(base),
        min(base),
    )


def bare_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=60)
    at.run()
    return at


def portal_page(username: str, page_path: str, runs: int, bare: AppTest | None = None) -> Timing:
    """The whole app (router, guards, navigation) as `username` on `page_path`; with
    `bare`, each rerun is interleaved with one of the bare page."""
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=60)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.run()
    at.switch_page(str(ROOT / page_path))
    at.run()
    return time_interleaved(at, bare, runs) if bare else time_reruns(at, runs)
