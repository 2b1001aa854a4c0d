"""Work done once per server process at startup (not on every rerun).

One explicit list of plain imports: a missing module is an import error when the
server starts, never a task silently skipped (the signal-retention purge among them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from portal.signals.api import purge_on_startup

STARTUP_TASKS: tuple[Callable[[], None], ...] = (purge_on_startup,)

_done = False
_lock = threading.Lock()


def run_once() -> None:
    global _done
    with _lock:
        if _done:
            return
        _done = True
        for task in STARTUP_TASKS:
            task()
